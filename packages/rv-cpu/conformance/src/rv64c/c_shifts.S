/* c.slli (any rd), c.srli / c.srai (x8..x15); shamt 1..63. */
#include "test.h"
TEST_BEGIN
  .option rvc
  li a0, 1
  c.slli a0, 63
  CHECK 1, a0, 0x8000000000000000
  li ra, 0x0123456789abcdef
  c.slli ra, 4
  CHECK 2, ra, 0x123456789abcdef0
  li x31, 3
  c.slli x31, 32
  mv a0, x31
  CHECK 3, a0, 0x300000000
  li s11, -1
  c.slli s11, 1
  CHECK 4, s11, -2
  li a0, 1
  c.slli a0, 31
  CHECK 5, a0, 0x80000000
  /* c.srli */
  li s0, 0x8000000000000000
  c.srli s0, 63
  CHECK 6, s0, 1
  li a5, -1
  c.srli a5, 1
  CHECK 7, a5, 0x7fffffffffffffff
  li s1, 0x8000000000000000
  c.srli s1, 32
  CHECK 8, s1, 0x80000000
  li a0, 0xff00
  c.srli a0, 8
  CHECK 9, a0, 0xff
  /* c.srai */
  li s0, 0x8000000000000000
  c.srai s0, 63
  CHECK 10, s0, -1
  li a5, 0x8000000000000000
  c.srai a5, 1
  CHECK 11, a5, 0xc000000000000000
  li s1, 0x7fffffffffffffff
  c.srai s1, 32
  CHECK 12, s1, 0x7fffffff
  li a4, 0xffffffff00000000
  c.srai a4, 31
  CHECK 13, a4, -2
  TEST_PASS
