/* fcvt.{w,wu,l,lu}.d and fcvt.d.{w,wu,l,lu}: every integer width (w, wu, l, lu) in both
 * directions, all rounding modes on values between integers (x.5 ties,
 * -0.5, 0.7), range ends exact and just outside, out-of-range values, NaN
 * and infinities saturating with NV (NaN and +inf give the largest value;
 * 32-bit results, unsigned ones too, are sign-extended), NX only when
 * inexact and in range; integer sources too wide for the significand;
 * the w forms use only the low 32 bits of rs1; RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TFX 1, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.w.d a0, fa1, rne
  TFX 2, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 3, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.w.d a0, fa1, rdn
  TFX 4, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.w.d a0, fa1, rup
  TFX 5, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0, fcvt.w.d a0, fa1, rne
  TFX 6, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 7, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0, fcvt.w.d a0, fa1, rdn
  TFX 8, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0, fcvt.w.d a0, fa1, rup
  TFX 9, 0x2, FF_NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rne
  TFX 10, 0x2, FF_NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 11, 0x2, FF_NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rdn
  TFX 12, 0x3, FF_NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rup
  TFX 13, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rne
  TFX 14, 0x7fffffff, FF_NX, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rtz
  TFX 15, 0x7fffffff, FF_NX, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rdn
  TFX 16, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rup
  TFX 17, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rne
  TFX 18, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rtz
  TFX 19, 0xffffffff80000000, FF_NV, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rdn
  TFX 20, 0xffffffff80000000, FF_NX, 0xc1e0000000100000, 0, fcvt.w.d a0, fa1, rup
  TFX 21, 0x7fffffff, FF_NV, 0x41e0000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 22, 0xffffffff80000000, 0, 0xc1e0000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 23, 0x7fffffff, FF_NV, 0x7ff8000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 24, 0xffffffff80000000, FF_NV, 0xfff0000000000000, 0, fcvt.w.d a0, fa1, rtz
  TFX 25, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rne
  TFX 26, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rtz
  TFX 27, 0x0, FF_NV, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rdn
  TFX 28, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.wu.d a0, fa1, rup
  TFX 29, 0xffffffffffffffff, 0, 0x41efffffffe00000, 0, fcvt.wu.d a0, fa1, rne
  TFX 30, 0xffffffffffffffff, 0, 0x41efffffffe00000, 0, fcvt.wu.d a0, fa1, rtz
  TFX 31, 0xffffffffffffffff, 0, 0x41efffffffe00000, 0, fcvt.wu.d a0, fa1, rdn
  TFX 32, 0xffffffffffffffff, 0, 0x41efffffffe00000, 0, fcvt.wu.d a0, fa1, rup
  TFX 33, 0xffffffffffffffff, FF_NV, 0x41f0000000000000, 0, fcvt.wu.d a0, fa1, rtz
  TFX 34, 0xffffffffffffffff, FF_NV, 0x7ff4000000000000, 0, fcvt.wu.d a0, fa1, rtz
  TFX 35, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000, 0, fcvt.wu.d a0, fa1, rtz
  TFX 36, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.l.d a0, fa1, rne
  TFX 37, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.l.d a0, fa1, rtz
  TFX 38, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.l.d a0, fa1, rdn
  TFX 39, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.l.d a0, fa1, rup
  TFX 40, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0, fcvt.l.d a0, fa1, rne
  TFX 41, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0, fcvt.l.d a0, fa1, rtz
  TFX 42, 0xfffffffffffffffe, FF_NX, 0xbff8000000000000, 0, fcvt.l.d a0, fa1, rdn
  TFX 43, 0xffffffffffffffff, FF_NX, 0xbff8000000000000, 0, fcvt.l.d a0, fa1, rup
  TFX 44, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff, 0, fcvt.l.d a0, fa1, rtz
  TFX 45, 0x7fffffffffffffff, FF_NV, 0x43e0000000000000, 0, fcvt.l.d a0, fa1, rtz
  TFX 46, 0x8000000000000000, 0, 0xc3e0000000000000, 0, fcvt.l.d a0, fa1, rtz
  TFX 47, 0x8000000000000000, FF_NV, 0xc3e0000000000001, 0, fcvt.l.d a0, fa1, rtz
  TFX 48, 0x7fffffffffffffff, FF_NV, 0xfff8000000000000, 0, fcvt.l.d a0, fa1, rtz
  TFX 49, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.lu.d a0, fa1, rne
  TFX 50, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.lu.d a0, fa1, rtz
  TFX 51, 0x1, FF_NX, 0x3ff8000000000000, 0, fcvt.lu.d a0, fa1, rdn
  TFX 52, 0x2, FF_NX, 0x3ff8000000000000, 0, fcvt.lu.d a0, fa1, rup
  TFX 53, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rne
  TFX 54, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rtz
  TFX 55, 0x0, FF_NV, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rdn
  TFX 56, 0x0, FF_NX, 0xbfe0000000000000, 0, fcvt.lu.d a0, fa1, rup
  TFX 57, 0xfffffffffffff800, 0, 0x43efffffffffffff, 0, fcvt.lu.d a0, fa1, rtz
  TFX 58, 0xffffffffffffffff, FF_NV, 0x43f0000000000000, 0, fcvt.lu.d a0, fa1, rtz
  TFX 59, 0x0, FF_NV, 0xfff0000000000000, 0, fcvt.lu.d a0, fa1, rtz
  TFX 60, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000, 0, fcvt.lu.d a0, fa1, rtz
  TXF 61, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.w fa0, a1
  TXF 62, 0xc1e0000000000000, 0, 0x80000000, fcvt.d.w fa0, a1
  TXF 63, 0xc1e0000000000000, 0, 0x1234567880000000, fcvt.d.w fa0, a1
  TXF 64, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.wu fa0, a1
  TXF 65, 0x41efffffffe00000, 0, 0x12345678ffffffff, fcvt.d.wu fa0, a1
  TXF 66, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rne
  TXF 67, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rtz
  TXF 68, 0x43dfffffffffffff, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rdn
  TXF 69, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rup
  TXF 70, 0xc3e0000000000000, FF_NX, 0x8000000000000001, fcvt.d.l fa0, a1, rne
  TXF 71, 0xc3dfffffffffffff, FF_NX, 0x8000000000000001, fcvt.d.l fa0, a1, rtz
  TXF 72, 0xc3e0000000000000, FF_NX, 0x8000000000000001, fcvt.d.l fa0, a1, rdn
  TXF 73, 0xc3dfffffffffffff, FF_NX, 0x8000000000000001, fcvt.d.l fa0, a1, rup
  TXF 74, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rne
  TXF 75, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rtz
  TXF 76, 0x4340000000000000, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rdn
  TXF 77, 0x4340000000000001, FF_NX, 0x20000000000001, fcvt.d.l fa0, a1, rup
  TXF 78, 0x0, 0, 0x0, fcvt.d.l fa0, a1, rne
  TXF 79, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne
  TXF 80, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rtz
  TXF 81, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rdn
  TXF 82, 0x43f0000000000000, FF_NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rup
  TXF 83, 0x43e0000000000001, FF_NX, 0x8000000000000401, fcvt.d.lu fa0, a1, rne
  TXF 84, 0x43e0000000000000, FF_NX, 0x8000000000000401, fcvt.d.lu fa0, a1, rtz
  TXF 85, 0x43e0000000000000, FF_NX, 0x8000000000000401, fcvt.d.lu fa0, a1, rdn
  TXF 86, 0x43e0000000000001, FF_NX, 0x8000000000000401, fcvt.d.lu fa0, a1, rup
  TFX 120, 3, FF_NX, 0x4004000000000000, 0, fcvt.w.d a0, fa1, rmm
  TFX 121, -3, FF_NX, 0xc004000000000000, 0, fcvt.w.d a0, fa1, rmm
  TFX 122, 1, FF_NX, 0x3fe0000000000000, 0, fcvt.w.d a0, fa1, rmm
  TFX 123, 3, FF_NX, 0x4004000000000000, 0, fcvt.wu.d a0, fa1, rmm
  TFX 124, -3, FF_NX, 0xc004000000000000, 0, fcvt.l.d a0, fa1, rmm
  TFX 125, 3, FF_NX, 0x4004000000000000, 0, fcvt.lu.d a0, fa1, rmm
  /* 2^31 - 0.5 rounds away to 2^31: out of range for w */
  TFX 126, 0x7fffffff, FF_NV, 0x41dfffffffe00000, 0, fcvt.w.d a0, fa1, rmm
  TXF 127, 0x4340000000000001, FF_NX, 0x0020000000000001, fcvt.d.l fa0, a1, rmm
  TXF 128, 0xc340000000000001, FF_NX, -0x0020000000000001, fcvt.d.l fa0, a1, rmm
  TXF 129, 0x4340000000000001, FF_NX, 0x0020000000000001, fcvt.d.lu fa0, a1, rmm
  SET_FRM RM_RDN
  TFX 130, -2, FF_NX, 0xbff8000000000000, 0, fcvt.w.d a0, fa1, dyn
  TXF 131, 0x4340000000000000, FF_NX, 0x0020000000000001, fcvt.d.l fa0, a1, dyn
  SET_FRM RM_RUP
  TFX 132, 2, FF_NX, 0x3ff8000000000000, 0, fcvt.l.d a0, fa1, dyn
  TXF 133, 0x4340000000000001, FF_NX, 0x0020000000000001, fcvt.d.l fa0, a1, dyn
  SET_FRM RM_RNE
  li a1, 0x3ff8000000000000
  fmv.d.x fa1, a1
  csrw fflags, zero
  fcvt.l.d x0, fa1, rtz
  CHECK 134, x0, 0
  FP_FLAGS 134, FF_NX
  TEST_PASS
