/* mulh: high 64 bits of signed x signed product. */
#include "test.h"
TEST_BEGIN
  T_RR 1, mulh, 0, 0, 0
  T_RR 2, mulh, 0, 1, 1
  T_RR 3, mulh, 0, -1, -1
  T_RR 4, mulh, -1, -1, 1
  T_RR 5, mulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
  T_RR 6, mulh, 0x3fffffffffffffff, 0x7fffffffffffffff, 0x7fffffffffffffff
  T_RR 7, mulh, 0xc000000000000000, 0x8000000000000000, 0x7fffffffffffffff
  T_RR 8, mulh, -1, 0x8000000000000000, 1
  T_RR 9, mulh, 0, 0x8000000000000000, -1
  T_RR 10, mulh, 1, 0x100000000, 0x100000000
  T_RR 11, mulh, -1, 0xffffffff00000000, 0x100000000
  T_RR 12, mulh, -1, -3, 5
  T_RR_D1 13, mulh, 1, 0x100000000, 0x100000000
  T_RR_D2 14, mulh, -1, 0xffffffff00000000, 0x100000000
  T_RR_SAME 15, mulh, 0x4000000000000000, 0x8000000000000000
  T_RR_X0 16, mulh, -1, -1
  TEST_PASS
