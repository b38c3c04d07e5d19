/* Exception delegation with medeleg: delegated traps from U/S go to the
 * S handler (scause/sepc/stval, sstatus.SPP/SPIE/SIE) and leave the M trap
 * CSRs alone; traps in M are never delegated; non-delegated traps from
 * S/U still go to M. */
#include "test.h"
#define DELEG ((1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_ECALL_U))
TEST_BEGIN
  /* the bits we use are writable */
  li a1, DELEG
  csrw medeleg, a1
  csrr a0, medeleg
  CHECK_MASK 1, a0, DELEG, DELEG
  csrw medeleg, zero
  csrr a0, medeleg
  CHECK 2, a0, 0
  li a1, DELEG
  csrw medeleg, a1

  /* 3-9: ecall from U, delegated: handled in S */
  li a1, 1
  csrw mcause, a1
  li a1, 0x1234
  csrw mepc, a1
  GOTO_U
  CLEAR_TRAP
  SET_CHECK 3
  la tp, 2f
1:
  ecall
  j env_fail
2:
  li tp, 0
  /* now running in S-mode (the S handler jumped to tp) */
  CHECK_TRAP_MODE 3, 1
  CHECK_TRAP_COUNT 4, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 5, a0, CAUSE_ECALL_U
  CHECK_TRAP_EPC 6, 1b
  CHECK_TRAP_TVAL 7, 0
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 8, a0, MSTATUS_SPP | MSTATUS_SIE | MSTATUS_SPIE, 0
  /* still in S: sscratch is accessible; scause/sepc readable in S */
  csrr a0, scause
  CHECK 9, a0, CAUSE_ECALL_U
  csrr a0, sepc
  la a1, 1b
  CHECK_EQ 10, a0, a1
  /* back to M (ecall from S is not delegated) */
  GOTO_M
  /* the M trap CSRs saw only the ecall from S, never the delegated one */
  csrr a0, mcause
  CHECK 11, a0, CAUSE_ECALL_S

  /* 12-17: illegal instruction in S with SIE=1: delegated; SPP=S,
   * SPIE=1, SIE=0, stval = instruction bits */
  GOTO_S
  csrsi sstatus, MSTATUS_SIE
  CLEAR_TRAP
  SET_CHECK 12
  la tp, 2f
1:
  .word 0x0000000b
  j env_fail
2:
  li tp, 0
  CHECK_TRAP_MODE 12, 1
  TRAP_FIELD a0, TI_CAUSE
  CHECK 13, a0, CAUSE_ILLEGAL
  CHECK_TRAP_EPC 14, 1b
  CHECK_TRAP_TVAL 15, 0x0000000b
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 16, a0, MSTATUS_SPP | MSTATUS_SIE | MSTATUS_SPIE, MSTATUS_SPP | MSTATUS_SPIE
  CHECK_TRAP_COUNT 17, 1
  csrci sstatus, MSTATUS_SIE
  GOTO_M

  /* 18-20: load access fault from U, delegated: stval = address */
  GOTO_U
  li a1, 0x20
  EXPECT_TRAP 18, CAUSE_LOAD_ACCESS, ld a0, 0(a1)
  CHECK_TRAP_MODE 19, 1
  CHECK_TRAP_TVAL 20, 0x20
  GOTO_M

  /* 21-22: breakpoint from S, delegated: stval = pc or 0 */
  GOTO_S
  EXPECT_TRAP 21, CAUSE_BREAKPOINT, ebreak
  CHECK_TRAP_MODE 22, 1
  GOTO_M

  /* 23-24: the same illegal instruction in M-mode is NOT delegated */
  EXPECT_TRAP 23, CAUSE_ILLEGAL, .word 0x0000000b
  CHECK_TRAP_MODE 24, 3
  EXPECT_TRAP 25, CAUSE_BREAKPOINT, ebreak
  CHECK_TRAP_MODE 26, 3

  /* 27-28: a non-delegated cause from U (store access fault) goes to M */
  GOTO_U
  li a1, 0x28
  EXPECT_TRAP 27, CAUSE_STORE_ACCESS, sd a0, 0(a1)
  CHECK_TRAP_MODE 28, 3
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 29, a0, MSTATUS_MPP, 0

  /* 30-31: with delegation off again, ecall from U goes to M */
  csrw medeleg, zero
  GOTO_U
  EXPECT_TRAP 30, CAUSE_ECALL_U, ecall
  CHECK_TRAP_MODE 31, 3

  /* 32-34: S-mode handler state is separate: sepc/scause still hold the
   * last delegated trap (breakpoint) */
  csrr a0, scause
  CHECK 32, a0, CAUSE_BREAKPOINT
  TEST_PASS
