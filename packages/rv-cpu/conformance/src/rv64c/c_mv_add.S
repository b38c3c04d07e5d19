/* c.mv rd, rs2 and c.add rd, rs2 (any registers, rd != x0, rs2 != x0). */
#include "test.h"
TEST_BEGIN
  .option rvc
  li a1, 0x0123456789abcdef
  c.mv a0, a1
  CHECK 1, a0, 0x0123456789abcdef
  li x31, -5
  c.mv ra, x31
  CHECK 2, ra, -5
  li ra, 0x8000000000000000
  c.mv x31, ra
  mv a0, x31
  CHECK 3, a0, 0x8000000000000000
  li s11, 0x77
  c.mv t4, s11
  CHECK 4, t4, 0x77
  /* c.add */
  li a0, 0x7fffffffffffffff
  li a1, 1
  c.add a0, a1
  CHECK 5, a0, 0x8000000000000000
  li ra, 0xffffffff
  li x31, 1
  c.add ra, x31
  CHECK 6, ra, 0x100000000
  li x31, 10
  li ra, -20
  c.add x31, ra
  mv a0, x31
  CHECK 7, a0, -10
  li a2, 21
  c.add a2, a2
  CHECK 8, a2, 42
  TEST_PASS
