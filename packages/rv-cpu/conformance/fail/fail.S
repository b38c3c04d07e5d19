/* Deliberately failing test: checks 1 and 2 pass, check 3 fails.
 * Used to prove that a runner reports "FAIL test 3". */
#include "test.h"
TEST_BEGIN
  li a0, 1
  CHECK 1, a0, 1
  li a0, 2
  CHECK 2, a0, 2
  li a0, 3
  CHECK 3, a0, 4      /* wrong on purpose */
  TEST_PASS
