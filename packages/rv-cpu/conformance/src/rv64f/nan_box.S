/* NaN boxing (D present, so FLEN = 64): a single-precision operand whose
 * upper 32 bits are not all ones is read as the canonical NaN 0x7fc00000
 * (a quiet NaN: no NV by itself) in arithmetic, conversions, fma, compares
 * and fclass; every single-precision result is NaN-boxed, whatever the
 * register held before; transfers (fmv.x.w, fsw) use the low 32 bits. */
#include "test.h"
TEST_BEGIN
  /* arithmetic on unboxed operands */
  TFF 1, BOX | 0x7fc00000, 0, 0x000000003f800000, BOX | 0x3f800000, 0, fadd.s fa0, fa1, fa2, rne
  TFF 2, BOX | 0x7fc00000, 0, BOX | 0x3f800000, 0xfffffffe3f800000, 0, fmul.s fa0, fa1, fa2, rne
  TFF 3, BOX | 0x7fc00000, 0, 0x7fffffff3f800000, 0, 0, fsqrt.s fa0, fa1, rne
  TFF 4, BOX | 0x7fc00000, 0, BOX | 0x3f800000, BOX | 0x3f800000, 0x3ff0000000000000, fmadd.s fa0, fa1, fa2, fa3, rne
  /* the unboxed value is not looked at: its low half being a signalling
   * NaN does not raise NV */
  TFF 5, BOX | 0x7fc00000, 0, 0x000000007f800001, BOX | 0x3f800000, 0, fsub.s fa0, fa1, fa2, rne
  /* conversions */
  TFX 6, 0x7fffffff, FF_NV, 0x00000000bf800000, 0, fcvt.w.s a0, fa1, rtz
  TFF 7, 0x7ff8000000000000, 0, 0x00000000bf800000, 0, 0, fcvt.d.s fa0, fa1
  TFX 8, 1 << 9, 0, 0x4000000000000000, 0, fclass.s a0, fa1
  /* transfers ignore the box */
  TFX 9, 0x0000000040000000, 0, 0x1234567840000000, 0, fmv.x.w a0, fa1
  /* results are boxed even over a register holding a double */
  li a0, 0x400921fb54442d18
  fmv.d.x fa0, a0
  li a0, BOX | 0x3f800000
  fmv.d.x fa1, a0
  fadd.s fa0, fa1, fa1, rne
  fmv.x.d a0, fa0
  CHECK 10, a0, BOX | 0x40000000
  li a0, 0x400921fb54442d18
  fmv.d.x fa0, a0
  fsgnjn.s fa0, fa1, fa1
  fmv.x.d a0, fa0
  CHECK 11, a0, BOX | 0xbf800000
  li a0, 0x400921fb54442d18
  fmv.d.x fa0, a0
  fcvt.s.d fa0, fa0, rne
  fmv.x.d a0, fa0
  CHECK 12, a0, BOX | 0x40490fdb
  li a1, 7
  fcvt.s.w fa0, a1
  fmv.x.d a0, fa0
  CHECK 13, a0, BOX | 0x40e00000
  fmin.s fa0, fa1, fa1
  fmv.x.d a0, fa0
  CHECK 14, a0, BOX | 0x3f800000
  TEST_PASS
