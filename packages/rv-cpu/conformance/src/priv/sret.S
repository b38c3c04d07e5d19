/* sret: returns to the mode in SPP at sepc; SIE = SPIE, SPIE = 1,
 * SPP = U. sret is legal in M and S (TSR=0), illegal in U. */
#include "test.h"
TEST_BEGIN
  /* 1-3: sret from M-mode with SPP=S, SPIE=1, SIE=0 lands in S with
   * SIE=1, SPIE=1, SPP=U */
  li a1, MSTATUS_SPP | MSTATUS_SPIE
  csrs mstatus, a1
  li a1, MSTATUS_SIE
  csrc mstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 1
  sret
  j env_fail
1:
  csrr a0, sstatus
  CHECK_MASK 1, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SIE | MSTATUS_SPIE
  /* in S: sscratch accessible, mscratch not */
  csrr a0, sscratch
  EXPECT_TRAP 2, CAUSE_ILLEGAL, csrr a0, mscratch
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 3, a0, MSTATUS_MPP, MSTATUS_MPP_S
  /* 4-6: in S: SPP=S, SPIE=0, SIE=1 -> sret stays in S with SIE=0, SPIE=1 */
  GOTO_S
  li a1, MSTATUS_SPP | MSTATUS_SIE
  csrs sstatus, a1
  li a1, MSTATUS_SPIE
  csrc sstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 4
  sret
  j env_fail
1:
  csrr a0, sstatus
  CHECK_MASK 4, a0, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SPIE
  csrr a0, sscratch
  /* 5-6: in S: SPP=U -> sret goes to U */
  li a1, MSTATUS_SPP
  csrc sstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 5
  sret
  j env_fail
1:
  EXPECT_TRAP 5, CAUSE_ILLEGAL, csrr a0, sscratch
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 6, a0, MSTATUS_MPP, 0
  /* 7: (sret clears MPRV: checked in noqemu/mprv_clear.S, QEMU 7.2
   * keeps MPRV) */
  /* 8-9: sret in U is illegal, tval = 0x10200073 */
  GOTO_U
  EXPECT_TRAP 8, CAUSE_ILLEGAL, sret
  CHECK_TRAP_TVAL 9, 0x10200073
  /* 10-12: TSR=1: sret in S is illegal; sret in M still works */
  li a1, MSTATUS_TSR
  csrs mstatus, a1
  GOTO_S
  EXPECT_TRAP 10, CAUSE_ILLEGAL, sret
  CHECK_TRAP_TVAL 11, 0x10200073
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 12, a0, MSTATUS_MPP, MSTATUS_MPP_S
  li a1, MSTATUS_SPP
  csrs mstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 13
  sret
  j env_fail
1:
  csrr a0, sscratch
  GOTO_M
  /* 14: TSR=0 again: sret in S works */
  li a1, MSTATUS_TSR
  csrc mstatus, a1
  GOTO_S
  li a1, MSTATUS_SPP
  csrs sstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 14
  sret
  j env_fail
1:
  csrr a0, sscratch
  TEST_PASS
