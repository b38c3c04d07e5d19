/* lw: load word, sign-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lw, 0x76543210, d0, 0
  T_LOAD 2, lw, 0xfffffffffedcba98, d0+4, 0
  T_LOAD 3, lw, 0xffffffff89abcdef, d1, 0
  T_LOAD 4, lw, 0x01234567, d1+4, 0
  T_LOAD 5, lw, 0xfffffffffedcba98, d0+4, 2044
  T_LOAD 6, lw, 0xffffffff89abcdef, d1, -2048
  T_LOAD 7, lw, 0x76543210, d0, -4
  T_LOAD 8, lw, 0xffffffff8899aabb, d1+12, 0
  la a1, d0+4
  lw a1, 0(a1)
  CHECK 9, a1, 0xfffffffffedcba98
  la a1, d0
  lw x0, 4(a1)
  CHECK 10, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
