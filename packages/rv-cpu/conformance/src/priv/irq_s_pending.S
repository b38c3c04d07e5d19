/* S-level timer and external interrupts raised by M-mode software through
 * mip.STIP / mip.SEIP (menvcfg.STCE = 0): delegated they are taken in S
 * (scause 5 / 9), not delegated in M; S cannot clear them through sip. */
#include "test.h"
TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  /* not delegated: taken in M */
  li a1, MIP_STIP
  csrs mie, a1
  csrs mip, a1
  EXPECT_IRQ 1, 1000, nop, csrsi mstatus, MSTATUS_MIE
  TRAP_FIELD a0, TI_CAUSE
  CHECK 1, a0, CAUSE_INTR | IRQ_STI
  CHECK_TRAP_MODE 2, 3
  csrw mip, zero
  csrw mie, zero
  li a1, MIP_SEIP
  csrs mie, a1
  csrs mip, a1
  EXPECT_IRQ 3, 1000, nop, csrsi mstatus, MSTATUS_MIE
  TRAP_FIELD a0, TI_CAUSE
  CHECK 3, a0, CAUSE_INTR | IRQ_SEI
  CHECK_TRAP_MODE 4, 3
  csrw mip, zero
  csrw mie, zero
  /* delegated STI: taken in S from S (SIE=1) */
  li a1, MIP_STIP | MIP_SEIP
  csrw mideleg, a1
  li a1, MIP_STIP
  csrs mie, a1
  csrs mip, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  EXPECT_IRQ 5, 1000, nop, GOTO_S
  CHECK_TRAP_MODE 5, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 6, a0, CAUSE_INTR | IRQ_STI
  /* S cannot clear STIP through sip */
  li a1, MIP_STIP
  csrc sip, a1
  csrr a0, sip
  CHECK_MASK 7, a0, MIP_STIP, MIP_STIP
  GOTO_M
  csrw mip, zero
  /* delegated SEI, taken in S from U */
  li a1, MIP_SEIP
  csrw mie, a1
  csrs mip, a1
  EXPECT_IRQ 8, 1000, nop, GOTO_U
  CHECK_TRAP_MODE 8, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 9, a0, CAUSE_INTR | IRQ_SEI
  li a1, MIP_SEIP
  csrc sip, a1
  csrr a0, sip
  CHECK_MASK 10, a0, MIP_SEIP, MIP_SEIP
  GOTO_M
  csrw mip, zero
  csrw mie, zero
  csrw mideleg, zero
  TEST_PASS
