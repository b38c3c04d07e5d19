/* sh: store the low halfword only. */
#include "test.h"
TEST_BEGIN
  T_STORE 1, sh, 0xbeef, buf, 0, 0, 0x111111111111beef
  T_STORE 2, sh, 0xbeef, buf, 2, 0, 0x11111111beef1111
  T_STORE 3, sh, 0xdeadbeefcafe1234, buf, 6, 0, 0x1234111111111111
  T_STORE 4, sh, 0, buf, 4, 2046, 0x1111000011111111
  T_STORE 5, sh, -1, buf, 2, -2048, 0x11111111ffff1111
  T_STORE 6, sh, 0x8001, buf, 4, -2, 0x1111800111111111
  la a1, buf
  ld a0, -8(a1)
  CHECK 7, a0, 0x1111111111111111
  ld a0, 8(a1)
  CHECK 8, a0, 0x1111111111111111
  la a1, buf
  li a2, 0x8001
  sh a2, 2(a1)
  lh a0, 2(a1)
  CHECK 9, a0, 0xffffffffffff8001
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0
buf: .dword 0
  .dword 0
