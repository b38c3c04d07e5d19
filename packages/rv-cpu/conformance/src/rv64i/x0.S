/* x0: writes to x0 are discarded by every instruction class; x0 reads 0. */
#include "test.h"
TEST_BEGIN
  li a1, 0x1234
  add x0, a1, a1
  CHECK 1, x0, 0
  addi x0, x0, 5
  CHECK 2, x0, 0
  lui x0, 0xfffff
  CHECK 3, x0, 0
  auipc x0, 1
  CHECK 4, x0, 0
  la a1, word
  ld x0, 0(a1)
  CHECK 5, x0, 0
  lw x0, 0(a1)
  lbu x0, 0(a1)
  CHECK 6, x0, 0
  /* jal/jalr with rd = x0 jump without linking */
  jal x0, 1f
1:
  CHECK 7, x0, 0
  la a2, 2f
  jalr x0, 0(a2)
2:
  CHECK 8, x0, 0
  /* M extension */
  li a2, 7
  li a3, 9
  mul x0, a2, a3
  CHECK 9, x0, 0
  div x0, a3, a2
  CHECK 10, x0, 0
  /* CSR read into x0 */
  csrrs x0, mscratch, x0
  CHECK 11, x0, 0
  /* AMO with rd = x0 still updates memory */
  li a2, 5
  amoadd.d x0, a2, (a1)
  CHECK 12, x0, 0
  ld a0, 0(a1)
  CHECK 13, a0, 0x0102030405060708 + 5
  /* LR into x0 */
  lr.d x0, (a1)
  CHECK 14, x0, 0
  /* x0 as a store source stores zero */
  sd x0, 0(a1)
  ld a0, 0(a1)
  CHECK 15, a0, 0
  /* x0 as base register: address 0 + offset (use a branch-free compare) */
  sltu x0, x0, a1
  CHECK 16, x0, 0
  /* x0 as a source register is 0 even right after a write to it */
  addi x0, x0, 1
  addi a0, x0, 0
  CHECK 17, a0, 0
  TEST_PASS
TEST_DATA
  .align 3
word: .dword 0x0102030405060708
