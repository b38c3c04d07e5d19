/*
 * Sv48 (satp MODE 9), if the hart accepts it (else: satp must be left
 * unchanged, and the test passes): four-level walks with 4 KiB, 2 MiB,
 * 1 GiB and 512 GiB pages, 48-bit canonical addresses (valid only in
 * Sv48), non-canonical addresses, misaligned 512 GiB page, invalid level-3
 * PTE, fetches, A/D; then back to Sv39, where the 48-bit addresses are
 * non-canonical again.
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define RW_AD  (PTE_V | PTE_R | PTE_W | PTE_AD)
#define RWX_AD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD)

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

/* checks n..n+8: load, store, fetch at s0 page-fault */
.macro THREE_FAULTS n
  EXPECT_FAULT \n, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  EXPECT_FAULT (\n + 3), CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  EXPECT_FETCH_FAULT (\n + 6), CAUSE_FETCH_PAGE, s0, s0
.endm

TEST_BEGIN
  la t0, P(1)
  li t1, 0x1111111111111111
  sd t1, 0(t0)
  la t0, P(2)
  li t1, 0x2222222222222222
  sd t1, 0(t0)
  la t0, P(3)
  li t1, 0x3333333333333333
  sd t1, 0(t0)
  li t0, 0x80200000
  li t1, 0x2020202020202020
  sd t1, 0(t0)
  csrr s2, satp                 /* the Sv39 tables */
  li a0, 4
  call pg_new_root
  mv s3, a0                     /* Sv48 tables with the identity 1 GiB page */
  csrw satp, s3
  csrr a0, satp
  beq a0, s3, sv48
  /* 1: not supported: satp unchanged */
  CHECK_EQ 1, a0, s2
  TEST_PASS

sv48:
  sfence.vma
  MAPR 0x400000, P(1), RW_AD, PAGE_4K
  MAPR 0x0000400000001000, P(2), RW_AD, PAGE_4K
  MAPC 0x00007fffffe00000, 0x80200000, RW_AD, PAGE_2M
  MAPC 0x0000008000000000, 0x80000000, RWX_AD, PAGE_1G
  MAPC 0x0000010000000000, 0, RWX_AD, PAGE_512G
  MAPR 0xffff800000000000, P(3), RW_AD, PAGE_4K
  MAPR 0x500000, pg_snippets, PTE_V | PTE_R | PTE_X, PAGE_4K
  mv s4, a0                     /* its PTE (A clear) */
  MAPC 0x0000018000000000, 0x40000000, RWX_AD, PAGE_512G
  sfence.vma
  GOTO_S
  /* 2: 4 KiB page through four levels */
  li s0, 0x400000
  ld a0, 0(s0)
  CHECK 2, a0, 0x1111111111111111
  /* 3-4: a 48-bit address (bit 46 set) */
  li s0, 0x0000400000001000
  ld a0, 0(s0)
  CHECK 3, a0, 0x2222222222222222
  li a0, 0x4343
  sd a0, 8(s0)
  la t0, P(2)
  ld a1, 8(t0)
  CHECK 4, a1, 0x4343
  /* 5: 2 MiB page at the top of the lower half */
  li s0, 0x00007fffffe00000
  ld a0, 0(s0)
  CHECK 5, a0, 0x2020202020202020
  /* 6-7: 1 GiB page (VPN[3] = 1): load and fetch */
  la s0, P(1)
  li t0, 0x0000008000000000 - 0x80000000
  add s0, s0, t0
  ld a0, 0(s0)
  CHECK 6, a0, 0x1111111111111111
  la s0, pg_snippets
  li t0, 0x0000008000000000 - 0x80000000
  add s0, s0, t0
  li a0, 1
  EXPECT_OK 7, jalr ra, SNIP_INC(s0)
  /* 8-9: 512 GiB page at 0x0100_0000_0000 -> physical 0 */
  la s0, P(3)
  li t0, 0x0000010000000000
  add s0, s0, t0
  ld a0, 0(s0)
  CHECK 8, a0, 0x3333333333333333
  la s0, pg_snippets
  li t0, 0x0000010000000000
  add s0, s0, t0
  li a0, 1
  EXPECT_OK 9, jalr ra, SNIP_INC(s0)
  /* 10: upper-half page at the lowest negative address */
  li s0, 0xffff800000000000
  ld a0, 0(s0)
  CHECK 10, a0, 0x3333333333333333
  /* 11-13: fetch through a 4 KiB Sv48 page sets A */
  li s0, 0x500000
  li a0, 1
  EXPECT_OK 11, jalr ra, SNIP_INC(s0)
  CHECK 12, a0, 2
  ld a0, 0(s4)
  CHECK_MASK 13, a0, PTE_A | PTE_D, PTE_A
  /* 14-22: non-canonical: bit 47 set, bits 63:48 clear */
  li s0, 0x0000800000000000
  THREE_FAULTS 14
  /* 23-25: non-canonical: bits 63:48 set, bit 47 clear */
  li s0, 0xffff000000000000
  EXPECT_FAULT 23, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  /* 26-34: misaligned 512 GiB page */
  li s0, 0x0000018000000000
  THREE_FAULTS 26
  /* 35-37: invalid level-3 PTE */
  li s0, 0x0000020000000000
  EXPECT_FAULT 35, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)

  /* 38-40: back to Sv39: the 48-bit address is non-canonical again */
  csrw satp, s2
  sfence.vma
  li s0, 0x0000400000001000
  EXPECT_FAULT 38, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  TEST_PASS
