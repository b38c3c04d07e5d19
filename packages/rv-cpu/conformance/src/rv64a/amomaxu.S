/* amomaxu.w / amomaxu.d: unsigned maximum. */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amomaxu.w, 0x7fffffff, 0x80000000, 0x7fffffff, 0x80000000
  T_AMO_W 3, amomaxu.w, 0x80000000, 0, 0xffffffff80000000, 0x80000000
  T_AMO_W 5, amomaxu.w.aq, 1, 0xffffffff, 1, 0xffffffff
  T_AMO_W 7, amomaxu.w.rl, 7, 0xffffffff00000003, 7, 7
  T_AMO_W 9, amomaxu.w.aqrl, 0xfffffffe, 0xffffffff, -2, 0xffffffff
  T_AMO_D 11, amomaxu.d, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000
  T_AMO_D 13, amomaxu.d, 0xffffffff, 0x100000000, 0xffffffff, 0x100000000
  T_AMO_D 15, amomaxu.d.aq, -1, 0, -1, -1
  T_AMO_D 17, amomaxu.d.rl, 0, 1, 0, 1
  T_AMO_D 19, amomaxu.d.aqrl, -2, -1, -2, -1
  T_AMO_D_X0 21, amomaxu.d, 5, -6, -6
  T_AMO_D_SAME 22, amomaxu.d, 0x1111, 0x2222, 0x2222
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
