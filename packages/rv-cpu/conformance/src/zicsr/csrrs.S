/* csrrs / csrrsi: set bits; rs1 = x0 / uimm = 0 is a pure read. */
#include "test.h"
TEST_BEGIN
  li a1, 0xf0f0
  csrw mscratch, a1
  li a2, 0x0f00000000000f0f
  csrrs a0, mscratch, a2
  CHECK 1, a0, 0xf0f0
  csrr a0, mscratch
  CHECK 2, a0, 0x0f0000000000ffff
  csrrs a0, mscratch, x0
  CHECK 3, a0, 0x0f0000000000ffff
  csrr a0, mscratch
  CHECK 4, a0, 0x0f0000000000ffff
  li a2, 0x8000000000000000
  csrs mscratch, a2
  csrr a0, mscratch
  CHECK 5, a0, 0x8f0000000000ffff
  /* csrrsi: immediate 0..31, zero-extended */
  csrw mscratch, zero
  csrrsi a0, mscratch, 31
  CHECK 6, a0, 0
  csrr a0, mscratch
  CHECK 7, a0, 31
  csrw mscratch, zero
  csrrsi a0, mscratch, 0x10
  csrrsi a0, mscratch, 0
  CHECK 8, a0, 0x10
  csrr a0, mscratch
  CHECK 9, a0, 0x10
  csrsi mscratch, 1
  csrr a0, mscratch
  CHECK 10, a0, 0x11
  /* rd == rs1 */
  li a0, 0x100
  csrrs a0, mscratch, a0
  CHECK 11, a0, 0x11
  csrr a0, mscratch
  CHECK 12, a0, 0x111
  TEST_PASS
