/* c.ld / c.sd: 64-bit load / store, uimm 0..248, registers x8..x15. */
#include "test.h"
TEST_BEGIN
  .option rvc
  la a5, dwords
  c.ld s0, 0(a5)
  CHECK 1, s0, 0x8000000000000001
  c.ld a4, 248(a5)
  CHECK 2, a4, 0x0123456789abcdef
  la s0, dwords
  c.ld a5, 8(s0)
  CHECK 3, a5, 0xfedcba9876543210
  c.ld s1, 240(s0)
  CHECK 4, s1, 0x1111222233334444
  la s0, dwords
  li a5, 0xcafef00dd00dfeed
  c.sd a5, 0(s0)
  ld a0, 0(s0)
  CHECK 5, a0, 0xcafef00dd00dfeed
  la a5, dwords
  li s0, -2
  c.sd s0, 248(a5)
  c.ld a1, 248(a5)
  CHECK 6, a1, -2
  ld a0, 240(a5)
  CHECK 7, a0, 0x1111222233334444
  ld a0, 256(a5)
  CHECK 8, a0, 0x5555555555555555
  TEST_PASS
TEST_DATA
  .align 3
dwords:
  .dword 0x8000000000000001, 0xfedcba9876543210
  .fill 28, 8, 0
  .dword 0x1111222233334444, 0x0123456789abcdef
  .dword 0x5555555555555555
