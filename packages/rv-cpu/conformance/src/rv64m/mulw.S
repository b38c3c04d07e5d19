/* mulw: low 32 bits of the product, sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, mulw, 21, 3, 7
  T_RR 2, mulw, -2, 0x7fffffff, 2
  T_RR 3, mulw, 0, 0x10000, 0x10000
  T_RR 4, mulw, 1, 0xffffffff, 0xffffffff
  T_RR 5, mulw, 0x23456789, 0x123456789, 1
  T_RR 6, mulw, 0xffffffff80000000, 0x80000000, 1
  T_RR 7, mulw, 0xffffffff80000000, -1, 0x80000000
  T_RR 8, mulw, -1, 0x10001, 0xffff
  T_RR 9, mulw, 6, 0xffffffff00000002, 0x0000000100000003
  T_RR_D1 10, mulw, 143, 13, 11
  T_RR_D2 11, mulw, -154, 14, -11
  T_RR_SAME 12, mulw, 0, 0x10000
  T_RR_X0 13, mulw, 3, 5
  TEST_PASS
