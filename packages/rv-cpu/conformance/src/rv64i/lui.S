/* lui: load upper immediate, sign-extended from bit 31. */
#include "test.h"
TEST_BEGIN
  lui a0, 0
  CHECK 1, a0, 0
  lui a0, 0xfffff
  CHECK 2, a0, 0xfffffffffffff000
  lui a0, 0x7ffff
  CHECK 3, a0, 0x7ffff000
  lui a0, 0x80000
  CHECK 4, a0, 0xffffffff80000000
  lui a0, 0x12345
  CHECK 5, a0, 0x12345000
  li a0, -1
  lui a0, 1
  CHECK 6, a0, 0x1000
  lui x0, 0x12345
  CHECK 7, x0, 0
  lui a0, 0x12345
  addi a0, a0, 0x678
  CHECK 8, a0, 0x12345678
  lui a0, 0x80000
  srai a0, a0, 12
  CHECK 9, a0, 0xfffffffffff80000
  TEST_PASS
