/* fence / fence.tso / pause: memory ordering instructions execute as
 * ordinary instructions on a single hart (no trap, memory stays coherent). */
#include "test.h"
TEST_BEGIN
  la a1, buf
  li a2, 0x1234
  sd a2, 0(a1)
  fence
  ld a0, 0(a1)
  CHECK 1, a0, 0x1234
  li a2, 0x5678
  sd a2, 0(a1)
  fence rw, rw
  ld a0, 0(a1)
  CHECK 2, a0, 0x5678
  fence w, r
  fence r, w
  fence i, o
  fence iorw, iorw
  fence.tso
  /* pause (Zihintpause) is a fence hint encoding: must not trap */
  .word 0x0100000f
  /* fence with rd/rs1 fields non-zero (reserved, must execute as fence) */
  li a3, 3
  CHECK 3, a3, 3
  sd x0, 0(a1)
  fence
  ld a0, 0(a1)
  CHECK 4, a0, 0
  TEST_PASS
TEST_DATA
buf: .dword 0
