/* NOQEMU (not run by check-qemu; QEMU's spike machine has no time CSR):
 * the time CSR reads the CLINT mtime; it is readable in M, does not go
 * backwards and advances; it is read-only; mcounteren.TM gates S and U,
 * scounteren.TM gates U. */
#include "test.h"
TEST_BEGIN
  CLEAR_TRAP
  csrr a1, time
  CHECK_NO_TRAP 1
  /* advances */
  li a3, 10000000
1:
  csrr a2, time
  bne a2, a1, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 2
2:
  SET_CHECK 3
  bgeu a2, a1, 2f
  j env_fail
2:
  /* consistent with mtime: time1 <= mtime <= time2 */
  csrr a1, time
  li a4, CLINT_MTIME
  ld a2, 0(a4)
  csrr a3, time
  SET_CHECK 4
  bltu a2, a1, 1f
  bltu a3, a2, 1f
  j 2f
1:
  j env_fail
2:
  /* read-only */
  EXPECT_TRAP 5, CAUSE_ILLEGAL, csrw time, zero
  /* gating */
  li a1, 2
  csrw mcounteren, a1
  csrw scounteren, zero
  GOTO_S
  CLEAR_TRAP
  csrr a0, time
  CHECK_NO_TRAP 6
  GOTO_M
  GOTO_U
  EXPECT_TRAP 7, CAUSE_ILLEGAL, csrr a0, time
  li a1, 2
  csrw scounteren, a1
  GOTO_U
  CLEAR_TRAP
  csrr a0, time
  CHECK_NO_TRAP 8
  GOTO_M
  csrw mcounteren, zero
  GOTO_S
  EXPECT_TRAP 9, CAUSE_ILLEGAL, csrr a0, time
  GOTO_U
  EXPECT_TRAP 10, CAUSE_ILLEGAL, csrr a0, time
  li a1, 7
  csrw mcounteren, a1
  csrw scounteren, a1
  TEST_PASS
