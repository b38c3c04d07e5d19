/*
 * sfence.vma after changing page tables: the new translation is used.
 * Remapping a 4 KiB page (sfence.vma with the address, with x0, with an
 * ASID register), invalid -> valid and valid -> invalid, permission changes,
 * a 2 MiB page remapped (fenced by an address inside it), a non-leaf PTE
 * repointed, code pages remapped (fetch), and switching satp between two
 * sets of tables. Every access is made before the change too, so that a
 * stale translation could be cached.
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define RW_AD  (PTE_V | PTE_R | PTE_W | PTE_AD)
#define VA 0x400000

.macro MAPR va, pa_sym, flags, level
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, \level
  call pg_map
.endm
.macro MAPC va, pa, flags, level
  li a0, \va
  li a1, \pa
  li a2, \flags
  li a3, \level
  call pg_map
.endm

TEST_BEGIN
  /* page n holds 0x1111111111111111 * n at offset 0 */
  la t0, pg_test_pages
  li t1, 0x1111111111111111
  li t2, 0
  li t3, 8
1:
  sd t2, 0(t0)
  add t2, t2, t1
  li t4, 0x1000
  add t0, t0, t4
  addi t3, t3, -1
  bnez t3, 1b
  /* code page P(7): addi a0, a0, 5; ret */
  la t0, P(7)
  li t1, 0x00550513
  sw t1, 0(t0)
  li t1, 0x00008067
  sw t1, 4(t0)
  fence.i
  GOTO_S
  li s0, VA

  /* 1-2: VA -> P1, then P2 with sfence.vma VA */
  MAPR VA, P(1), RW_AD, PAGE_4K
  sfence.vma
  ld a0, 0(s0)
  CHECK 1, a0, 0x1111111111111111
  MAPR VA, P(2), RW_AD, PAGE_4K
  sfence.vma s0
  ld a0, 0(s0)
  CHECK 2, a0, 0x2222222222222222
  /* 3: -> P3, sfence.vma x0, x0 */
  MAPR VA, P(3), RW_AD, PAGE_4K
  sfence.vma x0, x0
  ld a0, 0(s0)
  CHECK 3, a0, 0x3333333333333333
  /* 4: -> P4, sfence.vma x0, asid (ASID 0, the current one; the mapping
   * is not global) */
  MAPR VA, P(4), RW_AD, PAGE_4K
  li a1, 0
  sfence.vma x0, a1
  ld a0, 0(s0)
  CHECK 4, a0, 0x4444444444444444
  /* 5: -> P5, sfence.vma VA, asid */
  MAPR VA, P(5), RW_AD, PAGE_4K
  li a1, 0
  sfence.vma s0, a1
  ld a0, 0(s0)
  CHECK 5, a0, 0x5555555555555555
  /* 6: a store after a remap lands in the new page */
  MAPR VA, P(6), RW_AD, PAGE_4K
  sfence.vma s0
  li a0, 0x6767
  sd a0, 8(s0)
  la t0, P(6)
  ld a1, 8(t0)
  CHECK 6, a1, 0x6767
  la t0, P(5)
  ld a1, 8(t0)
  CHECK 7, a1, 0
  /* 8-10: valid -> invalid: the access faults */
  MAPR VA, P(6), 0, PAGE_4K
  sfence.vma s0
  EXPECT_FAULT 8, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  /* 11: invalid -> valid: the access works (the faulting access before
   * may have cached nothing, or something: sfence.vma covers both) */
  MAPR VA, P(1), RW_AD, PAGE_4K
  sfence.vma s0
  ld a0, 0(s0)
  CHECK 11, a0, 0x1111111111111111
  /* 12-15: RW -> R: stores fault; R -> RW: stores work */
  sd a0, 16(s0)
  MAPR VA, P(1), PTE_V | PTE_R | PTE_AD, PAGE_4K
  sfence.vma s0
  EXPECT_FAULT 12, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  MAPR VA, P(1), RW_AD, PAGE_4K
  sfence.vma s0
  EXPECT_OK 15, sd a0, 16(s0)
  /* 16-18: S -> U page: S-mode loads fault (SUM = 0) */
  MAPR VA, P(1), RW_AD | PTE_U, PAGE_4K
  sfence.vma s0
  EXPECT_FAULT 16, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  /* 19-20: a 2 MiB page remapped, fenced by an address inside it */
  li s1, 0x00612340
  MAPC 0x00600000, 0x80200000, RW_AD, PAGE_2M
  sfence.vma
  li a0, 0x2020
  sd a0, 0(s1)                  /* -> 0x80212340 */
  MAPC 0x00600000, 0x80400000, RW_AD, PAGE_2M
  sfence.vma s1
  li a0, 0x4040
  sd a0, 0(s1)                  /* -> 0x80412340 */
  li t0, 0x80212340
  ld a1, 0(t0)
  CHECK 19, a1, 0x2020
  li t0, 0x80412340
  ld a1, 0(t0)
  CHECK 20, a1, 0x4040
  /* 21-22: a non-leaf PTE repointed to another level-0 table */
  MAPR 0x00800000, P(1), RW_AD, PAGE_4K
  sfence.vma
  li s1, 0x00800000
  ld a0, 0(s1)
  CHECK 21, a0, 0x1111111111111111
  call pg_alloc_table
  mv s2, a0                     /* new level-0 table */
  la t0, P(2)
  srli t0, t0, 12
  slli t0, t0, 10
  ori t0, t0, RW_AD
  sd t0, 0(s2)                  /* its entry 0 -> P2 */
  li a0, 0x00800000
  li a1, PAGE_2M
  call pg_pte                   /* the level-1 PTE */
  srli t0, s2, 12
  slli t0, t0, 10
  ori t0, t0, PTE_V
  sd t0, 0(a0)
  sfence.vma x0, x0
  ld a0, 0(s1)
  CHECK 22, a0, 0x2222222222222222
  /* 23-26: fetch: VA runs the snippet (a0 += 1), then P7 (a0 += 5) */
  li s1, 0x00900000
  MAPR 0x00900000, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_A, PAGE_4K
  sfence.vma
  li a0, 0
  EXPECT_OK 23, jalr ra, 0(s1)
  CHECK 24, a0, 1
  MAPR 0x00900000, P(7), PTE_V | PTE_R | PTE_X | PTE_A, PAGE_4K
  sfence.vma s1
  li a0, 0
  EXPECT_OK 25, jalr ra, 0(s1)
  CHECK 26, a0, 5
  /* 27-29: code page made non-executable: fetch faults */
  MAPR 0x00900000, P(7), PTE_V | PTE_R | PTE_A, PAGE_4K
  sfence.vma s1
  EXPECT_FETCH_FAULT 27, CAUSE_FETCH_PAGE, s1, s1

  /* 30-33: two sets of tables mapping VA differently; satp switches */
  MAPR VA, P(3), RW_AD, PAGE_4K
  sfence.vma
  csrr s2, satp                 /* tables A: VA -> P3 */
  li a0, 3
  call pg_new_root
  mv s3, a0                     /* tables B */
  MAPR VA, P(4), RW_AD, PAGE_4K
  ld a0, 0(s0)
  CHECK 30, a0, 0x3333333333333333
  csrw satp, s3
  sfence.vma
  ld a0, 0(s0)
  CHECK 31, a0, 0x4444444444444444
  csrw satp, s2
  sfence.vma
  ld a0, 0(s0)
  CHECK 32, a0, 0x3333333333333333
  /* 33: in tables B, VA made invalid: after switching, it faults */
  mv a0, s3
  call pg_use_root
  MAPR VA, P(4), 0, PAGE_4K
  csrw satp, s3
  sfence.vma
  EXPECT_FAULT 33, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  csrw satp, s2
  sfence.vma
  TEST_PASS
