/* addi: add sign-extended 12-bit immediate. */
#include "test.h"
TEST_BEGIN
  T_RI 1, addi, 0, 0, 0
  T_RI 2, addi, 2048, 1, 2047
  T_RI 3, addi, 0xfffffffffffff800, 0, -2048
  T_RI 4, addi, 0x8000000000000000, 0x7fffffffffffffff, 1
  T_RI 5, addi, 0x7fffffffffffffff, 0x8000000000000000, -1
  T_RI 6, addi, 0x100000000, 0xffffffff, 1
  T_RI 7, addi, 0, -1, 1
  T_RI 8, addi, 0x7fe, -1, 2047
  T_RI 9, addi, 0x7ffffffffffff800, 0x8000000000000000, -2048
  T_RI 10, addi, 0x80000000, 0x7fffffff, 1
  T_RI_D1 11, addi, 10, 13, -3
  /* write to x0 is discarded */
  li a1, 5
  addi x0, a1, 5
  CHECK 12, x0, 0
  /* li / mv idioms */
  addi a0, x0, -1
  CHECK 13, a0, -1
  li a1, 0x123456789abcdef0
  addi a0, a1, 0
  CHECK 14, a0, 0x123456789abcdef0
  TEST_PASS
