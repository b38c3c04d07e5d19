/* sraw / sraiw: 32-bit arithmetic right shift, result sign-extended. */
#include "test.h"
TEST_BEGIN
  T_RR 1, sraw, 0xffffffff80000000, 0x80000000, 0
  T_RR 2, sraw, 0xffffffffc0000000, 0x80000000, 1
  T_RR 3, sraw, -1, 0x80000000, 31
  T_RR 4, sraw, 0, 0x7fffffff, 31
  T_RR 5, sraw, 0x3fffffff, 0x7fffffff, 1
  T_RR 6, sraw, 0xffffffff80000000, 0x0000000080000000, 32
  T_RR 7, sraw, 0x07ffffff, 0xffffffff7fffffff, 4
  T_RR 8, sraw, 0xfffffffff8000000, 0x0000000180000000, 4
  T_RR 9, sraw, -1, 0x80000000, 0xffffffffffffffff
  T_RR 10, sraw, 0x12345678, 0x12345678, 0xffffffffffffffe0
  T_RR_D1 11, sraw, -1, 0xffffffc0, 6
  T_RR_D2 12, sraw, 3, 0x30, 4
  T_RR_X0 13, sraw, -1, 1
  T_RI 14, sraiw, 0xffffffff80000000, 0x80000000, 0
  T_RI 15, sraiw, 0xffffffffc0000000, 0x80000000, 1
  T_RI 16, sraiw, -1, 0x80000000, 31
  T_RI 17, sraiw, 0, 0x7fffffff, 31
  T_RI 18, sraiw, 0x07ffffff, 0xffffffff7fffffff, 4
  T_RI 19, sraiw, 0xfffffffff8000000, 0x0000000180000000, 4
  T_RI 20, sraiw, 0x12345678, 0xff00000012345678, 0
  T_RI_D1 21, sraiw, 0xffffffffffffff00, 0x80000000, 23
  li a1, -1
  sraiw x0, a1, 1
  CHECK 22, x0, 0
  TEST_PASS
