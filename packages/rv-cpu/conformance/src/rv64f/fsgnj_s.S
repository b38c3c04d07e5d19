/* fsgnj.s, fsgnjn.s, fsgnjx.s: sign from rs2, its negation, or the xor;
 * never a flag (not even for a signalling NaN, whose payload is kept);
 * an operand that is not NaN-boxed counts as the canonical NaN (sign 0);
 * the result is NaN-boxed; rs1 = rs2 gives fmv.s / fneg.s / fabs.s. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0xbf800000, 0, 0x3f800000, 0xbf800000, 0, fsgnj.s fa0, fa1, fa2
  TSS 2, 0x3f800000, 0, 0xbf800000, 0x40000000, 0, fsgnj.s fa0, fa1, fa2
  TSS 3, 0x3f800000, 0, 0x3f800000, 0x3f800000, 0, fsgnj.s fa0, fa1, fa2
  TSS 4, 0xbf800000, 0, 0x3f800000, 0x3f800000, 0, fsgnjn.s fa0, fa1, fa2
  TSS 5, 0x3f800000, 0, 0x3f800000, 0xbf800000, 0, fsgnjn.s fa0, fa1, fa2
  TSS 6, 0x3f800000, 0, 0xbf800000, 0xbf800000, 0, fsgnjx.s fa0, fa1, fa2
  TSS 7, 0xbf800000, 0, 0xbf800000, 0x3f800000, 0, fsgnjx.s fa0, fa1, fa2
  TSS 8, 0xbf800000, 0, 0x3f800000, 0xbf800000, 0, fsgnjx.s fa0, fa1, fa2
  /* NaNs: payload kept, no NV */
  TSS 9, 0xffa00001, 0, 0x7fa00001, 0x80000000, 0, fsgnj.s fa0, fa1, fa2
  TSS 10, 0x7fc00123, 0, 0xffc00123, 0xff800000, 0, fsgnjn.s fa0, fa1, fa2
  TSS 11, 0xff800000, 0, 0x7f800000, 0xffa00000, 0, fsgnjx.s fa0, fa1, fa2
  TSS 12, 0x80000000, 0, 0x00000000, 0x80000000, 0, fsgnj.s fa0, fa1, fa2
  TSS 13, 0x80000001, 0, 0x00000001, 0x00000001, 0, fsgnjn.s fa0, fa1, fa2
  /* not NaN-boxed: rs1 reads as 0x7fc00000, rs2's sign as 0 */
  TFF 14, BOX | 0xffc00000, 0, 0x000000003f800000, BOX | 0x3f800000, 0, fsgnjn.s fa0, fa1, fa2
  TFF 15, BOX | 0x3f800000, 0, BOX | 0xbf800000, 0xfffffffebf800000, 0, fsgnj.s fa0, fa1, fa2
  TFF 16, BOX | 0x7fc00000, 0, 0x7fffffff7f800000, BOX | 0x00000000, 0, fsgnj.s fa0, fa1, fa2
  /* aliases */
  TSS 17, 0x40490fdb, 0, 0xc0490fdb, 0, 0, fabs.s fa0, fa1
  TSS 18, 0xc0490fdb, 0, 0x40490fdb, 0, 0, fneg.s fa0, fa1
  TSS 19, 0x40490fdb, 0, 0x40490fdb, 0, 0, fmv.s fa0, fa1
  TEST_PASS
