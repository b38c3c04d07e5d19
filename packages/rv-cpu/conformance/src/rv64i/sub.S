/* sub: 64-bit subtraction, wrapping. */
#include "test.h"
TEST_BEGIN
  T_RR 1, sub, 0, 0, 0
  T_RR 2, sub, 0, 1, 1
  T_RR 3, sub, -4, 3, 7
  T_RR 4, sub, -1, 0, 1
  T_RR 5, sub, 0x7fffffffffffffff, 0x8000000000000000, 1
  T_RR 6, sub, 0x8000000000000000, 0x7fffffffffffffff, -1
  T_RR 7, sub, 0x8000000000000000, 0, 0x8000000000000000
  T_RR 8, sub, 0xffffffff, 0x100000000, 1
  T_RR 9, sub, 1, 0, -1
  T_RR_D1 10, sub, 2, 13, 11
  T_RR_D2 11, sub, 3, 14, 11
  T_RR_SAME 12, sub, 0, 0x123456789
  T_RR_X0 13, sub, 5, 2
  /* neg idiom */
  li a1, 5
  sub a0, x0, a1
  CHECK 14, a0, -5
  TEST_PASS
