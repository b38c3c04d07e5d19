/*
 * sv39 "pg" environment: boot, trap handlers, result protocol and the
 * snippet pages for the supervisor paging tests (see pg.h).
 *
 *   _start (M-mode, 0x80000000): trap vectors, PMP entry 0 = all memory RWX,
 *   exceptions 0-8, 12, 13, 15 delegated to S, .bss and page pool zeroed,
 *   Sv39 tables with the identity 1 GiB page for RAM, satp = Sv39, then
 *   test_main in M-mode.
 */
#include "pg.h"

#define FAIL_NO_CHECK   1023    /* failure before the first check */
#define FAIL_ENV        1020    /* the environment ran out of page tables */
#define PG_MEDELEG      0xb1ff

  .option norvc
  .option norelax

  .section .text.init, "ax"
  .globl _start
_start:
  la t0, pg_m_trap
  csrw mtvec, t0
  la t0, pg_s_trap
  csrw stvec, t0
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  csrw satp, zero
  csrw mie, zero
  csrw mideleg, zero
  li t0, PG_MEDELEG
  csrw medeleg, t0
  li t0, MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPP
  csrc mstatus, t0
  li t0, 7
  csrw mcounteren, t0
  csrw scounteren, t0

  /* zero .bss and the page area */
  la a0, pg_bss_start
  la a1, pg_end
1:
  bgeu a0, a1, 2f
  sd zero, 0(a0)
  addi a0, a0, 8
  j 1b
2:
  la sp, pg_stack_top
  li a0, 3
  call pg_new_root
  sfence.vma
  csrw satp, a0
  sfence.vma

  li ra, 0
  li gp, 0
  li tp, 0
  li t0, 0
  li t1, 0
  li t2, 0
  li s0, 0
  li s1, 0
  li a0, 0
  li a1, 0
  li a2, 0
  li a3, 0
  li a4, 0
  li a5, 0
  li a6, 0
  li a7, 0
  li s2, 0
  li s3, 0
  li s4, 0
  li s5, 0
  li s6, 0
  li s7, 0
  li s8, 0
  li s9, 0
  li s10, 0
  li s11, 0
  li t3, 0
  li t4, 0
  li t5, 0
  li t6, 0
  j test_main

/* ------------------------------------------------------------------ */
/* Result protocol (HTIF tohost); callable from M- or S-mode            */
/* ------------------------------------------------------------------ */
  .text
  .globl pg_pass
pg_pass:
  fence
  li t6, 1
  la t5, tohost
1:
  sd t6, 0(t5)
  j 1b

  .globl pg_fail
pg_fail:
  fence
  bnez gp, 1f
  li gp, FAIL_NO_CHECK
1:
  slli t6, gp, 1
  ori t6, t6, 1
  la t5, tohost
2:
  sd t6, 0(t5)
  j 2b

  .globl pg_env_error
pg_env_error:
  li gp, FAIL_ENV
  j pg_fail

/* ------------------------------------------------------------------ */
/* Trap handlers: record, then per tp: 0 fail at gp, 1 skip (+4),       */
/* else jump to tp in the handler's mode. Clobber t5, t6.               */
/* ------------------------------------------------------------------ */
  .align 6
  .globl pg_m_trap
pg_m_trap:
  la t6, pg_trap
  csrr t5, mcause
  sd t5, TR_CAUSE(t6)
  csrr t5, mepc
  sd t5, TR_EPC(t6)
  csrr t5, mtval
  sd t5, TR_TVAL(t6)
  csrr t5, mstatus
  sd t5, TR_STATUS(t6)
  ld t5, TR_COUNT(t6)
  addi t5, t5, 1
  sd t5, TR_COUNT(t6)
  li t5, 3
  sd t5, TR_MODE(t6)
  beqz tp, pg_fail
  li t5, 1
  beq tp, t5, 1f
  jr tp
1:
  csrr t5, mepc
  addi t5, t5, 4
  csrw mepc, t5
  mret

  .align 6
  .globl pg_s_trap
pg_s_trap:
  la t6, pg_trap
  csrr t5, scause
  sd t5, TR_CAUSE(t6)
  csrr t5, sepc
  sd t5, TR_EPC(t6)
  csrr t5, stval
  sd t5, TR_TVAL(t6)
  csrr t5, sstatus
  sd t5, TR_STATUS(t6)
  ld t5, TR_COUNT(t6)
  addi t5, t5, 1
  sd t5, TR_COUNT(t6)
  li t5, 1
  sd t5, TR_MODE(t6)
  beqz tp, pg_fail
  li t5, 1
  beq tp, t5, 1f
  jr tp
1:
  csrr t5, sepc
  addi t5, t5, 4
  csrw sepc, t5
  sret

/* ------------------------------------------------------------------ */
/* Snippet pages: code that tests map at virtual addresses and run       */
/* ------------------------------------------------------------------ */
  .section .snippets, "ax"
  .balign 4096
  .globl pg_snippets
pg_snippets:
  .org SNIP_INC
  addi a0, a0, 1
  jalr x0, 0(ra)
  .org SNIP_ULOAD
  ld a1, 0(a0)
  ecall
  .org SNIP_USTORE
  sd a1, 0(a0)
  ecall
  .org SNIP_UAMO
  amoadd.d a2, a1, (a0)
  ecall
  .org SNIP_UJUMP
  jalr x0, 0(a0)
  .org SNIP_UECALL
  ecall
  .org SNIP_ULR
  lr.d a1, (a0)
  ecall
  .org SNIP_CROSS
  .half 0x0001              /* c.nop */
  .half 0x0513              /* addi a0, a0, 2 (0x00250513), low half */
  .globl pg_snippets2
pg_snippets2:
  .half 0x0025              /* addi a0, a0, 2, high half */
  .half 0x8067, 0x0000      /* jalr x0, 0(ra) */
  .org 0x2000

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
/* Data                                                                 */
/* ------------------------------------------------------------------ */
  .bss
  .align 4
  .globl pg_trap
pg_trap:
  .zero 48
  .align 4
pg_stack:
  .zero 8192
pg_stack_top:
