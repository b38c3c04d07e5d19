/* Interrupts for M are taken before interrupts for S: with MSI (for M)
 * and a delegated SSI both pending and enabled while running in S-mode
 * with SIE=1, the M interrupt is taken first, then the S one. (The full
 * priority order among M interrupts is in noqemu/irq_priority.S.)
 * Custom handlers log each cause into `log` and clear/disable its source. */
#include "test.h"
#define S_INTS (MIP_SSIP | MIP_STIP | MIP_SEIP)
TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  MSIP_SET a1, 0
  la a1, prio_m_handler
  csrw mtvec, a1
  la a1, prio_s_handler
  csrw stvec, a1
  /* M before S: MSI (for M) and SSI (delegated) pending while in S */
  li s4, 0
  csrw mip, zero
  li a1, MIP_SSIP
  csrw mideleg, a1
  li a1, MIP_SSIP | MIP_MSIP
  csrw mie, a1
  MSIP_SET a1, 1
  li a1, MIP_SSIP
  csrs mip, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  SET_CHECK 1
  GOTO_S
  li a3, 1000
1:
  addi a3, a3, -1
  bnez a3, 1b
  CHECK 1, s4, 16
  la a1, log
  ld a0, 0(a1)
  CHECK 2, a0, CAUSE_INTR | IRQ_MSI
  ld a0, 8(a1)
  CHECK 3, a0, CAUSE_INTR | IRQ_SSI
  GOTO_M
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  TEST_PASS

/* M handler: log interrupts and clear their source; exceptions go to the
 * environment's handler (used by GOTO_M). Uses s2, s3, s5; s4 = log index. */
  .align 2
prio_m_handler:
  csrr s2, mcause
  bgez s2, env_m_trap
  la s3, log
  add s3, s3, s4
  sd s2, 0(s3)
  addi s4, s4, 8
  slli s2, s2, 1
  srli s2, s2, 1
  li s3, IRQ_MSI
  bne s2, s3, 1f
  li s3, CLINT_MSIP
  sw zero, 0(s3)
  j 8f
1:
  li s3, IRQ_MTI
  bne s2, s3, 1f
  li s3, CLINT_MTIMECMP
  li s5, -1
  sd s5, 0(s3)
  j 8f
1:
  li s3, IRQ_SEI
  bne s2, s3, 1f
  li s3, MIP_SEIP
  csrc mip, s3
  j 9f
1:
  li s3, IRQ_SSI
  bne s2, s3, 1f
  li s3, MIP_SSIP
  csrc mip, s3
  j 9f
1:
  li s3, IRQ_STI
  bne s2, s3, 1f
  li s3, MIP_STIP
  csrc mip, s3
  j 9f
1:
  j env_fail
8:
  /* device sources: wait until the pending bit has dropped */
  li s5, 100000
  li s3, 1
  sll s3, s3, s2
1:
  csrr s2, mip
  and s2, s2, s3
  beqz s2, 9f
  addi s5, s5, -1
  bnez s5, 1b
  j env_fail
9:
  mret

/* S handler: log and disable the interrupt in sie (S cannot clear
 * STIP/SEIP). Uses s2, s3. */
  .align 2
prio_s_handler:
  csrr s2, scause
  bgez s2, env_s_trap
  la s3, log
  add s3, s3, s4
  sd s2, 0(s3)
  addi s4, s4, 8
  slli s2, s2, 1
  srli s2, s2, 1
  li s3, 1
  sll s3, s3, s2
  csrc sie, s3
  sret

TEST_DATA
log: .fill 16, 8, 0
