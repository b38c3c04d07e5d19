/*
 * Page faults of every kind (see fault_kinds.inc), in S-mode under Sv39,
 * for loads (cause 13), stores (15) and fetches (12): stval = the faulting
 * virtual address, sepc = the faulting instruction (for a fetch: the target
 * address). Kind k uses checks 9k+1 .. 9k+9; then LR, sizes and mode.
 * AMOs are in strict/amo_faults.S (QEMU 7.2 reports them as loads).
 */
#include "pg.h"

.macro KIND_CHECKS k
  EXPECT_FAULT (9 * \k + 1), CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  EXPECT_FAULT (9 * \k + 4), CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  EXPECT_FETCH_FAULT (9 * \k + 7), CAUSE_FETCH_PAGE, s0, s0
.endm

TEST_BEGIN
#include "fault_kinds.inc"

  /* 190-192: LR faults as a load (a V = 0 leaf). (An SC without a
   * reservation may fail without trapping: see perm_rwx.S for SC.) */
  li s0, 0x401010
  EXPECT_FAULT 190, CAUSE_LOAD_PAGE, s0, lr.d a0, (s0)
  /* 193-201: smaller accesses: lbu, sh, lw report the exact address */
  li s0, 0x401003
  EXPECT_FAULT 193, CAUSE_LOAD_PAGE, s0, lbu a0, 0(s0)
  li s0, 0x401ffe
  EXPECT_FAULT 196, CAUSE_STORE_PAGE, s0, sh a0, 0(s0)
  li s1, 0x401100
  addi s0, s1, -4
  EXPECT_FAULT 199, CAUSE_LOAD_PAGE, s0, lw a0, -4(s1)

  /* 202-204: the faults were taken in S-mode; the good page still works */
  CHECK_TRAP_MODE 202, 1
  li s0, 0x400000
  li a0, 1
  EXPECT_OK 203, jalr ra, SNIP_INC(s0)
  CHECK 204, a0, 2
  TEST_PASS
