/* amoxor.w / amoxor.d */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xf0f0f0f0
  T_AMO_W 3, amoxor.w, 0x12345678, 0xffffffffffffffff, 0x12345678, 0xedcba987
  T_AMO_W 5, amoxor.w.aq, 0x80000000, 0x80000000, 0xffffffff80000000, 0
  T_AMO_W 7, amoxor.w.rl, 0, 0x7fffffff, 0, 0x7fffffff
  T_AMO_W 9, amoxor.w.aqrl, 0xaaaaaaaa, 0x55555555, 0xffffffffaaaaaaaa, 0xffffffff
  T_AMO_D 11, amoxor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0
  T_AMO_D 13, amoxor.d.aq, -1, 0x8000000000000000, -1, 0x7fffffffffffffff
  T_AMO_D 15, amoxor.d.rl, 0x1234, 0x1234, 0x1234, 0
  T_AMO_D 17, amoxor.d.aqrl, 0, -1, 0, -1
  T_AMO_D_X0 19, amoxor.d, 5, 6, 3
  T_AMO_D_SAME 20, amoxor.d, 0x1111, 0x2222, 0x3333
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
