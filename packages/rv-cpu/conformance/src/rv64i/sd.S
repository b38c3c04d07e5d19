/* sd: store doubleword. */
#include "test.h"
TEST_BEGIN
  T_STORE 1, sd, 0x0123456789abcdef, buf, 0, 0, 0x0123456789abcdef
  T_STORE 2, sd, 0, buf, 0, 2040, 0
  T_STORE 3, sd, -1, buf, 0, -2048, 0xffffffffffffffff
  T_STORE 4, sd, 0x8000000000000000, buf, 0, -8, 0x8000000000000000
  la a1, buf
  ld a0, -8(a1)
  CHECK 5, a0, 0x1111111111111111
  ld a0, 8(a1)
  CHECK 6, a0, 0x1111111111111111
  /* store x0 */
  la a1, buf
  li a2, -1
  sd a2, 0(a1)
  sd x0, 0(a1)
  ld a0, 0(a1)
  CHECK 7, a0, 0
  /* base register used as data */
  la a1, buf
  sd a1, 0(a1)
  ld a0, 0(a1)
  CHECK_EQ 8, a0, a1
  TEST_PASS
TEST_DATA
  .align 4
  .dword 0
buf: .dword 0
  .dword 0
