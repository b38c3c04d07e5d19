/* Counters: cycle/instret readable and advancing (time: noqemu/time_csr.S); minstret/mcycle
 * writable from M; mcounteren gates S and U access, scounteren gates U
 * access (illegal instruction when the bit is clear); M is never gated. */
#include "test.h"
TEST_BEGIN
  /* instret advances by at least the instructions executed */
  csrr a1, instret
  li a3, 1000
1:
  addi a3, a3, -1
  bnez a3, 1b
  csrr a2, instret
  sub a0, a2, a1
  SET_CHECK 1
  li a3, 2000
  bgeu a0, a3, 2f
  j env_fail
2:
  /* cycle is readable and does not go backwards */
  csrr a1, cycle
  csrr a2, cycle
  SET_CHECK 2
  bgeu a2, a1, 2f
  j env_fail
2:
  /* mcycle/minstret are the same counters as cycle/instret */
  csrr a1, minstret
  csrr a2, instret
  SET_CHECK 3
  bgeu a2, a1, 2f
  j env_fail
2:
  /* minstret is writable */
  li a1, 1000000
  csrw minstret, a1
  csrr a0, minstret
  SET_CHECK 4
  bgeu a0, a1, 2f
  j env_fail
2:
  li a1, 0x100000000
  csrw minstret, a1
  csrr a0, instret
  SET_CHECK 5
  bgeu a0, a1, 2f
  j env_fail
2:
  CLEAR_TRAP
  csrw mcycle, zero
  CHECK_NO_TRAP 6
  /* (the time CSR is checked in noqemu/time_csr.S: QEMU's spike machine
   * has no time CSR) */
  /* mcounteren = 0: S and U cannot read cycle/time/instret */
  csrw mcounteren, zero
  li a1, 7
  csrw scounteren, a1
  GOTO_S
  EXPECT_TRAP 9, CAUSE_ILLEGAL, csrr a0, cycle
  CHECK_TRAP_TVAL_INSN 10
  GOTO_S
  EXPECT_TRAP 11, CAUSE_ILLEGAL, csrr a0, time
  GOTO_S
  EXPECT_TRAP 12, CAUSE_ILLEGAL, csrr a0, instret
  GOTO_U
  EXPECT_TRAP 13, CAUSE_ILLEGAL, csrr a0, cycle
  GOTO_U
  EXPECT_TRAP 14, CAUSE_ILLEGAL, csrr a0, time
  GOTO_U
  EXPECT_TRAP 15, CAUSE_ILLEGAL, csrr a0, instret
  /* M-mode is not gated */
  CLEAR_TRAP
  csrr a0, cycle
  csrr a0, instret
  CHECK_NO_TRAP 16
  /* individual bits: CY (0), TM (1), IR (2) */
  li a1, 1
  csrw mcounteren, a1
  GOTO_S
  CLEAR_TRAP
  csrr a0, cycle
  CHECK_NO_TRAP 17
  EXPECT_TRAP 18, CAUSE_ILLEGAL, csrr a0, instret
  li a1, 6
  csrw mcounteren, a1
  GOTO_S
  EXPECT_TRAP 20, CAUSE_ILLEGAL, csrr a0, cycle
  li a1, 4
  csrw mcounteren, a1
  GOTO_S
  CLEAR_TRAP
  csrr a0, instret
  CHECK_NO_TRAP 21
  EXPECT_TRAP 22, CAUSE_ILLEGAL, csrr a0, cycle
  /* mcounteren = 7, scounteren = 0: S may read, U may not */
  li a1, 7
  csrw mcounteren, a1
  csrw scounteren, zero
  GOTO_S
  CLEAR_TRAP
  csrr a0, cycle
  csrr a0, instret
  CHECK_NO_TRAP 23
  GOTO_M
  GOTO_U
  EXPECT_TRAP 24, CAUSE_ILLEGAL, csrr a0, cycle
  GOTO_U
  EXPECT_TRAP 25, CAUSE_ILLEGAL, csrr a0, time
  GOTO_U
  EXPECT_TRAP 26, CAUSE_ILLEGAL, csrr a0, instret
  /* scounteren bit set but mcounteren bit clear: U still cannot read */
  li a1, 6
  csrw mcounteren, a1
  li a1, 7
  csrw scounteren, a1
  GOTO_U
  EXPECT_TRAP 27, CAUSE_ILLEGAL, csrr a0, cycle
  GOTO_U
  CLEAR_TRAP
  csrr a0, instret
  CHECK_NO_TRAP 28
  GOTO_M
  /* both set: U may read */
  li a1, 7
  csrw mcounteren, a1
  GOTO_U
  CLEAR_TRAP
  csrr a0, cycle
  CHECK_NO_TRAP 29
  GOTO_M
  /* mcounteren/scounteren hold their low bits */
  li a1, 5
  csrw mcounteren, a1
  csrr a0, mcounteren
  CHECK_MASK 30, a0, 7, 5
  li a1, 2
  csrw scounteren, a1
  csrr a0, scounteren
  CHECK_MASK 31, a0, 7, 2
  TEST_PASS
