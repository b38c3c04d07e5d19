/* rem: signed remainder, sign of the dividend; x%0 = x; MIN%-1 = 0. */
#include "test.h"
TEST_BEGIN
  T_RR 1, rem, 2, 20, 6
  T_RR 2, rem, -2, -20, 6
  T_RR 3, rem, 2, 20, -6
  T_RR 4, rem, -2, -20, -6
  T_RR 5, rem, 20, 20, 0
  T_RR 6, rem, -20, -20, 0
  T_RR 7, rem, 0, 0, 0
  T_RR 8, rem, 0x8000000000000000, 0x8000000000000000, 0
  T_RR 9, rem, 0, 0x8000000000000000, -1
  T_RR 10, rem, 0, 0x8000000000000000, 1
  T_RR 11, rem, 0xfffffffffffffffe, 0x8000000000000000, 3
  T_RR 12, rem, 1, 1, 2
  T_RR 13, rem, -1, -1, 2
  T_RR 14, rem, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000
  T_RR_D1 15, rem, 1, 45, 11
  T_RR_D2 16, rem, -1, -45, 11
  T_RR_SAME 17, rem, 0, -7
  T_RR_X0 18, rem, 5, 0
  TEST_PASS
