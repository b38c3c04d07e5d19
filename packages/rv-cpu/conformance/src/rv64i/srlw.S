/* srlw / srliw: 32-bit logical right shift, result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, srlw, 0xffffffff80000000, 0x80000000, 0
  T_RR 2, srlw, 0x40000000, 0x80000000, 1
  T_RR 3, srlw, 1, 0x80000000, 31
  T_RR 4, srlw, 0xffffffff80000000, 0xffffffff80000000, 32
  T_RR 5, srlw, 1, -1, 31
  T_RR 6, srlw, 0x02345678, 0x123456789, 4
  T_RR 7, srlw, 0, 0xffffffff00000000, 1
  T_RR 8, srlw, -1, -1, 0
  T_RR 9, srlw, 0x7fffffff, -1, 0xffffffffffffffe1
  T_RR 10, srlw, 0x01, 0x0000000080000000, 63
  T_RR_D1 11, srlw, 1, 0x40, 6
  T_RR_D2 12, srlw, 0x0ffffff, 0xffffffff, 8
  T_RR_X0 13, srlw, -1, 1
  T_RI 14, srliw, 0xffffffff80000000, 0x80000000, 0
  T_RI 15, srliw, 0x40000000, 0x80000000, 1
  T_RI 16, srliw, 1, 0x80000000, 31
  T_RI 17, srliw, 1, -1, 31
  T_RI 18, srliw, 0x02345678, 0x123456789, 4
  T_RI 19, srliw, 0x7fffffff, 0x5555555500000000 + 0xffffffff, 1
  T_RI_D1 20, srliw, 0x00ffffff, 0xffffffff, 8
  li a1, -1
  srliw x0, a1, 1
  CHECK 21, x0, 0
  TEST_PASS
