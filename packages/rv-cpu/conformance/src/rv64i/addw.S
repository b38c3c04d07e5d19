/* addw: 32-bit add, result sign-extended to 64 bits; upper input bits ignored. */
#include "test.h"
TEST_BEGIN
  T_RR 1, addw, 2, 1, 1
  T_RR 2, addw, 0xffffffff80000000, 0x7fffffff, 1
  T_RR 3, addw, 0, 0xffffffff, 1
  T_RR 4, addw, 0x23456789, 0x123456789, 0
  T_RR 5, addw, 0, 0x80000000, 0x80000000
  T_RR 6, addw, -2, -1, -1
  T_RR 7, addw, 0xfffffffffffffffe, 0x7fffffff, 0x7fffffff
  T_RR 8, addw, 2, 0xffffffff00000001, 0xffffffff00000001
  T_RR 9, addw, 0x7fffffff, 0xffffffff80000000, -1
  T_RR 10, addw, 0x7fffffff, 0x123456780000000f, 0x7ffffff0
  T_RR_D1 11, addw, 0xffffffff80000000, 0x40000000, 0x40000000
  T_RR_D2 12, addw, 0x12, 0xff00000000000002, 0x10
  T_RR_SAME 13, addw, 0xfffffffffffffffe, 0xffffffff
  T_RR_X0 14, addw, 1, 2
  TEST_PASS
