/* remuw: unsigned 32-bit remainder, sign-extended; x%0 = sext(x[31:0]). */
#include "test.h"
TEST_BEGIN
  T_RR 1, remuw, 2, 20, 6
  T_RR 2, remuw, 2, 0xffffffec, 6
  T_RR 3, remuw, 0xffffffff80000001, 0x80000001, 0
  T_RR 4, remuw, 0x14, 0xabcdef0000000014, 0
  T_RR 5, remuw, 0, 0xffffffff, 0xffffffff
  T_RR 6, remuw, 0xffffffff80000000, 0x80000000, -1
  T_RR 7, remuw, 2, 0xffffffff00000014, 0x0000000100000006
  T_RR 8, remuw, 0, 0x80000000, 1
  T_RR 9, remuw, 0x7fffffff, 0x7fffffff, 0x80000000
  T_RR_D1 10, remuw, 1, 45, 11
  T_RR_D2 11, remuw, 11, 11, 45
  T_RR_SAME 12, remuw, 0, 0x80000000
  T_RR_X0 13, remuw, 5, 0
  TEST_PASS
