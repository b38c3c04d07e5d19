/* fsqrt.d: roots that round differently in every mode, exact roots,
 * sqrt(-0) = -0, sqrt(+inf), negative operands incl. -inf and a negative
 * subnormal (NV, canonical NaN), NaNs, subnormal operands, RMM, dynamic. */
#include "test.h"
TEST_BEGIN
  TFF 1, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 2, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rtz
  TFF 3, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rdn
  TFF 4, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rup
  TFF 5, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 6, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rtz
  TFF 7, 0x3ffbb67ae8584caa, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rdn
  TFF 8, 0x3ffbb67ae8584cab, FF_NX, 0x4008000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rup
  TFF 9, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 10, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rtz
  TFF 11, 0x3ff0000000000000, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rdn
  TFF 12, 0x3ff0000000000001, FF_NX, 0x3ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rup
  TFF 13, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 14, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rtz
  TFF 15, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rdn
  TFF 16, 0x1e60000000000000, 0, 0x1, 0x0, 0x0, fsqrt.d fa0, fa1, rup
  TFF 17, 0x1e66a09e667f3bcd, FF_NX, 0x2, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 18, 0x1e66a09e667f3bcc, FF_NX, 0x2, 0x0, 0x0, fsqrt.d fa0, fa1, rtz
  TFF 19, 0x1e66a09e667f3bcc, FF_NX, 0x2, 0x0, 0x0, fsqrt.d fa0, fa1, rdn
  TFF 20, 0x1e66a09e667f3bcd, FF_NX, 0x2, 0x0, 0x0, fsqrt.d fa0, fa1, rup
  TFF 21, 0x4000000000000000, 0, 0x4010000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 22, 0x0, 0, 0x0, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 23, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 24, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 25, 0x7ff8000000000000, FF_NV, 0xbff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 26, 0x7ff8000000000000, FF_NV, 0xfff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 27, 0x7ff8000000000000, FF_NV, 0x8000000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 28, 0x7ff8000000000000, FF_NV, 0x7ff4000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 29, 0x7ff8000000000000, 0, 0x7ff8000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 30, 0x2000000000000000, 0, 0x10000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne
  TFF 40, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0, 0, fsqrt.d fa0, fa1, rmm
  SET_FRM RM_RTZ
  TFF 41, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000, 0, 0, fsqrt.d fa0, fa1, dyn
  SET_FRM RM_RUP
  TFF 42, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000, 0, 0, fsqrt.d fa0, fa1, dyn
  SET_FRM RM_RNE
  TEST_PASS
