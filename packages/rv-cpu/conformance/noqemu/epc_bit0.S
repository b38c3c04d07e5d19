/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec): "mepc[0] is always zero" and likewise
 * sepc[0] (priv spec, mepc/sepc are WARL and hold only valid instruction
 * addresses). Writing an odd value must read back with bit 0 clear.
 * QEMU 7.2 keeps bit 0 (fails at check 1). */
#include "test.h"
TEST_BEGIN
  li a1, 0x80001003
  csrw mepc, a1
  csrr a0, mepc
  CHECK 1, a0, 0x80001002
  li a1, -1
  csrw mepc, a1
  csrr a0, mepc
  CHECK 2, a0, 0xfffffffffffffffe
  li a1, 0x80001003
  csrw sepc, a1
  csrr a0, sepc
  CHECK 3, a0, 0x80001002
  li a1, -1
  csrw sepc, a1
  csrr a0, sepc
  CHECK 4, a0, 0xfffffffffffffffe
  TEST_PASS
