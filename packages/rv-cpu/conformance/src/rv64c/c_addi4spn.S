/* c.addi4spn rd', sp, nzuimm: rd' = sp + zero-extended nzuimm (4..1020). */
#include "test.h"
TEST_BEGIN
  .option rvc
  li sp, 0x80001000
  c.addi4spn s0, sp, 4
  CHECK 1, s0, 0x80001004
  c.addi4spn a5, sp, 1020
  CHECK 2, a5, 0x800013fc
  c.addi4spn s1, sp, 8
  CHECK 3, s1, 0x80001008
  c.addi4spn a0, sp, 512
  CHECK 4, a0, 0x80001200
  li sp, -8
  c.addi4spn a1, sp, 1020
  CHECK 5, a1, 1012
  li sp, 0x7ffffffffffffffc
  c.addi4spn a2, sp, 4
  CHECK 6, a2, 0x8000000000000000
  c.addi4spn a3, sp, 16
  CHECK 7, a3, 0x800000000000000c
  c.addi4spn a4, sp, 64
  CHECK 8, a4, 0x800000000000003c
  TEST_PASS
