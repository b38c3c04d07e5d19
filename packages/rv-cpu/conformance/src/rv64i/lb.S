/* lb: load byte, sign-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lb, 0x10, d0, 0
  T_LOAD 2, lb, 0xfffffffffffffffe, d0+7, 0
  T_LOAD 3, lb, 0xffffffffffffffef, d1, 0
  T_LOAD 4, lb, 0x01, d1+7, 0
  T_LOAD 5, lb, 0xffffffffffffff98, d0+4, 0
  T_LOAD 6, lb, 0x76, d0+3, 0
  T_LOAD 7, lb, 0x10, d0, 2047
  T_LOAD 8, lb, 0xffffffffffffffef, d1, -2048
  T_LOAD 9, lb, 0xffffffffffffff89, d1+3, 1
  T_LOAD 10, lb, 0xffffffffffffffdc, d0+6, -1
  /* rd == base */
  la a1, d1+1
  lb a1, 0(a1)
  CHECK 11, a1, 0xffffffffffffffcd
  /* rd = x0 */
  la a1, d0
  lb x0, 7(a1)
  CHECK 12, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
