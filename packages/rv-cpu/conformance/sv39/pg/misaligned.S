/*
 * Misaligned loads and stores under Sv39. A hart may perform them or raise
 * an address-misaligned exception (4 / 6, tval = the address); this test
 * accepts either, per access. When performed: an access that crosses a
 * page boundary is translated page by page (the two pages map
 * non-adjacent physical pages here), sets A/D in both PTEs, and when the
 * second page cannot be accessed it raises the page fault of its type
 * with tval = the address of the portion that faulted (the page start).
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define RW (PTE_V | PTE_R | PTE_W)

.macro MAPR va, pa_sym, flags
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, PAGE_4K
  call pg_map
.endm

/* Checks n, n+1: insn at address vreg either completes (then continue
 * with a1 = 0) or raises misaligned exception c (tval = vreg; then a1 = 1) */
.macro MISALIGNED n, c, vreg, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Ltrap\@
  \insn
  li tp, 0
  li a1, 0
  j .Ldone\@
.Ltrap\@:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ (\n + 1), t5, \vreg
  li a1, 1
.Ldone\@:
.endm

TEST_BEGIN
  /* P1 ends with 0x8877665544332211, P5 starts with 0xffeeddccbbaa9988 */
  la t0, P(1) + 0xff8
  li t1, 0x8877665544332211
  sd t1, 0(t0)
  la t0, P(5)
  li t1, 0xffeeddccbbaa9988
  sd t1, 0(t0)
  GOTO_S
  MAPR 0x400000, P(1), RW
  mv s8, a0                     /* PTE of the first page */
  MAPR 0x401000, P(5), RW
  mv s9, a0                     /* PTE of the second page */
  MAPR 0x402000, P(6), PTE_V | PTE_R | PTE_AD
  sfence.vma

  /* 1-3: a load across the boundary of two mapped pages */
  li s0, 0x400ffc
  MISALIGNED 1, 4, s0, ld a0, 0(s0)
  bnez a1, 1f
  CHECK 3, a0, 0xbbaa998888776655
  ld t0, 0(s8)
  CHECK_MASK 4, t0, PTE_A, PTE_A
  ld t0, 0(s9)
  CHECK_MASK 5, t0, PTE_A, PTE_A
1:
  /* 6-10: a store across the boundary: bytes land in both physical
   * pages, D set in both PTEs */
  li a2, 0x0102030405060708
  MISALIGNED 6, 6, s0, sd a2, 0(s0)
  bnez a1, 2f
  la t0, P(1) + 0xff8
  ld a0, 0(t0)
  CHECK 8, a0, 0x0506070844332211
  la t0, P(5)
  ld a0, 0(t0)
  CHECK 9, a0, 0xffeeddcc01020304
  ld t0, 0(s8)
  CHECK_MASK 10, t0, PTE_D, PTE_D
  ld t0, 0(s9)
  CHECK_MASK 11, t0, PTE_D, PTE_D
2:
  /* 12-14: a load across into an unmapped page: load page fault, tval =
   * the start of the unmapped page (or misaligned, tval = the address) */
  li s0, 0x402ffe
  li s1, 0x403000
  CLEAR_TRAP
  SET_CHECK 12
  la tp, 3f
  lw a0, 0(s0)
  j pg_fail
3:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  li t6, 4
  beq t5, t6, 4f
  CHECK 12, t5, CAUSE_LOAD_PAGE
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ 13, t5, s1
  j 5f
4:
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ 14, t5, s0
5:
  /* 15-16: a store across from a read-only page (into the unmapped one):
   * store page fault with tval = the address of the first byte (or
   * misaligned, tval = the same) */
  li s0, 0x402ffe
  CLEAR_TRAP
  SET_CHECK 15
  la tp, 6f
  sw a0, 0(s0)
  j pg_fail
6:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  li t6, 6
  beq t5, t6, 7f
  CHECK 15, t5, CAUSE_STORE_PAGE
7:
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ 16, t5, s0
  TEST_PASS
