/* mret: returns to the mode in MPP at mepc; MIE = MPIE, MPIE = 1,
 * MPP = U (least-privileged mode); MPRV kept when returning to M.
 * mret is illegal in S and U. */
#include "test.h"

/* mret from M to label with MPP = mpp (bits), MPIE = mpie, MIE = mie */
.macro MRET_TO mpp, mpie, mie, target
  li t6, MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE
  csrc mstatus, t6
  li t6, \mpp | \mpie | \mie
  csrs mstatus, t6
  la t6, \target
  csrw mepc, t6
  mret
.endm

TEST_BEGIN
  csrw mie, zero
  /* 1-3: back to M with MPIE=1, MIE=0 -> MIE=1, MPIE=1, MPP=U */
  SET_CHECK 1
  MRET_TO MSTATUS_MPP_M, MSTATUS_MPIE, 0, 1f
  j env_fail
1:
  csrr a0, mstatus
  CHECK_MASK 1, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MIE | MSTATUS_MPIE
  /* still M-mode: M CSRs accessible */
  csrr a0, mscratch
  /* 2: MPIE=0, MIE=1 -> MIE=0, MPIE=1 */
  SET_CHECK 2
  MRET_TO MSTATUS_MPP_M, 0, MSTATUS_MIE, 1f
  j env_fail
1:
  csrr a0, mstatus
  CHECK_MASK 2, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE
  /* 3-6: to S-mode with MPIE=1: in S, sscratch works, mscratch traps;
   * the trap records MPP=S and MPIE = the MIE that mret set (1) */
  SET_CHECK 3
  MRET_TO MSTATUS_MPP_S, MSTATUS_MPIE, 0, 1f
  j env_fail
1:
  csrr a0, sscratch
  EXPECT_TRAP 4, CAUSE_ILLEGAL, csrr a0, mscratch
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 5, a0, MSTATUS_MPP | MSTATUS_MPIE, MSTATUS_MPP_S | MSTATUS_MPIE
  /* 6-7: to S-mode with MPIE=0: MIE was 0 in S */
  SET_CHECK 6
  MRET_TO MSTATUS_MPP_S, 0, MSTATUS_MIE, 1f
  j env_fail
1:
  EXPECT_TRAP 6, CAUSE_ILLEGAL, csrr a0, mscratch
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 7, a0, MSTATUS_MPP | MSTATUS_MPIE, MSTATUS_MPP_S
  /* 8-9: to U-mode: sscratch traps, recorded MPP=U */
  SET_CHECK 8
  MRET_TO 0, MSTATUS_MPIE, 0, 1f
  j env_fail
1:
  EXPECT_TRAP 8, CAUSE_ILLEGAL, csrr a0, sscratch
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 9, a0, MSTATUS_MPP, 0
  /* 10-12: mepc pointing at a 2-byte aligned instruction */
  SET_CHECK 10
  MRET_TO MSTATUS_MPP_M, 0, 0, 3f
  j env_fail
  .align 2
  .hword 0x0001
3:
  li a0, 10
  CHECK 10, a0, 10
  /* (checks 11-12, MPRV cleared by an mret to U or S, are
   * noqemu/mprv_clear.S: QEMU 7.2 keeps MPRV) */
  /* 13: MPRV is kept by an mret to M */
  li a1, MSTATUS_MPRV
  csrs mstatus, a1
  SET_CHECK 13
  MRET_TO MSTATUS_MPP_M, 0, 0, 1f
1:
  csrr a0, mstatus
  li a1, MSTATUS_MPRV
  csrc mstatus, a1
  CHECK_MASK 13, a0, MSTATUS_MPRV, MSTATUS_MPRV
  /* 14-17: mret in S and U is illegal, tval = 0x30200073 */
  GOTO_S
  EXPECT_TRAP 14, CAUSE_ILLEGAL, mret
  CHECK_TRAP_TVAL 15, 0x30200073
  GOTO_U
  EXPECT_TRAP 16, CAUSE_ILLEGAL, mret
  CHECK_TRAP_TVAL 17, 0x30200073
  TEST_PASS
