/* mulhsu: high 64 bits of signed(rs1) x unsigned(rs2). */
#include "test.h"
TEST_BEGIN
  T_RR 1, mulhsu, 0, 0, 0
  T_RR 2, mulhsu, -1, -1, -1
  T_RR 3, mulhsu, 0, 1, -1
  T_RR 4, mulhsu, -1, -1, 1
  T_RR 5, mulhsu, 0x8000000000000000, 0x8000000000000000, -1
  T_RR 6, mulhsu, 0x7ffffffffffffffe, 0x7fffffffffffffff, -1
  T_RR 7, mulhsu, -1, -2, 0x8000000000000000
  T_RR 8, mulhsu, 1, 2, 0x8000000000000000
  T_RR 9, mulhsu, 0xc000000000000000, 0x8000000000000000, 0x8000000000000000
  T_RR 10, mulhsu, 0, 0, -1
  T_RR 11, mulhsu, -1, -3, 5
  T_RR_D1 12, mulhsu, -1, -2, 0x8000000000000000
  T_RR_D2 13, mulhsu, 0x8000000000000000, 0x8000000000000000, -1
  T_RR_SAME 14, mulhsu, 0xc000000000000000, 0x8000000000000000
  T_RR_X0 15, mulhsu, -1, -1
  TEST_PASS
