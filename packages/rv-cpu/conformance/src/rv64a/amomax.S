/* amomax.w / amomax.d: signed maximum. */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amomax.w, 0x80000000, 0x7fffffff, 0xffffffff80000000, 0x7fffffff
  T_AMO_W 3, amomax.w, 0xffffffff, 0, -1, 0
  T_AMO_W 5, amomax.w.aq, 3, 0x00000000fffffffe, 3, 3
  T_AMO_W 7, amomax.w.rl, 0xfffffffe, 0xffffffff, -2, 0xffffffff
  T_AMO_W 9, amomax.w.aqrl, 0x7fffffff, 0x80000000, 0x7fffffff, 0x7fffffff
  T_AMO_D 11, amomax.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
  T_AMO_D 13, amomax.d, 0xffffffff, -1, 0xffffffff, 0xffffffff
  T_AMO_D 15, amomax.d.aq, -5, -3, -5, -3
  T_AMO_D 17, amomax.d.rl, 0, 0x8000000000000000, 0, 0
  T_AMO_D 19, amomax.d.aqrl, 1, 2, 1, 2
  T_AMO_D_X0 21, amomax.d, 5, -6, 5
  T_AMO_D_SAME 22, amomax.d, 0x1111, 0x2222, 0x2222
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
