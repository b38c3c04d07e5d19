/* srl / srli: 64-bit logical right shift. */
#include "test.h"
TEST_BEGIN
  T_RR 1, srl, 0x8000000000000000, 0x8000000000000000, 0
  T_RR 2, srl, 0x4000000000000000, 0x8000000000000000, 1
  T_RR 3, srl, 0x100000000, 0x8000000000000000, 31
  T_RR 4, srl, 0x80000000, 0x8000000000000000, 32
  T_RR 5, srl, 1, 0x8000000000000000, 63
  T_RR 6, srl, 1, -1, 63
  T_RR 7, srl, 0xffffffff, -1, 32
  T_RR 8, srl, 0x8000000000000000, 0x8000000000000000, 64
  T_RR 9, srl, 1, -1, 0xffffffffffffffff
  T_RR 10, srl, 0x0123456789abcdef, 0x123456789abcdef0, 4
  T_RR 11, srl, 0x1ffffffff, -1, 31
  T_RR_D1 12, srl, 1, 0x40, 6
  T_RR_D2 13, srl, 0, 3, 4
  T_RR_SAME 14, srl, 0, 7
  T_RR_X0 15, srl, -1, 1
  T_RI 16, srli, 0x8000000000000000, 0x8000000000000000, 0
  T_RI 17, srli, 0x4000000000000000, 0x8000000000000000, 1
  T_RI 18, srli, 0x100000000, 0x8000000000000000, 31
  T_RI 19, srli, 0x80000000, 0x8000000000000000, 32
  T_RI 20, srli, 1, 0x8000000000000000, 63
  T_RI 21, srli, 0x00ffffffffffffff, -1, 8
  T_RI_D1 22, srli, 0x7fffffffffffffff, -1, 1
  li a1, -1
  srli x0, a1, 1
  CHECK 23, x0, 0
  TEST_PASS
