/* sw: store the low word only. */
#include "test.h"
TEST_BEGIN
  T_STORE 1, sw, 0x12345678, buf, 0, 0, 0x1111111112345678
  T_STORE 2, sw, 0x12345678, buf, 4, 0, 0x1234567811111111
  T_STORE 3, sw, 0xdeadbeefcafef00d, buf, 0, 0, 0x11111111cafef00d
  T_STORE 4, sw, 0, buf, 4, 2044, 0x0000000011111111
  T_STORE 5, sw, -1, buf, 0, -2048, 0x11111111ffffffff
  T_STORE 6, sw, 0x80000000, buf, 4, -4, 0x8000000011111111
  la a1, buf
  ld a0, -8(a1)
  CHECK 7, a0, 0x1111111111111111
  ld a0, 8(a1)
  CHECK 8, a0, 0x1111111111111111
  la a1, buf
  li a2, 0x80000000
  sw a2, 4(a1)
  lw a0, 4(a1)
  CHECK 9, a0, 0xffffffff80000000
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0
buf: .dword 0
  .dword 0
