/* bge: branch if greater or equal (signed). */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, bge, 0, 0
  T_BR_TAKEN 2, bge, 1, 0
  T_BR_TAKEN 3, bge, 1, -1
  T_BR_TAKEN 4, bge, -1, -2
  T_BR_TAKEN 5, bge, 0x7fffffffffffffff, 0x8000000000000000
  T_BR_TAKEN 6, bge, -1, -1
  T_BR_TAKEN 7, bge, 0, 0x8000000000000000
  T_BR_NOT 8, bge, 0, 1
  T_BR_NOT 9, bge, -1, 1
  T_BR_NOT 10, bge, -2, -1
  T_BR_NOT 11, bge, 0x8000000000000000, 0x7fffffffffffffff
  T_BR_NOT 12, bge, 0x8000000000000000, 0
  T_BR_NOT 13, bge, 0xffffffff, 0x100000000
  T_BR_BACK 14, bge, 5, -5
  TEST_PASS
