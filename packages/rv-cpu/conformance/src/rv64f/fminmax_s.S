/* fmin.s, fmax.s: IEEE 754-2019 minimumNumber / maximumNumber: one NaN
 * operand gives the other operand, two NaNs the canonical NaN; a signalling
 * NaN sets NV (the result is still the other operand); -0 < +0; no other
 * flag; an operand that is not NaN-boxed is the canonical NaN. */
#include "test.h"
TEST_BEGIN
  TSS 1, 0x3f800000, 0, 0x3f800000, 0x40000000, 0, fmin.s fa0, fa1, fa2
  TSS 2, 0x40000000, 0, 0x3f800000, 0x40000000, 0, fmax.s fa0, fa1, fa2
  TSS 3, 0xc0000000, 0, 0x3f800000, 0xc0000000, 0, fmin.s fa0, fa1, fa2
  TSS 4, 0x3f800000, 0, 0x3f800000, 0xc0000000, 0, fmax.s fa0, fa1, fa2
  TSS 5, 0x80000000, 0, 0x80000000, 0x00000000, 0, fmin.s fa0, fa1, fa2
  TSS 6, 0x80000000, 0, 0x00000000, 0x80000000, 0, fmin.s fa0, fa1, fa2
  TSS 7, 0x00000000, 0, 0x80000000, 0x00000000, 0, fmax.s fa0, fa1, fa2
  TSS 8, 0x00000000, 0, 0x00000000, 0x80000000, 0, fmax.s fa0, fa1, fa2
  TSS 9, 0x3f800000, 0, 0x7fc00000, 0x3f800000, 0, fmin.s fa0, fa1, fa2
  TSS 10, 0x3f800000, 0, 0x3f800000, 0xffc00001, 0, fmax.s fa0, fa1, fa2
  TSS 11, 0x3f800000, FF_NV, 0x7fa00000, 0x3f800000, 0, fmin.s fa0, fa1, fa2
  TSS 12, 0x3f800000, FF_NV, 0x3f800000, 0x7f800001, 0, fmax.s fa0, fa1, fa2
  TSS 13, 0x7fc00000, 0, 0x7fc00001, 0xffc00002, 0, fmin.s fa0, fa1, fa2
  TSS 14, 0x7fc00000, 0, 0xffc00001, 0x7fc00002, 0, fmax.s fa0, fa1, fa2
  TSS 15, 0x7fc00000, FF_NV, 0x7fa00000, 0x7fc00000, 0, fmin.s fa0, fa1, fa2
  TSS 16, 0x7fc00000, FF_NV, 0x7fc00000, 0xffa00000, 0, fmax.s fa0, fa1, fa2
  TSS 17, 0xff800000, 0, 0xff800000, 0xff7fffff, 0, fmin.s fa0, fa1, fa2
  TSS 18, 0x7f800000, 0, 0x7f7fffff, 0x7f800000, 0, fmax.s fa0, fa1, fa2
  TSS 19, 0x80000001, 0, 0x00000001, 0x80000001, 0, fmin.s fa0, fa1, fa2
  TSS 20, 0x00000001, 0, 0x00000001, 0x80000001, 0, fmax.s fa0, fa1, fa2
  /* not NaN-boxed operand: a quiet NaN, the other operand wins */
  TFF 21, BOX | 0x40000000, 0, 0x000000003f800000, BOX | 0x40000000, 0, fmin.s fa0, fa1, fa2
  TFF 22, BOX | 0xc0000000, 0, BOX | 0xc0000000, 0xffff0000bf800000, 0, fmax.s fa0, fa1, fa2
  TEST_PASS
