/* Self-modifying code that has become hot: code run hundreds of times (long
 * enough for a compiling engine to translate it) is rewritten, then run
 * again, with and without fence.i. A hart whose stores keep instruction
 * fetch coherent (as ours does, and QEMU) must run the new instructions;
 * after fence.i every hart must. Patched slots are .word so that the
 * assembler cannot compress them. */
#include "test.h"
TEST_BEGIN
  /* 1: a hot function returns 1 */
  li s0, 0
  li s1, 200
1:
  jal ra, func
  add s0, s0, a0
  addi s1, s1, -1
  bnez s1, 1b
  CHECK 1, s0, 200
  /* 2: rewritten to return 5, no fence.i */
  la a1, func
  li a2, 0x00500513        /* addi a0, x0, 5 */
  sw a2, 0(a1)
  li s0, 0
  li s1, 200
2:
  jal ra, func
  add s0, s0, a0
  addi s1, s1, -1
  bnez s1, 2b
  CHECK 2, s0, 1000
  /* 3: rewritten to return 7, with fence.i */
  li a2, 0x00700513        /* addi a0, x0, 7 */
  sw a2, 0(a1)
  fence.i
  li s0, 0
  li s1, 200
3:
  jal ra, func
  add s0, s0, a0
  addi s1, s1, -1
  bnez s1, 3b
  CHECK 3, s0, 1400
  /* 4: a hot loop rewrites its own first instruction on the iteration
   * with s1 = 50: 151 iterations add 1, the remaining 49 add 3 */
  li s0, 0
  li s1, 200
  la a1, body
  li a2, 0x00340413        /* addi s0, s0, 3 */
  li a3, 50
body:
  .word 0x00140413         /* addi s0, s0, 1 */
  bne s1, a3, 4f
  sw a2, 0(a1)
4:
  addi s1, s1, -1
  bnez s1, body
  CHECK 4, s0, 298
  /* 5: every iteration writes the instruction it runs next (fence.i in
   * between, as the spec asks): odd s1 adds 10, even s1 adds 1 */
  li s0, 0
  li s1, 100
  la a1, 5f
  li a2, 0x00140413        /* addi s0, s0, 1 */
  li a3, 0x00a40413        /* addi s0, s0, 10 */
6:
  andi t0, s1, 1
  mv t1, a2
  beqz t0, 7f
  mv t1, a3
7:
  sw t1, 0(a1)
  fence.i
5:
  .word 0x00140413
  addi s1, s1, -1
  bnez s1, 6b
  CHECK 5, s0, 550
  /* 6: the rewritten function, run hot again after a DMA-like
   * doubleword store that also covers the following instruction */
  la a1, func
  ld a2, 0(a1)
  li a3, 0xffffffff00000000
  and a2, a2, a3
  li a3, 0x00900513        /* addi a0, x0, 9 */
  or a2, a2, a3
  sd a2, 0(a1)
  li s0, 0
  li s1, 200
8:
  jal ra, func
  add s0, s0, a0
  addi s1, s1, -1
  bnez s1, 8b
  CHECK 6, s0, 1800
  TEST_PASS

  .align 3
func:
  .word 0x00100513         /* addi a0, x0, 1 */
  .word 0x00008067         /* jalr x0, 0(ra) */
