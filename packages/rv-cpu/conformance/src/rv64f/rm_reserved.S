/* Reserved rounding modes: an instruction with rm = 5 or 6, or with rm = 7
 * (dynamic) while frm holds 5, 6 or 7, is an illegal instruction (mtval =
 * its bits); the destination and fflags are unchanged. Instructions without
 * a rounding mode ignore frm. */
#include "test.h"
/* OP-FP / fma encodings with fa0 = f10, fa1 = f11, fa2 = f12, fa3 = f13 */
#define FADD_S(rm)  ((12 << 20) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x53)
#define FADD_D(rm)  ((1 << 25) | (12 << 20) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x53)
#define FSQRT_S(rm) ((0x2c << 25) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x53)
#define FMADD_D(rm) ((13 << 27) | (1 << 25) | (12 << 20) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x43)
#define FCVT_W_S(rm) ((0x60 << 25) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x53)
#define FCVT_S_D(rm) ((0x20 << 25) | (1 << 20) | (11 << 15) | ((rm) << 12) | (10 << 7) | 0x53)
TEST_BEGIN
  li a0, BOX | 0x3f800000
  fmv.d.x fa1, a0
  fmv.d.x fa2, a0
  fmv.d.x fa3, a0
  li a0, 0x1234
  fmv.d.x fa0, a0
  csrw fflags, zero
  EXPECT_TRAP 1, CAUSE_ILLEGAL, .word FADD_S(5)
  CHECK_TRAP_TVAL 2, FADD_S(5)
  EXPECT_TRAP 3, CAUSE_ILLEGAL, .word FADD_S(6)
  CHECK_TRAP_TVAL 4, FADD_S(6)
  EXPECT_TRAP 5, CAUSE_ILLEGAL, .word FADD_D(5)
  CHECK_TRAP_TVAL 6, FADD_D(5)
  EXPECT_TRAP 7, CAUSE_ILLEGAL, .word FSQRT_S(6)
  CHECK_TRAP_TVAL 8, FSQRT_S(6)
  EXPECT_TRAP 9, CAUSE_ILLEGAL, .word FMADD_D(5)
  CHECK_TRAP_TVAL 10, FMADD_D(5)
  EXPECT_TRAP 11, CAUSE_ILLEGAL, .word FCVT_W_S(6)
  CHECK_TRAP_TVAL 12, FCVT_W_S(6)
  EXPECT_TRAP 13, CAUSE_ILLEGAL, .word FCVT_S_D(5)
  CHECK_TRAP_TVAL 14, FCVT_S_D(5)
  /* dynamic with frm = 5, 6, 7 */
  csrwi frm, 5
  EXPECT_TRAP 15, CAUSE_ILLEGAL, fadd.s fa0, fa1, fa2, dyn
  CHECK_TRAP_TVAL_INSN 16
  csrwi frm, 6
  EXPECT_TRAP 17, CAUSE_ILLEGAL, fmul.d fa0, fa1, fa2, dyn
  CHECK_TRAP_TVAL_INSN 18
  csrwi frm, 7
  EXPECT_TRAP 19, CAUSE_ILLEGAL, fcvt.l.d a0, fa1, dyn
  CHECK_TRAP_TVAL_INSN 20
  EXPECT_TRAP 21, CAUSE_ILLEGAL, fnmsub.s fa0, fa1, fa2, fa3, dyn
  CHECK_TRAP_TVAL_INSN 22
  /* nothing was written */
  fmv.x.d a0, fa0
  CHECK 23, a0, 0x1234
  csrr a0, fflags
  CHECK 24, a0, 0
  /* no rounding mode: frm = 7 does not matter */
  CLEAR_TRAP
  fsgnj.s fa0, fa1, fa2
  fmin.d fa0, fa1, fa2
  feq.s a0, fa1, fa2
  fmv.x.w a0, fa1
  fclass.d a0, fa1
  CHECK_NO_TRAP 25
  /* a valid frm again: dynamic works */
  csrwi frm, RM_RTZ
  fadd.s fa0, fa1, fa2, dyn
  fmv.x.d a0, fa0
  CHECK 26, a0, BOX | 0x40000000
  TEST_PASS
