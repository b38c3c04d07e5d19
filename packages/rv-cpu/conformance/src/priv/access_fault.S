/* Access faults at an address with no memory (0x0): load access fault (5),
 * store access fault (7), instruction access fault (1); mtval = the
 * faulting address; the destination register is not written. */
#include "test.h"
TEST_BEGIN
  li a1, 0
  li a0, 0x77
  EXPECT_TRAP 1, CAUSE_LOAD_ACCESS, ld a0, 0(a1)
  CHECK_TRAP_TVAL 2, 0
  CHECK 3, a0, 0x77
  EXPECT_TRAP 4, CAUSE_LOAD_ACCESS, lw a0, 8(a1)
  CHECK_TRAP_TVAL 5, 8
  EXPECT_TRAP 6, CAUSE_LOAD_ACCESS, lbu a0, 1(a1)
  CHECK_TRAP_TVAL 7, 1
  EXPECT_TRAP 8, CAUSE_LOAD_ACCESS, lh a0, 2(a1)
  CHECK_TRAP_TVAL 9, 2
  EXPECT_TRAP 10, CAUSE_STORE_ACCESS, sd a0, 0(a1)
  CHECK_TRAP_TVAL 11, 0
  EXPECT_TRAP 12, CAUSE_STORE_ACCESS, sw a0, 4(a1)
  CHECK_TRAP_TVAL 13, 4
  EXPECT_TRAP 14, CAUSE_STORE_ACCESS, sb a0, 3(a1)
  CHECK_TRAP_TVAL 15, 3
  EXPECT_TRAP 16, CAUSE_STORE_ACCESS, sh a0, 6(a1)
  CHECK_TRAP_TVAL 17, 6
  /* LR reports a load access fault. (AMOs and SC must report store/AMO
   * access faults, cause 7: QEMU 7.2 reports 5, so those checks live in
   * noqemu/amo_access_fault.S.) */
  EXPECT_TRAP 22, CAUSE_LOAD_ACCESS, lr.d a0, (a1)
  CHECK_TRAP_TVAL 23, 0
  CHECK 24, a0, 0x77
  /* fetch from 0: instruction access fault, mepc = mtval = 0 */
  CLEAR_TRAP
  SET_CHECK 25
  la tp, 2f
  li a2, 0
  jalr ra, 0(a2)
  j env_fail
2:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 25, a0, CAUSE_FETCH_ACCESS
  TRAP_FIELD a0, TI_EPC
  CHECK 26, a0, 0
  CHECK_TRAP_TVAL 27, 0
  /* from U-mode too (faulting load, tval = address) */
  GOTO_U
  li a1, 0x10
  EXPECT_TRAP 28, CAUSE_LOAD_ACCESS, ld a0, 0(a1)
  CHECK_TRAP_TVAL 29, 0x10
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 30, a0, MSTATUS_MPP, 0
  GOTO_S
  li a1, 0x18
  EXPECT_TRAP 31, CAUSE_STORE_ACCESS, sd a0, 0(a1)
  CHECK_TRAP_TVAL 32, 0x18
  TEST_PASS
