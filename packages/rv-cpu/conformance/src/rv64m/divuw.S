/* divuw: unsigned 32-bit division, result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, divuw, 3, 20, 6
  T_RR 2, divuw, 0x2aaaaaa7, -20, 6
  T_RR 3, divuw, 0xffffffff80000000, 0x80000000, 1
  T_RR 4, divuw, -1, 20, 0
  T_RR 5, divuw, -1, 0, 0
  T_RR 6, divuw, -1, 0xffffffff, 1
  T_RR 7, divuw, 1, 0xffffffff, 0xffffffff
  T_RR 8, divuw, 0, 0x80000000, -1
  T_RR 9, divuw, 3, 0xffffffff00000014, 0x0000000100000006
  T_RR 10, divuw, 0x40000000, 0x80000000, 2
  T_RR 11, divuw, -1, 0x1234567800000000, 0x0000000100000000
  T_RR_D1 12, divuw, 4, 44, 11
  T_RR_D2 13, divuw, 0, 11, 44
  T_RR_SAME 14, divuw, 1, 0x80000000
  T_RR_X0 15, divuw, 5, 0
  TEST_PASS
