/* Machine information CSRs and misa: mhartid = 0; mvendorid, marchid,
 * mimpid readable; misa reports RV64 (MXL = 2) with I, M, A, F, D, C, S, U
 * and without E, H. */
#include "test.h"
TEST_BEGIN
  csrr a0, mhartid
  CHECK 1, a0, 0
  CLEAR_TRAP
  li tp, 0
  csrr a0, mvendorid
  csrr a0, marchid
  csrr a0, mimpid
  CHECK_NO_TRAP 2
  csrr a0, misa
  srli a1, a0, 62
  CHECK 3, a1, 2
  /* bits 61..26 are zero */
  srli a1, a0, 26
  slli a1, a1, 28
  CHECK 4, a1, 0
  CHECK_MASK 5, a0, (1 << ('I' - 'A')), (1 << ('I' - 'A'))
  CHECK_MASK 6, a0, (1 << ('M' - 'A')), (1 << ('M' - 'A'))
  CHECK_MASK 7, a0, (1 << ('A' - 'A')), (1 << ('A' - 'A'))
  CHECK_MASK 8, a0, (1 << ('C' - 'A')), (1 << ('C' - 'A'))
  CHECK_MASK 9, a0, (1 << ('S' - 'A')), (1 << ('S' - 'A'))
  CHECK_MASK 10, a0, (1 << ('U' - 'A')), (1 << ('U' - 'A'))
  CHECK_MASK 11, a0, (1 << ('E' - 'A')), 0
  CHECK_MASK 12, a0, (1 << ('F' - 'A')) | (1 << ('D' - 'A')), (1 << ('F' - 'A')) | (1 << ('D' - 'A'))
  CHECK_MASK 13, a0, (1 << ('H' - 'A')), 0
  /* the S-mode view cannot see mhartid: it is an M-mode CSR */
  GOTO_S
  EXPECT_TRAP 14, CAUSE_ILLEGAL, csrr a0, mhartid
  TEST_PASS
