/* c.li (imm -32..31) and c.lui (nzimm, sign-extended from bit 17). */
#include "test.h"
TEST_BEGIN
  .option rvc
  li a0, 0x55
  c.li a0, -32
  CHECK 1, a0, -32
  c.li a0, 31
  CHECK 2, a0, 31
  c.li ra, 0
  CHECK 3, ra, 0
  c.li x31, -1
  mv a0, x31
  CHECK 4, a0, -1
  c.li s11, 17
  CHECK 5, s11, 17
  c.lui a0, 1
  CHECK 6, a0, 0x1000
  c.lui a0, 31
  CHECK 7, a0, 0x1f000
  c.lui a0, 0xfffe0
  CHECK 8, a0, 0xfffffffffffe0000
  c.lui a0, 0xfffff
  CHECK 9, a0, 0xfffffffffffff000
  c.lui ra, 0x10
  CHECK 10, ra, 0x10000
  c.lui x31, 0xffff0
  mv a0, x31
  CHECK 11, a0, 0xffffffffffff0000
  /* c.lui + c.addi builds a constant */
  c.lui a1, 2
  c.addi a1, -1
  CHECK 12, a1, 0x1fff
  TEST_PASS
