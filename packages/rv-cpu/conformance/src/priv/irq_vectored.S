/* Vectored trap vectors (xtvec.MODE = 1): an interrupt with cause i jumps
 * to BASE + 4*i; synchronous exceptions go to BASE. Checked for mtvec
 * (MSI, MTI, SSI, STI, SEI, ecall) and stvec (delegated SSI, STI, SEI and
 * a delegated exception). Each vector slot records its index in s2 and
 * continues at tp in the handling mode. */
#include "test.h"
#define S_INTS (MIP_SSIP | MIP_STIP | MIP_SEIP)

/* vector table: 16 slots of one 4-byte jump each */
.macro VTABLE prefix
  .option push
  .option norvc
  .align 8
\prefix\()_table:
  j \prefix\()_0
  j \prefix\()_1
  j \prefix\()_2
  j \prefix\()_3
  j \prefix\()_4
  j \prefix\()_5
  j \prefix\()_6
  j \prefix\()_7
  j \prefix\()_8
  j \prefix\()_9
  j \prefix\()_10
  j \prefix\()_11
  j \prefix\()_12
  j \prefix\()_13
  j \prefix\()_14
  j \prefix\()_15
  .option pop
.endm

.macro VSLOT prefix, i, causecsr
\prefix\()_\i:
  li s2, \i
  csrr s3, \causecsr
  jr tp
.endm

TEST_BEGIN
  csrw mie, zero
  csrw mip, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  MSIP_SET a1, 0
  la a1, m_table
  ori a1, a1, 1
  csrw mtvec, a1
  csrr a0, mtvec
  CHECK_EQ 1, a0, a1
  /* MSI -> slot 3 */
  li s2, -1
  li a1, MIP_MSIP
  csrw mie, a1
  MSIP_SET a1, 1
  EXPECT_IRQ 2, 1000, nop, csrsi mstatus, MSTATUS_MIE
  CHECK 2, s2, 3
  CHECK 3, s3, CAUSE_INTR | IRQ_MSI
  MSIP_SET a1, 0
  /* MTI -> slot 7 */
  li s2, -1
  li a1, MIP_MTIP
  csrw mie, a1
  MTIMECMP_IN a1, 50
  EXPECT_IRQ 4, 100000000, wfi, csrsi mstatus, MSTATUS_MIE
  CHECK 4, s2, 7
  CHECK 5, s3, CAUSE_INTR | IRQ_MTI
  MTIMECMP_NEVER a1
  /* SSI (not delegated) -> slot 1 */
  li s2, -1
  li a1, MIP_SSIP
  csrw mie, a1
  csrs mip, a1
  EXPECT_IRQ 6, 1000, nop, csrsi mstatus, MSTATUS_MIE
  CHECK 6, s2, 1
  csrw mip, zero
  /* STI -> slot 5 */
  li s2, -1
  li a1, MIP_STIP
  csrw mie, a1
  csrs mip, a1
  EXPECT_IRQ 7, 1000, nop, csrsi mstatus, MSTATUS_MIE
  CHECK 7, s2, 5
  csrw mip, zero
  /* SEI -> slot 9 */
  li s2, -1
  li a1, MIP_SEIP
  csrw mie, a1
  csrs mip, a1
  EXPECT_IRQ 8, 1000, nop, csrsi mstatus, MSTATUS_MIE
  CHECK 8, s2, 9
  csrw mip, zero
  csrw mie, zero
  /* synchronous exception -> slot 0 (not slot 11) */
  li s2, -1
  la tp, 1f
  ecall
  j env_fail
1:
  li tp, 0
  CHECK 9, s2, 0
  CHECK 10, s3, CAUSE_ECALL_M
  /* stvec vectored, delegated interrupts in S */
  la a1, env_m_trap
  csrw mtvec, a1
  la a1, s_table
  ori a1, a1, 1
  csrw stvec, a1
  li a1, S_INTS
  csrw mideleg, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  li s2, -1
  li a1, MIP_SSIP
  csrw mie, a1
  csrs mip, a1
  EXPECT_IRQ 11, 1000, nop, GOTO_S
  CHECK 11, s2, 1
  CHECK 12, s3, CAUSE_INTR | IRQ_SSI
  csrci sip, MIP_SSIP
  GOTO_M
  li s2, -1
  li a1, MIP_STIP
  csrw mie, a1
  csrs mip, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  EXPECT_IRQ 13, 1000, nop, GOTO_S
  CHECK 13, s2, 5
  GOTO_M
  csrw mip, zero
  li s2, -1
  li a1, MIP_SEIP
  csrw mie, a1
  csrs mip, a1
  li a1, MSTATUS_SIE
  csrs mstatus, a1
  EXPECT_IRQ 14, 1000, nop, GOTO_S
  CHECK 14, s2, 9
  GOTO_M
  csrw mip, zero
  csrw mie, zero
  /* a delegated exception (illegal instruction from U) -> stvec slot 0 */
  li a1, (1 << CAUSE_ILLEGAL)
  csrw medeleg, a1
  li s2, -1
  GOTO_U
  la tp, 1f
  .word 0x0000000b
  j env_fail
1:
  li tp, 0
  CHECK 15, s2, 0
  CHECK 16, s3, CAUSE_ILLEGAL
  GOTO_M
  csrw medeleg, zero
  csrw mideleg, zero
  TEST_PASS

  VTABLE m
  VSLOT m, 0, mcause
  VSLOT m, 1, mcause
  VSLOT m, 2, mcause
  VSLOT m, 3, mcause
  VSLOT m, 4, mcause
  VSLOT m, 5, mcause
  VSLOT m, 6, mcause
  VSLOT m, 7, mcause
  VSLOT m, 8, mcause
  VSLOT m, 9, mcause
  VSLOT m, 10, mcause
  VSLOT m, 11, mcause
  VSLOT m, 12, mcause
  VSLOT m, 13, mcause
  VSLOT m, 14, mcause
  VSLOT m, 15, mcause
  VTABLE s
  VSLOT s, 0, scause
  VSLOT s, 1, scause
  VSLOT s, 2, scause
  VSLOT s, 3, scause
  VSLOT s, 4, scause
  VSLOT s, 5, scause
  VSLOT s, 6, scause
  VSLOT s, 7, scause
  VSLOT s, 8, scause
  VSLOT s, 9, scause
  VSLOT s, 10, scause
  VSLOT s, 11, scause
  VSLOT s, 12, scause
  VSLOT s, 13, scause
  VSLOT s, 14, scause
  VSLOT s, 15, scause
