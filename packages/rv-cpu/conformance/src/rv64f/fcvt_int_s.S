/* fcvt.{w,wu,l,lu}.s and fcvt.s.{w,wu,l,lu}: every integer width (w, wu, l, lu) in both
 * directions, all rounding modes on values between integers (x.5 ties,
 * -0.5, 0.7), range ends exact and just outside, out-of-range values, NaN
 * and infinities saturating with NV (NaN and +inf give the largest value;
 * 32-bit results, unsigned ones too, are sign-extended), NX only when
 * inexact and in range; integer sources too wide for the significand;
 * the w forms use only the low 32 bits of rs1; RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TSX 1, 0x2, FF_NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rne
  TSX 2, 0x1, FF_NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rtz
  TSX 3, 0x1, FF_NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rdn
  TSX 4, 0x2, FF_NX, 0x3fc00000, 0, fcvt.w.s a0, fa1, rup
  TSX 5, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0, fcvt.w.s a0, fa1, rne
  TSX 6, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0, fcvt.w.s a0, fa1, rtz
  TSX 7, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0, fcvt.w.s a0, fa1, rdn
  TSX 8, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0, fcvt.w.s a0, fa1, rup
  TSX 9, 0x2, FF_NX, 0x40200000, 0, fcvt.w.s a0, fa1, rne
  TSX 10, 0x2, FF_NX, 0x40200000, 0, fcvt.w.s a0, fa1, rtz
  TSX 11, 0x2, FF_NX, 0x40200000, 0, fcvt.w.s a0, fa1, rdn
  TSX 12, 0x3, FF_NX, 0x40200000, 0, fcvt.w.s a0, fa1, rup
  TSX 13, 0xffffffffffffffff, FF_NX, 0xbf333333, 0, fcvt.w.s a0, fa1, rne
  TSX 14, 0x0, FF_NX, 0xbf333333, 0, fcvt.w.s a0, fa1, rtz
  TSX 15, 0xffffffffffffffff, FF_NX, 0xbf333333, 0, fcvt.w.s a0, fa1, rdn
  TSX 16, 0x0, FF_NX, 0xbf333333, 0, fcvt.w.s a0, fa1, rup
  TSX 17, 0x7fffffff, FF_NV, 0x4f000000, 0, fcvt.w.s a0, fa1, rtz
  TSX 18, 0xffffffff80000000, 0, 0xcf000000, 0, fcvt.w.s a0, fa1, rtz
  TSX 19, 0xffffffff80000000, FF_NV, 0xcf000001, 0, fcvt.w.s a0, fa1, rtz
  TSX 20, 0x7fffffff, FF_NV, 0x7fc00000, 0, fcvt.w.s a0, fa1, rtz
  TSX 21, 0x7fffffff, FF_NV, 0x7f800000, 0, fcvt.w.s a0, fa1, rtz
  TSX 22, 0xffffffff80000000, FF_NV, 0xff800000, 0, fcvt.w.s a0, fa1, rtz
  TSX 23, 0x0, 0, 0x80000000, 0, fcvt.w.s a0, fa1, rtz
  TSX 24, 0x2, FF_NX, 0x3fc00000, 0, fcvt.wu.s a0, fa1, rne
  TSX 25, 0x1, FF_NX, 0x3fc00000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 26, 0x1, FF_NX, 0x3fc00000, 0, fcvt.wu.s a0, fa1, rdn
  TSX 27, 0x2, FF_NX, 0x3fc00000, 0, fcvt.wu.s a0, fa1, rup
  TSX 28, 0x0, FF_NX, 0xbf000000, 0, fcvt.wu.s a0, fa1, rne
  TSX 29, 0x0, FF_NX, 0xbf000000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 30, 0x0, FF_NV, 0xbf000000, 0, fcvt.wu.s a0, fa1, rdn
  TSX 31, 0x0, FF_NX, 0xbf000000, 0, fcvt.wu.s a0, fa1, rup
  TSX 32, 0xffffffffffffff00, 0, 0x4f7fffff, 0, fcvt.wu.s a0, fa1, rne
  TSX 33, 0xffffffffffffff00, 0, 0x4f7fffff, 0, fcvt.wu.s a0, fa1, rtz
  TSX 34, 0xffffffffffffff00, 0, 0x4f7fffff, 0, fcvt.wu.s a0, fa1, rdn
  TSX 35, 0xffffffffffffff00, 0, 0x4f7fffff, 0, fcvt.wu.s a0, fa1, rup
  TSX 36, 0xffffffffffffffff, FF_NV, 0x4f800000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 37, 0xffffffffffffffff, FF_NV, 0x7fa00000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 38, 0x0, FF_NV, 0xff800000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 39, 0x0, FF_NV, 0xbf800000, 0, fcvt.wu.s a0, fa1, rtz
  TSX 40, 0x2, FF_NX, 0x3fc00000, 0, fcvt.l.s a0, fa1, rne
  TSX 41, 0x1, FF_NX, 0x3fc00000, 0, fcvt.l.s a0, fa1, rtz
  TSX 42, 0x1, FF_NX, 0x3fc00000, 0, fcvt.l.s a0, fa1, rdn
  TSX 43, 0x2, FF_NX, 0x3fc00000, 0, fcvt.l.s a0, fa1, rup
  TSX 44, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0, fcvt.l.s a0, fa1, rne
  TSX 45, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0, fcvt.l.s a0, fa1, rtz
  TSX 46, 0xfffffffffffffffe, FF_NX, 0xbfc00000, 0, fcvt.l.s a0, fa1, rdn
  TSX 47, 0xffffffffffffffff, FF_NX, 0xbfc00000, 0, fcvt.l.s a0, fa1, rup
  TSX 48, 0x7fffff8000000000, 0, 0x5effffff, 0, fcvt.l.s a0, fa1, rtz
  TSX 49, 0x7fffffffffffffff, FF_NV, 0x5f000000, 0, fcvt.l.s a0, fa1, rtz
  TSX 50, 0x8000000000000000, 0, 0xdf000000, 0, fcvt.l.s a0, fa1, rtz
  TSX 51, 0x8000000000000000, FF_NV, 0xdf000001, 0, fcvt.l.s a0, fa1, rtz
  TSX 52, 0x7fffffffffffffff, FF_NV, 0xffc00000, 0, fcvt.l.s a0, fa1, rtz
  TSX 53, 0x2, FF_NX, 0x3fc00000, 0, fcvt.lu.s a0, fa1, rne
  TSX 54, 0x1, FF_NX, 0x3fc00000, 0, fcvt.lu.s a0, fa1, rtz
  TSX 55, 0x1, FF_NX, 0x3fc00000, 0, fcvt.lu.s a0, fa1, rdn
  TSX 56, 0x2, FF_NX, 0x3fc00000, 0, fcvt.lu.s a0, fa1, rup
  TSX 57, 0x0, FF_NX, 0xbf000000, 0, fcvt.lu.s a0, fa1, rne
  TSX 58, 0x0, FF_NX, 0xbf000000, 0, fcvt.lu.s a0, fa1, rtz
  TSX 59, 0x0, FF_NV, 0xbf000000, 0, fcvt.lu.s a0, fa1, rdn
  TSX 60, 0x0, FF_NX, 0xbf000000, 0, fcvt.lu.s a0, fa1, rup
  TSX 61, 0xffffff0000000000, 0, 0x5f7fffff, 0, fcvt.lu.s a0, fa1, rtz
  TSX 62, 0xffffffffffffffff, FF_NV, 0x5f800000, 0, fcvt.lu.s a0, fa1, rtz
  TSX 63, 0xffffffffffffffff, FF_NV, 0x7f800000, 0, fcvt.lu.s a0, fa1, rtz
  TSX 64, 0x0, FF_NV, 0xff800000, 0, fcvt.lu.s a0, fa1, rtz
  TXS 65, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rne
  TXS 66, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rtz
  TXS 67, 0x4effffff, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rdn
  TXS 68, 0x4f000000, FF_NX, 0x7fffffff, fcvt.s.w fa0, a1, rup
  TXS 69, 0xcf000000, FF_NX, 0x80000001, fcvt.s.w fa0, a1, rne
  TXS 70, 0xceffffff, FF_NX, 0x80000001, fcvt.s.w fa0, a1, rtz
  TXS 71, 0xcf000000, FF_NX, 0x80000001, fcvt.s.w fa0, a1, rdn
  TXS 72, 0xceffffff, FF_NX, 0x80000001, fcvt.s.w fa0, a1, rup
  TXS 73, 0x40a00000, 0, 0x1234567800000005, fcvt.s.w fa0, a1, rne
  TXS 74, 0x40a00000, 0, 0x1234567800000005, fcvt.s.w fa0, a1, rtz
  TXS 75, 0x40a00000, 0, 0x1234567800000005, fcvt.s.w fa0, a1, rdn
  TXS 76, 0x40a00000, 0, 0x1234567800000005, fcvt.s.w fa0, a1, rup
  TXS 77, 0x4b800000, FF_NX, 0x1000001, fcvt.s.w fa0, a1, rne
  TXS 78, 0x4b800002, FF_NX, 0x1000003, fcvt.s.w fa0, a1, rne
  TXS 79, 0x0, 0, 0x0, fcvt.s.w fa0, a1, rne
  TXS 80, 0x4f800000, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rne
  TXS 81, 0x4f7fffff, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rtz
  TXS 82, 0x4f7fffff, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rdn
  TXS 83, 0x4f800000, FF_NX, 0xffffffff, fcvt.s.wu fa0, a1, rup
  TXS 84, 0x4f000000, 0, 0xffffffff80000000, fcvt.s.wu fa0, a1, rne
  TXS 85, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rne
  TXS 86, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rtz
  TXS 87, 0x5effffff, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rdn
  TXS 88, 0x5f000000, FF_NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rup
  TXS 89, 0xdf000000, FF_NX, 0x8000000000000001, fcvt.s.l fa0, a1, rne
  TXS 90, 0xdeffffff, FF_NX, 0x8000000000000001, fcvt.s.l fa0, a1, rtz
  TXS 91, 0xdf000000, FF_NX, 0x8000000000000001, fcvt.s.l fa0, a1, rdn
  TXS 92, 0xdeffffff, FF_NX, 0x8000000000000001, fcvt.s.l fa0, a1, rup
  TXS 93, 0xdf000000, 0, 0x8000000000000000, fcvt.s.l fa0, a1, rne
  TXS 94, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne
  TXS 95, 0x5f7fffff, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rtz
  TXS 96, 0x5f7fffff, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rdn
  TXS 97, 0x5f800000, FF_NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rup
  TXS 98, 0x5f000000, 0, 0x8000000000000000, fcvt.s.lu fa0, a1, rne
  /* RMM: halfway cases round away from zero */
  TSX 120, 3, FF_NX, 0x40200000, 0, fcvt.w.s a0, fa1, rmm
  TSX 121, -3, FF_NX, 0xc0200000, 0, fcvt.w.s a0, fa1, rmm
  TSX 122, 1, FF_NX, 0x3f000000, 0, fcvt.w.s a0, fa1, rmm
  TSX 123, 3, FF_NX, 0x40200000, 0, fcvt.wu.s a0, fa1, rmm
  TSX 124, -3, FF_NX, 0xc0200000, 0, fcvt.l.s a0, fa1, rmm
  TSX 125, 3, FF_NX, 0x40200000, 0, fcvt.lu.s a0, fa1, rmm
  TSX 126, 0, FF_NV, 0xbf000000, 0, fcvt.lu.s a0, fa1, rmm
  TSX 127, 1, FF_NX, 0x3f333333, 0, fcvt.w.s a0, fa1, rmm
  TXS 128, 0x4b800001, FF_NX, 0x01000001, fcvt.s.w fa0, a1, rmm
  TXS 129, 0xcb800001, FF_NX, -0x01000001, fcvt.s.l fa0, a1, rmm
  TXS 130, 0x4b800001, FF_NX, 0x01000001, fcvt.s.wu fa0, a1, rmm
  TXS 131, 0x4b800001, FF_NX, 0x01000001, fcvt.s.lu fa0, a1, rmm
  /* dynamic rounding mode */
  SET_FRM RM_RDN
  TSX 132, -2, FF_NX, 0xbfc00000, 0, fcvt.w.s a0, fa1, dyn
  TXS 133, 0x4b800000, FF_NX, 0x01000001, fcvt.s.w fa0, a1, dyn
  SET_FRM RM_RUP
  TSX 134, 2, FF_NX, 0x3fc00000, 0, fcvt.l.s a0, fa1, dyn
  TXS 135, 0x4b800001, FF_NX, 0x01000001, fcvt.s.l fa0, a1, dyn
  SET_FRM RM_RNE
  /* rd = x0: no write, flags still accrue */
  li a1, BOX | 0x3fc00000
  fmv.d.x fa1, a1
  csrw fflags, zero
  fcvt.w.s x0, fa1, rtz
  CHECK 136, x0, 0
  FP_FLAGS 136, FF_NX
  TEST_PASS
