/* c.beqz / c.bnez: rs1' in x8..x15, offsets -256..254. */
#include "test.h"
TEST_BEGIN
  .option rvc
  /* taken / not taken */
  SET_CHECK 1
  li s0, 0
  c.beqz s0, 1f
  j env_fail
1:
  SET_CHECK 2
  li a5, 0x8000000000000000
  c.beqz a5, 2f
  j 3f
2:
  j env_fail
3:
  SET_CHECK 3
  li a5, 0x100000000
  c.bnez a5, 1f
  j env_fail
1:
  SET_CHECK 4
  li s0, 0
  c.bnez s0, 2f
  j 3f
2:
  j env_fail
3:
  SET_CHECK 5
  li s1, 1
  c.bnez s1, 1f
  j env_fail
1:
  /* maximum forward offset +254 */
  SET_CHECK 6
  li a4, 0
  .align 2
2:
  c.beqz a4, 3f
  .fill 126, 2, 0
3:
  la a0, 2b
  la a1, 3b
  sub a1, a1, a0
  CHECK 7, a1, 254
  /* maximum backward offset -256 */
  SET_CHECK 8
  li s0, 1
  .option push
  .option norvc
  j 5f
4:
  j 6f
  .option pop
  .fill 126, 2, 0
5:
  c.bnez s0, 4b
6:
  la a0, 4b
  la a1, 5b
  sub a1, a1, a0
  CHECK 9, a1, 256
  /* backward loop with c.bnez counting down */
  li a3, 5
  li a0, 0
7:
  addi a0, a0, 2
  addi a3, a3, -1
  c.bnez a3, 7b
  CHECK 10, a0, 10
  TEST_PASS
