/* Supervisor software interrupt (mip.SSIP), not delegated and delegated:
 * global enables per mode (an interrupt for a more privileged mode is
 * taken regardless of that mode's xIE while running in a less privileged
 * mode; an S interrupt is never taken in M-mode), trap CSR updates. */
#include "test.h"
#define INTR_SSI (CAUSE_INTR | IRQ_SSI)
TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  /* ---- not delegated: an M-mode interrupt ---- */
  li a1, MIP_SSIP
  csrs mie, a1
  csrs mip, a1
  /* 1: M-mode, MIE=0: not taken */
  SPIN_NO_TRAP 1, 1000
  /* 2-4: setting MIE takes it: cause, MPIE=1, MIE=0, MPP=M, M handler */
  EXPECT_IRQ 2, 1000, nop, csrsi mstatus, MSTATUS_MIE
  TRAP_FIELD a0, TI_CAUSE
  CHECK 2, a0, INTR_SSI
  CHECK_TRAP_MODE 3, 3
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 4, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M
  /* the handler runs with MIE=0, the interrupt is still pending */
  csrr a0, mip
  CHECK_MASK 5, a0, MIP_SSIP, MIP_SSIP
  /* mstatus after the trap: MIE=0 */
  csrr a0, mstatus
  CHECK_MASK 6, a0, MSTATUS_MIE, 0
  /* 7-8: S-mode with MIE=0 (MPIE=0 before the mret): taken into M (MPP=S,
   * MPIE=0 proves MIE was 0) */
  li a1, MSTATUS_MPIE
  csrc mstatus, a1
  EXPECT_IRQ 7, 1000, nop, GOTO_S
  TRAP_FIELD a0, TI_CAUSE
  CHECK 7, a0, INTR_SSI
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 8, a0, MSTATUS_MPP | MSTATUS_MPIE, MSTATUS_MPP_S
  CHECK_TRAP_MODE 9, 3
  /* 10-11: U-mode with MIE=0: taken into M (MPP=U) */
  li a1, MSTATUS_MPIE
  csrc mstatus, a1
  EXPECT_IRQ 10, 1000, nop, GOTO_U
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 11, a0, MSTATUS_MPP | MSTATUS_MPIE, 0
  /* 12: mie.SSIE = 0 masks it in every mode */
  li a1, MIP_SSIP
  csrc mie, a1
  GOTO_U
  SPIN_NO_TRAP 12, 1000
  GOTO_M
  li a1, MIP_SSIP
  csrc mip, a1
  /* ---- delegated: an S-mode interrupt ---- */
  li a1, MIP_SSIP
  csrs mideleg, a1
  csrs mie, a1
  csrs mip, a1
  /* 13: M-mode with MIE=1 and SIE=1: an S interrupt is not taken in M */
  li a1, MSTATUS_MIE | MSTATUS_SIE
  csrs mstatus, a1
  SPIN_NO_TRAP 13, 1000
  li a1, MSTATUS_MIE
  csrc mstatus, a1
  /* 14-18: entering S with SIE=1 takes it in S */
  EXPECT_IRQ 14, 1000, nop, GOTO_S
  CHECK_TRAP_MODE 14, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 15, a0, INTR_SSI
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 16, a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE, MSTATUS_SPP | MSTATUS_SPIE
  csrr a0, scause
  CHECK 17, a0, INTR_SSI
  /* S can see and clear the pending bit through sip */
  csrr a0, sip
  CHECK_MASK 18, a0, MIP_SSIP, MIP_SSIP
  csrci sip, MIP_SSIP
  csrr a0, sip
  CHECK_MASK 19, a0, MIP_SSIP, 0
  /* 20-21: S-mode with SIE=0: not taken; setting SIE takes it */
  csrsi sip, MIP_SSIP
  SPIN_NO_TRAP 20, 1000
  EXPECT_IRQ 21, 1000, nop, csrsi sstatus, MSTATUS_SIE
  CHECK_TRAP_MODE 21, 1
  /* 22-23: U-mode with SIE=0: taken in S (SPP=U) */
  GOTO_M
  EXPECT_IRQ 22, 1000, nop, GOTO_U
  CHECK_TRAP_MODE 22, 1
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 23, a0, MSTATUS_SPP, 0
  /* 24: software in S raises its own interrupt through sip */
  csrci sip, MIP_SSIP
  csrsi sstatus, MSTATUS_SIE
  EXPECT_IRQ 24, 1000, nop, csrsi sip, MIP_SSIP
  TRAP_FIELD a0, TI_CAUSE
  CHECK 24, a0, INTR_SSI
  csrci sip, MIP_SSIP
  GOTO_M
  csrw mie, zero
  csrw mideleg, zero
  TEST_PASS
