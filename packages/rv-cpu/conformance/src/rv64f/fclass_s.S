/* fclass.s: exactly one of the ten class bits (0 -inf, 1 -normal,
 * 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 sNaN,
 * 9 qNaN); never a flag; a register that is not NaN-boxed is the canonical
 * quiet NaN. */
#include "test.h"
TEST_BEGIN
  TSX 1, 1 << 0, 0, 0xff800000, 0, fclass.s a0, fa1
  TSX 2, 1 << 1, 0, 0xbf800000, 0, fclass.s a0, fa1
  TSX 3, 1 << 1, 0, 0x80800000, 0, fclass.s a0, fa1
  TSX 4, 1 << 1, 0, 0xff7fffff, 0, fclass.s a0, fa1
  TSX 5, 1 << 2, 0, 0x807fffff, 0, fclass.s a0, fa1
  TSX 6, 1 << 2, 0, 0x80000001, 0, fclass.s a0, fa1
  TSX 7, 1 << 3, 0, 0x80000000, 0, fclass.s a0, fa1
  TSX 8, 1 << 4, 0, 0x00000000, 0, fclass.s a0, fa1
  TSX 9, 1 << 5, 0, 0x00000001, 0, fclass.s a0, fa1
  TSX 10, 1 << 5, 0, 0x007fffff, 0, fclass.s a0, fa1
  TSX 11, 1 << 6, 0, 0x00800000, 0, fclass.s a0, fa1
  TSX 12, 1 << 6, 0, 0x7f7fffff, 0, fclass.s a0, fa1
  TSX 13, 1 << 7, 0, 0x7f800000, 0, fclass.s a0, fa1
  TSX 14, 1 << 8, 0, 0x7f800001, 0, fclass.s a0, fa1
  TSX 15, 1 << 8, 0, 0xffbfffff, 0, fclass.s a0, fa1
  TSX 16, 1 << 9, 0, 0x7fc00000, 0, fclass.s a0, fa1
  TSX 17, 1 << 9, 0, 0xffffffff, 0, fclass.s a0, fa1
  TFX 18, 1 << 9, 0, 0x00000000ff800000, 0, fclass.s a0, fa1
  TEST_PASS
