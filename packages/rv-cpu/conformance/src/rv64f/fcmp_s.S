/* feq.s, flt.s, fle.s: results 0/1 in rd; -0 == +0; feq is a quiet
 * comparison (NV only for a signalling NaN), flt/fle signal (NV for any
 * NaN); a NaN operand compares false; a register that is not NaN-boxed is
 * the canonical (quiet) NaN; rd = x0. */
#include "test.h"
TEST_BEGIN
  TSX 1, 1, 0, 0x3f800000, 0x3f800000, feq.s a0, fa1, fa2
  TSX 2, 0, 0, 0x3f800000, 0x40000000, feq.s a0, fa1, fa2
  TSX 3, 1, 0, 0x80000000, 0x00000000, feq.s a0, fa1, fa2
  TSX 4, 0, 0, 0x80000000, 0x00000000, flt.s a0, fa1, fa2
  TSX 5, 1, 0, 0x80000000, 0x00000000, fle.s a0, fa1, fa2
  TSX 6, 1, 0, 0x3f800000, 0x40000000, flt.s a0, fa1, fa2
  TSX 7, 0, 0, 0x40000000, 0x3f800000, flt.s a0, fa1, fa2
  TSX 8, 0, 0, 0x40000000, 0x40000000, flt.s a0, fa1, fa2
  TSX 9, 1, 0, 0x40000000, 0x40000000, fle.s a0, fa1, fa2
  TSX 10, 0, 0, 0x40000000, 0x3f800000, fle.s a0, fa1, fa2
  TSX 11, 1, 0, 0xff800000, 0xff7fffff, flt.s a0, fa1, fa2
  TSX 12, 1, 0, 0xc0000000, 0xbf800000, flt.s a0, fa1, fa2
  TSX 13, 1, 0, 0x80000001, 0x00000001, flt.s a0, fa1, fa2
  TSX 14, 1, 0, 0x7f800000, 0x7f800000, feq.s a0, fa1, fa2
  /* quiet NaN: feq quiet, flt/fle signal */
  TSX 15, 0, 0, 0x7fc00000, 0x3f800000, feq.s a0, fa1, fa2
  TSX 16, 0, 0, 0x7fc00000, 0x7fc00000, feq.s a0, fa1, fa2
  TSX 17, 0, FF_NV, 0x7fc00000, 0x3f800000, flt.s a0, fa1, fa2
  TSX 18, 0, FF_NV, 0x3f800000, 0xffc00000, fle.s a0, fa1, fa2
  /* signalling NaN: all three set NV */
  TSX 19, 0, FF_NV, 0x7fa00000, 0x3f800000, feq.s a0, fa1, fa2
  TSX 20, 0, FF_NV, 0x3f800000, 0x7f800001, feq.s a0, fa1, fa2
  TSX 21, 0, FF_NV, 0x7fa00000, 0x7fa00000, flt.s a0, fa1, fa2
  TSX 22, 0, FF_NV, 0xffa00000, 0x3f800000, fle.s a0, fa1, fa2
  /* not NaN-boxed: canonical NaN */
  TFX 23, 0, 0, 0x000000003f800000, 0x000000003f800000, feq.s a0, fa1, fa2
  TFX 24, 0, FF_NV, 0x000000003f800000, BOX | 0x3f800000, fle.s a0, fa1, fa2
  /* rd = x0 */
  FP_SET3 BOX | 0x3f800000, BOX | 0x40000000, 0
  flt.s x0, fa1, fa2
  CHECK 25, x0, 0
  FP_FLAGS 25, 0
  TEST_PASS
