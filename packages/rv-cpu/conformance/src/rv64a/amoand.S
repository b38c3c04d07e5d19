/* amoand.w / amoand.d */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amoand.w, 0xff00ff00, 0x0ff00ff0, 0xffffffffff00ff00, 0x0f000f00
  T_AMO_W 3, amoand.w, 0xffffffff, 0x80000000, -1, 0x80000000
  T_AMO_W 5, amoand.w.aq, 0x80000001, 0xffffffff00000001, 0xffffffff80000001, 1
  T_AMO_W 7, amoand.w.rl, 0x7fffffff, 0, 0x7fffffff, 0
  T_AMO_W 9, amoand.w.aqrl, 0x12345678, -1, 0x12345678, 0x12345678
  T_AMO_D 11, amoand.d, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xff00ff00ff00ff00, 0x0f000f000f000f00
  T_AMO_D 13, amoand.d.aq, -1, 0x8000000000000000, -1, 0x8000000000000000
  T_AMO_D 15, amoand.d.rl, 0x1234, 0, 0x1234, 0
  T_AMO_D 17, amoand.d.aqrl, 0xffffffff00000000, 0x0000ffffffff0000, 0xffffffff00000000, 0x0000ffff00000000
  T_AMO_D_X0 19, amoand.d, 5, 6, 4
  T_AMO_D_SAME 20, amoand.d, 0x1111, 0x3333, 0x1111
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
