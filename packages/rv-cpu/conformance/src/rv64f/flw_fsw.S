/* flw and fsw: loads NaN-box the word (any bit pattern, a signalling NaN
 * included, no flags), fsw stores the low 32 bits whether or not the
 * register is NaN-boxed and leaves the neighbouring bytes alone; positive
 * and negative offsets. */
#include "test.h"
TEST_BEGIN
  la s0, words
  csrw fflags, zero
  flw fa0, 0(s0)
  fmv.x.d a0, fa0
  CHECK 1, a0, BOX | 0xbf800000
  flw fa0, 4(s0)
  fmv.x.d a0, fa0
  CHECK 2, a0, BOX | 0x7f800001
  addi a1, s0, 2047
  addi a1, a1, 1
  flw fa0, -2040(a1)
  fmv.x.d a0, fa0
  CHECK 3, a0, BOX | 0x12345678
  addi a1, s0, -2032
  flw fa0, 2044(a1)
  fmv.x.d a0, fa0
  CHECK 4, a0, BOX | 0xfedcba98
  csrr a0, fflags
  CHECK 5, a0, 0
  /* fsw of a boxed value */
  la s1, buf
  li a0, 0x1111111111111111
  sd a0, 0(s1)
  sd a0, 8(s1)
  li a0, BOX | 0x7fa00002
  fmv.d.x fa1, a0
  fsw fa1, 4(s1)
  ld a0, 0(s1)
  CHECK 6, a0, 0x7fa0000211111111
  ld a0, 8(s1)
  CHECK 7, a0, 0x1111111111111111
  /* fsw of a register holding a double: its low 32 bits */
  li a0, 0x0123456789abcdef
  fmv.d.x fa1, a0
  addi a1, s1, 16
  fsw fa1, -8(a1)
  ld a0, 8(s1)
  CHECK 8, a0, 0x1111111189abcdef
  /* round trip of a signalling NaN through memory */
  flw fa2, 4(s0)
  fsw fa2, 0(s1)
  lwu a0, 0(s1)
  CHECK 9, a0, 0x7f800001
  csrr a0, fflags
  CHECK 10, a0, 0
  TEST_PASS
TEST_DATA
words:
  .word 0xbf800000, 0x7f800001, 0x12345678, 0xfedcba98
buf:
  .dword 0, 0, 0
