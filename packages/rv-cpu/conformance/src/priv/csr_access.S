/* CSR access rules: privilege level in csr[9:8]; read-only CSRs in
 * csr[11:10] = 3 trap on any write attempt; csrrs/csrrc with rs1 = x0 and
 * csrrsi/csrrci with uimm = 0 do not write (no trap on read-only CSRs). */
#include "test.h"
TEST_BEGIN
  /* U-mode: S and M CSRs are inaccessible, even for reads */
  GOTO_U
  EXPECT_TRAP 1, CAUSE_ILLEGAL, csrr a0, sstatus
  CHECK_TRAP_TVAL_INSN 2
  GOTO_U
  EXPECT_TRAP 3, CAUSE_ILLEGAL, csrr a0, sscratch
  GOTO_U
  EXPECT_TRAP 4, CAUSE_ILLEGAL, csrw stvec, zero
  GOTO_U
  EXPECT_TRAP 5, CAUSE_ILLEGAL, csrr a0, sie
  GOTO_U
  EXPECT_TRAP 6, CAUSE_ILLEGAL, csrr a0, mstatus
  GOTO_U
  EXPECT_TRAP 7, CAUSE_ILLEGAL, csrr a0, mhartid
  GOTO_U
  EXPECT_TRAP 8, CAUSE_ILLEGAL, csrw mscratch, a0
  /* U-mode: user counters readable (counteren bits are set by the env) */
  GOTO_U
  CLEAR_TRAP
  csrr a0, cycle
  csrr a0, instret
  CHECK_NO_TRAP 9
  /* S-mode: S CSRs fine, M CSRs not */
  GOTO_M
  GOTO_S
  CLEAR_TRAP
  csrr a0, sstatus
  csrr a0, sscratch
  csrr a0, stvec
  csrr a0, sie
  csrr a0, sip
  csrr a0, sepc
  csrr a0, scause
  csrr a0, stval
  csrr a0, scounteren
  csrr a0, cycle
  CHECK_NO_TRAP 10
  EXPECT_TRAP 11, CAUSE_ILLEGAL, csrr a0, mstatus
  GOTO_S
  EXPECT_TRAP 12, CAUSE_ILLEGAL, csrr a0, mepc
  GOTO_S
  EXPECT_TRAP 13, CAUSE_ILLEGAL, csrw medeleg, zero
  GOTO_S
  EXPECT_TRAP 14, CAUSE_ILLEGAL, csrrs a0, mscratch, x0
  GOTO_S
  EXPECT_TRAP 15, CAUSE_ILLEGAL, csrr a0, mcounteren
  /* M-mode: writes to read-only CSRs trap */
  EXPECT_TRAP 16, CAUSE_ILLEGAL, csrw mvendorid, a0
  CHECK_TRAP_TVAL_INSN 17
  EXPECT_TRAP 18, CAUSE_ILLEGAL, csrw marchid, a0
  EXPECT_TRAP 19, CAUSE_ILLEGAL, csrw mimpid, a0
  EXPECT_TRAP 20, CAUSE_ILLEGAL, csrw mhartid, a0
  EXPECT_TRAP 21, CAUSE_ILLEGAL, csrw cycle, a0
  EXPECT_TRAP 22, CAUSE_ILLEGAL, csrw time, a0
  EXPECT_TRAP 23, CAUSE_ILLEGAL, csrw instret, a0
  EXPECT_TRAP 24, CAUSE_ILLEGAL, csrrwi a0, mhartid, 0
  EXPECT_TRAP 25, CAUSE_ILLEGAL, csrrwi x0, mvendorid, 0
  /* (rs1 != x0 holding 0 is still a write: noqemu/csr_write_zero.S,
   * QEMU 7.2 does not trap) */
  li a1, 1
  EXPECT_TRAP 26, CAUSE_ILLEGAL, csrrs a0, mhartid, a1
  EXPECT_TRAP 27, CAUSE_ILLEGAL, csrrc a0, mhartid, a1
  EXPECT_TRAP 28, CAUSE_ILLEGAL, csrrsi a0, cycle, 1
  EXPECT_TRAP 29, CAUSE_ILLEGAL, csrrci a0, mimpid, 1
  /* pure reads of read-only CSRs do not trap */
  CLEAR_TRAP
  csrrs a0, mhartid, x0
  CHECK 30, a0, 0
  csrrc a0, mhartid, x0
  CHECK 31, a0, 0
  csrrsi a0, mhartid, 0
  CHECK 32, a0, 0
  csrrci a0, mhartid, 0
  CHECK 33, a0, 0
  csrrs a0, cycle, x0
  csrrc a0, cycle, x0
  csrrsi a0, instret, 0
  csrrci a0, mvendorid, 0
  csrrs x0, marchid, x0
  CHECK_NO_TRAP 34
  /* the destination is not written when the access traps */
  li a0, 0x5a
  EXPECT_TRAP 35, CAUSE_ILLEGAL, csrrw a0, mhartid, a0
  CHECK 36, a0, 0x5a
  /* M-mode can access S CSRs */
  CLEAR_TRAP
  csrr a0, sstatus
  csrw sscratch, a0
  csrr a0, stvec
  CHECK_NO_TRAP 37
  TEST_PASS
