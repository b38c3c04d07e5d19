/* add: 64-bit register-register addition, wrapping on overflow. */
#include "test.h"
TEST_BEGIN
  T_RR 1, add, 0, 0, 0
  T_RR 2, add, 2, 1, 1
  T_RR 3, add, 10, 3, 7
  T_RR 4, add, 0, -1, 1
  T_RR 5, add, 0x8000000000000000, 0x7fffffffffffffff, 1
  T_RR 6, add, 0x7fffffffffffffff, 0x8000000000000000, -1
  T_RR 7, add, 0x100000000, 0xffffffff, 1
  T_RR 8, add, 0x80000000, 0x7fffffff, 1
  T_RR 9, add, -2, -1, -1
  T_RR 10, add, 0, 0x8000000000000000, 0x8000000000000000
  T_RR 11, add, 0x1111111111111110, 0x0123456789abcdef, 0x0fedcba987654321
  T_RR_D1 12, add, 24, 13, 11
  T_RR_D2 13, add, 25, 14, 11
  T_RR_SAME 14, add, 0x8000000000000000, 0x4000000000000000
  T_RR_X0 15, add, 1, 2
  /* x0 as a source reads zero */
  li a1, 0x55
  add a0, a1, x0
  CHECK 16, a0, 0x55
  add a0, x0, x0
  CHECK 17, a0, 0
  TEST_PASS
