/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec): priv spec 1.12, "An MRET or SRET
 * instruction that changes the privilege mode to a mode less privileged
 * than M also sets MPRV=0." QEMU 7.2 keeps MPRV (fails at check 1). */
#include "test.h"
TEST_BEGIN
  /* 1: mret to U clears MPRV */
  li a1, MSTATUS_MPRV
  csrs mstatus, a1
  li a1, MSTATUS_MPP
  csrc mstatus, a1
  la a1, 1f
  csrw mepc, a1
  SET_CHECK 1
  mret
1:
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 1, a0, MSTATUS_MPRV, 0
  /* 2: mret to S clears MPRV */
  li a1, MSTATUS_MPRV
  csrs mstatus, a1
  li a1, MSTATUS_MPP
  csrc mstatus, a1
  li a1, MSTATUS_MPP_S
  csrs mstatus, a1
  la a1, 1f
  csrw mepc, a1
  SET_CHECK 2
  mret
1:
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 2, a0, MSTATUS_MPRV, 0
  /* 3: sret (executed in M, MPP=M so M accesses stay M) to S clears MPRV */
  li a1, MSTATUS_MPP_M | MSTATUS_MPRV | MSTATUS_SPP
  csrs mstatus, a1
  la a1, 1f
  csrw sepc, a1
  SET_CHECK 3
  sret
1:
  GOTO_M
  csrr a0, mstatus
  CHECK_MASK 3, a0, MSTATUS_MPRV, 0
  /* 4: mret to M keeps MPRV */
  li a1, MSTATUS_MPP_M | MSTATUS_MPRV
  csrs mstatus, a1
  la a1, 1f
  csrw mepc, a1
  SET_CHECK 4
  mret
1:
  csrr a0, mstatus
  li a1, MSTATUS_MPRV
  csrc mstatus, a1
  CHECK_MASK 4, a0, MSTATUS_MPRV, MSTATUS_MPRV
  TEST_PASS
