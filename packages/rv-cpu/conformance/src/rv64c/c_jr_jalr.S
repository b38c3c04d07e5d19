/* c.jr rs1 / c.jalr rs1: indirect jumps; c.jalr links pc + 2 into ra;
 * bit 0 of the target is cleared (as for jalr). */
#include "test.h"
TEST_BEGIN
  .option rvc
  SET_CHECK 1
  la a0, 1f
  c.jr a0
  j env_fail
1:
  SET_CHECK 2
  la x31, 1f
  c.jr x31
  j env_fail
1:
  /* odd target: lands on the even address */
  SET_CHECK 3
  la ra, 1f
  addi ra, ra, 1
  c.jr ra
  j env_fail
1:
  /* c.jalr: link = address of c.jalr + 2 */
  SET_CHECK 4
  la a1, 1f
  li ra, 0
2:
  c.jalr a1
  j env_fail
1:
  la a2, 2b
  addi a2, a2, 2
  CHECK_EQ 5, ra, a2
  /* c.jalr with rs1 = ra: target uses the old ra */
  SET_CHECK 6
  la ra, 1f
2:
  c.jalr ra
  j env_fail
1:
  la a2, 2b
  addi a2, a2, 2
  CHECK_EQ 7, ra, a2
  /* call / return with compressed instructions */
  li a0, 0
  la t0, func
  c.jalr t0
  CHECK 8, a0, 9
  /* c.jalr to an odd address */
  SET_CHECK 9
  la t1, 1f
  addi t1, t1, 1
  c.jalr t1
  j env_fail
1:
  TEST_PASS
func:
  c.li a0, 9
  c.jr ra
