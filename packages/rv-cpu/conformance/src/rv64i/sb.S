/* sb: store the low byte only. */
#include "test.h"
TEST_BEGIN
  T_STORE 1, sb, 0xab, buf, 0, 0, 0x11111111111111ab
  T_STORE 2, sb, 0xab, buf, 7, 0, 0xab11111111111111
  T_STORE 3, sb, 0xdeadbeefcafe12cd, buf, 3, 0, 0x11111111cd111111
  T_STORE 4, sb, 0, buf, 1, 2047, 0x1111111111110011
  T_STORE 5, sb, -1, buf, 6, -2048, 0x11ff111111111111
  T_STORE 6, sb, 0x80, buf, 4, -1, 0x1111118011111111
  /* neighbouring bytes/dwords are untouched */
  la a1, buf
  ld a0, -8(a1)
  CHECK 7, a0, 0x1111111111111111
  ld a0, 8(a1)
  CHECK 8, a0, 0x1111111111111111
  /* store then load back as signed byte */
  la a1, buf
  li a2, 0x80
  sb a2, 5(a1)
  lb a0, 5(a1)
  CHECK 9, a0, 0xffffffffffffff80
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0
buf: .dword 0
  .dword 0
