/*
 * Hardware A/D updates, checked by reading the PTE back from memory:
 * A is set by every successful access (load, store, AMO, LR/SC, fetch),
 * D by every successful store/AMO/SC; nothing else in the PTE changes;
 * a store that faults does not set D; non-leaf PTEs are not touched;
 * after software clears A/D (and sfence.vma) they are set again.
 * 4 KiB, 2 MiB and 1 GiB leaves; S- and U-mode accesses; a fetch of an
 * instruction that straddles two pages sets A in both.
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)

/* s1 = address of the PTE, s2 = its value: pg_map(va, pa_sym, flags, lvl) */
.macro MAPP va, pa_sym, flags, level
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, \level
  call pg_map
  mv s1, a0
  ld s2, 0(s1)
  sfence.vma
.endm

/* check n: the PTE (at s1) is now its original value (s2) | bits */
.macro PTE_IS n, bits
  ld t0, 0(s1)
  li t1, \bits
  or t1, t1, s2
  CHECK_EQ \n, t0, t1
.endm

TEST_BEGIN
  GOTO_S
  /* 1-3: load sets A only; then a store sets D (a clean page) */
  MAPP 0x400000, P(1), PTE_V | PTE_R | PTE_W, PAGE_4K
  PTE_IS 1, 0
  li s0, 0x400000
  EXPECT_OK 2, ld a0, 8(s0)
  PTE_IS 3, PTE_A
  EXPECT_OK 4, sd a0, 8(s0)
  PTE_IS 5, PTE_A | PTE_D
  /* 6-7: a store to a page with A = D = 0 sets both */
  MAPP 0x401000, P(2), PTE_V | PTE_R | PTE_W, PAGE_4K
  li s0, 0x401000
  EXPECT_OK 6, sw a0, 0x10(s0)
  PTE_IS 7, PTE_A | PTE_D
  /* 8-9: an AMO sets both */
  MAPP 0x402000, P(3), PTE_V | PTE_R | PTE_W, PAGE_4K
  li s0, 0x402000
  li a1, 1
  EXPECT_OK 8, amoadd.w a0, a1, (s0)
  PTE_IS 9, PTE_A | PTE_D
  /* 10-12: LR sets A only; a successful SC sets D */
  MAPP 0x403000, P(4), PTE_V | PTE_R | PTE_W, PAGE_4K
  li s0, 0x403000
  EXPECT_OK 10, lr.d a0, (s0)
  PTE_IS 11, PTE_A
  li a2, 8                      /* SC may fail spuriously: a few tries */
1:
  lr.d a0, (s0)
  sc.d a1, a0, (s0)
  beqz a1, 2f
  addi a2, a2, -1
  bnez a2, 1b
  FAIL_AT 12
2:
  PTE_IS 12, PTE_A | PTE_D
  /* 13-15: a fetch sets A only (execute-only page) */
  MAPP 0x404000, pg_snippets, PTE_V | PTE_X, PAGE_4K
  li s0, 0x404000
  li a0, 1
  EXPECT_OK 13, jalr ra, SNIP_INC(s0)
  CHECK 14, a0, 2
  PTE_IS 15, PTE_A
  /* 16-19: a store to a read-only page faults and does not set D */
  MAPP 0x405000, P(5), PTE_V | PTE_R | PTE_A, PAGE_4K
  li s0, 0x405000
  EXPECT_FAULT 16, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  PTE_IS 19, 0
  /* 20-22: a store to a U page from S without SUM faults, D stays 0 */
  MAPP 0x406000, P(5), PTE_V | PTE_U | PTE_R | PTE_W | PTE_A, PAGE_4K
  li s0, 0x406000
  EXPECT_FAULT 20, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  PTE_IS 23, 0
  /* 24-29: software clears D (sfence.vma): the next store sets it again;
   * clears A and D: the next load sets A, the next store D */
  MAPP 0x407000, P(6), PTE_V | PTE_R | PTE_W, PAGE_4K
  li s0, 0x407000
  EXPECT_OK 24, sd a0, 0(s0)
  PTE_IS 25, PTE_A | PTE_D
  ori t0, s2, PTE_A
  sd t0, 0(s1)
  sfence.vma s0
  EXPECT_OK 26, sd a0, 0(s0)
  PTE_IS 27, PTE_A | PTE_D
  sd s2, 0(s1)
  sfence.vma s0
  EXPECT_OK 28, ld a0, 0(s0)
  PTE_IS 29, PTE_A
  EXPECT_OK 30, sd a0, 0(s0)
  PTE_IS 31, PTE_A | PTE_D
  /* 32-33: the non-leaf PTEs above 0x400000 stay V-only pointers */
  li a0, 0x400000
  li a1, PAGE_2M
  call pg_pte
  ld a0, 0(a0)
  CHECK_MASK 32, a0, 0x3ff, PTE_V
  li a0, 0x400000
  li a1, PAGE_1G
  call pg_pte
  ld a0, 0(a0)
  CHECK_MASK 33, a0, 0x3ff, PTE_V
  /* 34-37: 2 MiB leaf: a load sets A, a store D */
  li a0, 0x00600000
  li a1, 0x80200000
  li a2, PTE_V | PTE_R | PTE_W
  li a3, PAGE_2M
  call pg_map
  mv s1, a0
  ld s2, 0(s1)
  sfence.vma
  li s0, 0x00612340
  EXPECT_OK 34, ld a0, 0(s0)
  PTE_IS 35, PTE_A
  EXPECT_OK 36, sd a0, 0(s0)
  PTE_IS 37, PTE_A | PTE_D
  /* 38-39: 1 GiB leaf (VA 0x4000_0000 -> RAM at 0x8000_0000): a store
   * sets A and D */
  li a0, 0x40000000
  li a1, 0x80000000
  li a2, PTE_V | PTE_R | PTE_W
  li a3, PAGE_1G
  call pg_map
  mv s1, a0
  ld s2, 0(s1)
  sfence.vma
  la s0, P(7)
  li t0, 0x40000000
  sub s0, s0, t0                /* P(7) as seen through the 1 GiB page */
  EXPECT_OK 38, sd a0, 0(s0)
  PTE_IS 39, PTE_A | PTE_D
  /* 40-43: U-mode: a load sets A, a store D */
  li a0, 0x10000
  la a1, pg_snippets
  li a2, PTE_V | PTE_U | PTE_R | PTE_X | PTE_A
  li a3, PAGE_4K
  call pg_map
  MAPP 0x408000, P(8), PTE_V | PTE_U | PTE_R | PTE_W, PAGE_4K
  li s3, 0x10000 + SNIP_ULOAD
  li s4, 0x10000 + SNIP_USTORE
  li a0, 0x408000
  RUN_U_EXPECT 40, CAUSE_ECALL_U, s3, x0
  PTE_IS 41, PTE_A
  li a0, 0x408008
  RUN_U_EXPECT 42, CAUSE_ECALL_U, s4, x0
  PTE_IS 43, PTE_A | PTE_D
  /* 44-47: an instruction straddling two pages sets A in both PTEs */
  MAPP 0x40a000, pg_snippets2, PTE_V | PTE_R | PTE_X, PAGE_4K
  mv s5, s1
  mv s6, s2
  MAPP 0x409000, pg_snippets, PTE_V | PTE_R | PTE_X, PAGE_4K
  li s0, 0x409000 + SNIP_CROSS
  li a0, 0
  EXPECT_OK 44, jalr ra, 0(s0)
  CHECK 45, a0, 2
  PTE_IS 46, PTE_A
  mv s1, s5
  mv s2, s6
  PTE_IS 47, PTE_A
  TEST_PASS
