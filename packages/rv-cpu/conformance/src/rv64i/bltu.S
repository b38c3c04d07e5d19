/* bltu: branch if less than (unsigned). */
#include "test.h"
TEST_BEGIN
  T_BR_TAKEN 1, bltu, 0, 1
  T_BR_TAKEN 2, bltu, 1, -1
  T_BR_TAKEN 3, bltu, -2, -1
  T_BR_TAKEN 4, bltu, 0x7fffffffffffffff, 0x8000000000000000
  T_BR_TAKEN 5, bltu, 0, 0x8000000000000000
  T_BR_TAKEN 6, bltu, 0xffffffff, 0x100000000
  T_BR_NOT 7, bltu, 1, 0
  T_BR_NOT 8, bltu, -1, 1
  T_BR_NOT 9, bltu, -1, -2
  T_BR_NOT 10, bltu, 0x8000000000000000, 0x7fffffffffffffff
  T_BR_NOT 11, bltu, 0, 0
  T_BR_NOT 12, bltu, -1, -1
  T_BR_NOT 13, bltu, 0x8000000000000000, 0
  T_BR_BACK 14, bltu, 5, -5
  TEST_PASS
