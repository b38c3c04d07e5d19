/* Machine timer interrupt through the CLINT (mtime at +0xBFF8, mtimecmp at
 * +0x4000): MTIP = (mtime >= mtimecmp), read-only in mip; interrupt taken
 * in M with MIE=1 and in S/U regardless of MIE. */
#include "test.h"
#define INTR_MTI (CAUSE_INTR | IRQ_MTI)
TEST_BEGIN
  csrw mie, zero
  csrw mideleg, zero
  MTIMECMP_NEVER a1
  csrr a0, mip
  CHECK_MASK 1, a0, MIP_MTIP, 0
  /* mtime advances */
  li a1, CLINT_MTIME
  ld a2, 0(a1)
  li a3, 10000000
1:
  ld a0, 0(a1)
  bne a0, a2, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 2
2:
  SET_CHECK 3
  bgeu a0, a2, 2f
  j env_fail
2:
  /* mtimecmp = 0: pending at once */
  li a1, CLINT_MTIMECMP
  sd zero, 0(a1)
  ld a0, 0(a1)
  CHECK 4, a0, 0
  li a3, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  bnez a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 5
2:
  /* read-only in mip */
  li a1, MIP_MTIP
  csrc mip, a1
  csrr a0, mip
  CHECK_MASK 6, a0, MIP_MTIP, MIP_MTIP
  /* mtimecmp back in the far future: MTIP drops */
  MTIMECMP_NEVER a1
  li a3, 100000
1:
  csrr a0, mip
  andi a0, a0, MIP_MTIP
  beqz a0, 2f
  addi a3, a3, -1
  bnez a3, 1b
  FAIL_AT 7
2:
  li a1, MIP_MTIP
  csrs mip, a1
  csrr a0, mip
  CHECK_MASK 8, a0, MIP_MTIP, 0
  /* an interrupt a little in the future, waited for with wfi */
  li a1, MIP_MTIP
  csrs mie, a1
  csrsi mstatus, MSTATUS_MIE
  MTIMECMP_IN a1, 200
  EXPECT_IRQ 9, 100000000, wfi, nop
  TRAP_FIELD a0, TI_CAUSE
  CHECK 9, a0, INTR_MTI
  CHECK_TRAP_MODE 10, 3
  /* the timer really expired: mtime >= mtimecmp */
  li a1, CLINT_MTIME
  ld a0, 0(a1)
  li a1, CLINT_MTIMECMP
  ld a2, 0(a1)
  SET_CHECK 11
  bgeu a0, a2, 2f
  j env_fail
2:
  MTIMECMP_NEVER a1
  /* from U-mode with MIE=0 */
  MTIMECMP_IN a1, 100
  EXPECT_IRQ 12, 100000000, nop, GOTO_U
  TRAP_FIELD a0, TI_CAUSE
  CHECK 12, a0, INTR_MTI
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 13, a0, MSTATUS_MPP, 0
  MTIMECMP_NEVER a1
  /* 32-bit halves of mtimecmp are accessible too */
  li a1, CLINT_MTIMECMP
  li a2, 0x12345678
  sw a2, 0(a1)
  li a2, 0x7fffffff
  sw a2, 4(a1)
  ld a0, 0(a1)
  CHECK 14, a0, 0x7fffffff12345678
  MTIMECMP_NEVER a1
  csrw mie, zero
  TEST_PASS
