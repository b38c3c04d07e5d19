/* sllw / slliw: 32-bit left shift (shamt[4:0]), result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, sllw, 1, 1, 0
  T_RR 2, sllw, 0xffffffff80000000, 1, 31
  T_RR 3, sllw, 1, 1, 32
  T_RR 4, sllw, 0xfffffffffffffffe, 0xffffffff, 1
  T_RR 5, sllw, 0x34567890, 0x123456789, 4
  T_RR 6, sllw, 0xffffffff80000000, 1, 63
  T_RR 7, sllw, 0xffffffff80000000, 0x40000000, 1
  T_RR 8, sllw, 0, 0xffffffff00000000, 4
  T_RR 9, sllw, 0xffffffff80000000, 0x0000000080000000, 0
  T_RR 10, sllw, 0x7ffffffe, 0x3fffffff, 0xffffffffffffffe1
  T_RR_D1 11, sllw, 0x40, 1, 6
  T_RR_D2 12, sllw, 0x30, 3, 4
  T_RR_X0 13, sllw, 1, 1
  T_RI 14, slliw, 1, 1, 0
  T_RI 15, slliw, 0xffffffff80000000, 1, 31
  T_RI 16, slliw, 0xffffffff80000000, 0x0000000080000000, 0
  T_RI 17, slliw, 0x7fffffff, 0xffffffff7fffffff, 0
  T_RI 18, slliw, 0xfffffffffffffffe, 0x7fffffff, 1
  T_RI 19, slliw, 0x45678900, 0xabcdef0123456789, 8
  T_RI 20, slliw, 0, 0xfffffffe, 31
  T_RI_D1 21, slliw, 0xfffffffff0000000, 0xff, 28
  li a1, 1
  slliw x0, a1, 3
  CHECK 22, x0, 0
  TEST_PASS
