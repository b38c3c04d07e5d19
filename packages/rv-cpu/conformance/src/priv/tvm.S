/* mstatus.TVM: with TVM=1, satp accesses and sfence.vma in S-mode raise
 * illegal instruction; M-mode is unaffected. sfence.vma and satp are
 * always illegal in U-mode. satp writes with an unsupported MODE have no
 * effect (WARL). */
#include "test.h"
TEST_BEGIN
  /* TVM=0: S-mode may read/write satp and run sfence.vma */
  GOTO_S
  CLEAR_TRAP
  csrr a0, satp
  csrw satp, zero
  sfence.vma
  sfence.vma x0, x0
  li a1, 0x80000000
  sfence.vma a1, x0
  CHECK_NO_TRAP 1
  GOTO_M
  /* TVM=1 */
  li a1, MSTATUS_TVM
  csrs mstatus, a1
  GOTO_S
  EXPECT_TRAP 2, CAUSE_ILLEGAL, csrr a0, satp
  CHECK_TRAP_TVAL_INSN 3
  GOTO_S
  EXPECT_TRAP 4, CAUSE_ILLEGAL, csrw satp, zero
  GOTO_S
  EXPECT_TRAP 5, CAUSE_ILLEGAL, sfence.vma
  CHECK_TRAP_TVAL 6, 0x12000073
  GOTO_S
  EXPECT_TRAP 7, CAUSE_ILLEGAL, sfence.vma a1, x0
  /* M-mode is not affected by TVM */
  CLEAR_TRAP
  csrr a0, satp
  csrw satp, zero
  sfence.vma
  CHECK_NO_TRAP 8
  li a1, MSTATUS_TVM
  csrc mstatus, a1
  /* U-mode: always illegal */
  GOTO_U
  EXPECT_TRAP 9, CAUSE_ILLEGAL, sfence.vma
  GOTO_U
  EXPECT_TRAP 10, CAUSE_ILLEGAL, csrr a0, satp
  /* satp WARL: an unsupported mode (1..7 are reserved) is not written */
  csrw satp, zero
  li a1, (5 << 60) | 0x123
  csrw satp, a1
  csrr a0, satp
  CHECK 11, a0, 0
  li a1, (15 << 60) | 0x123
  csrw satp, a1
  csrr a0, satp
  CHECK 12, a0, 0
  /* Sv39 (mode 8) is supported: the value reads back (M-mode itself does
   * not translate, so this is harmless) */
  li a1, (8 << 60) | 0x80123
  csrw satp, a1
  csrr a0, satp
  csrw satp, zero
  li a1, 0xf000000000000000
  and a0, a0, a1
  CHECK 13, a0, (8 << 60)
  TEST_PASS
