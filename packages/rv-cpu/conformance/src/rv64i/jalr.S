/* jalr: target = (rs1 + imm) & ~1, link = pc + 4. */
#include "test.h"
TEST_BEGIN
  /* plain indirect jump with link */
  SET_CHECK 1
  la a1, 1f
  jalr ra, 0(a1)
2:
  j env_fail
1:
  la a2, 2b
  CHECK_EQ 2, ra, a2
  /* positive offset */
  SET_CHECK 3
  la a1, 1f
  addi a1, a1, -4
  jalr t0, 4(a1)
  j env_fail
1:
  /* negative offset */
  SET_CHECK 4
  la a1, 1f
  addi a1, a1, 8
  jalr t0, -8(a1)
  j env_fail
1:
  /* odd register value: bit 0 is cleared, no exception */
  CLEAR_TRAP
  SET_CHECK 5
  la a1, 1f
  addi a1, a1, 1
  jalr t0, 0(a1)
  j env_fail
1:
  /* odd immediate */
  SET_CHECK 6
  la a1, 1f
  jalr t0, 1(a1)
  j env_fail
1:
  /* odd sum of even register and odd immediate, negative */
  SET_CHECK 7
  la a1, 1f
  addi a1, a1, 4
  jalr t0, -3(a1)
  j env_fail
1:
  CHECK_NO_TRAP 8
  /* rd == rs1: target uses the old rs1 value */
  SET_CHECK 9
  la a1, 1f
  jalr a1, 0(a1)
2:
  j env_fail
1:
  la a2, 2b
  CHECK_EQ 10, a1, a2
  /* rd = x0: no link (ret idiom) */
  SET_CHECK 11
  la a1, 1f
  jalr x0, 0(a1)
  j env_fail
1:
  CHECK 12, x0, 0
  /* jump to a 32-bit instruction at a 2-byte aligned address (legal with C) */
  SET_CHECK 13
  la a1, 3f
  jalr t0, 0(a1)
  j env_fail
  .align 2
  .option push
  .option rvc
  c.nop
  .option pop
3:
  li a0, 77
  CHECK 14, a0, 77
  la a1, 3b
  andi a1, a1, 3
  CHECK 15, a1, 2
  /* call and return */
  li a0, 0
  jal ra, func
  CHECK 16, a0, 5
  TEST_PASS

func:
  li a0, 5
  jalr x0, 0(ra)
