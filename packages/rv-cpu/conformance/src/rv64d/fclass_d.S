/* fclass.d: the ten classes (see fclass_s.S); a NaN-boxed single is a
 * double quiet NaN. */
#include "test.h"
TEST_BEGIN
  TFX 1, 1 << 0, 0, 0xfff0000000000000, 0, fclass.d a0, fa1
  TFX 2, 1 << 1, 0, 0xbff0000000000000, 0, fclass.d a0, fa1
  TFX 3, 1 << 1, 0, 0x8010000000000000, 0, fclass.d a0, fa1
  TFX 4, 1 << 2, 0, 0x800fffffffffffff, 0, fclass.d a0, fa1
  TFX 5, 1 << 2, 0, 0x8000000000000001, 0, fclass.d a0, fa1
  TFX 6, 1 << 3, 0, 0x8000000000000000, 0, fclass.d a0, fa1
  TFX 7, 1 << 4, 0, 0x0000000000000000, 0, fclass.d a0, fa1
  TFX 8, 1 << 5, 0, 0x0000000000000001, 0, fclass.d a0, fa1
  TFX 9, 1 << 5, 0, 0x000fffffffffffff, 0, fclass.d a0, fa1
  TFX 10, 1 << 6, 0, 0x0010000000000000, 0, fclass.d a0, fa1
  TFX 11, 1 << 6, 0, 0x7fefffffffffffff, 0, fclass.d a0, fa1
  TFX 12, 1 << 7, 0, 0x7ff0000000000000, 0, fclass.d a0, fa1
  TFX 13, 1 << 8, 0, 0x7ff0000000000001, 0, fclass.d a0, fa1
  TFX 14, 1 << 8, 0, 0xfff7ffffffffffff, 0, fclass.d a0, fa1
  TFX 15, 1 << 9, 0, 0x7ff8000000000000, 0, fclass.d a0, fa1
  TFX 16, 1 << 9, 0, BOX | 0x3f800000, 0, fclass.d a0, fa1
  TEST_PASS
