/* csrrw / csrrwi: atomic swap; the old value is returned; csrw (rd = x0)
 * writes; the 5-bit immediate is zero-extended. Uses mscratch/sscratch. */
#include "test.h"
TEST_BEGIN
  li a1, 0x0123456789abcdef
  csrw mscratch, a1
  li a2, 0xfedcba9876543210
  csrrw a0, mscratch, a2
  CHECK 1, a0, 0x0123456789abcdef
  csrr a0, mscratch
  CHECK 2, a0, 0xfedcba9876543210
  /* rd == rs1: swap register and CSR */
  li a0, 0x55
  csrrw a0, mscratch, a0
  CHECK 3, a0, 0xfedcba9876543210
  csrr a0, mscratch
  CHECK 4, a0, 0x55
  /* csrrw with rs1 = x0 writes zero */
  csrrw a0, mscratch, x0
  CHECK 5, a0, 0x55
  csrr a0, mscratch
  CHECK 6, a0, 0
  /* csrrwi: immediate zero-extended, 31 is max */
  csrrwi a0, mscratch, 31
  CHECK 7, a0, 0
  csrr a0, mscratch
  CHECK 8, a0, 31
  csrrwi a0, mscratch, 16
  CHECK 9, a0, 31
  csrr a0, mscratch
  CHECK 10, a0, 16
  csrwi mscratch, 0
  csrr a0, mscratch
  CHECK 11, a0, 0
  /* full 64-bit value round-trips through sscratch */
  li a1, 0x8000000000000001
  csrw sscratch, a1
  csrr a0, sscratch
  CHECK 12, a0, 0x8000000000000001
  /* rd = x0 (csrw) still writes; x0 stays zero */
  li a1, 0x1234
  csrrw x0, mscratch, a1
  CHECK 13, x0, 0
  csrr a0, mscratch
  CHECK 14, a0, 0x1234
  TEST_PASS
