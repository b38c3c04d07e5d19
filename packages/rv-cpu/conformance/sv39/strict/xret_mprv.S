/*
 * An xRET to a mode below M clears mstatus.MPRV (privileged spec 1.12:
 * "If y != M, xRET also sets MPRV = 0"); mret to M keeps it.
 * Known QEMU 7.2 deviation: it leaves MPRV set (fixed in later QEMU).
 */
#include "pg.h"

TEST_BEGIN
  li a0, 0x10000
  la a1, pg_snippets
  li a2, PTE_V | PTE_U | PTE_R | PTE_X | PTE_A
  li a3, PAGE_4K
  call pg_map
  sfence.vma

  /* 1: mret to M (MPP = M) keeps MPRV */
  li t0, MSTATUS_MPP_M
  csrs mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  la t0, 1f
  csrw mepc, t0
  mret
1:
  csrr a0, mstatus
  CHECK_MASK 1, a0, MSTATUS_MPRV, MSTATUS_MPRV
  li t0, MSTATUS_MPRV
  csrc mstatus, t0

  /* 2: mret to S clears MPRV (set with MPP = M first: no effect on M) */
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  GOTO_S
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 2, a0, MSTATUS_MPRV, 0

  /* 3: mret to U clears MPRV */
  li t0, MSTATUS_MPP_M
  csrs mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, 0x10000 + SNIP_UECALL
  csrw mepc, t0
  la tp, 2f
  mret
2:                              /* in S-mode, after the U ecall */
  li tp, 0
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 3, a0, MSTATUS_MPRV, 0

  /* 4: sret executed in M-mode, to S, clears MPRV */
  li t0, MSTATUS_MPP_M
  csrs mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  li t0, MSTATUS_SPP
  csrs mstatus, t0
  la t0, 3f
  csrw sepc, t0
  sret
3:
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 4, a0, MSTATUS_MPRV, 0
  TEST_PASS
