/* mip/mie/sip/sie/mideleg WARL rules (STCE=0, nothing pending from
 * devices): mie implements the six standard enables; mip.SSIP/STIP/SEIP
 * are writable from M, MSIP/MTIP/MEIP are not; sip shows and writes only
 * delegated bits, and only SSIP is writable through sip; sie only shows
 * delegated bits. */
#include "test.h"
#define S_INTS (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define M_INTS (MIP_MSIP | MIP_MTIP | MIP_MEIP)
TEST_BEGIN
  csrw mstatus, zero
  csrw mie, zero
  csrw mideleg, zero
  /* quiet the CLINT timer so MTIP is 0 */
  li a1, CLINT_MTIMECMP
  li a2, -1
  sd a2, 0(a1)
  /* mie: the six standard enables are writable (other bits are not
   * checked: e.g. QEMU also implements bits 2/6/10/13) */
  li a1, -1
  csrw mie, a1
  csrr a0, mie
  CHECK_MASK 1, a0, S_INTS | M_INTS, S_INTS | M_INTS
  csrw mie, zero
  csrr a0, mie
  CHECK 2, a0, 0
  /* mip from M: SSIP, STIP, SEIP writable */
  li a1, S_INTS
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 3, a0, 0xffff, S_INTS
  csrc mip, a1
  csrr a0, mip
  CHECK_MASK 4, a0, 0xffff, 0
  li a1, MIP_SSIP
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 5, a0, 0xffff, MIP_SSIP
  csrw mip, zero
  /* MSIP, MTIP, MEIP are read-only in mip */
  li a1, M_INTS
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 6, a0, M_INTS, 0
  /* mideleg: the S interrupts can be delegated */
  li a1, S_INTS
  csrw mideleg, a1
  csrr a0, mideleg
  CHECK_MASK 7, a0, S_INTS, S_INTS
  /* with nothing delegated, sip/sie read 0 whatever mip/mie hold */
  csrw mideleg, zero
  li a1, S_INTS
  csrs mip, a1
  csrs mie, a1
  csrr a0, sip
  CHECK 8, a0, 0
  csrr a0, sie
  CHECK 9, a0, 0
  /* writes to sie/sip for non-delegated interrupts are ignored */
  csrw mie, zero
  csrw mip, zero
  li a1, -1
  csrw sie, a1
  csrw sip, a1
  csrr a0, mie
  CHECK 10, a0, 0
  csrr a0, mip
  CHECK_MASK 11, a0, S_INTS, 0
  /* delegate the S interrupts: sip/sie alias mip/mie for them */
  li a1, S_INTS
  csrw mideleg, a1
  csrs mip, a1
  csrs mie, a1
  csrr a0, sip
  CHECK 12, a0, S_INTS
  csrr a0, sie
  CHECK 13, a0, S_INTS
  /* M interrupt enables never appear in sie */
  li a1, M_INTS
  csrs mie, a1
  csrr a0, sie
  CHECK 14, a0, S_INTS
  csrw mie, zero
  /* sie writes go to mie (delegated bits only) */
  li a1, -1
  csrw sie, a1
  csrr a0, mie
  CHECK 15, a0, S_INTS
  csrw sie, zero
  csrr a0, mie
  CHECK 16, a0, 0
  /* sip: only SSIP is writable; STIP/SEIP are read-only through sip */
  csrw mip, zero
  li a1, -1
  csrw sip, a1
  csrr a0, mip
  CHECK_MASK 17, a0, S_INTS, MIP_SSIP
  li a1, S_INTS
  csrs mip, a1
  csrw sip, zero
  csrr a0, mip
  CHECK_MASK 18, a0, S_INTS, MIP_STIP | MIP_SEIP
  csrr a0, sip
  CHECK 19, a0, MIP_STIP | MIP_SEIP
  csrw mip, zero
  /* only SSI delegated: sip shows only SSIP */
  li a1, MIP_SSIP
  csrw mideleg, a1
  li a1, S_INTS
  csrs mip, a1
  csrr a0, sip
  CHECK 20, a0, MIP_SSIP
  /* S-mode reads of sip/sie work; mip/mie/mideleg do not */
  li a1, MIP_SSIP
  csrw mie, a1
  csrw mip, zero
  GOTO_S
  csrr a0, sie
  CHECK 21, a0, MIP_SSIP
  csrr a0, sip
  CHECK 22, a0, 0
  EXPECT_TRAP 23, CAUSE_ILLEGAL, csrr a0, mip
  GOTO_S
  EXPECT_TRAP 24, CAUSE_ILLEGAL, csrr a0, mideleg
  csrw mie, zero
  csrw mideleg, zero
  TEST_PASS
