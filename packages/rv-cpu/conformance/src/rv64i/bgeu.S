/* bgeu: branch if greater or equal (unsigned). */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, bgeu, 0, 0
  T_BR_TAKEN 2, bgeu, 1, 0
  T_BR_TAKEN 3, bgeu, -1, 1
  T_BR_TAKEN 4, bgeu, -1, -2
  T_BR_TAKEN 5, bgeu, 0x8000000000000000, 0x7fffffffffffffff
  T_BR_TAKEN 6, bgeu, -1, -1
  T_BR_TAKEN 7, bgeu, 0x8000000000000000, 0
  T_BR_NOT 8, bgeu, 0, 1
  T_BR_NOT 9, bgeu, 1, -1
  T_BR_NOT 10, bgeu, -2, -1
  T_BR_NOT 11, bgeu, 0x7fffffffffffffff, 0x8000000000000000
  T_BR_NOT 12, bgeu, 0, 0x8000000000000000
  T_BR_NOT 13, bgeu, 0xffffffff, 0x100000000
  T_BR_BACK 14, bgeu, -5, 5
  TEST_PASS
