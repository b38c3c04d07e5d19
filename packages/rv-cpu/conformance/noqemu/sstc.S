/* NOQEMU (not run by check-qemu; QEMU's spike machine has no time CSR and
 * so no Sstc): S-mode timer through Sstc. menvcfg.STCE (bit 63) enables
 * stimecmp; while STCE=1, mip.STIP = (time >= stimecmp) and is read-only;
 * S access to stimecmp needs STCE=1 and mcounteren.TM=1. */
#include "test.h"
TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  /* STCE=0: S-mode cannot access stimecmp */
  csrw CSR_MENVCFG, zero
  GOTO_S
  EXPECT_TRAP 1, CAUSE_ILLEGAL, csrr a0, CSR_STIMECMP
  /* STCE is writable */
  li a1, 1
  slli a1, a1, 63
  csrs CSR_MENVCFG, a1
  csrr a0, CSR_MENVCFG
  CHECK_MASK 2, a0, (1 << 63), (1 << 63)
  /* STCE=1 but mcounteren.TM=0: still illegal from S */
  li a1, 5
  csrw mcounteren, a1
  GOTO_S
  EXPECT_TRAP 3, CAUSE_ILLEGAL, csrw CSR_STIMECMP, zero
  li a1, 7
  csrw mcounteren, a1
  /* M-mode: stimecmp is a full 64-bit register */
  li a1, -1
  csrw CSR_STIMECMP, a1
  csrr a0, CSR_STIMECMP
  CHECK 4, a0, -1
  /* stimecmp in the far future: STIP = 0, and mip.STIP is read-only */
  li a3, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_STIP
  beqz a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 5
2:
  li a1, MIP_STIP
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 6, a0, MIP_STIP, 0
  /* stimecmp = 0: STIP = 1 and cannot be cleared through mip */
  csrw CSR_STIMECMP, zero
  li a3, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_STIP
  bnez a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 7
2:
  li a1, MIP_STIP
  csrc mip, a1
  csrr a0, mip
  CHECK_MASK 8, a0, MIP_STIP, MIP_STIP
  li a1, -1
  csrw CSR_STIMECMP, a1
  /* delegated S timer interrupt: S programs stimecmp = time + small,
   * enables, waits with wfi; taken in S with scause = interrupt 5 */
  li a1, MIP_STIP
  csrw mideleg, a1
  csrw mie, a1
  li a1, MSTATUS_SIE
  csrc mstatus, a1
  GOTO_S
  csrr a0, CSR_STIMECMP
  CHECK 9, a0, -1
  csrr a0, time
  addi a0, a0, 100
  csrw CSR_STIMECMP, a0
  EXPECT_IRQ 10, 100000000, wfi, csrsi sstatus, MSTATUS_SIE
  CHECK_TRAP_MODE 10, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 11, a0, CAUSE_INTR | IRQ_STI
  /* the timer really expired */
  csrr a0, time
  csrr a1, CSR_STIMECMP
  SET_CHECK 12
  bgeu a0, a1, 2f
  j env_fail
2:
  /* STIP visible through sip; S clears it by moving stimecmp */
  csrr a0, sip
  CHECK_MASK 13, a0, MIP_STIP, MIP_STIP
  li a1, -1
  csrw CSR_STIMECMP, a1
  li a3, 100000
1:
  csrr a0, sip
  andi a0, a0, MIP_STIP
  beqz a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 14
2:
  GOTO_M
  /* not delegated: the same interrupt goes to M */
  csrw mideleg, zero
  li a1, MIP_STIP
  csrw mie, a1
  csrw CSR_STIMECMP, zero
  EXPECT_IRQ 15, 100000000, wfi, csrsi mstatus, MSTATUS_MIE
  CHECK_TRAP_MODE 15, 3
  TRAP_FIELD a0, TI_CAUSE
  CHECK 16, a0, CAUSE_INTR | IRQ_STI
  li a1, -1
  csrw CSR_STIMECMP, a1
  csrw mie, zero
  csrw CSR_MENVCFG, zero
  TEST_PASS
