/* ebreak: breakpoint (cause 3) from M, S and U; mepc = the ebreak;
 * mtval is either the pc or 0 (the spec allows both). */
#include "test.h"
TEST_BEGIN
  CLEAR_TRAP
  SET_CHECK 1
  la tp, 2f
1:
  ebreak
  j env_fail
2:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 1, a0, CAUSE_BREAKPOINT
  CHECK_TRAP_EPC 2, 1b
  TRAP_FIELD a0, TI_TVAL
  la a1, 1b
  SET_CHECK 3
  beqz a0, 3f
  CHECK_EQ 3, a0, a1
3:
  /* the instruction bits at mepc are ebreak (0x00100073) */
  jal t5, env_insn_at_epc
  CHECK 4, t6, 0x00100073
  /* from S-mode */
  GOTO_S
  EXPECT_TRAP 5, CAUSE_BREAKPOINT, ebreak
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 6, a0, MSTATUS_MPP, MSTATUS_MPP_S
  /* from U-mode */
  GOTO_U
  CLEAR_TRAP
  SET_CHECK 7
  la tp, 2f
1:
  ebreak
  j env_fail
2:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 7, a0, CAUSE_BREAKPOINT
  CHECK_TRAP_EPC 8, 1b
  TRAP_FIELD a0, TI_TVAL
  la a1, 1b
  SET_CHECK 9
  beqz a0, 3f
  CHECK_EQ 9, a0, a1
3:
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 10, a0, MSTATUS_MPP, 0
  /* resuming after ebreak (mepc + 4) */
  li tp, 1
  li a0, 1
  ebreak
  addi a0, a0, 1
  li tp, 0
  CHECK 11, a0, 2
  TEST_PASS
