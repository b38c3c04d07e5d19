/* amomin.w / amomin.d: signed minimum (W form compares the low 32 bits). */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amomin.w, 0x80000000, 1, 0xffffffff80000000, 0x80000000
  T_AMO_W 3, amomin.w, 5, 0x00000000ffffffff, 5, 0xffffffff
  T_AMO_W 5, amomin.w.aq, 0x7fffffff, 0x80000000, 0x7fffffff, 0x80000000
  T_AMO_W 7, amomin.w.rl, 3, 0xffffffff00000004, 3, 3
  T_AMO_W 9, amomin.w.aqrl, 0xfffffffe, 0xffffffff, -2, 0xfffffffe
  T_AMO_D 11, amomin.d, 0x8000000000000000, 1, 0x8000000000000000, 0x8000000000000000
  T_AMO_D 13, amomin.d, 5, -1, 5, -1
  T_AMO_D 15, amomin.d.aq, 0x00000000ffffffff, 1, 0xffffffff, 1
  T_AMO_D 17, amomin.d.rl, -2, -1, -2, -2
  T_AMO_D 19, amomin.d.aqrl, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000
  T_AMO_D_X0 21, amomin.d, 5, -6, -6
  T_AMO_D_SAME 22, amomin.d, 0x1111, 0x2222, 0x1111
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
