/* blt: branch if less than (signed). */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, blt, 0, 1
  T_BR_TAKEN 2, blt, -1, 1
  T_BR_TAKEN 3, blt, -2, -1
  T_BR_TAKEN 4, blt, 0x8000000000000000, 0x7fffffffffffffff
  T_BR_TAKEN 5, blt, 0x8000000000000000, 0
  T_BR_TAKEN 6, blt, 0xffffffff, 0x100000000
  T_BR_NOT 7, blt, 1, 0
  T_BR_NOT 8, blt, 1, -1
  T_BR_NOT 9, blt, -1, -2
  T_BR_NOT 10, blt, 0x7fffffffffffffff, 0x8000000000000000
  T_BR_NOT 11, blt, 0, 0
  T_BR_NOT 12, blt, -1, -1
  T_BR_NOT 13, blt, 0, 0x8000000000000000
  T_BR_BACK 14, blt, -5, 5
  TEST_PASS
