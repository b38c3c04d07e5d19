/* bne: branch if not equal. */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, bne, 0, 1
  T_BR_TAKEN 2, bne, 1, 0
  T_BR_TAKEN 3, bne, -1, 1
  T_BR_TAKEN 4, bne, 0x100000000, 0
  T_BR_TAKEN 5, bne, 0xffffffff, 0xffffffffffffffff
  T_BR_NOT 6, bne, 0, 0
  T_BR_NOT 7, bne, 1, 1
  T_BR_NOT 8, bne, -1, -1
  T_BR_NOT 9, bne, 0x8000000000000000, 0x8000000000000000
  T_BR_BACK 10, bne, 5, 6
  li a0, 0
  li a1, 4
1:
  addi a0, a0, 1
  bne a0, a1, 1b
  CHECK 11, a0, 4
  TEST_PASS
