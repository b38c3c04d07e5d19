/* amominu.w / amominu.d: unsigned minimum. */
#include "test.h"
TEST_BEGIN
  T_AMO_W 1, amominu.w, 0xffffffff, 1, -1, 1
  T_AMO_W 3, amominu.w, 0x80000000, 0x7fffffff, 0xffffffff80000000, 0x7fffffff
  T_AMO_W 5, amominu.w.aq, 5, 0x0000000100000006, 5, 5
  T_AMO_W 7, amominu.w.rl, 0x7fffffff, 0x80000000, 0x7fffffff, 0x7fffffff
  T_AMO_W 9, amominu.w.aqrl, 0xfffffffe, 0xffffffff, -2, 0xfffffffe
  T_AMO_D 11, amominu.d, -1, 1, -1, 1
  T_AMO_D 13, amominu.d, 0x8000000000000000, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff
  T_AMO_D 15, amominu.d.aq, 0x100000000, 0xffffffff, 0x100000000, 0xffffffff
  T_AMO_D 17, amominu.d.rl, 0, -1, 0, 0
  T_AMO_D 19, amominu.d.aqrl, -2, -1, -2, -2
  T_AMO_D_X0 21, amominu.d, 5, -6, 5
  T_AMO_D_SAME 22, amominu.d, 0x1111, 0x2222, 0x1111
  TEST_PASS
TEST_DATA
  .align 4
amo_buf: .dword 0, 0
