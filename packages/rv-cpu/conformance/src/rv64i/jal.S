/* jal: pc-relative jump, link = pc + 4. */
#include "test.h"
TEST_BEGIN
  /* forward, link in ra */
  SET_CHECK 1
  li ra, 0
  jal ra, 1f
2:
  j env_fail
1:
  la a1, 2b
  CHECK_EQ 2, ra, a1
  /* link into another register */
  SET_CHECK 3
  jal a5, 3f
4:
  j env_fail
3:
  la a1, 4b
  CHECK_EQ 4, a5, a1
  /* rd = x0 (j): no link */
  SET_CHECK 5
  jal x0, 5f
  j env_fail
5:
  CHECK 6, x0, 0
  /* backward jump */
  SET_CHECK 7
  li a0, 0
  j 7f
6:
  addi a0, a0, 1
  j 1f
7:
  jal t0, 6b
  j env_fail
1:
  CHECK 8, a0, 1
  la a1, 7b
  addi a1, a1, 4
  CHECK_EQ 9, t0, a1
  /* instructions after the jal are skipped */
  li a0, 10
  jal x0, 1f
  addi a0, a0, 1
  addi a0, a0, 1
1:
  CHECK 10, a0, 10
  /* a long forward jump (over 64 KiB of code) */
  SET_CHECK 11
  jal a3, 1f
  .fill 16384, 4, 0x00000000
1:
  la a1, 1b
  li a2, 65536
  sub a1, a1, a2
  CHECK_EQ 12, a3, a1
  TEST_PASS
