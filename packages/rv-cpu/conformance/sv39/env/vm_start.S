/*
 * sv39 "vm" environment: runs an ISA test in U-mode under Sv39 paging.
 *
 *   M-mode boot (_start, 0x80000000): trap vector, PMP entry 0 = all memory
 *   RWX, builds the Sv39 page tables, delegates every U/S exception to S,
 *   enters the S-mode kernel with mret.
 *
 *   S-mode kernel (kern_main, s_trap): turns on Sv39 (satp), enters the test
 *   in U-mode with sret, and handles its traps:
 *     ecall with a7 = VM_SYS_EXIT: a0 = 0 -> pass (tohost = 1),
 *                                  a0 = n -> fail at check n;
 *     any other exception: per the test's tp register, as in the test macros
 *     (tp = 0: unexpected -> fail at the current check gp; tp = 1: record,
 *     skip the instruction; else record and resume in U-mode at tp);
 *     a trap reaching M-mode or taken inside the kernel -> fail 1022 / 1021.
 *
 *   User side (in .text/.data, linked at the low VA VM_USER_VA): the entry
 *   stub, env_pass / env_fail / env_insn_at_epc, the trap record and a stack.
 *
 * Address space (Sv39, one root table):
 *   0x0001_0000 ..       user image, 4 KiB pages, U|R|W|X (A/D left clear:
 *                        the hardware sets them)
 *   0x8000_0000 .. +1GiB kernel: one 1 GiB page, identity, R|W|X|G|A|D
 */
#include "test.h"          /* trap record layout (TI_*), CSR and cause names */

#define VM_SYS_EXIT     0x7e57
#define FAIL_NO_CHECK   1023    /* failure before the first check */
#define FAIL_M_TRAP     1022    /* a trap reached M-mode */
#define FAIL_KERN_TRAP  1021    /* a trap inside the S-mode kernel */

#define PTE_V (1 << 0)
#define PTE_R (1 << 1)
#define PTE_W (1 << 2)
#define PTE_X (1 << 3)
#define PTE_U (1 << 4)
#define PTE_G (1 << 5)
#define PTE_A (1 << 6)
#define PTE_D (1 << 7)
#define SATP_SV39 (8 << 60)

/* exceptions delegated to S: 0-8 (misaligned/access/illegal/breakpoint,
 * ecall from U), 12, 13, 15 (page faults) */
#define VM_MEDELEG 0xb1ff

/* kernel trap frame: x1..x31 at 8*n */
#define FRAME_SIZE 256

  .option norelax

/* ================================================================== */
/* M-mode boot                                                          */
/* ================================================================== */
  .section .kern.text.init, "ax"
  .globl _start
_start:
  la t0, m_trap
  csrw mtvec, t0
  /* PMP entry 0: NAPOT over all of memory, R|W|X */
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  csrw satp, zero
  csrw mie, zero
  csrw mideleg, zero
  li t0, VM_MEDELEG
  csrw medeleg, t0
  li t0, 7
  csrw mcounteren, t0
  csrw scounteren, t0

  /* zero the page tables and the user .bss */
  la a0, vm_tables_start
  la a1, vm_tables_end
  call zero_range
  /* user-VA symbols are ~2 GiB away: take them from .dword constants */
  ld a0, vm_user_bss_va
  ld a1, vm_user_end_va
  la t0, vm_user_pa
  ld t1, vm_user_va
  sub t0, t0, t1          /* t0 = PA - VA of the user image */
  add a0, a0, t0
  add a1, a1, t0
  call zero_range

  /* root[2]: 1 GiB kernel page, identity at 0x80000000 */
  la s0, vm_root
  li t0, (0x80000000 >> 12) << 10
  ori t0, t0, PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D
  sd t0, 2*8(s0)
  /* root[0] -> l1; l1[0] -> l0 (non-leaf PTEs: only V) */
  la t1, vm_l1
  srli t0, t1, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V
  sd t0, 0(s0)
  la t2, vm_l0
  srli t0, t2, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V
  sd t0, 0(t1)
  /* l0[VA >> 12] = user page, for every page of the user image */
  ld a0, vm_user_va       /* VA */
  ld a1, vm_user_end_va   /* end VA */
  la a2, vm_user_pa       /* PA */
1:
  bgeu a0, a1, 2f
  srli t0, a2, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U
  srli t3, a0, 12
  andi t3, t3, 511
  slli t3, t3, 3
  add t3, t3, t2
  sd t0, 0(t3)
  li t0, 4096
  add a0, a0, t0
  add a2, a2, t0
  j 1b
2:
  /* satp value for the kernel */
  srli t0, s0, 12
  li t1, SATP_SV39
  or t0, t0, t1
  la t1, vm_satp
  sd t0, 0(t1)

  /* FS = Initial, so that the F/D tests can run in U-mode */
  li t0, FS_INITIAL
  csrs mstatus, t0

  /* enter the kernel in S-mode */
  li t0, MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SIE | MSTATUS_MIE
  csrc mstatus, t0
  li t0, MSTATUS_MPP_S
  csrs mstatus, t0
  la t0, kern_main
  csrw mepc, t0
  mret

/* zero [a0, a1), both 8-byte aligned (physical, M-mode) */
zero_range:
  bgeu a0, a1, 1f
  sd zero, 0(a0)
  addi a0, a0, 8
  j zero_range
1:
  ret

/* Anything that reaches M-mode is an environment failure. */
  .align 6
m_trap:
  csrr t0, mcause
  csrr t1, mepc
  csrr t2, mtval
  la t3, vm_last_trap
  sd t0, 0(t3)
  sd t1, 8(t3)
  sd t2, 16(t3)
  li t0, 3
  sd t0, 24(t3)
  li a0, FAIL_M_TRAP
  j kern_fail

/* ================================================================== */
/* S-mode kernel                                                        */
/* ================================================================== */
  .section .kern.text, "ax"
kern_main:
  la t0, s_trap
  csrw stvec, t0
  ld t0, vm_satp
  sfence.vma
  csrw satp, t0
  sfence.vma
  /* from here on, the kernel runs through its identity gigapage */
  la t0, vm_kstack_top
  csrw sscratch, t0
  /* SUM: the kernel writes the user trap record; SPP = U, SPIE = 0 */
  li t0, MSTATUS_SUM
  csrs sstatus, t0
  li t0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE | MSTATUS_MXR
  csrc sstatus, t0
  csrw sie, zero
  ld t0, vm_user_entry
  csrw sepc, t0
  /* every register starts at zero in U-mode (the stub sets sp) */
  li x1, 0
  li x2, 0
  li x3, 0
  li x4, 0
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
  sret

/* pass / fail: a0 = 0 pass, else the failing check number */
kern_exit:
  beqz a0, 1f
  slli a0, a0, 1
  ori a0, a0, 1
  j 2f
1:
  li a0, 1
2:
  fence
  la t0, tohost
3:
  sd a0, 0(t0)
  j 3b

kern_fail:
  bnez a0, kern_exit
  li a0, FAIL_NO_CHECK
  j kern_exit

/* ------------------------------------------------------------------ */
/* S-mode trap handler                                                  */
/* ------------------------------------------------------------------ */
  .align 6
s_trap:
  csrrw sp, sscratch, sp
  addi sp, sp, -FRAME_SIZE
  sd x1, 1*8(sp)
  sd x3, 3*8(sp)
  sd x4, 4*8(sp)
  sd x5, 5*8(sp)
  sd x6, 6*8(sp)
  sd x7, 7*8(sp)
  sd x8, 8*8(sp)
  sd x9, 9*8(sp)
  sd x10, 10*8(sp)
  sd x11, 11*8(sp)
  sd x12, 12*8(sp)
  sd x13, 13*8(sp)
  sd x14, 14*8(sp)
  sd x15, 15*8(sp)
  sd x16, 16*8(sp)
  sd x17, 17*8(sp)
  sd x18, 18*8(sp)
  sd x19, 19*8(sp)
  sd x20, 20*8(sp)
  sd x21, 21*8(sp)
  sd x22, 22*8(sp)
  sd x23, 23*8(sp)
  sd x24, 24*8(sp)
  sd x25, 25*8(sp)
  sd x26, 26*8(sp)
  sd x27, 27*8(sp)
  sd x28, 28*8(sp)
  sd x29, 29*8(sp)
  sd x30, 30*8(sp)
  sd x31, 31*8(sp)
  csrr t0, sscratch
  sd t0, 2*8(sp)            /* user sp */

  csrr s1, scause
  csrr s2, sepc
  csrr s3, stval
  csrr s4, sstatus
  la t0, vm_last_trap
  sd s1, 0(t0)
  sd s2, 8(t0)
  sd s3, 16(t0)
  li t1, 1
  sd t1, 24(t0)

  /* a trap taken in S-mode is a kernel bug */
  andi t0, s4, MSTATUS_SPP
  beqz t0, 1f
  li a0, FAIL_KERN_TRAP
  j kern_exit
1:
  /* interrupts are never enabled: unexpected */
  bltz s1, unexpected
  /* the exit system call */
  li t0, CAUSE_ECALL_U
  bne s1, t0, 2f
  ld t0, 17*8(sp)           /* a7 */
  li t1, VM_SYS_EXIT
  bne t0, t1, 2f
  ld a0, 10*8(sp)           /* a0 */
  j kern_exit
2:
  /* an exception the test may expect: look at its tp */
  ld s5, 4*8(sp)
  beqz s5, unexpected
  /* record it in the user's trap record (SUM is set) */
  ld t0, vm_trap_info_va
  sd s1, TI_CAUSE(t0)
  sd s2, TI_EPC(t0)
  sd s3, TI_TVAL(t0)
  sd s4, TI_STATUS(t0)
  ld t1, TI_COUNT(t0)
  addi t1, t1, 1
  sd t1, TI_COUNT(t0)
  li t1, 1
  sd t1, TI_MODE(t0)
  li t0, 1
  beq s5, t0, 3f
  /* resume at tp */
  csrw sepc, s5
  j trap_return
3:
  /* skip the instruction: impossible after a fetch fault */
  li t0, CAUSE_FETCH_ACCESS
  beq s1, t0, unexpected
  li t0, CAUSE_FETCH_PAGE
  beq s1, t0, unexpected
  lhu t0, 0(s2)
  andi t0, t0, 3
  li t1, 3
  addi s2, s2, 2
  bne t0, t1, 4f
  addi s2, s2, 2
4:
  csrw sepc, s2
trap_return:
  addi t0, sp, FRAME_SIZE
  csrw sscratch, t0
  ld x1, 1*8(sp)
  ld x3, 3*8(sp)
  ld x4, 4*8(sp)
  ld x5, 5*8(sp)
  ld x6, 6*8(sp)
  ld x7, 7*8(sp)
  ld x8, 8*8(sp)
  ld x9, 9*8(sp)
  ld x10, 10*8(sp)
  ld x11, 11*8(sp)
  ld x12, 12*8(sp)
  ld x13, 13*8(sp)
  ld x14, 14*8(sp)
  ld x15, 15*8(sp)
  ld x16, 16*8(sp)
  ld x17, 17*8(sp)
  ld x18, 18*8(sp)
  ld x19, 19*8(sp)
  ld x20, 20*8(sp)
  ld x21, 21*8(sp)
  ld x22, 22*8(sp)
  ld x23, 23*8(sp)
  ld x24, 24*8(sp)
  ld x25, 25*8(sp)
  ld x26, 26*8(sp)
  ld x27, 27*8(sp)
  ld x28, 28*8(sp)
  ld x29, 29*8(sp)
  ld x30, 30*8(sp)
  ld x31, 31*8(sp)
  ld x2, 2*8(sp)
  sret

/* unexpected trap: fail at the check the test was in (its gp) */
unexpected:
  ld a0, 3*8(sp)
  j kern_fail

/* ------------------------------------------------------------------ */
/* Kernel data                                                          */
/* ------------------------------------------------------------------ */
  .section .kern.data, "aw", @progbits
  .align 3
vm_satp:
  .dword 0
vm_user_entry:
  .dword user_start
vm_trap_info_va:
  .dword env_trap_info
vm_user_va:
  .dword VM_USER_VA         /* set by vm.ld */
vm_user_bss_va:
  .dword vm_user_bss
vm_user_end_va:
  .dword vm_user_end
/* last trap seen by the kernel (cause, epc, tval, mode), for debugging */
  .globl vm_last_trap
vm_last_trap:
  .dword 0, 0, 0, 0

  .section .kern.bss, "aw", @nobits
  .align 12
vm_tables_start:
vm_root:
  .zero 4096
vm_l1:
  .zero 4096
vm_l0:
  .zero 4096
vm_tables_end:
vm_kstack:
  .zero 4096
vm_kstack_top:

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

/* ================================================================== */
/* User side, linked at VM_USER_VA                                      */
/* ================================================================== */
  .text
  .globl user_start
user_start:
  la sp, env_stack_top
  tail test_main

  .globl env_pass
env_pass:
  li a0, 0
  li a7, VM_SYS_EXIT
  ecall
1:
  j 1b

  .globl env_fail
env_fail:
  mv a0, gp
  bnez a0, 1f
  li a0, FAIL_NO_CHECK
1:
  li a7, VM_SYS_EXIT
  ecall
2:
  j 2b

/* t6 = instruction bits at the recorded trap epc (16 or 32 bits);
 * link register t5 */
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

  .data
  .align 4
  .globl env_trap_info
env_trap_info:
  .dword 0, 0, 0, 0, 0, 0
  .globl env_scratch
env_scratch:
  .dword 0, 0, 0, 0

  .bss
  .align 4
  .globl env_stack
env_stack:
  .zero 4096
  .globl env_stack_top
env_stack_top:
  .zero 16
