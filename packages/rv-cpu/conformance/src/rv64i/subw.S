/* subw: 32-bit subtraction, result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, subw, -1, 0, 1
  T_RR 2, subw, 0x7fffffff, 0x80000000, 1
  T_RR 3, subw, 0xffffffff80000000, 0x7fffffff, -1
  T_RR 4, subw, -1, 0x100000000, 1
  T_RR 5, subw, -2, 0xffffffff00000003, 5
  T_RR 6, subw, 0, 0x123456789, 0x23456789
  T_RR 7, subw, 0xffffffff80000000, 0, 0x80000000
  T_RR 8, subw, 1, 0x0000000100000000, 0xffffffffffffffff
  T_RR_D1 9, subw, 2, 13, 11
  T_RR_D2 10, subw, 0xfffffffffffffffd, 11, 14
  T_RR_SAME 11, subw, 0, 0xffffffff80000000
  T_RR_X0 12, subw, 5, 2
  TEST_PASS
