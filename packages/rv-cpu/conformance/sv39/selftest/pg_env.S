/* Checks of the pg environment itself: boot state, mode changes, the trap
 * protocol in M-, S- and U-mode, pg_map. */
#include "pg.h"
TEST_BEGIN
  /* 1: satp holds Sv39 at entry, in M-mode */
  csrr a0, satp
  srli a0, a0, 60
  CHECK 1, a0, 8
  /* 2: mstatus is readable: we are in M-mode */
  EXPECT_OK 2, csrr a0, mstatus
  GOTO_S
  /* 3-4: in S-mode, mstatus is illegal; the trap is taken in S */
  EXPECT_TRAP 3, CAUSE_ILLEGAL, csrr a0, mstatus
  CHECK_TRAP_MODE 4, 1
  /* 5: RAM is identity mapped for S-mode */
  la a1, word
  ld a0, 0(a1)
  CHECK 5, a0, 0x1122334455667788
  /* 6: pg_map a 4 KiB page; a store through it lands in the page */
  li s0, 0x400000
  MAP_SYM 0x400000, pg_test_pages, PTE_V | PTE_R | PTE_W | PTE_AD, PAGE_4K
  sfence.vma
  li a0, 0xabcdef
  sd a0, 0x18(s0)
  la a1, pg_test_pages
  ld a2, 0x18(a1)
  CHECK 6, a2, 0xabcdef
  /* 7-9: a load from an unmapped page faults (cause, tval, epc) */
  li s1, 0x600008
  EXPECT_FAULT 7, CAUSE_LOAD_PAGE, s1, ld a0, 0(s1)
  /* 10-11: skip mode in S-mode */
  CLEAR_TRAP
  li tp, 1
  li a0, 0
  ld a2, 0(s1)
  addi a0, a0, 1
  sd a2, 0(s1)
  addi a0, a0, 1
  li tp, 0
  CHECK 10, a0, 2
  CHECK_TRAP_COUNT 11, 2
  /* 12-13: ecall from S goes to M */
  GOTO_M
  TRAP_FIELD a0, TR_CAUSE
  CHECK 12, a0, CAUSE_ECALL_S
  EXPECT_OK 13, csrr a0, mstatus
  GOTO_S
  /* 14-16: U-mode code (the snippet page, mapped U|R|X) loads from a U
   * page and ecalls back to S */
  li s2, 0x10000
  MAP_SYM 0x10000, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A, PAGE_4K
  MAP_SYM 0x11000, pg_test_pages, PTE_V | PTE_R | PTE_W | PTE_U | PTE_AD, PAGE_4K
  sfence.vma
  addi s3, s2, SNIP_ULOAD
  li a0, 0x11018
  li a1, 0
  RUN_U_EXPECT 14, CAUSE_ECALL_U, s3, x0
  CHECK 15, a1, 0xabcdef
  CHECK_TRAP_MODE 16, 1
  /* 17-18: U-mode fault: the trap value is the address */
  li a0, 0x600010
  mv s4, a0
  RUN_U_EXPECT 17, CAUSE_LOAD_PAGE, s3, s4
  TEST_PASS
TEST_DATA
word: .dword 0x1122334455667788
