/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec): mstatus.MPP is WARL and can hold only
 * implemented privilege modes (priv spec, "xPP fields are WARL fields that
 * can hold only privilege mode x and any implemented privilege mode lower
 * than x"). Encoding 2 is reserved, so writing it must read back 0, 1 or 3.
 * QEMU 7.2 stores 2 (fails at check 1). */
#include "test.h"
TEST_BEGIN
  li a1, MSTATUS_MPP
  csrc mstatus, a1
  li a1, (2 << 11)
  csrs mstatus, a1
  csrr a0, mstatus
  srli a0, a0, 11
  andi a0, a0, 3
  CHECK_NE 1, a0, 2
  /* same through a full csrw */
  li a1, (2 << 11)
  csrw mstatus, a1
  csrr a0, mstatus
  srli a0, a0, 11
  andi a0, a0, 3
  CHECK_NE 2, a0, 2
  csrw mstatus, zero
  TEST_PASS
