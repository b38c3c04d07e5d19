/* divw: signed 32-bit division, result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, divw, 3, 20, 6
  T_RR 2, divw, -3, -20, 6
  T_RR 3, divw, -3, 20, -6
  T_RR 4, divw, 3, -20, -6
  T_RR 5, divw, -1, 20, 0
  T_RR 6, divw, -1, 0x0000000080000000, 0
  T_RR 7, divw, 0xffffffff80000000, 0x80000000, -1
  T_RR 8, divw, 0xffffffff80000000, 0x80000000, 0xffffffff
  T_RR 9, divw, 3, 0xffffffff00000014, 0x0000000100000006
  T_RR 10, divw, 0xffffffff80000000, 0x80000000, 1
  T_RR 11, divw, 0x40000000, 0x80000000, -2
  T_RR 12, divw, -1, 0x123456789, 0xffffffff00000000
  T_RR_D1 13, divw, 4, 44, 11
  T_RR_D2 14, divw, -4, -44, 11
  T_RR_SAME 15, divw, 1, 0x80000000
  T_RR_X0 16, divw, 5, 0
  TEST_PASS
