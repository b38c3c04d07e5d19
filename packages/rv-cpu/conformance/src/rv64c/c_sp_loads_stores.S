/* c.lwsp / c.ldsp / c.swsp / c.sdsp: sp-relative, any rd/rs2,
 * uimm up to 252 (word) and 504 (doubleword). */
#include "test.h"
TEST_BEGIN
  .option rvc
  la sp, area
  c.lwsp ra, 0(sp)
  CHECK 1, ra, 0xffffffff80000000
  c.lwsp t4, 252(sp)
  CHECK 2, t4, 0x7fffffff
  c.lwsp x31, 4(sp)
  mv a0, x31
  CHECK 3, a0, 0x00000001
  c.ldsp ra, 0(sp)
  CHECK 4, ra, 0x0000000180000000
  c.ldsp t4, 504(sp)
  CHECK 5, t4, 0xfedcba9876543210
  c.ldsp s11, 248(sp)
  CHECK 6, s11, 0x7fffffff00000000
  /* stores */
  li ra, 0xffffffff0000abcd
  c.swsp ra, 0(sp)
  lwu a0, 0(sp)
  CHECK 7, a0, 0x0000abcd
  lwu a0, 4(sp)
  CHECK 8, a0, 0x00000001
  li x31, 0x13579bdf
  c.swsp x31, 252(sp)
  lw a0, 252(sp)
  CHECK 9, a0, 0x13579bdf
  li t4, 0x0102030405060708
  c.sdsp t4, 504(sp)
  ld a0, 504(sp)
  CHECK 10, a0, 0x0102030405060708
  li x31, -3
  c.sdsp x31, 8(sp)
  ld a0, 8(sp)
  CHECK 11, a0, -3
  ld a0, 512(sp)
  CHECK 12, a0, 0x6666666666666666
  TEST_PASS
TEST_DATA
  .align 3
area:
  .word 0x80000000, 0x00000001
  .fill 60, 4, 0
  .word 0x00000000, 0x7fffffff
  .fill 31, 8, 0
  .dword 0xfedcba9876543210
  .dword 0x6666666666666666
