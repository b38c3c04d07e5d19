/* remw: signed 32-bit remainder, sign-extended; x%0 = sext(x[31:0]). */
#include "test.h"
TEST_BEGIN
  T_RR 1, remw, 2, 20, 6
  T_RR 2, remw, -2, -20, 6
  T_RR 3, remw, 2, 20, -6
  T_RR 4, remw, -2, -20, -6
  T_RR 5, remw, 0xffffffff80000000, 0x0000000080000000, 0
  T_RR 6, remw, 0x14, 0x0000001200000014, 0
  T_RR 7, remw, 0, 0x80000000, -1
  T_RR 8, remw, 0, 0x80000000, 0xffffffff
  T_RR 9, remw, 2, 0xffffffff00000014, 0x0000000100000006
  T_RR 10, remw, -1, 0xffffffff, 0
  T_RR 11, remw, 0xffffffff80000000, 0x80000000, 0x7fffffff00000000
  T_RR_D1 12, remw, 1, 45, 11
  T_RR_D2 13, remw, -1, -45, 11
  T_RR_SAME 14, remw, 0, 0x80000000
  T_RR_X0 15, remw, 5, 0
  TEST_PASS
