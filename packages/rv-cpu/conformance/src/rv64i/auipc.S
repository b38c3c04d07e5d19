/* auipc: pc + (imm << 12), imm sign-extended from bit 31. */
#include "test.h"
TEST_BEGIN
1:
  auipc a0, 0
  la a1, 1b
  CHECK_EQ 1, a0, a1
2:
  auipc a0, 1
  la a1, 2b
  li a2, 0x1000
  add a1, a1, a2
  CHECK_EQ 2, a0, a1
3:
  auipc a0, 0xfffff
  la a1, 3b
  li a2, 0x1000
  sub a1, a1, a2
  CHECK_EQ 3, a0, a1
4:
  auipc a0, 0x80000
  la a1, 4b
  li a2, 0x80000000
  sub a1, a1, a2
  CHECK_EQ 4, a0, a1
5:
  auipc a0, 0x7ffff
  la a1, 5b
  li a2, 0x7ffff000
  add a1, a1, a2
  CHECK_EQ 5, a0, a1
  auipc x0, 0x12345
  CHECK 6, x0, 0
  /* auipc + jalr pair reaches a label */
  li a0, 0
7:
  auipc a1, 0
  jalr x0, 12(a1)   /* 7: + 12 = 8: */
  li a0, 1
8:
  CHECK 7, a0, 0
  TEST_PASS
