/* csrrc / csrrci: clear bits; rs1 = x0 / uimm = 0 is a pure read. */
#include "test.h"
TEST_BEGIN
  li a1, -1
  csrw mscratch, a1
  li a2, 0x0f00000000000f0f
  csrrc a0, mscratch, a2
  CHECK 1, a0, -1
  csrr a0, mscratch
  CHECK 2, a0, 0xf0fffffffffff0f0
  csrrc a0, mscratch, x0
  CHECK 3, a0, 0xf0fffffffffff0f0
  csrr a0, mscratch
  CHECK 4, a0, 0xf0fffffffffff0f0
  li a2, 0x8000000000000000
  csrc mscratch, a2
  csrr a0, mscratch
  CHECK 5, a0, 0x70fffffffffff0f0
  /* csrrci */
  li a1, 0xff
  csrw mscratch, a1
  csrrci a0, mscratch, 31
  CHECK 6, a0, 0xff
  csrr a0, mscratch
  CHECK 7, a0, 0xe0
  csrrci a0, mscratch, 0
  CHECK 8, a0, 0xe0
  csrr a0, mscratch
  CHECK 9, a0, 0xe0
  csrci mscratch, 0x10
  csrr a0, mscratch
  CHECK 10, a0, 0xe0
  li a1, -1
  csrw mscratch, a1
  csrci mscratch, 0x10
  csrr a0, mscratch
  CHECK 11, a0, 0xffffffffffffffef
  /* rd == rs1 */
  li a0, 0xf
  csrrc a0, mscratch, a0
  CHECK 12, a0, 0xffffffffffffffef
  csrr a0, mscratch
  CHECK 13, a0, 0xffffffffffffffe0
  TEST_PASS
