/* slt / slti: signed set-less-than. */
#include "test.h"
TEST_BEGIN
  T_RR 1, slt, 0, 0, 0
  T_RR 2, slt, 0, 1, 1
  T_RR 3, slt, 1, 3, 7
  T_RR 4, slt, 0, 7, 3
  T_RR 5, slt, 1, -1, 0
  T_RR 6, slt, 0, 0, -1
  T_RR 7, slt, 1, 0x8000000000000000, 0x7fffffffffffffff
  T_RR 8, slt, 0, 0x7fffffffffffffff, 0x8000000000000000
  T_RR 9, slt, 1, 0x8000000000000000, 0
  T_RR 10, slt, 1, -2, -1
  T_RR 11, slt, 0, 0xffffffff, 0x7fffffff
  T_RR_D1 12, slt, 1, -5, 5
  T_RR_D2 13, slt, 0, 5, -5
  T_RR_SAME 14, slt, 0, -1
  T_RR_X0 15, slt, 0, 1
  T_RI 16, slti, 0, 0, 0
  T_RI 17, slti, 1, 0, 1
  T_RI 18, slti, 1, -1, 0
  T_RI 19, slti, 0, 0, -1
  T_RI 20, slti, 0, 0x7fffffffffffffff, -2048
  T_RI 21, slti, 1, 0xfffffffffffff7ff, -2048
  T_RI 22, slti, 0, 0xfffffffffffff800, -2048
  T_RI 23, slti, 1, 0x8000000000000000, 2047
  T_RI 24, slti, 0, 2047, 2047
  T_RI 25, slti, 1, 2046, 2047
  T_RI_D1 26, slti, 1, -3, -2
  li a1, -1
  slti x0, a1, 0
  CHECK 27, x0, 0
  TEST_PASS
