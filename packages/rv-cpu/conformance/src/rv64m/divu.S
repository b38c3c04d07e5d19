/* divu: unsigned division; x/0 = all ones. */
#include "test.h"
TEST_BEGIN
  T_RR 1, divu, 3, 20, 6
  T_RR 2, divu, 0x2aaaaaaaaaaaaaa7, -20, 6
  T_RR 3, divu, 0, 20, -6
  T_RR 4, divu, 0xffffffffffffffff, 20, 0
  T_RR 5, divu, 0xffffffffffffffff, 0, 0
  T_RR 6, divu, 0xffffffffffffffff, -1, 0
  T_RR 7, divu, 0, 0x8000000000000000, -1
  T_RR 8, divu, 1, -1, -1
  T_RR 9, divu, -1, -1, 1
  T_RR 10, divu, 0x4000000000000000, 0x8000000000000000, 2
  T_RR 11, divu, 0x100000001, 0xffffffffffffffff, 0xffffffff
  T_RR_D1 12, divu, 4, 44, 11
  T_RR_D2 13, divu, 0, 11, 44
  T_RR_SAME 14, divu, 1, 0x8000000000000000
  T_RR_X0 15, divu, 5, 0
  TEST_PASS
