/* lh: load halfword, sign-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lh, 0x3210, d0, 0
  T_LOAD 2, lh, 0xfffffffffffffedc, d0+6, 0
  T_LOAD 3, lh, 0xffffffffffffcdef, d1, 0
  T_LOAD 4, lh, 0x0123, d1+6, 0
  T_LOAD 5, lh, 0xffffffffffffba98, d0+4, 0
  T_LOAD 6, lh, 0x4567, d1+4, 2046
  T_LOAD 7, lh, 0xffffffffffff89ab, d1+2, -2048
  T_LOAD 8, lh, 0x7654, d0+2, -2
  la a1, d0+6
  lh a1, 0(a1)
  CHECK 9, a1, 0xfffffffffffffedc
  la a1, d0
  lh x0, 6(a1)
  CHECK 10, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
