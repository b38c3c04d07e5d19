/* ecall from U, S and M: causes 8, 9, 11; mepc = the ecall; mtval = 0;
 * MPP records the mode; returning with mepc + 4 continues after it. */
#include "test.h"
TEST_BEGIN
  /* M-mode */
  li a1, 0x1234
  csrw mtval, a1
  EXPECT_TRAP 1, CAUSE_ECALL_M, ecall
  CHECK_TRAP_TVAL 2, 0
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 3, a0, MSTATUS_MPP, MSTATUS_MPP_M
  CLEAR_TRAP
  SET_CHECK 4
  la tp, 2f
1:
  ecall
  j env_fail
2:
  li tp, 0
  CHECK_TRAP_EPC 5, 1b
  /* S-mode */
  GOTO_S
  EXPECT_TRAP 6, CAUSE_ECALL_S, ecall
  CHECK_TRAP_TVAL 7, 0
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 8, a0, MSTATUS_MPP, MSTATUS_MPP_S
  CHECK_TRAP_MODE 9, 3
  /* U-mode */
  GOTO_U
  EXPECT_TRAP 10, CAUSE_ECALL_U, ecall
  CHECK_TRAP_TVAL 11, 0
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 12, a0, MSTATUS_MPP, 0
  /* U-mode: epc is the ecall */
  GOTO_U
  CLEAR_TRAP
  SET_CHECK 13
  la tp, 2f
1:
  ecall
  j env_fail
2:
  li tp, 0
  CHECK_TRAP_EPC 14, 1b
  /* a system-call round trip: the handler returns to mepc + 4 in the
   * calling mode (tp = 1: skip); the caller continues in U-mode */
  GOTO_U
  li tp, 1
  li a0, 5
  ecall
  addi a0, a0, 1
  li tp, 0
  CHECK 15, a0, 6
  /* still in U-mode: an M CSR access traps */
  EXPECT_TRAP 16, CAUSE_ILLEGAL, csrr a0, mscratch
  TEST_PASS
