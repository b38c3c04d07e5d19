/* fmadd.s, fmsub.s, fnmsub.s, fnmadd.s: a single rounding: operands where
 * rounding a*b first gives another result (e.g. (1+2^-23)^2 - (1+2^-22) =
 * 2^-46 exactly), every mode; the signs of fmsub/fnmsub/fnmadd; signed zero
 * results; overflow by mode; tininess after rounding (a result just below
 * the smallest normal that rounds up to it raises no UF); inf - inf and
 * 0 * inf + qNaN (NV); signalling NaNs; RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0x28800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 2, 0x28800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 3, 0x28800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 4, 0x28800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 5, 0x40000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 6, 0x40000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 7, 0x40000001, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 8, 0x40000002, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 9, 0x33000000, 0, 0x3eaaaaab, 0x40400000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 10, 0x33000000, 0, 0x3eaaaaab, 0x40400000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 11, 0x33000000, 0, 0x3eaaaaab, 0x40400000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 12, 0x33000000, 0, 0x3eaaaaab, 0x40400000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 13, 0x800000, FF_UF | FF_NX, 0x1a000000, 0x9a000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 14, 0x7fffff, FF_UF | FF_NX, 0x1a000000, 0x9a000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 15, 0x7fffff, FF_UF | FF_NX, 0x1a000000, 0x9a000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 16, 0x800000, FF_UF | FF_NX, 0x1a000000, 0x9a000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 17, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 18, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 19, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 20, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 21, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f800000, 0x73800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 22, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f800000, 0x73800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 23, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f800000, 0x73800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 24, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f800000, 0x73800000, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 25, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 26, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 27, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 28, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rup
  TSS 29, 0x7fc00000, FF_NV, 0x0, 0x7f800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 30, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 31, 0x7fc00000, FF_NV, 0x7fa00000, 0x3f800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 32, 0x7fc00000, 0, 0x3f800000, 0x3f800000, 0x7fc00000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 33, 0x28800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fmsub.s fa0, fa1, fa2, fa3, rne
  TSS 34, 0x28800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fmsub.s fa0, fa1, fa2, fa3, rtz
  TSS 35, 0x28800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fmsub.s fa0, fa1, fa2, fa3, rdn
  TSS 36, 0x28800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fmsub.s fa0, fa1, fa2, fa3, rup
  TSS 37, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne
  TSS 38, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rtz
  TSS 39, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rdn
  TSS 40, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rup
  TSS 41, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne
  TSS 42, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0x7f800000, fmsub.s fa0, fa1, fa2, fa3, rne
  TSS 43, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fnmsub.s fa0, fa1, fa2, fa3, rne
  TSS 44, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fnmsub.s fa0, fa1, fa2, fa3, rtz
  TSS 45, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fnmsub.s fa0, fa1, fa2, fa3, rdn
  TSS 46, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0x3f800002, fnmsub.s fa0, fa1, fa2, fa3, rup
  TSS 47, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne
  TSS 48, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rtz
  TSS 49, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rdn
  TSS 50, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rup
  TSS 51, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne
  TSS 52, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fnmadd.s fa0, fa1, fa2, fa3, rne
  TSS 53, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fnmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 54, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fnmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 55, 0xa8800000, 0, 0x3f800001, 0x3f800001, 0xbf800002, fnmadd.s fa0, fa1, fa2, fa3, rup
  TSS 56, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rne
  TSS 57, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 58, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 59, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rup
  TSS 60, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne
  TSS 61, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000, fnmadd.s fa0, fa1, fa2, fa3, rne
  TSS 62, 0x800000, FF_NX, 0x1a000000, 0x99800000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 63, 0x7fffff, FF_UF | FF_NX, 0x1a000000, 0x99800000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rtz
  TSS 64, 0x7fffff, FF_UF | FF_NX, 0x1a000000, 0x99800000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rdn
  TSS 65, 0x800000, FF_NX, 0x1a000000, 0x99800000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rup
  /* 0 * inf + qNaN: the spec requires NV even though the addend is quiet */
  TSS 70, 0x7fc00000, FF_NV, 0x00000000, 0x7f800000, 0x7fc00000, fmadd.s fa0, fa1, fa2, fa3, rne
  TSS 71, 0x7fc00000, FF_NV, 0xff800000, 0x80000000, 0x7fc00000, fnmadd.s fa0, fa1, fa2, fa3, rne
  /* RMM on a tie: 1 * 1 + 2^-24 */
  TSS 72, 0x3f800001, FF_NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rmm
  TSS 73, 0xbf800001, FF_NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rmm
  SET_FRM RM_RUP
  TSS 74, 0x40000002, FF_NX, 0x3f800001, 0x3f800001, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, dyn
  SET_FRM RM_RNE
  TEST_PASS
