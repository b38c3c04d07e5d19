/*
 * R/W/X permissions per access type, in S-mode under Sv39, on 4 KiB pages
 * (A and D preset): loads need R (or X with MXR), stores and AMOs need W,
 * fetches need X; a denied access raises the page fault of its type with
 * stval = the address and leaves memory unchanged.
 */
#include "pg.h"

#define P1 (pg_test_pages + 0x1000)
#define P2 (pg_test_pages + 0x2000)
#define VA_R   0x410000
#define VA_RW  0x411000
#define VA_X   0x412000
#define VA_RX  0x413000
#define VA_RWX 0x414000

.macro MAPR va, pa_sym, flags
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, PAGE_4K
  call pg_map
.endm

TEST_BEGIN
  /* markers in the data pages (physical, through the identity map) */
  la t0, P1
  li t1, 0x1111111111111111
  sd t1, 0x10(t0)
  la t0, P2
  li t1, 0x2222222222222222
  sd t1, 0x10(t0)
  GOTO_S
  MAPR VA_R, P1, PTE_V | PTE_R | PTE_AD
  MAPR VA_RW, P2, PTE_V | PTE_R | PTE_W | PTE_AD
  MAPR VA_X, pg_snippets, PTE_V | PTE_X | PTE_AD
  MAPR VA_RX, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_AD
  MAPR VA_RWX, pg_snippets, PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD
  sfence.vma

  /* ---- R page ---- */
  li s0, VA_R + 0x10
  EXPECT_OK 1, ld a0, 0(s0)
  CHECK 2, a0, 0x1111111111111111
  li a0, 0x5555
  EXPECT_FAULT 3, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  EXPECT_FAULT 6, CAUSE_STORE_PAGE, s0, amoadd.d a0, a0, (s0)
  EXPECT_FETCH_FAULT 9, CAUSE_FETCH_PAGE, s0, s0
  EXPECT_OK 12, lr.d a0, (s0)
  CHECK 13, a0, 0x1111111111111111
  /* 14-16: SC after an LR of the same address: a store page fault, or
   * (SC may always fail) no trap and a failure code */
  lr.d a0, (s0)
  CLEAR_TRAP
  SET_CHECK 14
  la tp, 1f
  li a0, 0x5555
sc_r:
  sc.d a1, a0, (s0)
  li tp, 0
  CHECK_NE 14, a1, 0
  j 2f
1:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK 14, t5, CAUSE_STORE_PAGE
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ 15, t5, s0
2:
  /* 16: memory unchanged after the denied store, AMO and SC */
  la t0, P1
  ld a0, 0x10(t0)
  CHECK 16, a0, 0x1111111111111111
  /* 17-19: a denied 1-byte store */
  addi s0, s0, 7
  EXPECT_FAULT 17, CAUSE_STORE_PAGE, s0, sb a0, 0(s0)

  /* ---- RW page ---- */
  li s0, VA_RW + 0x10
  EXPECT_OK 20, ld a0, 0(s0)
  CHECK 21, a0, 0x2222222222222222
  li a0, 0x2323
  EXPECT_OK 22, sd a0, 0(s0)
  li a0, 0x10
  EXPECT_OK 23, amoadd.d a1, a0, (s0)
  CHECK 24, a1, 0x2323
  la t0, P2
  ld a0, 0x10(t0)
  CHECK 25, a0, 0x2333
  EXPECT_FETCH_FAULT 26, CAUSE_FETCH_PAGE, s0, s0
  lr.d a0, (s0)
  li a0, 0x2424
  sc.d a1, a0, (s0)
  la t0, P2
  ld a0, 0x10(t0)
  SET_CHECK 29
  beqz a1, 3f
  CHECK 29, a0, 0x2333        /* SC failed: memory unchanged */
  j 4f
3:
  CHECK 29, a0, 0x2424        /* SC succeeded */
4:

  /* ---- X page (MXR = 0) ---- */
  li s0, VA_X
  li a0, 5
  EXPECT_OK 30, jalr ra, SNIP_INC(s0)
  CHECK 31, a0, 6
  EXPECT_FAULT 32, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  EXPECT_FAULT 35, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  EXPECT_FAULT 38, CAUSE_LOAD_PAGE, s0, lr.d a0, (s0)
  /* 41-45: MXR = 1: the X page is readable; still not writable */
  SSTATUS_SET MSTATUS_MXR
  la t0, pg_snippets
  lwu s1, SNIP_INC(t0)
  EXPECT_OK 41, lwu a0, SNIP_INC(s0)
  CHECK_EQ 42, a0, s1
  EXPECT_FAULT 43, CAUSE_STORE_PAGE, s0, sw a0, 0(s0)
  /* 46-47: MXR does not change R pages or fetches */
  li s2, VA_R + 0x10
  EXPECT_OK 46, ld a0, 0(s2)
  li a0, 1
  EXPECT_OK 47, jalr ra, SNIP_INC(s0)
  SSTATUS_CLR MSTATUS_MXR
  /* 48-50: MXR cleared again: load faults again */
  EXPECT_FAULT 48, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)

  /* ---- RX page ---- */
  li s0, VA_RX
  li a0, 7
  EXPECT_OK 51, jalr ra, SNIP_INC(s0)
  CHECK 52, a0, 8
  EXPECT_OK 53, lwu a0, SNIP_INC(s0)
  CHECK_EQ 54, a0, s1
  addi s0, s0, 0x7f8
  EXPECT_FAULT 55, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  /* 62: the faults are taken in S-mode */
  CHECK_TRAP_MODE 62, 1

  /* ---- RWX page ---- */
  li s0, VA_RWX
  li a0, 9
  EXPECT_OK 58, jalr ra, SNIP_INC(s0)
  CHECK 59, a0, 10
  li a0, 0x77
  EXPECT_OK 60, sd a0, 0x7f8(s0); ld a1, 0x7f8(s0)
  CHECK 61, a1, 0x77
  sd zero, 0x7f8(s0)
  TEST_PASS
