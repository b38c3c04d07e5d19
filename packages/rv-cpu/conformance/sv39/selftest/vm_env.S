/* Checks of the vm environment itself: the test runs in U-mode, at low
 * virtual addresses, under Sv39, and the kernel's trap protocol works. */
#include "test.h"
TEST_BEGIN
  /* 1: the pc is a low virtual address (the user image is at 0x10000) */
  auipc a0, 0
  li a1, 0x200000
  SET_CHECK 1
  bgeu a0, a1, env_fail
  li a1, 0x10000
  bltu a0, a1, env_fail
  /* 2-4: M- and S-mode CSRs are illegal in U-mode (handled in S) */
  EXPECT_TRAP 2, CAUSE_ILLEGAL, csrr a0, mstatus
  CHECK_TRAP_MODE 3, 1
  EXPECT_TRAP 4, CAUSE_ILLEGAL, csrr a0, sstatus
  /* 5-7: page 0 is not mapped: load page fault with stval = 0 */
  CLEAR_TRAP
  SET_CHECK 5
  li a1, 0
  la tp, 1f
pf_insn:
  ld a0, 0(a1)
  j env_fail
1:
  li tp, 0
  TRAP_FIELD t5, TI_CAUSE
  CHECK 5, t5, CAUSE_LOAD_PAGE
  CHECK_TRAP_TVAL 6, 0
  CHECK_TRAP_EPC 7, pf_insn
  /* 8-9: store page fault above the image, stval = the address */
  li a1, 0x1ff008
  EXPECT_TRAP 8, CAUSE_STORE_PAGE, sd a0, 0(a1)
  CHECK_TRAP_TVAL 9, 0x1ff008
  /* 10-11: the kernel's 1 GiB page is not a U page */
  li a1, 0x80000000
  EXPECT_TRAP 10, CAUSE_LOAD_PAGE, lw a0, 0(a1)
  CHECK_TRAP_TVAL 11, 0x80000000
  /* 12-13: fetch page fault: jump to an unmapped address */
  li a1, 0x300000
  EXPECT_TRAP 12, CAUSE_FETCH_PAGE, jalr a1
  CHECK_TRAP_TVAL 13, 0x300000
  /* 14: ecall with tp set is recorded like any exception (cause 8) */
  EXPECT_TRAP 14, CAUSE_ECALL_U, ecall
  /* 15-16: skip mode (tp = 1), 4-byte and 2-byte instructions */
  CLEAR_TRAP
  li tp, 1
  li a0, 0
  li a1, 0
  ld a2, 0(a1)
  addi a0, a0, 1
  .option rvc
  c.ld a2, 0(a1)
  .option norvc
  addi a0, a0, 1
  li tp, 0
  CHECK 15, a0, 2
  CHECK_TRAP_COUNT 16, 2
  /* 17: registers survive a trap */
  li s0, 0x123456789
  li a1, 0
  EXPECT_TRAP 17, CAUSE_LOAD_PAGE, ld a0, 0(a1)
  CHECK 17, s0, 0x123456789
  /* 18: user data is writable and readable back */
  la a1, buf
  li a2, 0x55aa
  sd a2, 0(a1)
  ld a0, 0(a1)
  CHECK 18, a0, 0x55aa
  TEST_PASS
TEST_DATA
buf: .dword 0
