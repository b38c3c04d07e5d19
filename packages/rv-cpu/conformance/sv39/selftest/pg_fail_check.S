/* Must FAIL at check 3 (failure reporting of the pg env, from S-mode). */
#include "pg.h"
TEST_BEGIN
  li a0, 1
  CHECK 1, a0, 1
  GOTO_S
  CHECK 2, a0, 1
  CHECK 3, a0, 2
  TEST_PASS
