/* c.lw / c.sw: 32-bit load (sign-extended) / store, uimm 0..124,
 * registers x8..x15 (both ends of the 3-bit class). */
#include "test.h"
TEST_BEGIN
  .option rvc
  la a5, words
  c.lw s0, 0(a5)
  CHECK 1, s0, 0xffffffff80000001
  c.lw a4, 124(a5)
  CHECK 2, a4, 0x7ffffffe
  la s0, words
  c.lw a5, 4(s0)
  CHECK 3, a5, 0xffffffffdeadbeef
  c.lw s1, 120(s0)
  CHECK 4, s1, 0x12345678
  /* stores */
  la s0, words
  li a5, 0xffffffff00000042
  c.sw a5, 0(s0)
  c.lw a0, 0(s0)
  CHECK 5, a0, 0x42
  ld a0, 0(s0)
  CHECK 6, a0, 0xdeadbeef00000042
  la a5, words
  li s0, 0x87654321
  c.sw s0, 124(a5)
  lwu a0, 124(a5)
  CHECK 7, a0, 0x87654321
  lwu a0, 120(a5)
  CHECK 8, a0, 0x12345678
  li s1, 0x55
  c.sw s1, 64(a5)
  c.lw a1, 64(a5)
  CHECK 9, a1, 0x55
  TEST_PASS
TEST_DATA
words:
  .word 0x80000001, 0xdeadbeef
  .fill 28, 4, 0
  .word 0x12345678, 0x7ffffffe
  .word 0xa5a5a5a5
