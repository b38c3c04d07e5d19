/* mstatus.TW: with TW=1, wfi in S or U raises illegal instruction
 * (tval = 0x10500073); wfi in M is unaffected. With TW=0, wfi in S
 * completes (here with an interrupt pending, so it cannot wait forever);
 * wfi in U may either complete or trap (both allowed with S-mode). */
#include "test.h"
TEST_BEGIN
  csrw mie, zero
  li a1, MSTATUS_TW
  csrs mstatus, a1
  GOTO_S
  EXPECT_TRAP 1, CAUSE_ILLEGAL, wfi
  CHECK_TRAP_TVAL 2, 0x10500073
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 3, a0, MSTATUS_MPP, MSTATUS_MPP_S
  GOTO_U
  EXPECT_TRAP 4, CAUSE_ILLEGAL, wfi
  CHECK_TRAP_TVAL 5, 0x10500073
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 6, a0, MSTATUS_MPP, 0
  /* 7: TW=1 does not affect M-mode: wfi with a pending, enabled (but
   * globally disabled, MIE=0) interrupt completes without a trap */
  CLEAR_TRAP
  li a1, MIP_SSIP
  csrs mie, a1
  csrs mip, a1
  wfi
  CHECK_NO_TRAP 7
  csrc mip, a1
  csrc mie, a1
  /* 8: TW=0, S-mode: delegated SSI pending and enabled in sie, SIE=0:
   * the interrupt is not taken, wfi completes */
  li a1, MSTATUS_TW
  csrc mstatus, a1
  li a1, MIP_SSIP
  csrs mideleg, a1
  csrs mie, a1
  csrs mip, a1
  CLEAR_TRAP
  GOTO_S
  csrci sstatus, MSTATUS_SIE
  wfi
  GOTO_M
  CHECK_TRAP_COUNT 8, 1          /* only the GOTO_M ecall */
  li a1, MIP_SSIP
  csrc mip, a1
  csrc mie, a1
  csrc mideleg, a1
  /* 9: TW=0, U-mode, nothing pending: either completes or traps illegal */
  CLEAR_TRAP
  GOTO_U
  SET_CHECK 9
  la tp, 1f
  wfi
1:
  li tp, 0
  GOTO_M
  TRAP_FIELD a0, TI_COUNT
  /* one trap (the GOTO_M ecall) if wfi completed, else the wfi trap was
   * followed by GOTO_M from M-mode (ecall from M) */
  SET_CHECK 9
  li a1, 1
  beq a0, a1, 2f
  CHECK 9, a0, 2
2:
  TEST_PASS
