/* div: signed division, rounding toward zero; x/0 = -1; MIN/-1 = MIN. */
#include "test.h"
TEST_BEGIN
  T_RR 1, div, 3, 20, 6
  T_RR 2, div, -3, -20, 6
  T_RR 3, div, -3, 20, -6
  T_RR 4, div, 3, -20, -6
  T_RR 5, div, -1, 20, 0
  T_RR 6, div, -1, 0, 0
  T_RR 7, div, -1, -20, 0
  T_RR 8, div, -1, 0x8000000000000000, 0
  T_RR 9, div, 0x8000000000000000, 0x8000000000000000, -1
  T_RR 10, div, 0x8000000000000000, 0x8000000000000000, 1
  T_RR 11, div, 0xc000000000000000, 0x8000000000000000, 2
  T_RR 12, div, 0, 1, 2
  T_RR 13, div, 0, -1, 2
  T_RR 14, div, 0xd555555555555556, 0x8000000000000000, 3
  T_RR 15, div, -0x7fffffffffffffff, 0x7fffffffffffffff, -1
  T_RR 16, div, 1, 0x8000000000000000, 0x8000000000000000
  T_RR_D1 17, div, 4, 44, 11
  T_RR_D2 18, div, -4, -44, 11
  T_RR_SAME 19, div, 1, -7
  T_RR_X0 20, div, 5, 0
  TEST_PASS
