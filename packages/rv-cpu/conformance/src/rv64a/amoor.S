/* amoor.w / amoor.d */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amoor.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0xfff0fff0
  T_AMO_W 3, amoor.w, 0, 0x80000000, 0, 0x80000000
  T_AMO_W 5, amoor.w.aq, 0x7fffffff, 0xffffffff00000000, 0x7fffffff, 0x7fffffff
  T_AMO_W 7, amoor.w.rl, 0x80000000, 1, 0xffffffff80000000, 0x80000001
  T_AMO_W 9, amoor.w.aqrl, 0x0f0f0f0f, 0xf0f0f0f0, 0x0f0f0f0f, 0xffffffff
  T_AMO_D 11, amoor.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0xfff0fff0fff0fff0
  T_AMO_D 13, amoor.d.aq, 0, 0x8000000000000000, 0, 0x8000000000000000
  T_AMO_D 15, amoor.d.rl, 0x1234, 0, 0x1234, 0x1234
  T_AMO_D 17, amoor.d.aqrl, 0xffffffff00000000, 0x00000000ffffffff, 0xffffffff00000000, -1
  T_AMO_D_X0 19, amoor.d, 5, 6, 7
  T_AMO_D_SAME 20, amoor.d, 0x1111, 0x2222, 0x3333
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
