/* addiw: 32-bit add immediate, result sign-extended (incl. sext.w idiom). */
#include "test.h"
TEST_BEGIN
  T_RI 1, addiw, 0xffffffff80000000, 0x7fffffff, 1
  T_RI 2, addiw, 0xfffffffffffff800, 0, -2048
  T_RI 3, addiw, 0x7fe, 0xffffffff, 2047
  T_RI 4, addiw, 0x7fffffff, 0x80000000, -1
  T_RI 5, addiw, 0xffffffff80000000, 0x80000000, 0
  T_RI 6, addiw, 0x12345678, 0xabcdef0012345678, 0
  T_RI 7, addiw, 0x7ff, 0, 2047
  T_RI 8, addiw, 0, 0x5555555500000001, -1
  T_RI 9, addiw, 0xffffffffffffffff, 0x00000000ffffffff, 0
  T_RI_D1 10, addiw, 0xfffffffffffffffd, 0x7777777700000000, -3
  li a1, 7
  addiw x0, a1, 1
  CHECK 11, x0, 0
  TEST_PASS
