/* Must FAIL at check 3 (checks that failure is reported through the vm env). */
#include "test.h"
TEST_BEGIN
  li a0, 1
  CHECK 1, a0, 1
  CHECK 2, a0, 1
  CHECK 3, a0, 2
  TEST_PASS
