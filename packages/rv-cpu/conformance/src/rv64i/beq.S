/* beq: branch if equal. */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, beq, 0, 0
  T_BR_TAKEN 2, beq, 1, 1
  T_BR_TAKEN 3, beq, -1, -1
  T_BR_TAKEN 4, beq, 0x8000000000000000, 0x8000000000000000
  T_BR_NOT 5, beq, 0, 1
  T_BR_NOT 6, beq, 1, 0
  T_BR_NOT 7, beq, -1, 1
  T_BR_NOT 8, beq, 0x100000000, 0
  T_BR_NOT 9, beq, 0xffffffff, 0xffffffffffffffff
  T_BR_BACK 10, beq, 5, 5
  /* x0 operands */
  SET_CHECK 11
  beq x0, x0, 1f
  j env_fail
1:
  /* backward loop counting 3 iterations */
  li a0, 0
  li a1, 3
1:
  addi a0, a0, 1
  beq a0, a1, 2f
  j 1b
2:
  CHECK 12, a0, 3
  TEST_PASS
