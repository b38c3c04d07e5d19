/* ld: load doubleword. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, ld, 0xfedcba9876543210, d0, 0
  T_LOAD 2, ld, 0x0123456789abcdef, d1, 0
  T_LOAD 3, ld, 0x1122334455667788, d0-8, 0
  T_LOAD 4, ld, 0x8899aabbccddeeff, d1+8, 0
  T_LOAD 5, ld, 0xfedcba9876543210, d0, 2040
  T_LOAD 6, ld, 0x0123456789abcdef, d1, -2048
  T_LOAD 7, ld, 0x0123456789abcdef, d1, -8
  la a1, d0
  ld a1, 8(a1)
  CHECK 8, a1, 0x0123456789abcdef
  la a1, d0
  ld x0, 0(a1)
  CHECK 9, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
