/* fcvt.s.d and fcvt.d.s: narrowing rounds in every mode (ties,
 * -1/3), overflow to infinity or the largest finite value by mode (the
 * largest double below 2^128 does not overflow in RTZ/RDN: overflow is
 * judged on the rounded result), subnormal results with UF only when
 * inexact and tiny after rounding, exact widening, NaN canonicalisation
 * (sNaN: NV), signed zeros and infinities, RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TFF 1, (BOX | 0x3f800000), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 2, (BOX | 0x3f800000), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 3, (BOX | 0x3f800000), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 4, (BOX | 0x3f800001), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 5, (BOX | 0x3f800001), FF_NX, 0x3ff0000018000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 6, (BOX | 0x3f800000), FF_NX, 0x3ff0000018000000, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 7, (BOX | 0x3f800000), FF_NX, 0x3ff0000018000000, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 8, (BOX | 0x3f800001), FF_NX, 0x3ff0000018000000, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 9, (BOX | 0xbf800001), FF_NX, 0xbff0000010000001, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 10, (BOX | 0xbf800000), FF_NX, 0xbff0000010000001, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 11, (BOX | 0xbf800001), FF_NX, 0xbff0000010000001, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 12, (BOX | 0xbf800000), FF_NX, 0xbff0000010000001, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 13, (BOX | 0x3eaaaaab), FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 14, (BOX | 0x3eaaaaaa), FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 15, (BOX | 0x3eaaaaaa), FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 16, (BOX | 0x3eaaaaab), FF_NX, 0x3fd5555555555555, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 17, (BOX | 0x7f800000), FF_OF | FF_NX, 0x47efffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 18, (BOX | 0x7f7fffff), FF_NX, 0x47efffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 19, (BOX | 0x7f7fffff), FF_NX, 0x47efffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 20, (BOX | 0x7f800000), FF_OF | FF_NX, 0x47efffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 21, (BOX | 0xff800000), FF_OF | FF_NX, 0xc7f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 22, (BOX | 0xff7fffff), FF_OF | FF_NX, 0xc7f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 23, (BOX | 0xff800000), FF_OF | FF_NX, 0xc7f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 24, (BOX | 0xff7fffff), FF_OF | FF_NX, 0xc7f0000000000000, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 25, (BOX | 0x800000), 0, 0x3810000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 26, (BOX | 0x800000), 0, 0x3810000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 27, (BOX | 0x800000), 0, 0x3810000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 28, (BOX | 0x800000), 0, 0x3810000000000000, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 29, (BOX | 0x800000), FF_NX, 0x380fffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 30, (BOX | 0x7fffff), FF_UF | FF_NX, 0x380fffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 31, (BOX | 0x7fffff), FF_UF | FF_NX, 0x380fffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 32, (BOX | 0x800000), FF_NX, 0x380fffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 33, (BOX | 0x1), 0, 0x36a0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 34, (BOX | 0x1), 0, 0x36a0000000000000, 0, 0, fcvt.s.d fa0, fa1, rtz
  TFF 35, (BOX | 0x1), 0, 0x36a0000000000000, 0, 0, fcvt.s.d fa0, fa1, rdn
  TFF 36, (BOX | 0x1), 0, 0x36a0000000000000, 0, 0, fcvt.s.d fa0, fa1, rup
  TFF 37, (BOX | 0x7fc00000), 0, 0x7ff8000000000001, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 38, (BOX | 0x7fc00000), FF_NV, 0xfff4000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 39, (BOX | 0x7f800000), 0, 0x7ff0000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 40, (BOX | 0x80000000), 0, 0x8000000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 41, (BOX | 0x0), FF_UF | FF_NX, 0x3690000000000000, 0, 0, fcvt.s.d fa0, fa1, rne
  TFF 42, 0x3ff0000000000000, 0, (BOX | 0x3f800000), 0, 0, fcvt.d.s fa0, fa1
  TFF 43, 0x36a0000000000000, 0, (BOX | 0x1), 0, 0, fcvt.d.s fa0, fa1
  TFF 44, 0xc7efffffe0000000, 0, (BOX | 0xff7fffff), 0, 0, fcvt.d.s fa0, fa1
  TFF 45, 0x8000000000000000, 0, (BOX | 0x80000000), 0, 0, fcvt.d.s fa0, fa1
  TFF 46, 0xfff0000000000000, 0, (BOX | 0xff800000), 0, 0, fcvt.d.s fa0, fa1
  TFF 47, 0x7ff8000000000000, 0, (BOX | 0x7fc00001), 0, 0, fcvt.d.s fa0, fa1
  TFF 48, 0x7ff8000000000000, FF_NV, (BOX | 0xffa00000), 0, 0, fcvt.d.s fa0, fa1
  /* RMM */
  TFF 60, (BOX | 0x3f800001), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rmm
  TFF 61, (BOX | 0xbf800001), FF_NX, 0xbff0000010000000, 0, 0, fcvt.s.d fa0, fa1, rmm
  TFF 62, (BOX | 0x7f800000), FF_OF | FF_NX, 0x47efffffffffffff, 0, 0, fcvt.s.d fa0, fa1, rmm
  SET_FRM RM_RUP
  TFF 63, (BOX | 0x3f800001), FF_NX, 0x3ff0000010000000, 0, 0, fcvt.s.d fa0, fa1, dyn
  SET_FRM RM_RNE
  /* fcvt.d.s of a register that is not NaN-boxed: canonical NaN, no flag */
  TFF 64, 0x7ff8000000000000, 0, 0x000000003f800000, 0, 0, fcvt.d.s fa0, fa1
  TEST_PASS
