/* sll / slli: 64-bit left shift by rs2[5:0] / shamt[5:0]. */
#include "test.h"
TEST_BEGIN
  T_RR 1, sll, 1, 1, 0
  T_RR 2, sll, 2, 1, 1
  T_RR 3, sll, 0x80000000, 1, 31
  T_RR 4, sll, 0x100000000, 1, 32
  T_RR 5, sll, 0x8000000000000000, 1, 63
  T_RR 6, sll, 0x8000000000000000, -1, 63
  T_RR 7, sll, 0x21212121, 0x21212121, 64
  T_RR 8, sll, 0x42424242, 0x21212121, 0xffffffffffffffc1
  T_RR 9, sll, 0x123456789abcdef0, 0x0123456789abcdef, 4
  T_RR 10, sll, 0xffffffff00000000, -1, 32
  T_RR 11, sll, 0x8000000000000000, 0x0123456789abcdef, 0x7f
  T_RR_D1 12, sll, 0x40, 1, 6
  T_RR_D2 13, sll, 0x30, 3, 4
  T_RR_SAME 14, sll, 0x18, 3
  T_RR_X0 15, sll, 1, 1
  T_RI 16, slli, 1, 1, 0
  T_RI 17, slli, 2, 1, 1
  T_RI 18, slli, 0x80000000, 1, 31
  T_RI 19, slli, 0x100000000, 1, 32
  T_RI 20, slli, 0x8000000000000000, 1, 63
  T_RI 21, slli, 0x23456789abcdef00, 0x0123456789abcdef, 8
  T_RI 22, slli, 0xffffffff80000000, 0xffffffffffffffff, 31
  T_RI_D1 23, slli, 0x8000000000000000, 3, 63
  li a1, 1
  slli x0, a1, 3
  CHECK 24, x0, 0
  TEST_PASS
