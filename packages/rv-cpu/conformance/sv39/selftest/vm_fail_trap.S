/* Must FAIL at check 5: an unexpected trap (a load page fault in U-mode)
 * is reported with the number of the check in progress. */
#include "test.h"
TEST_BEGIN
  li a0, 1
  CHECK 4, a0, 1
  SET_CHECK 5
  li a1, 0x40
  ld a0, 0(a1)
  TEST_PASS
