/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec): an AMO or SC to an address with no
 * memory raises a store/AMO access fault (cause 7), tval = the address.
 * QEMU 7.2 reports a load access fault (5) (fails at check 1). */
#include "test.h"
TEST_BEGIN
  li a1, 0
  EXPECT_TRAP 1, CAUSE_STORE_ACCESS, amoadd.d a0, a0, (a1)
  CHECK_TRAP_TVAL 2, 0
  li a1, 8
  EXPECT_TRAP 3, CAUSE_STORE_ACCESS, amoswap.w a0, a0, (a1)
  CHECK_TRAP_TVAL 4, 8
  EXPECT_TRAP 5, CAUSE_STORE_ACCESS, amomaxu.d a0, a0, (a1)
  EXPECT_TRAP 6, CAUSE_STORE_ACCESS, amoor.w a0, a0, (a1)
  /* sc: without a reservation it may fail without accessing memory, so
   * either no trap (rd != 0) or a store/AMO access fault */
  CLEAR_TRAP
  SET_CHECK 7
  la tp, 1f
  li a0, 0
  sc.d a0, a0, (a1)
1:
  li tp, 0
  TRAP_FIELD t5, TI_COUNT
  beqz t5, 2f
  TRAP_FIELD t5, TI_CAUSE
  CHECK 7, t5, CAUSE_STORE_ACCESS
  j 3f
2:
  CHECK_NE 8, a0, 0
3:
  TEST_PASS
