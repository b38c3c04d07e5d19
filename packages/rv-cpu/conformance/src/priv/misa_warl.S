/* misa is WARL: writes are ignored or legal. MXL stays 2; writing misa
 * back with its own value keeps it; D never stays on without F; no write
 * traps in M-mode. */
#include "test.h"
TEST_BEGIN
  csrr s0, misa
  /* write the same value */
  csrw misa, s0
  csrr a0, misa
  CHECK_EQ 1, a0, s0
  /* try MXL = 1 (RV32): MXL must still read 2 */
  li a1, 0x3fffffffffffffff
  and a1, a1, s0
  li a2, 0x4000000000000000
  or a1, a1, a2
  csrw misa, a1
  csrr a0, misa
  srli a0, a0, 62
  CHECK 2, a0, 2
  csrw misa, s0
  /* try MXL = 0: still 2 */
  li a1, 0x3fffffffffffffff
  and a1, a1, s0
  csrw misa, a1
  csrr a0, misa
  srli a0, a0, 62
  CHECK 3, a0, 2
  csrw misa, s0
  /* setting an unimplemented extension (e.g. V, Q) must not stick unless
   * the hart really implements it: we require at least that I stays set
   * and E stays clear */
  li a1, (1 << ('V' - 'A')) | (1 << ('Q' - 'A')) | (1 << ('E' - 'A'))
  or a1, a1, s0
  csrw misa, a1
  csrr a0, misa
  CHECK_MASK 4, a0, (1 << ('I' - 'A')) | (1 << ('E' - 'A')), (1 << ('I' - 'A'))
  csrw misa, s0
  /* csrs/csrc with zero masks are pure reads */
  csrs misa, zero
  csrc misa, zero
  csrr a0, misa
  CHECK_EQ 5, a0, s0
  /* D depends on F: asking for D without F leaves both set (write
   * ignored) or both clear, never D alone */
  li a1, ~(1 << ('F' - 'A'))
  and a1, a1, s0
  csrw misa, a1
  csrr a0, misa
  csrw misa, s0
  li a1, (1 << ('F' - 'A')) | (1 << ('D' - 'A'))
  and a0, a0, a1
  CHECK_ONE_OF 7, a0, 0, (1 << ('F' - 'A')) | (1 << ('D' - 'A'))
  csrr a0, misa
  CHECK_EQ 8, a0, s0
  /* misa is not accessible from S-mode */
  GOTO_S
  EXPECT_TRAP 6, CAUSE_ILLEGAL, csrr a0, misa
  TEST_PASS
