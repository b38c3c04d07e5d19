/* fence.i: after storing new instructions into already-executed code,
 * fence.i makes the new code visible to instruction fetch. */
#include "test.h"
TEST_BEGIN
  /* run the slot once so that it is fetched/decoded */
  li a0, 0
  jal ra, slot
  CHECK 1, a0, 1
  /* overwrite: addi a0, x0, 42 = 0x02a00513 */
  la a1, slot
  li a2, 0x02a00513
  sw a2, 0(a1)
  fence.i
  li a0, 0
  jal ra, slot
  CHECK 2, a0, 42
  /* overwrite with two compressed instructions in one word:
   * c.li a0, 7 (0x451d) then c.addi a0, 3 (0x050d) */
  la a1, slot
  li a2, 0x050d451d
  sw a2, 0(a1)
  fence.i
  li a0, 0
  jal ra, slot
  CHECK 3, a0, 10
  /* overwrite only the upper halfword (c.addi a0, -1 = 0x157d) */
  la a1, slot
  li a2, 0x157d
  sh a2, 2(a1)
  fence.i
  li a0, 0
  jal ra, slot
  CHECK 4, a0, 6
  /* restore the original: addi a0, x0, 1 = 0x00100513; sd-sized write of
   * slot and the following jalr (unchanged bytes) */
  la a1, slot
  ld a2, 0(a1)
  li a3, 0xffffffff00000000
  and a2, a2, a3
  li a3, 0x00100513
  or a2, a2, a3
  sd a2, 0(a1)
  fence.i
  li a0, 0
  jal ra, slot
  CHECK 5, a0, 1
  /* patch code that is about to run in a loop: the first iteration runs
   * the old code, the patched code runs after fence.i */
  li a4, 0
  li a5, 2
loop:
  la a1, patch
patch:
  addi a4, a4, 1          /* replaced by addi a4, a4, 100 (0x06470713) */
  li a2, 0x06470713
  sw a2, 0(a1)
  fence.i
  addi a5, a5, -1
  bnez a5, loop
  CHECK 6, a4, 101
  TEST_PASS

  .align 3
slot:
  addi a0, x0, 1
  jalr x0, 0(ra)
