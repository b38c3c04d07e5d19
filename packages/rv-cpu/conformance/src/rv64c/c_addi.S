/* c.nop, c.addi (nzimm -32..31), c.addiw (imm -32..31, sign-extends),
 * c.addi16sp (nzimm -512..496, multiple of 16). */
#include "test.h"
TEST_BEGIN
  .option rvc
  li a0, 7
  c.nop
  CHECK 1, a0, 7
  c.addi a0, -32
  CHECK 2, a0, -25
  c.addi a0, 31
  CHECK 3, a0, 6
  li ra, 0x7fffffffffffffff
  c.addi ra, 1
  CHECK 4, ra, 0x8000000000000000
  li x31, 0xffffffff
  c.addi x31, 1
  mv a0, x31
  CHECK 5, a0, 0x100000000
  /* c.addiw */
  li a0, 0x7fffffff
  c.addiw a0, 1
  CHECK 6, a0, 0xffffffff80000000
  li a0, 0x80000000
  c.addiw a0, 0
  CHECK 7, a0, 0xffffffff80000000
  li a0, 0
  c.addiw a0, -1
  CHECK 8, a0, -1
  li s11, 0x123456789
  c.addiw s11, -32
  CHECK 9, s11, 0x23456769
  li ra, 0xffffffff7fffffe1
  c.addiw ra, 31
  CHECK 10, ra, 0xffffffff80000000
  /* c.addi16sp */
  li sp, 0x80002000
  c.addi16sp sp, -512
  CHECK 11, sp, 0x80001e00
  c.addi16sp sp, 496
  CHECK 12, sp, 0x80001ff0
  c.addi16sp sp, 16
  CHECK 13, sp, 0x80002000
  c.addi16sp sp, -16
  CHECK 14, sp, 0x80001ff0
  li sp, 0
  c.addi16sp sp, -512
  CHECK 15, sp, -512
  TEST_PASS
