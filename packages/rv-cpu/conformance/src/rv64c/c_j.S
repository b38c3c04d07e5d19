/* c.j: offsets at both extremes (+2046, -2048) and in between.
 * Padding is 0x0000 (illegal), so a wrong landing traps and fails. */
#include "test.h"
TEST_BEGIN
  .option rvc
  SET_CHECK 1
  c.j 1f
  .fill 3, 2, 0
1:
  /* maximum forward offset: 2 (c.j) + 2044 bytes of padding = 2046 */
  SET_CHECK 2
  .align 2
2:
  c.j 3f
  .fill 1022, 2, 0
3:
  la a0, 2b
  la a1, 3b
  sub a1, a1, a0
  CHECK 3, a1, 2046
  /* maximum backward offset: -2048 */
  SET_CHECK 4
  j 5f
4:
  .option push
  .option norvc
  j 6f
  .option pop
  .fill 1022, 2, 0
5:
  c.j 4b
6:
  la a0, 4b
  la a1, 5b
  sub a1, a1, a0
  CHECK 5, a1, 2048
  /* small backward loop */
  li a0, 0
  j 8f
7:
  addi a0, a0, 1
  j 9f
8:
  c.j 7b
9:
  CHECK 6, a0, 1
  TEST_PASS
