/* fadd.s, fsub.s: every rounding mode on sums that round differently
 * (ties, above/below half an ulp), signed zeros (x - x = -0 only in RDN),
 * overflow to infinity or to the largest finite value by mode and sign,
 * inf - inf and signalling NaNs (NV), quiet NaNs (canonical result, no
 * flag), exact subnormal sums, RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 2, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 3, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 4, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 5, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 6, 0x3f800000, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 7, 0x3f800000, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 8, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 9, 0xbf800001, FF_NX, 0xbf800000, 0xb3c00000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 10, 0xbf800000, FF_NX, 0xbf800000, 0xb3c00000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 11, 0xbf800001, FF_NX, 0xbf800000, 0xb3c00000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 12, 0xbf800000, FF_NX, 0xbf800000, 0xb3c00000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 13, 0x3f7fffff, 0, 0x3f800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 14, 0x3f7fffff, 0, 0x3f800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 15, 0x3f7fffff, 0, 0x3f800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 16, 0x3f7fffff, 0, 0x3f800000, 0xb3800000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 17, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 18, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 19, 0x4b800000, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 20, 0x4b800001, FF_NX, 0x4b800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 21, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 22, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 23, 0x80000000, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 24, 0x0, 0, 0x3f800000, 0xbf800000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 25, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 26, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 27, 0x80000000, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 28, 0x0, 0, 0x0, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 29, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 30, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 31, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 32, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 33, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 34, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 35, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 36, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 37, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 38, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 39, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 40, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0xff7fffff, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 41, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x73800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 42, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x73800000, 0x0, fadd.s fa0, fa1, fa2, rtz
  TSS 43, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x73800000, 0x0, fadd.s fa0, fa1, fa2, rdn
  TSS 44, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x73800000, 0x0, fadd.s fa0, fa1, fa2, rup
  TSS 45, 0x7fc00000, FF_NV, 0x7f800000, 0xff800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 46, 0x7fc00000, FF_NV, 0x7fa00000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 47, 0x7fc00000, 0, 0x7fc00001, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 48, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 49, 0x2, 0, 0x1, 0x1, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 50, 0x7fffff, 0, 0x800000, 0x80000001, 0x0, fadd.s fa0, fa1, fa2, rne
  TSS 51, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 52, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rtz
  TSS 53, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rdn
  TSS 54, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rup
  TSS 55, 0x3f7fffff, FF_NX, 0x3f800000, 0x33800001, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 56, 0x3f7ffffe, FF_NX, 0x3f800000, 0x33800001, 0x0, fsub.s fa0, fa1, fa2, rtz
  TSS 57, 0x3f7ffffe, FF_NX, 0x3f800000, 0x33800001, 0x0, fsub.s fa0, fa1, fa2, rdn
  TSS 58, 0x3f7fffff, FF_NX, 0x3f800000, 0x33800001, 0x0, fsub.s fa0, fa1, fa2, rup
  TSS 59, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 60, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rtz
  TSS 61, 0x80000000, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rdn
  TSS 62, 0x0, 0, 0x0, 0x0, 0x0, fsub.s fa0, fa1, fa2, rup
  TSS 63, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0xff7fffff, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 64, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0xff7fffff, 0x0, fsub.s fa0, fa1, fa2, rtz
  TSS 65, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0xff7fffff, 0x0, fsub.s fa0, fa1, fa2, rdn
  TSS 66, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0xff7fffff, 0x0, fsub.s fa0, fa1, fa2, rup
  TSS 67, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 68, 0xff800000, 0, 0xff800000, 0x7f800000, 0x0, fsub.s fa0, fa1, fa2, rne
  TSS 69, 0x7fc00000, FF_NV, 0x3f800000, 0xffa00000, 0x0, fsub.s fa0, fa1, fa2, rne
  /* RMM: ties go away from zero; not-a-tie cases agree with RNE */
  TSS 70, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0, fadd.s fa0, fa1, fa2, rmm
  TSS 71, 0xbf800001, FF_NX, 0xbf800000, 0xb3800000, 0, fadd.s fa0, fa1, fa2, rmm
  TSS 72, 0x4b800001, FF_NX, 0x4b800000, 0x3f800000, 0, fadd.s fa0, fa1, fa2, rmm
  TSS 73, 0x3f800001, FF_NX, 0x3f800000, 0x33c00000, 0, fadd.s fa0, fa1, fa2, rmm
  TSS 74, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x73800000, 0, fadd.s fa0, fa1, fa2, rmm
  TSS 75, 0x00000000, 0, 0x3f800000, 0xbf800000, 0, fadd.s fa0, fa1, fa2, rmm
  /* dynamic rounding mode from frm */
  SET_FRM RM_RUP
  TSS 76, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0, fadd.s fa0, fa1, fa2, dyn
  SET_FRM RM_RDN
  TSS 77, 0x80000000, 0, 0x3f800000, 0xbf800000, 0, fadd.s fa0, fa1, fa2, dyn
  TSS 78, 0x80000000, 0, 0x3f800000, 0x3f800000, 0, fsub.s fa0, fa1, fa2, dyn
  SET_FRM RM_RMM
  TSS 79, 0x3f800001, FF_NX, 0x3f800000, 0x33800000, 0, fadd.s fa0, fa1, fa2, dyn
  SET_FRM RM_RTZ
  TSS 80, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x7f7fffff, 0, fadd.s fa0, fa1, fa2, dyn
  SET_FRM RM_RNE
  TSS 81, 0x3f800000, FF_NX, 0x3f800000, 0x33800000, 0, fadd.s fa0, fa1, fa2, dyn
  /* rd = rs1 = rs2 */
  li a1, BOX | 0x3fc00000
  fmv.d.x fa1, a1
  fadd.s fa1, fa1, fa1, rne
  fmv.x.d a0, fa1
  CHECK 82, a0, BOX | 0x40400000
  TEST_PASS
