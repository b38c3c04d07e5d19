/* fadd.d, fsub.d: every rounding mode on sums that round differently
 * (ties, above/below half an ulp), signed zeros (x - x = -0 only in RDN),
 * overflow to infinity or to the largest finite value by mode and sign,
 * inf - inf and signalling NaNs (NV), quiet NaNs (canonical result, no
 * flag), exact subnormal sums, RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TFF 1, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 2, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 3, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 4, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 5, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 6, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 7, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 8, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 9, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0xbca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 10, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0xbca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 11, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0xbca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 12, 0xbff0000000000000, FF_NX, 0xbff0000000000000, 0xbca8000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 13, 0x3fefffffffffffff, 0, 0x3ff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 14, 0x3fefffffffffffff, 0, 0x3ff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 15, 0x3fefffffffffffff, 0, 0x3ff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 16, 0x3fefffffffffffff, 0, 0x3ff0000000000000, 0xbca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 17, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 18, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 19, 0x4340000000000000, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 20, 0x4340000000000001, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 21, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 22, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 23, 0x8000000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 24, 0x0, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 25, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 26, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 27, 0x8000000000000000, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 28, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 29, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 30, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 31, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 32, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 33, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 34, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 35, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 36, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 37, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 38, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 39, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 40, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0xffefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 41, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7c90000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 42, 0x7fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x7c90000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz
  TFF 43, 0x7fefffffffffffff, FF_NX, 0x7fefffffffffffff, 0x7c90000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn
  TFF 44, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7c90000000000000, 0x0, fadd.d fa0, fa1, fa2, rup
  TFF 45, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 46, 0x7ff8000000000000, FF_NV, 0x7ff4000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 47, 0x7ff8000000000000, 0, 0x7ff8000000000001, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 48, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 49, 0x2, 0, 0x1, 0x1, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 50, 0xfffffffffffff, 0, 0x10000000000000, 0x8000000000000001, 0x0, fadd.d fa0, fa1, fa2, rne
  TFF 51, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 52, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz
  TFF 53, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn
  TFF 54, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup
  TFF 55, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3ca0000000000001, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 56, 0x3feffffffffffffe, FF_NX, 0x3ff0000000000000, 0x3ca0000000000001, 0x0, fsub.d fa0, fa1, fa2, rtz
  TFF 57, 0x3feffffffffffffe, FF_NX, 0x3ff0000000000000, 0x3ca0000000000001, 0x0, fsub.d fa0, fa1, fa2, rdn
  TFF 58, 0x3fefffffffffffff, FF_NX, 0x3ff0000000000000, 0x3ca0000000000001, 0x0, fsub.d fa0, fa1, fa2, rup
  TFF 59, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 60, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rtz
  TFF 61, 0x8000000000000000, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rdn
  TFF 62, 0x0, 0, 0x0, 0x0, 0x0, fsub.d fa0, fa1, fa2, rup
  TFF 63, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0xffefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 64, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0xffefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rtz
  TFF 65, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0xffefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rdn
  TFF 66, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0xffefffffffffffff, 0x0, fsub.d fa0, fa1, fa2, rup
  TFF 67, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x7ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 68, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 69, 0x7ff8000000000000, FF_NV, 0x3ff0000000000000, 0xfff4000000000000, 0x0, fsub.d fa0, fa1, fa2, rne
  TFF 70, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  TFF 71, 0xbff0000000000001, FF_NX, 0xbff0000000000000, 0xbca0000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  TFF 72, 0x4340000000000001, FF_NX, 0x4340000000000000, 0x3ff0000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  TFF 73, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca8000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  TFF 74, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7c90000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  TFF 75, 0x0000000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0, fadd.d fa0, fa1, fa2, rmm
  SET_FRM RM_RUP
  TFF 76, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0, fadd.d fa0, fa1, fa2, dyn
  SET_FRM RM_RDN
  TFF 77, 0x8000000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0, fadd.d fa0, fa1, fa2, dyn
  TFF 78, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, fsub.d fa0, fa1, fa2, dyn
  SET_FRM RM_RMM
  TFF 79, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0, fadd.d fa0, fa1, fa2, dyn
  SET_FRM RM_RTZ
  TFF 80, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x7fefffffffffffff, 0, fadd.d fa0, fa1, fa2, dyn
  SET_FRM RM_RNE
  TFF 81, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000, 0, fadd.d fa0, fa1, fa2, dyn
  li a1, 0x3ff8000000000000
  fmv.d.x fa1, a1
  fadd.d fa1, fa1, fa1, rne
  fmv.x.d a0, fa1
  CHECK 82, a0, 0x4008000000000000
  TEST_PASS
