/* c.fld, c.fsd (f8-f15 with x8-x15 bases, offsets 0 and 248) and c.fldsp,
 * c.fsdsp (any f register, sp-relative offsets 0 and 504): 64-bit
 * transfers like fld/fsd. */
#include "test.h"
TEST_BEGIN
  .option rvc
  la s0, buf
  li a0, 0x0123456789abcdef
  sd a0, 0(s0)
  li a0, 0xfff4000000000001
  sd a0, 248(s0)
  c.fld fs0, 0(s0)
  fmv.x.d a1, fs0
  CHECK 1, a1, 0x0123456789abcdef
  mv a5, s0
  c.fld fa5, 248(a5)
  fmv.x.d a1, fa5
  CHECK 2, a1, 0xfff4000000000001
  /* c.fsd: store, read back with ld */
  li a0, 0x3ff0000000000000
  fmv.d.x fs1, a0
  mv a3, s0
  c.fsd fs1, 8(a3)
  ld a1, 8(s0)
  CHECK 3, a1, 0x3ff0000000000000
  li a0, BOX | 0x3f800000
  fmv.d.x fa2, a0
  c.fsd fa2, 248(s0)
  ld a1, 248(s0)
  CHECK 4, a1, BOX | 0x3f800000
  /* sp-relative */
  mv s1, sp
  mv sp, s0
  li a0, 0x4000000000000000
  sd a0, 504(s0)
  c.fldsp ft0, 504(sp)
  fmv.x.d a1, ft0
  CHECK 5, a1, 0x4000000000000000
  c.fldsp ft11, 0(sp)
  fmv.x.d a1, ft11
  CHECK 6, a1, 0x0123456789abcdef
  li a0, 0xc008000000000000
  fmv.d.x fs11, a0
  c.fsdsp fs11, 504(sp)
  c.fsdsp fs11, 16(sp)
  mv sp, s1
  ld a1, 504(s0)
  CHECK 7, a1, 0xc008000000000000
  ld a1, 16(s0)
  CHECK 8, a1, 0xc008000000000000
  ld a1, 24(s0)
  CHECK 9, a1, 0
  csrr a0, fflags
  CHECK 10, a0, 0
  TEST_PASS
TEST_DATA
buf:
  .fill 64, 8, 0
