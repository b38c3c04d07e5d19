/* xor / xori (incl. not idiom) */
#include "test.h"
TEST_BEGIN
  T_RR 1, xor, 0xf00ff00ff00ff00f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f
  T_RR 2, xor, -1, 0xaaaaaaaaaaaaaaaa, 0x5555555555555555
  T_RR 3, xor, 0, 0x123456789abcdef0, 0x123456789abcdef0
  T_RR_D1 4, xor, 0xff00, 0x0ff0, 0xf0f0
  T_RR_D2 5, xor, 0xf0f0, 0x0ff0, 0xff00
  T_RR_SAME 6, xor, 0, 0x8000000000000001
  T_RR_X0 7, xor, 1, 2
  T_RI 8, xori, 0x00ff00ff00ff00ff, 0xff00ff00ff00ff00, -1
  T_RI 9, xori, 0x6dc, 0x123, 0x7ff
  T_RI 10, xori, 0xff00ff00ff00f8ff, 0x00ff00ff00ff00ff, -2048
  T_RI 11, xori, 0x8000000000000000, 0x8000000000000000, 0
  T_RI_D1 12, xori, 0xffffffffffffff00, 0xff, -1
  li a1, 1
  xori x0, a1, 3
  CHECK 13, x0, 0
  TEST_PASS
