/* fsqrt.s: roots that round differently in every mode, exact roots,
 * sqrt(-0) = -0, sqrt(+inf), negative operands incl. -inf and a negative
 * subnormal (NV, canonical NaN), NaNs, subnormal operands, RMM, dynamic. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 2, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rtz
  TSS 3, 0x3fb504f3, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rdn
  TSS 4, 0x3fb504f4, FF_NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rup
  TSS 5, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 6, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rtz
  TSS 7, 0x3fddb3d7, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rdn
  TSS 8, 0x3fddb3d8, FF_NX, 0x40400000, 0x0, 0x0, fsqrt.s fa0, fa1, rup
  TSS 9, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 10, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rtz
  TSS 11, 0x3f800000, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rdn
  TSS 12, 0x3f800001, FF_NX, 0x3f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rup
  TSS 13, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 14, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rtz
  TSS 15, 0x1a3504f3, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rdn
  TSS 16, 0x1a3504f4, FF_NX, 0x1, 0x0, 0x0, fsqrt.s fa0, fa1, rup
  TSS 17, 0x1a800000, 0, 0x2, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 18, 0x1a800000, 0, 0x2, 0x0, 0x0, fsqrt.s fa0, fa1, rtz
  TSS 19, 0x1a800000, 0, 0x2, 0x0, 0x0, fsqrt.s fa0, fa1, rdn
  TSS 20, 0x1a800000, 0, 0x2, 0x0, 0x0, fsqrt.s fa0, fa1, rup
  TSS 21, 0x40000000, 0, 0x40800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 22, 0x0, 0, 0x0, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 23, 0x80000000, 0, 0x80000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 24, 0x7f800000, 0, 0x7f800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 25, 0x7fc00000, FF_NV, 0xbf800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 26, 0x7fc00000, FF_NV, 0xff800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 27, 0x7fc00000, FF_NV, 0x80000001, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 28, 0x7fc00000, FF_NV, 0x7fa00000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 29, 0x7fc00000, 0, 0x7fc00001, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  TSS 30, 0x20000000, 0, 0x800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne
  /* a square root is never exactly halfway: RMM agrees with RNE */
  TSS 40, 0x3fb504f3, FF_NX, 0x40000000, 0, 0, fsqrt.s fa0, fa1, rmm
  SET_FRM RM_RTZ
  TSS 41, 0x3fb504f3, FF_NX, 0x40000000, 0, 0, fsqrt.s fa0, fa1, dyn
  SET_FRM RM_RUP
  TSS 42, 0x3fb504f4, FF_NX, 0x40000000, 0, 0, fsqrt.s fa0, fa1, dyn
  SET_FRM RM_RNE
  TEST_PASS
