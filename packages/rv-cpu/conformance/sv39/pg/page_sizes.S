/*
 * 4 KiB, 2 MiB and 1 GiB pages under Sv39: the page offset (12, 21 or 30
 * bits) passes through untranslated; loads, stores and fetches through
 * each size; upper-half (negative) canonical addresses; an instruction
 * that straddles two 4 KiB pages, and its fetch fault when the second
 * page is missing (stval = the second page, sepc = the instruction).
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define BIG 0x80200000          /* 2 MiB-aligned RAM for the 2 MiB page */
#define RW_AD  (PTE_V | PTE_R | PTE_W | PTE_AD)
#define RWX_AD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD)

.macro MAPC va, pa, flags, level
  li a0, \va
  li a1, \pa
  li a2, \flags
  li a3, \level
  call pg_map
.endm
.macro MAPR va, pa_sym, flags, level
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, \level
  call pg_map
.endm

TEST_BEGIN
  /* markers, written physically (M-mode) */
  la t0, P(1)
  li t1, 0x4444444444444444
  sd t1, 0x7b8(t0)
  li t0, BIG
  li t1, 0x2222222222222222
  sd t1, 0(t0)
  li t2, 0x1ffff8
  add t2, t2, t0
  li t1, 0x2020202020202020
  sd t1, 0(t2)
  li t2, 0x12340
  add t2, t2, t0
  li t1, 0x2121212121212121
  sd t1, 0(t2)
  GOTO_S

  /* ---- 4 KiB ---- */
  MAPR 0x400000, P(1), RW_AD, PAGE_4K
  MAPR 0x401000, P(2), RW_AD, PAGE_4K
  sfence.vma
  li s0, 0x400000
  ld a0, 0x7b8(s0)
  CHECK 1, a0, 0x4444444444444444
  /* neighbouring VA pages map unrelated physical pages */
  li a0, 0x5151
  li t1, 0x401000
  sd a0, 0x7b8(t1)              /* VA 0x4017b8 -> P(2) + 0x7b8 */
  la t0, P(2)
  ld a1, 0x7b8(t0)
  CHECK 2, a1, 0x5151
  la t0, P(1)
  ld a1, 0x7b8(t0)
  CHECK 3, a1, 0x4444444444444444

  /* ---- 2 MiB ---- */
  MAPC 0x00600000, BIG, RW_AD, PAGE_2M
  sfence.vma
  li s0, 0x00600000
  ld a0, 0(s0)
  CHECK 4, a0, 0x2222222222222222
  li t0, 0x1ffff8
  add t0, t0, s0
  ld a0, 0(t0)
  CHECK 5, a0, 0x2020202020202020
  li t0, 0x12340
  add t0, t0, s0
  ld a0, 0(t0)
  CHECK 6, a0, 0x2121212121212121
  li a0, 0x6363
  sd a0, 8(t0)
  li t0, BIG + 0x12348
  ld a1, 0(t0)
  CHECK 7, a1, 0x6363
  /* 8-9: fetch through a 2 MiB page: VA 0x0800_0000 -> 0x8000_0000 */
  MAPC 0x08000000, 0x80000000, RWX_AD, PAGE_2M
  sfence.vma
  la s0, pg_snippets
  li t0, 0x80000000 - 0x08000000
  sub s0, s0, t0
  li a0, 3
  EXPECT_OK 8, jalr ra, SNIP_INC(s0)
  CHECK 9, a0, 4

  /* ---- 1 GiB: VA 0x4000_0000 -> RAM 0x8000_0000 ---- */
  MAPC 0x40000000, 0x80000000, RWX_AD, PAGE_1G
  sfence.vma
  la s0, P(1)
  li t0, 0x40000000
  sub s0, s0, t0
  ld a0, 0x7b8(s0)
  CHECK 10, a0, 0x4444444444444444
  li t0, BIG - 0x40000000
  ld a0, 0(t0)
  CHECK 11, a0, 0x2222222222222222
  li a0, 0x7171
  sd a0, 0x7c0(s0)
  la t0, P(1)
  ld a1, 0x7c0(t0)
  CHECK 12, a1, 0x7171
  la s0, pg_snippets
  li t0, 0x40000000
  sub s0, s0, t0
  li a0, 5
  EXPECT_OK 13, jalr ra, SNIP_INC(s0)
  CHECK 14, a0, 6

  /* ---- upper half: VPN[2] = 256..511 ---- */
  /* 15-16: a 1 GiB page at 0xffff_ffc0_0000_0000 (the lowest negative) */
  MAPC 0xffffffc000000000, 0x80000000, RWX_AD, PAGE_1G
  sfence.vma
  la s0, P(1)
  li t0, 0x80000000
  sub s0, s0, t0
  li t0, 0xffffffc000000000
  add s0, s0, t0
  ld a0, 0x7b8(s0)
  CHECK 15, a0, 0x4444444444444444
  la s0, pg_snippets
  li t0, 0x80000000
  sub s0, s0, t0
  li t0, 0xffffffc000000000
  add s0, s0, t0
  li a0, 7
  EXPECT_OK 16, jalr ra, SNIP_INC(s0)
  /* 17-18: a 2 MiB page at 0xffff_ffff_ffe0_0000 (the highest) */
  MAPC 0xffffffffffe00000, BIG, RW_AD, PAGE_2M
  sfence.vma
  li s0, 0xffffffffffe00000
  ld a0, 0(s0)
  CHECK 17, a0, 0x2222222222222222
  li s0, -8
  ld a0, 0(s0)
  CHECK 18, a0, 0x2020202020202020
  /* 19-20: a 4 KiB page at 0xffff_ffff_8000_0000 */
  MAPR 0xffffffff80000000, P(1), RW_AD, PAGE_4K
  sfence.vma
  li s0, 0xffffffff80000000
  ld a0, 0x7b8(s0)
  CHECK 19, a0, 0x4444444444444444
  li a0, 0x9191
  sd a0, 0x7b0(s0)
  la t0, P(1)
  ld a1, 0x7b0(t0)
  CHECK 20, a1, 0x9191

  /* ---- an instruction across a 4 KiB page boundary ---- */
  /* 21-22: both pages mapped: c.nop; addi (straddling); ret */
  MAPR 0x500000, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_A, PAGE_4K
  MAPR 0x501000, pg_snippets2, PTE_V | PTE_R | PTE_X | PTE_A, PAGE_4K
  sfence.vma
  li s0, 0x500000 + SNIP_CROSS
  li a0, 10
  EXPECT_OK 21, jalr ra, 0(s0)
  CHECK 22, a0, 12
  /* 23-26: second page not mapped: fetch page fault, stval = 0x501000
   * (the part that faulted), sepc = 0x500ffe (the instruction) */
  MAPR 0x501000, pg_snippets2, 0, PAGE_4K
  sfence.vma
  li s0, 0x500000 + SNIP_CROSS
  CLEAR_TRAP
  SET_CHECK 23
  la tp, 3f
  li a0, 10
  jalr ra, 0(s0)
  j pg_fail
3:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK 23, t5, CAUSE_FETCH_PAGE
  TRAP_FIELD t5, TR_TVAL
  CHECK 24, t5, 0x501000
  TRAP_FIELD t5, TR_EPC
  CHECK 25, t5, 0x500ffe
  /* the c.nop before it ran, the addi did not */
  CHECK 26, a0, 10
  TEST_PASS
