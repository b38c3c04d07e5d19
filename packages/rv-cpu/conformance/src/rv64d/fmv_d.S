/* fmv.d.x and fmv.x.d: all 64 bits moved unchanged, no flags, signalling
 * NaN payloads kept. */
#include "test.h"
TEST_BEGIN
  TXF 1, 0x123456789abcdef0, 0, 0x123456789abcdef0, fmv.d.x fa0, a1
  TXF 2, 0x7ff0000000000001, 0, 0x7ff0000000000001, fmv.d.x fa0, a1
  TXF 3, 0x8000000000000000, 0, 0x8000000000000000, fmv.d.x fa0, a1
  TFX 4, 0xfff4000000000123, 0, 0xfff4000000000123, 0, fmv.x.d a0, fa1
  TFX 5, BOX | 0x3f800000, 0, BOX | 0x3f800000, 0, fmv.x.d a0, fa1
  fmv.x.d x0, fa1
  CHECK 6, x0, 0
  /* fmv.d.x from x0 gives +0 */
  fmv.d.x fa0, x0
  fmv.x.d a0, fa0
  CHECK 7, a0, 0
  TEST_PASS
