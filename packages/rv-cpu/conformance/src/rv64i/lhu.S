/* lhu: load halfword, zero-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lhu, 0x3210, d0, 0
  T_LOAD 2, lhu, 0xfedc, d0+6, 0
  T_LOAD 3, lhu, 0xcdef, d1, 0
  T_LOAD 4, lhu, 0x0123, d1+6, 0
  T_LOAD 5, lhu, 0xba98, d0+4, 2046
  T_LOAD 6, lhu, 0x89ab, d1+2, -2048
  T_LOAD 7, lhu, 0xfedc, d0+6, -2
  la a1, d1
  lhu a1, 0(a1)
  CHECK 8, a1, 0xcdef
  la a1, d0
  lhu x0, 6(a1)
  CHECK 9, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
