/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec):
 * QEMU 7.2 without AIA takes the lowest-numbered pending interrupt first
 * (SSI, MSI, STI, MTI, SEI), so it fails at check 4.
 *
 * Interrupt priority: with several interrupts pending and enabled for M,
 * they are taken in the order MSI > MTI > SEI > SSI > STI (MEI, the
 * highest, needs an external interrupt controller and is not raised here).
 * Delegated S interrupts in S-mode: SEI > SSI > STI. Pending interrupts
 * for M are taken before pending interrupts for S. Custom handlers log
 * each cause into `log` and clear/disable its source. */
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
  li s4, 0
  /* make all five pending */
  MSIP_SET a1, 1
  li a1, CLINT_MTIMECMP
  sd zero, 0(a1)
  li a3, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 1
2:
  li a1, S_INTS
  csrs mip, a1
  li a1, S_INTS | MIP_MSIP | MIP_MTIP
  csrw mie, a1
  csrr a0, mip
  CHECK_MASK 2, a0, S_INTS | MIP_MSIP | MIP_MTIP, S_INTS | MIP_MSIP | MIP_MTIP
  /* enable: all five are taken, one after the other */
  SET_CHECK 3
  csrsi mstatus, MSTATUS_MIE
  li a3, 1000
1:
  addi a3, a3, -1
  bnez a3, 1b
  csrci mstatus, MSTATUS_MIE
  CHECK 3, s4, 40
  la a1, log
  ld a0, 0(a1)
  CHECK 4, a0, CAUSE_INTR | IRQ_MSI
  ld a0, 8(a1)
  CHECK 5, a0, CAUSE_INTR | IRQ_MTI
  ld a0, 16(a1)
  CHECK 6, a0, CAUSE_INTR | IRQ_SEI
  ld a0, 24(a1)
  CHECK 7, a0, CAUSE_INTR | IRQ_SSI
  ld a0, 32(a1)
  CHECK 8, a0, CAUSE_INTR | IRQ_STI

  /* delegated S interrupts, taken in S-mode */
  li s4, 0
  li a1, S_INTS
  csrw mideleg, a1
  csrw mie, a1
  csrs mip, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  SET_CHECK 9
  GOTO_S
  li a3, 1000
1:
  addi a3, a3, -1
  bnez a3, 1b
  csrci sstatus, MSTATUS_SIE
  CHECK 9, s4, 24
  la a1, log
  ld a0, 0(a1)
  CHECK 10, a0, CAUSE_INTR | IRQ_SEI
  ld a0, 8(a1)
  CHECK 11, a0, CAUSE_INTR | IRQ_SSI
  ld a0, 16(a1)
  CHECK 12, a0, CAUSE_INTR | IRQ_STI
  GOTO_M

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
  SET_CHECK 13
  GOTO_S
  li a3, 1000
1:
  addi a3, a3, -1
  bnez a3, 1b
  CHECK 13, s4, 16
  la a1, log
  ld a0, 0(a1)
  CHECK 14, a0, CAUSE_INTR | IRQ_MSI
  ld a0, 8(a1)
  CHECK 15, a0, CAUSE_INTR | IRQ_SSI
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
