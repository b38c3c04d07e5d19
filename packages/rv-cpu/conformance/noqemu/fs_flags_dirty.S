/* mstatus.FS becomes Dirty when an instruction only accrues exception
 * flags (fflags is FP state), e.g. feq.s on a signalling NaN or an inexact
 * fcvt.w.s: both write an integer register and no f register. */
#include "test.h"
.macro SET_FS v
  li a1, MSTATUS_FS
  csrc mstatus, a1
  li a1, \v
  csrs mstatus, a1
.endm
TEST_BEGIN
  li a0, BOX | 0x7fa00000
  fmv.d.x fa1, a0
  csrw fflags, zero
  SET_FS FS_CLEAN
  feq.s a0, fa1, fa1
  csrr a0, mstatus
  CHECK_MASK 1, a0, MSTATUS_FS | MSTATUS_SD, FS_DIRTY | MSTATUS_SD
  csrr a0, fflags
  CHECK 2, a0, FF_NV
  li a0, BOX | 0x3fc00000
  fmv.d.x fa1, a0
  csrw fflags, zero
  SET_FS FS_INITIAL
  fcvt.w.s a0, fa1, rtz
  csrr a0, mstatus
  CHECK_MASK 3, a0, MSTATUS_FS | MSTATUS_SD, FS_DIRTY | MSTATUS_SD
  csrr a0, fflags
  CHECK 4, a0, FF_NX
  TEST_PASS
