/* mulhu: high 64 bits of unsigned x unsigned product. */
#include "test.h"
TEST_BEGIN
  T_RR 1, mulhu, 0, 0, 0
  T_RR 2, mulhu, 0xfffffffffffffffe, -1, -1
  T_RR 3, mulhu, 0, -1, 1
  T_RR 4, mulhu, 1, -1, 2
  T_RR 5, mulhu, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000
  T_RR 6, mulhu, 1, 0x8000000000000000, 2
  T_RR 7, mulhu, 1, 0x100000000, 0x100000000
  T_RR 8, mulhu, 0xffffffff, 0xffffffff00000000, 0x100000000
  T_RR 9, mulhu, 0, 0, -1
  T_RR 10, mulhu, 4, -3, 5
  T_RR_D1 11, mulhu, 1, 0x100000000, 0x100000000
  T_RR_D2 12, mulhu, 0xffffffff, 0xffffffff00000000, 0x100000000
  T_RR_SAME 13, mulhu, 0xfffffffffffffffe, -1
  T_RR_X0 14, mulhu, -1, -1
  TEST_PASS
