/* amoadd.w / amoadd.d */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amoadd.w, 0x7fffffff, 1, 0x7fffffff, 0x80000000
  T_AMO_W 3, amoadd.w, 0xffffffff, 1, -1, 0
  T_AMO_W 5, amoadd.w, 0x80000000, 0x100000000, 0xffffffff80000000, 0x80000000
  T_AMO_W 7, amoadd.w.aq, 5, -6, 5, 0xffffffff
  T_AMO_W 9, amoadd.w.rl, 0x12345678, 0x11111111, 0x12345678, 0x23456789
  T_AMO_W 11, amoadd.w.aqrl, 0xfffffffe, 3, -2, 1
  T_AMO_D 13, amoadd.d, 0x7fffffffffffffff, 1, 0x7fffffffffffffff, 0x8000000000000000
  T_AMO_D 15, amoadd.d, -1, 1, -1, 0
  T_AMO_D 17, amoadd.d.aq, 0xffffffff, 1, 0xffffffff, 0x100000000
  T_AMO_D 19, amoadd.d.rl, 10, -20, 10, -10
  T_AMO_D 21, amoadd.d.aqrl, 0x0123456789abcdef, 0x0123456789abcdef, 0x0123456789abcdef, 0x02468acf13579bde
  T_AMO_D_X0 23, amoadd.d, 5, 6, 11
  T_AMO_D_SAME 24, amoadd.d, 0x1111, 0x2222, 0x3333
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
