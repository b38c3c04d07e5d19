/* lr.w / sc.w / lr.d / sc.d: success and failure paths. */
#include "test.h"
TEST_BEGIN
  /* 1-2: sc without any reservation fails (rd != 0) and does not write */
  la a1, res_a
  li a2, 0x1111
  sd a2, 0(a1)
  li a2, 0x2222
  sc.d a3, a2, (a1)
  CHECK_NE 1, a3, 0
  ld a0, 0(a1)
  CHECK 2, a0, 0x1111

  /* 3-5: lr.d then sc.d to the same address succeeds (rd = 0) */
  la a1, res_a
  lr.d a0, (a1)
  CHECK 3, a0, 0x1111
  li a2, 0x3333
  sc.d a3, a2, (a1)
  CHECK 4, a3, 0
  ld a0, 0(a1)
  CHECK 5, a0, 0x3333

  /* 6-7: the reservation is gone after the sc: a second sc fails */
  li a2, 0x4444
  sc.d a3, a2, (a1)
  CHECK_NE 6, a3, 0
  ld a0, 0(a1)
  CHECK 7, a0, 0x3333

  /* 8-11: sc to a different address (another page) fails, and that sc
   * also invalidates the reservation on the first address */
  la a1, res_a
  la a4, res_b
  li a2, 0x5555
  sd a2, 0(a4)
  lr.d a0, (a1)
  li a2, 0x6666
  sc.d a3, a2, (a4)
  CHECK_NE 8, a3, 0
  ld a0, 0(a4)
  CHECK 9, a0, 0x5555
  li a2, 0x7777
  sc.d a3, a2, (a1)
  CHECK_NE 10, a3, 0
  ld a0, 0(a1)
  CHECK 11, a0, 0x3333

  /* 12: a store by this hart to the reserved address between lr and sc.
   * The spec only requires failure for stores by other harts/devices, so
   * the sc may succeed or fail; memory must match the outcome. */
  la a1, res_a
  lr.d a0, (a1)
  li a2, 0x8888
  sd a2, 0(a1)
  li a2, 0x9999
  sc.d a3, a2, (a1)
  ld a0, 0(a1)
  SET_CHECK 12
  beqz a3, 1f
  CHECK 12, a0, 0x8888
  j 2f
1:
  CHECK 12, a0, 0x9999
2:
  /* 13-16: lr.w sign-extends; sc.w writes only the low word */
  la a1, res_a
  li a2, 0x0123456780000000
  sd a2, 0(a1)
  lr.w a0, (a1)
  CHECK 13, a0, 0xffffffff80000000
  li a2, 0xffffffff12345678
  sc.w a3, a2, (a1)
  CHECK 14, a3, 0
  ld a0, 0(a1)
  CHECK 15, a0, 0x0123456712345678
  sc.w a3, a2, (a1)
  CHECK_NE 16, a3, 0

  /* 17-19: lr.w on the upper word of a doubleword */
  la a1, res_a
  addi a1, a1, 4
  lr.w a0, (a1)
  CHECK 17, a0, 0x01234567
  li a2, 0xfedcba98
  sc.w a3, a2, (a1)
  CHECK 18, a3, 0
  la a1, res_a
  ld a0, 0(a1)
  CHECK 19, a0, 0xfedcba9812345678

  /* 20-23: aq/rl forms */
  la a1, res_a
  lr.w.aq a0, (a1)
  CHECK 20, a0, 0x12345678
  li a2, 1
  sc.w.rl a3, a2, (a1)
  CHECK 21, a3, 0
  lr.d.aqrl a0, (a1)
  CHECK 22, a0, 0xfedcba9800000001
  li a2, 2
  sc.d.aqrl a3, a2, (a1)
  CHECK 23, a3, 0
  lr.d.aq a0, (a1)
  sc.d.rl a3, a0, (a1)
  CHECK 24, a3, 0
  lr.w.rl a0, (a1)
  sc.w.aq a3, a0, (a1)
  CHECK 25, a3, 0

  /* 26-27: sc with rd == rs2 */
  la a1, res_a
  lr.d a0, (a1)
  li a2, 0xabc
  sc.d a2, a2, (a1)
  CHECK 26, a2, 0
  ld a0, 0(a1)
  CHECK 27, a0, 0xabc

  /* 28: a typical lr/sc retry loop (atomic increment) */
  la a1, res_a
  sd zero, 0(a1)
  li a4, 10
3:
  lr.d a0, (a1)
  addi a0, a0, 3
  sc.d a3, a0, (a1)
  bnez a3, 3b
  addi a4, a4, -1
  bnez a4, 3b
  ld a0, 0(a1)
  CHECK 28, a0, 30

  /* 29-30: a newer lr replaces the reservation: sc to the older address fails */
  la a1, res_a
  la a4, res_b
  lr.d a0, (a1)
  lr.d a0, (a4)
  li a2, 0x77
  sc.d a3, a2, (a1)
  CHECK_NE 29, a3, 0
  ld a0, 0(a1)
  CHECK 30, a0, 30
  TEST_PASS

TEST_DATA
  .align 6
res_a: .dword 0
  .align 12
res_b: .dword 0
