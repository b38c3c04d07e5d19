/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec):
 * Zicsr: csrrs/csrrc with rs1 != x0 always write the CSR, even when the
 * register holds 0 ("the instruction will still attempt to write the
 * unmodified value back"), so on a read-only CSR they raise illegal
 * instruction. QEMU 7.2 only traps when the mask is non-zero (fails at 1). */
#include "test.h"
TEST_BEGIN
  li a1, 0
  li a0, 0x5a
  EXPECT_TRAP 1, CAUSE_ILLEGAL, csrrs a0, mhartid, a1
  CHECK 2, a0, 0x5a
  EXPECT_TRAP 3, CAUSE_ILLEGAL, csrrc a0, mhartid, a1
  EXPECT_TRAP 4, CAUSE_ILLEGAL, csrrs a0, mvendorid, a1
  EXPECT_TRAP 5, CAUSE_ILLEGAL, csrrc a0, cycle, a1
  EXPECT_TRAP 6, CAUSE_ILLEGAL, csrrs x0, marchid, a1
  TEST_PASS
