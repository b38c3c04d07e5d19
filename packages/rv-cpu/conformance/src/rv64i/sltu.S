/* sltu / sltiu: unsigned set-less-than (immediate is sign-extended first). */
#include "test.h"
TEST_BEGIN
  T_RR 1, sltu, 0, 0, 0
  T_RR 2, sltu, 1, 0, 1
  T_RR 3, sltu, 0, -1, 0
  T_RR 4, sltu, 1, 0, -1
  T_RR 5, sltu, 0, 0x8000000000000000, 0x7fffffffffffffff
  T_RR 6, sltu, 1, 0x7fffffffffffffff, 0x8000000000000000
  T_RR 7, sltu, 1, 0xffffffff, 0x100000000
  T_RR 8, sltu, 1, -2, -1
  T_RR 9, sltu, 0, -1, -1
  T_RR_D1 10, sltu, 0, -5, 5
  T_RR_D2 11, sltu, 1, 5, -5
  T_RR_SAME 12, sltu, 0, 7
  T_RR_X0 13, sltu, 0, 1
  /* snez idiom: sltu rd, x0, rs */
  li a1, 0x8000000000000000
  sltu a0, x0, a1
  CHECK 14, a0, 1
  sltu a0, x0, x0
  CHECK 15, a0, 0
  T_RI 16, sltiu, 1, 0, -1
  T_RI 17, sltiu, 1, -2, -1
  T_RI 18, sltiu, 0, -1, -1
  T_RI 19, sltiu, 0, 5, 0
  T_RI 20, sltiu, 1, 0, 1
  T_RI 21, sltiu, 0, 1, 1
  T_RI 22, sltiu, 0, 0x800, 2047
  T_RI 23, sltiu, 1, 0x7fe, 2047
  T_RI 24, sltiu, 1, 0xfffffffffffff7ff, -2048
  T_RI 25, sltiu, 0, 0xfffffffffffff800, -2048
  T_RI 26, sltiu, 1, 0x7fffffffffffffff, -2048
  T_RI_D1 27, sltiu, 0, 0x8000000000000000, 1
  li a1, 0
  sltiu x0, a1, 1
  CHECK 28, x0, 0
  TEST_PASS
