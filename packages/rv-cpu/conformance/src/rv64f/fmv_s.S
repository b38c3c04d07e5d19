/* fmv.w.x and fmv.x.w: bit transfers, no flags, NaN payloads kept (a
 * signalling NaN stays signalling); fmv.w.x uses the low 32 bits of rs1 and
 * NaN-boxes them; fmv.x.w sign-extends bit 31 and reads the low 32 bits of
 * the register whether or not it is NaN-boxed. */
#include "test.h"
TEST_BEGIN
  TXF 1, BOX | 0x87654321, 0, 0x1234567887654321, fmv.w.x fa0, a1
  TXF 2, BOX | 0x7f800001, 0, 0x000000007f800001, fmv.w.x fa0, a1
  TXF 3, BOX | 0x00000000, 0, 0xffffffff00000000, fmv.w.x fa0, a1
  TFX 4, 0xffffffff87654321, 0, BOX | 0x87654321, 0, fmv.x.w a0, fa1
  TFX 5, 0x000000007fc00000, 0, BOX | 0x7fc00000, 0, fmv.x.w a0, fa1
  TFX 6, 0x000000007fa00001, 0, BOX | 0x7fa00001, 0, fmv.x.w a0, fa1
  TFX 7, 0x0000000012345678, 0, 0x0000000012345678, 0, fmv.x.w a0, fa1
  TFX 8, 0xffffffffc0000000, 0, 0x400921fbc0000000, 0, fmv.x.w a0, fa1
  /* rd = x0 */
  fmv.x.w x0, fa1
  CHECK 9, x0, 0
  TEST_PASS
