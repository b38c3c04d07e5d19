/* mtvec/stvec MODE is WARL: 0 (direct) and 1 (vectored) are stored,
 * 2 and 3 are reserved and never read back. mepc/sepc bit 0 reads 0
 * (IALIGN = 16 with C, so bit 1 is kept; bit 0: see noqemu/epc_bit0.S). */
#include "test.h"
TEST_BEGIN
  csrr s0, mtvec
  la a1, tvec_base
  csrw mtvec, a1
  csrr a0, mtvec
  CHECK_EQ 1, a0, a1
  ori a2, a1, 1
  csrw mtvec, a2
  csrr a0, mtvec
  CHECK_EQ 2, a0, a2
  ori a2, a1, 2
  csrw mtvec, a2
  csrr a0, mtvec
  andi a0, a0, 3
  CHECK_ONE_OF 3, a0, 0, 1
  ori a2, a1, 3
  csrw mtvec, a2
  csrr a0, mtvec
  andi a0, a0, 3
  CHECK_ONE_OF 4, a0, 0, 1
  csrw mtvec, s0
  csrr a0, mtvec
  CHECK_EQ 5, a0, s0
  /* stvec */
  csrr s1, stvec
  csrw stvec, a1
  csrr a0, stvec
  CHECK_EQ 6, a0, a1
  ori a2, a1, 1
  csrw stvec, a2
  csrr a0, stvec
  CHECK_EQ 7, a0, a2
  ori a2, a1, 2
  csrw stvec, a2
  csrr a0, stvec
  andi a0, a0, 3
  CHECK_ONE_OF 8, a0, 0, 1
  ori a2, a1, 3
  csrw stvec, a2
  csrr a0, stvec
  andi a0, a0, 3
  CHECK_ONE_OF 9, a0, 0, 1
  csrw stvec, s1
  /* mepc/sepc: bit 1 is writable with C (the bit-0-reads-zero rule is
   * checked in noqemu/epc_bit0.S: QEMU 7.2 keeps bit 0) */
  li a1, 0x80001002
  csrw mepc, a1
  csrr a0, mepc
  CHECK 10, a0, 0x80001002
  li a1, 0xfffffffffffffffe
  csrw mepc, a1
  csrr a0, mepc
  CHECK 11, a0, 0xfffffffffffffffe
  li a1, 0x80001002
  csrw sepc, a1
  csrr a0, sepc
  CHECK 13, a0, 0x80001002
  li a1, 0xfffffffffffffffc
  csrw sepc, a1
  csrr a0, sepc
  CHECK 14, a0, 0xfffffffffffffffc
  /* mscratch/sscratch, mtval/stval, mcause/scause hold written values */
  li a1, 0x8000000000000005
  csrw mcause, a1
  csrr a0, mcause
  CHECK 15, a0, 0x8000000000000005
  li a1, 2
  csrw scause, a1
  csrr a0, scause
  CHECK 16, a0, 2
  li a1, 0x123456789abcdef0
  csrw mtval, a1
  csrr a0, mtval
  CHECK 17, a0, 0x123456789abcdef0
  csrw stval, a1
  csrr a0, stval
  CHECK 18, a0, 0x123456789abcdef0
  TEST_PASS
  .align 8
tvec_base:
  j env_fail
