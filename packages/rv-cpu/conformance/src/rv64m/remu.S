/* remu: unsigned remainder; x%0 = x. */
#include "test.h"
TEST_BEGIN
  T_RR 1, remu, 2, 20, 6
  T_RR 2, remu, 2, -20, 6
  T_RR 3, remu, 20, 20, -6
  T_RR 4, remu, 20, 20, 0
  T_RR 5, remu, -1, -1, 0
  T_RR 6, remu, 0, 0, 0
  T_RR 7, remu, 0x8000000000000000, 0x8000000000000000, -1
  T_RR 8, remu, 0, -1, -1
  T_RR 9, remu, 0, -1, 1
  T_RR 10, remu, 1, 0x8000000000000001, 2
  T_RR 11, remu, 0xfffffffe, 0xfffffffffffffffe, 0xffffffff00000000
  T_RR_D1 12, remu, 1, 45, 11
  T_RR_D2 13, remu, 11, 11, 45
  T_RR_SAME 14, remu, 0, 0x8000000000000000
  T_RR_X0 15, remu, 5, 0
  TEST_PASS
