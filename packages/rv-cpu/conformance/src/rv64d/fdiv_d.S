/* fdiv.d: quotients that round differently in every mode, x / 0
 * (DZ, signed infinity), 0 / 0 and inf / inf (NV), x / inf (signed zero),
 * inf / 0 (no flag), overflow by mode and sign, subnormal quotients (UF only
 * when inexact), NaNs, RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TFF 1, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 2, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 3, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 4, 0x3fd5555555555556, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 5, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 6, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 7, 0xbfd5555555555556, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 8, 0xbfd5555555555555, FF_NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 9, 0x4000000000000001, FF_NX, 0x4000000000000000, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 10, 0x4000000000000000, FF_NX, 0x4000000000000000, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 11, 0x4000000000000000, FF_NX, 0x4000000000000000, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 12, 0x4000000000000001, FF_NX, 0x4000000000000000, 0x3fefffffffffffff, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 13, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 14, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 15, 0x7fefffffffffffff, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 16, 0x7ff0000000000000, FF_OF | FF_NX, 0x7fefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 17, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 18, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 19, 0xfff0000000000000, FF_OF | FF_NX, 0xffefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 20, 0xffefffffffffffff, FF_OF | FF_NX, 0xffefffffffffffff, 0x3fe0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 21, 0x8000000000000, FF_UF | FF_NX, 0x10000000000001, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 22, 0x8000000000000, FF_UF | FF_NX, 0x10000000000001, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 23, 0x8000000000000, FF_UF | FF_NX, 0x10000000000001, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 24, 0x8000000000001, FF_UF | FF_NX, 0x10000000000001, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 25, 0x4000000000001, FF_UF | FF_NX, 0x10000000000003, 0x4010000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 26, 0x4000000000000, FF_UF | FF_NX, 0x10000000000003, 0x4010000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 27, 0x4000000000000, FF_UF | FF_NX, 0x10000000000003, 0x4010000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 28, 0x4000000000001, FF_UF | FF_NX, 0x10000000000003, 0x4010000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 29, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 30, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz
  TFF 31, 0x0, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn
  TFF 32, 0x1, FF_UF | FF_NX, 0x1, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup
  TFF 33, 0x8000000000000, 0, 0x10000000000000, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 34, 0x7ff0000000000000, FF_DZ, 0x3ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 35, 0xfff0000000000000, FF_DZ, 0xbff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 36, 0xfff0000000000000, FF_DZ, 0x3ff0000000000000, 0x8000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 37, 0x7ff8000000000000, FF_NV, 0x0, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 38, 0x7ff8000000000000, FF_NV, 0x7ff0000000000000, 0x7ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 39, 0x0, 0, 0x3ff0000000000000, 0x7ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 40, 0x8000000000000000, 0, 0xbff0000000000000, 0x7ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 41, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 42, 0x7ff8000000000000, FF_NV, 0x7ff4000000000000, 0x3ff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 43, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 44, 0x4000000000000000, 0, 0x4018000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne
  TFF 60, 0x0008000000000001, FF_UF | FF_NX, 0x0010000000000001, 0x4000000000000000, 0, fdiv.d fa0, fa1, fa2, rmm
  TFF 61, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0, fdiv.d fa0, fa1, fa2, rmm
  SET_FRM RM_RUP
  TFF 62, 0x3fd5555555555556, FF_NX, 0x3ff0000000000000, 0x4008000000000000, 0, fdiv.d fa0, fa1, fa2, dyn
  SET_FRM RM_RNE
  TEST_PASS
