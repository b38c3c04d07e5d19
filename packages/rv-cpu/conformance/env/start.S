/*
 * rv-cpu conformance test environment: start code, trap handlers and the
 * HTIF result protocol. Linked into every test; the test provides
 * test_main (see TEST_BEGIN in test.h).
 */
#include "test.h"

  .option norvc
  .option norelax

  .section .text.init, "ax"
  .globl _start
_start:
  /* Nothing is set up at reset: clear every register. */
  li x1, 0
  li x2, 0
  li x3, 0
  li x5, 0
  li x6, 0
  li x7, 0
  li x8, 0
  li x9, 0
  li x10, 0
  li x11, 0
  li x12, 0
  li x13, 0
  li x14, 0
  li x15, 0
  li x16, 0
  li x17, 0
  li x18, 0
  li x19, 0
  li x20, 0
  li x21, 0
  li x22, 0
  li x23, 0
  li x24, 0
  li x25, 0
  li x26, 0
  li x27, 0
  li x28, 0
  li x29, 0
  li x30, 0
  li x31, 0

  /* Trap vectors first, with tp = 1 ("skip the trapping instruction"),
   * so that the optional CSRs below are simply skipped if absent. */
  li tp, 1
  la t0, env_m_trap
  csrw mtvec, t0
  la t0, env_s_trap
  csrw stvec, t0

  /* PMP entry 0: NAPOT over all memory, RWX, so S/U can access memory. */
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0

  csrw medeleg, zero
  csrw mideleg, zero
  csrw mie, zero
  csrw mip, zero
  csrw mstatus, zero
  /* FS = Initial: the F/D tests run without touching mstatus (the Sv39
   * environment runs them in U-mode); the FS tests set it themselves. */
  li t0, FS_INITIAL
  csrs mstatus, t0
  csrw satp, zero
  csrw CSR_MENVCFG, zero
  csrw CSR_SENVCFG, zero
  li t0, 7
  csrw mcounteren, t0
  csrw scounteren, t0
  csrw mscratch, zero
  csrw sscratch, zero

  /* Stack at the top of the stack area (tests may use sp freely). */
  la sp, env_stack_top

  /* Start the test with a clean trap record, check number 0. */
  li tp, 0
  li t0, 0
  CLEAR_TRAP
  li gp, 0
  li t6, 0
  j test_main

/* ------------------------------------------------------------------ */
/* Result protocol (HTIF): pass stores 1 to tohost, failure at check n  */
/* stores (n << 1) | 1; both then loop forever repeating the store.    */
/* ------------------------------------------------------------------ */
  .align 2
  .globl env_pass
env_pass:
  fence
#ifdef ENV_EXIT_SIFIVE_TEST
  /* alternative exit for QEMU's virt machine (no HTIF): the SiFive test
   * finisher at 0x100000; only used by `make check-qemu-virt` */
  li t6, 0x5555
  li t5, 0x100000
  sw t6, 0(t5)
#endif
  li t6, 1
  la t5, tohost
1:
  sd t6, 0(t5)
  j 1b

  .align 2
  .globl env_fail
env_fail:
  fence
  /* check number 0 (failure before the first check) is reported as 1023 */
  bnez gp, 2f
  li gp, 1023
2:
#ifdef ENV_EXIT_SIFIVE_TEST
  slli t6, gp, 16
  li t5, 0x3333
  or t6, t6, t5
  li t5, 0x100000
  sw t6, 0(t5)
#endif
  slli t6, gp, 1
  ori t6, t6, 1
  la t5, tohost
1:
  sd t6, 0(t5)
  j 1b

/* ------------------------------------------------------------------ */
/* M-mode trap handler (mtvec, direct mode).                            */
/* Records mcause/mepc/mtval/mstatus; then, per tp:                     */
/*   0 -> fail, 1 -> step over the instruction (or just return for an   */
/*   interrupt) with mret, else -> jump to tp, staying in M-mode.        */
/* Clobbers t5, t6.                                                     */
/* ------------------------------------------------------------------ */
  .align 6
  .globl env_m_trap
env_m_trap:
  la t6, env_trap_info
  csrr t5, mcause
  sd t5, TI_CAUSE(t6)
  csrr t5, mepc
  sd t5, TI_EPC(t6)
  csrr t5, mtval
  sd t5, TI_TVAL(t6)
  csrr t5, mstatus
  sd t5, TI_STATUS(t6)
  ld t5, TI_COUNT(t6)
  addi t5, t5, 1
  sd t5, TI_COUNT(t6)
  li t5, 3
  sd t5, TI_MODE(t6)
  beqz tp, env_fail
  li t5, 1
  beq tp, t5, 1f
  jr tp
1:
  csrr t5, mcause
  bltz t5, 3f
  csrr t6, mepc
  lhu t5, 0(t6)
  andi t5, t5, 3
  addi t6, t6, 2
  addi t5, t5, -3
  bnez t5, 2f
  addi t6, t6, 2
2:
  csrw mepc, t6
3:
  mret

/* ------------------------------------------------------------------ */
/* S-mode trap handler (stvec, direct mode): same, with the S CSRs.     */
/* ------------------------------------------------------------------ */
  .align 6
  .globl env_s_trap
env_s_trap:
  la t6, env_trap_info
  csrr t5, scause
  sd t5, TI_CAUSE(t6)
  csrr t5, sepc
  sd t5, TI_EPC(t6)
  csrr t5, stval
  sd t5, TI_TVAL(t6)
  csrr t5, sstatus
  sd t5, TI_STATUS(t6)
  ld t5, TI_COUNT(t6)
  addi t5, t5, 1
  sd t5, TI_COUNT(t6)
  li t5, 1
  sd t5, TI_MODE(t6)
  beqz tp, env_fail
  li t5, 1
  beq tp, t5, 1f
  jr tp
1:
  csrr t5, scause
  bltz t5, 3f
  csrr t6, sepc
  lhu t5, 0(t6)
  andi t5, t5, 3
  addi t6, t6, 2
  addi t5, t5, -3
  bnez t5, 2f
  addi t6, t6, 2
2:
  csrw sepc, t6
3:
  sret

/* ------------------------------------------------------------------ */
/* env_insn_at_epc: t6 = instruction bits at the recorded trap epc      */
/* (16 bits for a compressed instruction, else 32). Link register t5.  */
/* ------------------------------------------------------------------ */
  .align 2
  .globl env_insn_at_epc
env_insn_at_epc:
  la t6, env_scratch
  sd a0, 0(t6)
  sd a1, 8(t6)
  la a0, env_trap_info
  ld a0, TI_EPC(a0)
  lhu t6, 0(a0)
  andi a1, t6, 3
  addi a1, a1, -3
  bnez a1, 1f
  lhu a1, 2(a0)
  slli a1, a1, 16
  or t6, t6, a1
1:
  la a0, env_scratch
  ld a1, 8(a0)
  ld a0, 0(a0)
  jr t5

/* ------------------------------------------------------------------ */
/* HTIF mailbox                                                         */
/* ------------------------------------------------------------------ */
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
  .size tohost, 8
  .globl fromhost
fromhost:
  .dword 0
  .size fromhost, 8

/* ------------------------------------------------------------------ */
/* Environment data                                                     */
/* ------------------------------------------------------------------ */
  .data
  .align 4
  .globl env_trap_info
env_trap_info:
  .dword 0, 0, 0, 0, 0, 0
  .globl env_scratch
env_scratch:
  .dword 0, 0, 0, 0
  .align 4
  .globl env_stack
env_stack:
  .fill 1024, 1, 0
  .globl env_stack_top
env_stack_top:
  .dword 0, 0
