/* Machine software interrupt through the CLINT msip register (+0):
 * mip.MSIP follows msip, is read-only in mip; the interrupt is taken in M
 * with MIE=1, and from S/U regardless of MIE. */
#include "test.h"
#define INTR_MSI (CAUSE_INTR | IRQ_MSI)
TEST_BEGIN
  csrw mie, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  MSIP_SET a1, 0
  csrr a0, mip
  CHECK_MASK 1, a0, MIP_MSIP, 0
  MSIP_SET a1, 1
  csrr a0, mip
  CHECK_MASK 2, a0, MIP_MSIP, MIP_MSIP
  lw a0, 0(a1)
  CHECK 3, a0, 1
  /* read-only in mip */
  li a1, MIP_MSIP
  csrc mip, a1
  csrr a0, mip
  CHECK_MASK 4, a0, MIP_MSIP, MIP_MSIP
  MSIP_SET a1, 0
  li a1, MIP_MSIP
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 5, a0, MIP_MSIP, 0
  /* enabled in mie, MIE=0: not taken */
  li a1, MIP_MSIP
  csrs mie, a1
  MSIP_SET a1, 1
  SPIN_NO_TRAP 6, 1000
  /* MIE=1: taken */
  EXPECT_IRQ 7, 1000, nop, csrsi mstatus, MSTATUS_MIE
  TRAP_FIELD a0, TI_CAUSE
  CHECK 7, a0, INTR_MSI
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 8, a0, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M
  /* mepc points into the wait loop or its setup (the interrupted pc) */
  TRAP_FIELD a0, TI_EPC
  la a1, test_main
  SET_CHECK 9
  bltu a0, a1, 1f
  la a1, test_end
  bgeu a0, a1, 1f
  j 2f
1:
  j env_fail
2:
  /* clearing msip clears the interrupt */
  MSIP_SET a1, 0
  csrsi mstatus, MSTATUS_MIE
  SPIN_NO_TRAP 10, 1000
  csrci mstatus, MSTATUS_MIE
  /* from S with MIE=0 */
  MSIP_SET a1, 1
  li a1, MSTATUS_MPIE
  csrc mstatus, a1
  EXPECT_IRQ 11, 1000, nop, GOTO_S
  TRAP_FIELD a0, TI_CAUSE
  CHECK 11, a0, INTR_MSI
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 12, a0, MSTATUS_MPP | MSTATUS_MPIE, MSTATUS_MPP_S
  /* from U with MIE=0 */
  li a1, MSTATUS_MPIE
  csrc mstatus, a1
  EXPECT_IRQ 13, 1000, nop, GOTO_U
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 14, a0, MSTATUS_MPP | MSTATUS_MPIE, 0
  /* MSIE=0 masks it, even in U */
  li a1, MIP_MSIP
  csrc mie, a1
  GOTO_U
  SPIN_NO_TRAP 15, 1000
  GOTO_M
  /* an M interrupt is not delegated by mideleg (MSI is not delegable,
   * and even if a bit stuck, it must still be taken in M): with SIE=1 in S
   * and mideleg all ones, MSI goes to M */
  li a1, -1
  csrw mideleg, a1
  li a1, MIP_MSIP
  csrs mie, a1
  csrsi sstatus, MSTATUS_SIE
  EXPECT_IRQ 16, 1000, nop, GOTO_S
  CHECK_TRAP_MODE 16, 3
  TRAP_FIELD a0, TI_CAUSE
  CHECK 17, a0, INTR_MSI
  MSIP_SET a1, 0
  csrw mideleg, zero
  csrw mie, zero
  csrci sstatus, MSTATUS_SIE
  TEST_PASS
test_end:
