/* lwu: load word, zero-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lwu, 0x76543210, d0, 0
  T_LOAD 2, lwu, 0xfedcba98, d0+4, 0
  T_LOAD 3, lwu, 0x89abcdef, d1, 0
  T_LOAD 4, lwu, 0x01234567, d1+4, 0
  T_LOAD 5, lwu, 0xfedcba98, d0+4, 2044
  T_LOAD 6, lwu, 0x89abcdef, d1, -2048
  T_LOAD 7, lwu, 0x8899aabb, d1+12, -4
  la a1, d1
  lwu a1, 0(a1)
  CHECK 8, a1, 0x89abcdef
  la a1, d0
  lwu x0, 4(a1)
  CHECK 9, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
