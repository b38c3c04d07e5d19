/* lbu: load byte, zero-extended. */
#include "test.h"
TEST_BEGIN
  T_LOAD 1, lbu, 0x10, d0, 0
  T_LOAD 2, lbu, 0xfe, d0+7, 0
  T_LOAD 3, lbu, 0xef, d1, 0
  T_LOAD 4, lbu, 0x01, d1+7, 0
  T_LOAD 5, lbu, 0x98, d0+4, 0
  T_LOAD 6, lbu, 0xfe, d0+7, 2047
  T_LOAD 7, lbu, 0xcd, d1+1, -2048
  T_LOAD 8, lbu, 0xdc, d0+6, -1
  la a1, d1+2
  lbu a1, 0(a1)
  CHECK 9, a1, 0xab
  la a1, d0
  lbu x0, 7(a1)
  CHECK 10, x0, 0
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0x1122334455667788
d0: .dword 0xfedcba9876543210
d1: .dword 0x0123456789abcdef
  .dword 0x8899aabbccddeeff
