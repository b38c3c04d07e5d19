/* fld and fsd: 64-bit transfers, any pattern (signalling NaN, a NaN-boxed
 * single), no flags, neighbours untouched, positive and negative offsets. */
#include "test.h"
TEST_BEGIN
  la s0, dwords
  csrw fflags, zero
  fld fa0, 0(s0)
  fmv.x.d a0, fa0
  CHECK 1, a0, 0xbff0000000000000
  fld fa0, 8(s0)
  fmv.x.d a0, fa0
  CHECK 2, a0, 0x7ff0000000000001
  addi a1, s0, 2047
  addi a1, a1, 1
  fld fa0, -2032(a1)
  fmv.x.d a0, fa0
  CHECK 3, a0, BOX | 0x3f800000
  addi a1, s0, -2016
  fld fa0, 2040(a1)
  fmv.x.d a0, fa0
  CHECK 4, a0, 0x0123456789abcdef
  csrr a0, fflags
  CHECK 5, a0, 0
  la s1, buf
  li a0, 0x1111111111111111
  sd a0, 0(s1)
  sd a0, 8(s1)
  sd a0, 16(s1)
  li a0, 0xfff4000000000005
  fmv.d.x fa1, a0
  fsd fa1, 8(s1)
  ld a0, 0(s1)
  CHECK 6, a0, 0x1111111111111111
  ld a0, 8(s1)
  CHECK 7, a0, 0xfff4000000000005
  ld a0, 16(s1)
  CHECK 8, a0, 0x1111111111111111
  addi a1, s1, 32
  fld fa2, 8(s0)
  fsd fa2, -32(a1)
  ld a0, 0(s1)
  CHECK 9, a0, 0x7ff0000000000001
  csrr a0, fflags
  CHECK 10, a0, 0
  TEST_PASS
TEST_DATA
dwords:
  .dword 0xbff0000000000000, 0x7ff0000000000001, 0xffffffff3f800000, 0x0123456789abcdef
buf:
  .dword 0, 0, 0, 0
