/* wfi: returns when an interrupt is pending and enabled in mie, even if
 * it is globally disabled (then no trap is taken and execution continues
 * after the wfi); with the interrupt globally enabled it is taken and
 * mepc points to the instruction after the wfi. */
#include "test.h"
TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  MSIP_SET a1, 0
  /* 1: MSI pending + enabled, MIE=0: wfi returns, no trap */
  li a1, MIP_MSIP
  csrw mie, a1
  MSIP_SET a1, 1
  CLEAR_TRAP
  SET_CHECK 1
  wfi
  CHECK_NO_TRAP 1
  MSIP_SET a1, 0
  /* 2-3: timer in the future, MIE=0: wfi (in a loop, since a wfi may also
   * return early) wakes up once MTIP is set, with no trap */
  li a1, MIP_MTIP
  csrw mie, a1
  MTIMECMP_IN a1, 100
  CLEAR_TRAP
  SET_CHECK 2
  li a3, 100000000
1:
  wfi
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  j env_fail
2:
  CHECK_NO_TRAP 3
  MTIMECMP_NEVER a1
  /* 4-5: with MIE=1 the interrupt is taken; when it wakes the wfi, mepc =
   * wfi + 4 (the deadline is far enough for the wfi to be reached first
   * on QEMU; an interrupt arriving before the wfi has mepc = the wfi) */
  MTIMECMP_IN a1, 2000
  CLEAR_TRAP
  SET_CHECK 4
  la tp, 3f
  csrsi mstatus, MSTATUS_MIE
wfi_insn:
  wfi
  /* a wfi that returned before the interrupt arrived: spin for it */
  li a3, 100000000
1:
  addi a3, a3, -1
  bnez a3, 1b
wfi_spin_end:
  j env_fail
3:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 4, a0, CAUSE_INTR | IRQ_MTI
  /* mepc is the instruction after the wfi, or, for a wfi that returned
   * early, a pc inside the spin loop after it (or the wfi itself if the
   * interrupt came first) */
  TRAP_FIELD a0, TI_EPC
  la a1, wfi_insn
  SET_CHECK 5
  bltu a0, a1, 1f
  la a1, wfi_spin_end
  bgtu a0, a1, 1f
  j 2f
1:
  j env_fail
2:
  MTIMECMP_NEVER a1
  /* 6: S-level interrupt (SSI, not delegated) enabled in mie but MIE=0:
   * wfi returns in M-mode without a trap */
  li a1, MIP_SSIP
  csrw mie, a1
  csrs mip, a1
  CLEAR_TRAP
  SET_CHECK 6
  wfi
  CHECK_NO_TRAP 6
  csrw mip, zero
  /* 7: delegated SSI pending, S-mode with SIE=0: wfi returns, no trap */
  li a1, MIP_SSIP
  csrw mideleg, a1
  csrs mip, a1
  GOTO_S
  CLEAR_TRAP
  SET_CHECK 7
  wfi
  CHECK_NO_TRAP 7
  csrci sip, MIP_SSIP
  GOTO_M
  csrw mie, zero
  csrw mideleg, zero
  TEST_PASS
