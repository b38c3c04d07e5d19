/* or / ori */
#include "test.h"
TEST_BEGIN
  T_RR 1, or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  T_RR 2, or, -1, 0xaaaaaaaaaaaaaaaa, 0x5555555555555555
  T_RR 3, or, 0, 0, 0
  T_RR_D1 4, or, 0xfff0, 0x0ff0, 0xf0f0
  T_RR_D2 5, or, 0xfff0, 0x0ff0, 0xff00
  T_RR_SAME 6, or, 0x8000000000000001, 0x8000000000000001
  T_RR_X0 7, or, 1, 2
  T_RI 8, ori, 0xfffffffffffff800, 0, -2048
  T_RI 9, ori, 0xff00ff00ff00ffff, 0xff00ff00ff00ff00, 0x0ff
  T_RI 10, ori, 0x7ff, 0, 2047
  T_RI 11, ori, -1, 0x0123456789abcdef, -1
  T_RI 12, ori, 0x8000000000000000, 0x8000000000000000, 0
  T_RI_D1 13, ori, 0xff1, 0xff0, 1
  li a1, 1
  ori x0, a1, 1
  CHECK 14, x0, 0
  TEST_PASS
