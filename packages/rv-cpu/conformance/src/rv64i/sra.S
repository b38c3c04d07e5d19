/* sra / srai: 64-bit arithmetic right shift. */
#include "test.h"
TEST_BEGIN
  T_RR 1, sra, 0x8000000000000000, 0x8000000000000000, 0
  T_RR 2, sra, 0xc000000000000000, 0x8000000000000000, 1
  T_RR 3, sra, 0xffffffff00000000, 0x8000000000000000, 31
  T_RR 4, sra, 0xffffffff80000000, 0x8000000000000000, 32
  T_RR 5, sra, 0xffffffffffffffff, 0x8000000000000000, 63
  T_RR 6, sra, 0, 0x7fffffffffffffff, 63
  T_RR 7, sra, 0x7fffffff, 0x7fffffffffffffff, 32
  T_RR 8, sra, 0x8000000000000000, 0x8000000000000000, 64
  T_RR 9, sra, 0xc000000000000000, 0x8000000000000000, 0xffffffffffffffc1
  T_RR 10, sra, 0xfff0123456789abc, 0xff0123456789abcd, 4
  T_RR 11, sra, 0x0000000000ffffff, 0x00000000ffffffff, 8
  T_RR_D1 12, sra, -1, -64, 6
  T_RR_D2 13, sra, 3, 0x30, 4
  T_RR_X0 14, sra, -1, 1
  T_RI 15, srai, 0x8000000000000000, 0x8000000000000000, 0
  T_RI 16, srai, 0xc000000000000000, 0x8000000000000000, 1
  T_RI 17, srai, 0xffffffff00000000, 0x8000000000000000, 31
  T_RI 18, srai, 0xffffffff80000000, 0x8000000000000000, 32
  T_RI 19, srai, -1, 0x8000000000000000, 63
  T_RI 20, srai, 0, 0x7fffffffffffffff, 63
  T_RI 21, srai, 0x3fffffffffffffff, 0x7fffffffffffffff, 1
  T_RI_D1 22, srai, -1, -1, 17
  li a1, -1
  srai x0, a1, 1
  CHECK 23, x0, 0
  TEST_PASS
