/* fsgnj.d, fsgnjn.d, fsgnjx.d: sign from rs2, its negation, or the xor of
 * bit 63; never a flag; NaN payloads kept; all 64 bits are the operand (a
 * NaN-boxed single is just a NaN here); fmv.d / fneg.d / fabs.d. */
#include "test.h"
TEST_BEGIN
  TFF 1, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0, fsgnj.d fa0, fa1, fa2
  TFF 2, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x4000000000000000, 0, fsgnj.d fa0, fa1, fa2
  TFF 3, 0xbff0000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0, fsgnjn.d fa0, fa1, fa2
  TFF 4, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0, fsgnjn.d fa0, fa1, fa2
  TFF 5, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xbff0000000000000, 0, fsgnjx.d fa0, fa1, fa2
  TFF 6, 0xbff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0, fsgnjx.d fa0, fa1, fa2
  TFF 7, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0, fsgnjx.d fa0, fa1, fa2
  TFF 8, 0xfff4000000000001, 0, 0x7ff4000000000001, 0x8000000000000000, 0, fsgnj.d fa0, fa1, fa2
  TFF 9, 0x7ff8000000000123, 0, 0xfff8000000000123, 0xfff0000000000000, 0, fsgnjn.d fa0, fa1, fa2
  TFF 10, 0xfff0000000000000, 0, 0x7ff0000000000000, 0xfff4000000000000, 0, fsgnjx.d fa0, fa1, fa2
  TFF 11, 0x8000000000000000, 0, 0x0000000000000000, 0x8000000000000000, 0, fsgnj.d fa0, fa1, fa2
  TFF 12, 0x7fffffff3f800000, 0, BOX | 0x3f800000, 0x8000000000000000, 0, fsgnjx.d fa0, fa1, fa2
  TFF 13, 0x400921fb54442d18, 0, 0xc00921fb54442d18, 0, 0, fabs.d fa0, fa1
  TFF 14, 0xc00921fb54442d18, 0, 0x400921fb54442d18, 0, 0, fneg.d fa0, fa1
  TFF 15, 0x400921fb54442d18, 0, 0x400921fb54442d18, 0, 0, fmv.d fa0, fa1
  TEST_PASS
