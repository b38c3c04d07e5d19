/* and / andi */
#include "test.h"
TEST_BEGIN
  T_RR 1, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  T_RR 2, and, 0, 0xaaaaaaaaaaaaaaaa, 0x5555555555555555
  T_RR 3, and, 0x8000000000000001, -1, 0x8000000000000001
  T_RR_D1 4, and, 0x00f0, 0x0ff0, 0xf0f0
  T_RR_D2 5, and, 0x0f00, 0x0ff0, 0xff00
  T_RR_SAME 6, and, 0x123456789abcdef0, 0x123456789abcdef0
  T_RR_X0 7, and, -1, -1
  T_RI 8, andi, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, -1
  T_RI 9, andi, 0x700, 0xff00ff00ff00ff00, 0x7ff
  T_RI 10, andi, 0xff00ff00ff00f800, 0xff00ff00ff00ff00, -2048
  T_RI 11, andi, 0, -1, 0
  T_RI 12, andi, 0xffffffff80000000, 0xffffffff80000001, -2
  T_RI_D1 13, andi, 0x0f0, 0xff0, 0x0ff
  li a1, -1
  andi x0, a1, 1
  CHECK 14, x0, 0
  TEST_PASS
