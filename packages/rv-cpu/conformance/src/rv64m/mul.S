/* mul: low 64 bits of the product. */
#include "test.h"
TEST_BEGIN
  T_RR 1, mul, 21, 3, 7
  T_RR 2, mul, 1, -1, -1
  T_RR 3, mul, 0xfffffffffffffffe, 0x7fffffffffffffff, 2
  T_RR 4, mul, 0x8000000000000000, 0x8000000000000000, -1
  T_RR 5, mul, 0, 0x100000000, 0x100000000
  T_RR 6, mul, 0xfffffffe00000001, 0xffffffff, 0xffffffff
  T_RR 7, mul, -15, -3, 5
  T_RR 8, mul, 0x123456789abcdef0, 0x0123456789abcdef, 0x10
  T_RR 9, mul, 0, 0x123456789, 0
  T_RR 10, mul, 0x8000000000000000, 0x8000000000000000, 0x8000000000000001
  T_RR_D1 11, mul, 143, 13, 11
  T_RR_D2 12, mul, 154, 14, 11
  T_RR_SAME 13, mul, 0x100000000, 0x10000
  T_RR_X0 14, mul, 3, 5
  TEST_PASS
