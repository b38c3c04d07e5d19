/* c.andi, c.sub, c.xor, c.or, c.and, c.subw, c.addw (registers x8..x15). */
#include "test.h"
TEST_BEGIN
  .option rvc
  li s0, 0xff00ff00ff00ffff
  c.andi s0, -32
  CHECK 1, s0, 0xff00ff00ff00ffe0
  li a5, 0xff00ff00ff00ffff
  c.andi a5, 31
  CHECK 2, a5, 0x1f
  li a0, -1
  c.andi a0, 0
  CHECK 3, a0, 0
  /* c.sub */
  li s0, 10
  li a5, 20
  c.sub s0, a5
  CHECK 4, s0, -10
  li a5, 0x8000000000000000
  li s1, 1
  c.sub a5, s1
  CHECK 5, a5, 0x7fffffffffffffff
  /* c.xor */
  li s0, 0xff00ff00ff00ff00
  li a5, 0x0ff00ff00ff00ff0
  c.xor s0, a5
  CHECK 6, s0, 0xf0f0f0f0f0f0f0f0
  c.xor a5, a5
  CHECK 7, a5, 0
  /* c.or */
  li a5, 0xff00ff00ff00ff00
  li s0, 0x0ff00ff00ff00ff0
  c.or a5, s0
  CHECK 8, a5, 0xfff0fff0fff0fff0
  /* c.and */
  li s1, 0xff00ff00ff00ff00
  li a4, 0x0ff00ff00ff00ff0
  c.and s1, a4
  CHECK 9, s1, 0x0f000f000f000f00
  /* c.subw: 32-bit, sign-extended */
  li s0, 0x80000000
  li a5, 1
  c.subw s0, a5
  CHECK 10, s0, 0x7fffffff
  li a5, 0
  li s0, 1
  c.subw a5, s0
  CHECK 11, a5, -1
  li a0, 0x123456789
  li a1, 0x23456789
  c.subw a0, a1
  CHECK 12, a0, 0
  /* c.addw */
  li s0, 0x7fffffff
  li a5, 1
  c.addw s0, a5
  CHECK 13, s0, 0xffffffff80000000
  li a5, 0xffffffff
  li s1, 1
  c.addw a5, s1
  CHECK 14, a5, 0
  li a2, 0xabcdef0000000002
  li a3, 0x1234560000000003
  c.addw a2, a3
  CHECK 15, a2, 5
  TEST_PASS
