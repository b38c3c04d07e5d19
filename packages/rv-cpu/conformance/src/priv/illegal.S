/* Illegal-instruction exceptions (cause 2): mepc = the instruction,
 * mtval = the instruction bits; trap entry updates MPP/MPIE/MIE. */
#include "test.h"
TEST_BEGIN
  /* 1-2: the all-zero 16-bit encoding is illegal; tval = 0 */
  .option push
  .option rvc
  EXPECT_TRAP 1, CAUSE_ILLEGAL, .hword 0x0000
  .option pop
  CHECK_TRAP_TVAL 2, 0
  /* 5-7: custom-0 opcode (not implemented) */
  EXPECT_TRAP 5, CAUSE_ILLEGAL, .word 0x0000000b
  CHECK_TRAP_TVAL 6, 0x0000000b
  CHECK_TRAP_TVAL_INSN 7
  /* 8-9: all-ones 32-bit word */
  EXPECT_TRAP 8, CAUSE_ILLEGAL, .word 0xffffffff
  CHECK_TRAP_TVAL_INSN 9
  /* 10-11: slliw with shamt[5] = 1 is reserved in RV64 */
  EXPECT_TRAP 10, CAUSE_ILLEGAL, .word 0x0205151b
  CHECK_TRAP_TVAL 11, 0x0205151b
  /* 12-15: floating point with mstatus.FS = Off (priv/fs_state.S has the
   * rest): flw f0, 0(a0) */
  li a1, MSTATUS_FS
  csrc mstatus, a1
  EXPECT_TRAP 12, CAUSE_ILLEGAL, .word 0x00052007
  CHECK_TRAP_TVAL 13, 0x00052007
  /* c.fld fs0, 0(a0) = 0x2100 */
  EXPECT_TRAP 14, CAUSE_ILLEGAL, .hword 0x2100
  CHECK_TRAP_TVAL 15, 0x2100
  /* 16-18: unknown / unimplemented CSR numbers */
  EXPECT_TRAP 16, CAUSE_ILLEGAL, csrr a0, 0x0ff
  CHECK_TRAP_TVAL_INSN 17
  EXPECT_TRAP 18, CAUSE_ILLEGAL, csrw 0x1ff, a0
  CHECK_TRAP_TVAL_INSN 19
  /* 20: cycleh (0xc80) exists only on RV32 */
  EXPECT_TRAP 20, CAUSE_ILLEGAL, csrr a0, 0xc80
  CHECK_TRAP_TVAL_INSN 21
  /* 22: mstatush (0x310) is RV32-only */
  EXPECT_TRAP 22, CAUSE_ILLEGAL, csrr a0, 0x310
  /* 23-26: mepc and trap-entry mstatus fields: MIE=1 before the trap
   * gives MPIE=1, MIE=0, MPP=M */
  CLEAR_TRAP
  li a1, MSTATUS_MIE
  csrs mstatus, a1
  SET_CHECK 23
  la tp, 2f
3:
  .word 0x0000000b
  j env_fail
2:
  li tp, 0
  CHECK_TRAP_EPC 24, 3b
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 25, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M
  /* MIE=0 before the trap gives MPIE=0 */
  EXPECT_TRAP 26, CAUSE_ILLEGAL, .word 0x0000000b
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 27, a0, MSTATUS_MIE | MSTATUS_MPIE, 0
  /* 28-30: a compressed illegal instruction at a 2-byte aligned pc */
  CLEAR_TRAP
  SET_CHECK 28
  la tp, 2f
  .option push
  .option rvc
  c.nop
3:
  .hword 0x0000
  .option pop
  j env_fail
2:
  li tp, 0
  CHECK_TRAP_EPC 29, 3b
  TRAP_FIELD a0, TI_CAUSE
  CHECK 30, a0, CAUSE_ILLEGAL
  /* 31: illegal instruction from U-mode: MPP = U */
  GOTO_U
  EXPECT_TRAP 31, CAUSE_ILLEGAL, .word 0x0000000b
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 32, a0, MSTATUS_MPP, 0
  CHECK_TRAP_TVAL 33, 0x0000000b
  /* 34: from S-mode: MPP = S */
  GOTO_S
  EXPECT_TRAP 34, CAUSE_ILLEGAL, .word 0x0000000b
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 35, a0, MSTATUS_MPP, MSTATUS_MPP_S
  TEST_PASS
