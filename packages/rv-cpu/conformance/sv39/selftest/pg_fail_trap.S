/* Must FAIL at check 7: an unexpected page fault in S-mode is reported
 * with the number of the check in progress. */
#include "pg.h"
TEST_BEGIN
  GOTO_S
  li a0, 1
  CHECK 6, a0, 1
  SET_CHECK 7
  li a1, 0x400000
  ld a0, 0(a1)
  TEST_PASS
