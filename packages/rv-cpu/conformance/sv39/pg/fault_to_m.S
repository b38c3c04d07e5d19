/*
 * Page faults that are not delegated (medeleg bit clear) are taken in
 * M-mode, with mcause, mtval = the virtual address and mepc, from S- and
 * U-mode; delegating again sends them back to S.
 */
#include "pg.h"

TEST_BEGIN
  li a0, 0x10000
  la a1, pg_snippets
  li a2, PTE_V | PTE_U | PTE_R | PTE_X | PTE_A
  li a3, PAGE_4K
  call pg_map
  sfence.vma
  li t0, (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE) | (1 << CAUSE_FETCH_PAGE)
  csrc medeleg, t0
  GOTO_S
  /* 1-4: S-mode load page fault -> M */
  li s0, 0x600008
  EXPECT_FAULT 1, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  CHECK_TRAP_MODE 4, 3
  /* the handler continued in M-mode: back to S */
  GOTO_S
  /* 5-8: S-mode store page fault -> M */
  EXPECT_FAULT 5, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  CHECK_TRAP_MODE 8, 3
  GOTO_S
  /* 9-12: S-mode fetch page fault -> M */
  EXPECT_FETCH_FAULT 9, CAUSE_FETCH_PAGE, s0, s0
  CHECK_TRAP_MODE 12, 3
  GOTO_S
  /* 13-15: U-mode load page fault -> M (RUN_U from S; the fault returns
   * to tp in M-mode) */
  li s1, 0x10000 + SNIP_ULOAD
  li a0, 0x600010
  mv s0, a0
  RUN_U_EXPECT 13, CAUSE_LOAD_PAGE, s1, s0
  CHECK_TRAP_MODE 15, 3
  /* 16-18: delegated again: taken in S */
  li t0, (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE) | (1 << CAUSE_FETCH_PAGE)
  csrs medeleg, t0
  GOTO_S
  li s0, 0x600018
  EXPECT_FAULT 16, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  CHECK_TRAP_MODE 19, 1
  TEST_PASS
