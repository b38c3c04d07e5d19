/* amoswap.w / amoswap.d (incl. aq/rl forms, rd = x0, rd = rs2, rd = rs1). */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amoswap.w, 0x80000000, 0x12345678, 0xffffffff80000000, 0x12345678
  T_AMO_W 3, amoswap.w, 0x12345678, 0xffffffff00000001, 0x12345678, 0x00000001
  T_AMO_W 5, amoswap.w.aq, 0x7fffffff, 0x80000000, 0x7fffffff, 0x80000000
  T_AMO_W 7, amoswap.w.rl, 0xffffffff, 0, -1, 0
  T_AMO_W 9, amoswap.w.aqrl, 1, 2, 1, 2
  T_AMO_D 11, amoswap.d, 0x0123456789abcdef, -1, 0x0123456789abcdef, -1
  T_AMO_D 13, amoswap.d.aq, -1, 0x8000000000000000, -1, 0x8000000000000000
  T_AMO_D 15, amoswap.d.rl, 0x8000000000000000, 0, 0x8000000000000000, 0
  T_AMO_D 17, amoswap.d.aqrl, 0, 0x7fffffffffffffff, 0, 0x7fffffffffffffff
  T_AMO_D_X0 19, amoswap.d, 5, 6, 6
  T_AMO_D_SAME 20, amoswap.d, 0x1111, 0x2222, 0x2222
  /* rd == rs1: address taken before rd is written */
  la a1, amo_buf
  li a2, 0x33
  sd a2, 0(a1)
  li a2, 0x44
  amoswap.d a1, a2, (a1)
  CHECK 21, a1, 0x33
  la a1, amo_buf
  ld a0, 0(a1)
  CHECK 22, a0, 0x44
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
