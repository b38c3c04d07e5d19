/* mstatus.FS: with FS = Off every F/D instruction (loads, stores, moves,
 * arithmetic, compressed forms) and every access to fflags/frm/fcsr is an
 * illegal instruction with mtval = its bits, in M, S and U; Initial and
 * Clean become Dirty on any write of FP state (f register, including a
 * load, fcsr, or only accrued flags); SD (bit 63) is set exactly when FS is
 * Dirty, in mstatus and sstatus; sstatus.FS is the same field. */
#include "test.h"
.macro SET_FS v
  li a1, MSTATUS_FS
  csrc mstatus, a1
  li a1, \v
  csrs mstatus, a1
.endm
/* Check n: mstatus FS and SD read fs and sd */
.macro CHECK_FS n, fs, sd
  csrr a0, mstatus
  CHECK_MASK \n, a0, MSTATUS_FS | MSTATUS_SD, \fs | \sd
.endm
/* Checks n, n+1: insn traps as illegal with mtval = its bits */
.macro OFF_TRAP n, insn:vararg
  EXPECT_TRAP \n, CAUSE_ILLEGAL, \insn
  CHECK_TRAP_TVAL_INSN (\n + 1)
.endm
TEST_BEGIN
  la s0, buf
  SET_FS FS_OFF
  CHECK_FS 1, FS_OFF, 0
  OFF_TRAP 2, flw fa0, 0(s0)
  OFF_TRAP 4, fsw fa0, 0(s0)
  OFF_TRAP 6, fld fa0, 0(s0)
  OFF_TRAP 8, fsd fa0, 0(s0)
  OFF_TRAP 10, fadd.s fa0, fa1, fa2
  OFF_TRAP 12, fmul.d fa0, fa1, fa2
  OFF_TRAP 14, fmadd.s fa0, fa1, fa2, fa3
  OFF_TRAP 16, fmv.x.w a0, fa1
  OFF_TRAP 18, fmv.d.x fa0, a1
  OFF_TRAP 20, fcvt.w.d a0, fa1
  OFF_TRAP 22, feq.s a0, fa1, fa2
  OFF_TRAP 24, fclass.d a0, fa1
  OFF_TRAP 26, fsgnj.d fa0, fa1, fa2
  OFF_TRAP 28, csrr a0, fflags
  OFF_TRAP 30, csrw frm, zero
  OFF_TRAP 32, csrr a0, fcsr
  OFF_TRAP 34, csrrwi a0, fflags, 1
  .option push
  .option rvc
  OFF_TRAP 36, c.fld fs0, 0(s0)
  OFF_TRAP 38, c.fsd fs0, 8(s0)
  OFF_TRAP 40, c.fldsp fa0, 0(sp)
  OFF_TRAP 42, c.fsdsp fa0, 8(sp)
  .option pop
  /* the traps did not change FS */
  CHECK_FS 44, FS_OFF, 0
  /* also from S and U (the trap goes to M) */
  GOTO_S
  OFF_TRAP 45, fld fa0, 0(s0)
  GOTO_U
  OFF_TRAP 47, csrr a0, fcsr
  GOTO_U
  OFF_TRAP 49, fadd.d fa0, fa1, fa2

  /* Initial: SD clear; a register write makes it Dirty, SD set */
  SET_FS FS_INITIAL
  CHECK_FS 51, FS_INITIAL, 0
  fmv.w.x fa0, zero
  CHECK_FS 52, FS_DIRTY, MSTATUS_SD
  csrr a0, sstatus
  CHECK_MASK 53, a0, MSTATUS_FS | MSTATUS_SD, FS_DIRTY | MSTATUS_SD
  /* Clean: SD clear */
  SET_FS FS_CLEAN
  CHECK_FS 54, FS_CLEAN, 0
  csrr a0, sstatus
  CHECK_MASK 55, a0, MSTATUS_FS | MSTATUS_SD, FS_CLEAN
  /* a load into an f register */
  flw fa0, 0(s0)
  CHECK_FS 56, FS_DIRTY, MSTATUS_SD
  SET_FS FS_INITIAL
  fld fa0, 0(s0)
  CHECK_FS 57, FS_DIRTY, MSTATUS_SD
  /* fcsr writes: fflags, frm, fcsr */
  SET_FS FS_CLEAN
  csrw fflags, zero
  CHECK_FS 58, FS_DIRTY, MSTATUS_SD
  SET_FS FS_CLEAN
  csrwi frm, 0
  CHECK_FS 59, FS_DIRTY, MSTATUS_SD
  SET_FS FS_INITIAL
  csrw fcsr, zero
  CHECK_FS 60, FS_DIRTY, MSTATUS_SD
  /* (61-63, a flag accrual alone making FS Dirty, are in
   * noqemu/fs_flags_dirty.S: QEMU 7.2 leaves FS alone there) */
  li a0, BOX | 0x3fc00000
  fmv.d.x fa1, a0
  /* arithmetic */
  SET_FS FS_CLEAN
  fadd.d fa0, fa1, fa1
  CHECK_FS 64, FS_DIRTY, MSTATUS_SD
  /* sstatus.FS is mstatus.FS */
  li a1, MSTATUS_FS
  csrc sstatus, a1
  CHECK_FS 65, FS_OFF, 0
  EXPECT_TRAP 66, CAUSE_ILLEGAL, fmv.x.d a0, fa0
  li a1, FS_CLEAN
  csrs sstatus, a1
  CHECK_FS 67, FS_CLEAN, 0
  /* S-mode can turn FP on and use it */
  SET_FS FS_OFF
  GOTO_S
  li a1, FS_INITIAL
  csrs sstatus, a1
  fmv.d.x fa0, zero
  csrr a0, sstatus
  CHECK_MASK 68, a0, MSTATUS_FS | MSTATUS_SD, FS_DIRTY | MSTATUS_SD
  GOTO_M
  CHECK_FS 69, FS_DIRTY, MSTATUS_SD
  TEST_PASS
TEST_DATA
buf:
  .dword 0x3ff0000000000000, 0
