/* fdiv.s: quotients that round differently in every mode, x / 0
 * (DZ, signed infinity), 0 / 0 and inf / inf (NV), x / inf (signed zero),
 * inf / 0 (no flag), overflow by mode and sign, subnormal quotients (UF only
 * when inexact), NaNs, RMM and the dynamic mode. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 2, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 3, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 4, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 5, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 6, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 7, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 8, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 9, 0x40000001, FF_NX, 0x40000000, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 10, 0x40000000, FF_NX, 0x40000000, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 11, 0x40000000, FF_NX, 0x40000000, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 12, 0x40000001, FF_NX, 0x40000000, 0x3f7fffff, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 13, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 14, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 15, 0x7f7fffff, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 16, 0x7f800000, FF_OF | FF_NX, 0x7f7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 17, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 18, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 19, 0xff800000, FF_OF | FF_NX, 0xff7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 20, 0xff7fffff, FF_OF | FF_NX, 0xff7fffff, 0x3f000000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 21, 0x400000, FF_UF | FF_NX, 0x800001, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 22, 0x400000, FF_UF | FF_NX, 0x800001, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 23, 0x400000, FF_UF | FF_NX, 0x800001, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 24, 0x400001, FF_UF | FF_NX, 0x800001, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 25, 0x200001, FF_UF | FF_NX, 0x800003, 0x40800000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 26, 0x200000, FF_UF | FF_NX, 0x800003, 0x40800000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 27, 0x200000, FF_UF | FF_NX, 0x800003, 0x40800000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 28, 0x200001, FF_UF | FF_NX, 0x800003, 0x40800000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 29, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 30, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rtz
  TSS 31, 0x0, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rdn
  TSS 32, 0x1, FF_UF | FF_NX, 0x1, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rup
  TSS 33, 0x400000, 0, 0x800000, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 34, 0x7f800000, FF_DZ, 0x3f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 35, 0xff800000, FF_DZ, 0xbf800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 36, 0xff800000, FF_DZ, 0x3f800000, 0x80000000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 37, 0x7fc00000, FF_NV, 0x0, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 38, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 39, 0x0, 0, 0x3f800000, 0x7f800000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 40, 0x80000000, 0, 0xbf800000, 0x7f800000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 41, 0x7f800000, 0, 0x7f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 42, 0x7fc00000, FF_NV, 0x7fa00000, 0x3f800000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 43, 0x7fc00000, 0, 0x7fc00000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 44, 0x40000000, 0, 0x40c00000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne
  TSS 60, 0x00400001, FF_UF | FF_NX, 0x00800001, 0x40000000, 0, fdiv.s fa0, fa1, fa2, rmm
  TSS 61, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000, 0, fdiv.s fa0, fa1, fa2, rmm
  SET_FRM RM_RTZ
  TSS 62, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000, 0, fdiv.s fa0, fa1, fa2, dyn
  SET_FRM RM_RNE
  TEST_PASS
