/* Loops that store one value to consecutive addresses (memset's shape:
 * store; addi p, p, size; bne p, end) and that copy bytes forward (memmove's:
 * lbu; sb; addi; addi; bne), long enough to cross pages, with every store
 * width, and copies whose source and destination overlap either way. A
 * compiling engine may run such loops many iterations at a time; the memory,
 * the registers and (checked by the differential runs) instret must be those
 * of running them one instruction at a time. The checking loops have other
 * shapes. */
#include "test.h"

#define PAGES 3

TEST_BEGIN
  la s0, buf

  /* 1-3: sb over 5000 bytes from buf+4000 (crosses two page boundaries) */
  li a0, 4000
  add a0, a0, s0
  li a1, 5000
  add a1, a0, a1
  li a2, 0x7a5              /* sb stores the low byte, 0xa5 */
1:
  sb a2, 0(a0)
  addi a0, a0, 1
  bne a0, a1, 1b
  sub a3, a0, s0
  CHECK 1, a3, 9000
  CHECK 2, a2, 0x7a5
  li a0, 3999
  add a0, a0, s0
  li a1, 5002
  li a2, 0xa5
  jal ra, count
  CHECK 3, a0, 5000         /* buf[3999] and buf[9000] are still 0 */

  /* 4-5: sh over 1500 halfwords from buf+2 */
  addi a0, s0, 2
  li a1, 3000
  add a1, a0, a1
  li a2, 0x5a5a
1:
  sh a2, 0(a0)
  addi a0, a0, 2
  bne a1, a0, 1b
  mv a0, s0
  li a1, 3004
  li a2, 0x5a
  jal ra, count
  CHECK 4, a0, 3000
  li a4, 3000
  add a4, a4, s0
  lhu a3, 0(a4)
  CHECK 5, a3, 0x5a5a

  /* 6: sw over 1100 words (store offset 4) from buf+7792 to buf+12192 */
  li a0, 7788
  add a0, a0, s0
  li a1, 4400
  add a1, a0, a1
  li a2, 0x3c3c3c3c
1:
  sw a2, 4(a0)
  addi a0, a0, 4
  bne a0, a1, 1b
  li a0, 7788
  add a0, a0, s0
  li a1, 4408
  li a2, 0x3c
  jal ra, count
  CHECK 6, a0, 4400

  /* 7-8: sd of a 64-bit value over 1000 doublewords from buf */
  mv a0, s0
  li a1, 8000
  add a1, a0, a1
  li a2, 0x0123456789abcdef
1:
  sd a2, 0(a0)
  addi a0, a0, 8
  bne a0, a1, 1b
  li a4, 7992
  add a4, a4, s0
  ld a3, 0(a4)
  CHECK 7, a3, 0x0123456789abcdef
  ld a3, 8(a4)              /* one past the end: still the sw fill */
  CHECK 8, a3, 0x3c3c3c3c3c3c3c3c

  /* 10-12: copy 3000 patterned bytes from buf+500 to buf+6000 */
  addi a0, s0, 500
  li a1, 3000
  jal ra, pattern
  addi a0, s0, 500          /* src */
  li a1, 6000
  add a1, a1, s0            /* dst */
  li a2, 3000
  add a2, a2, a0            /* end of src */
1:
  lbu a3, 0(a0)
  sb a3, 0(a1)
  addi a0, a0, 1
  addi a1, a1, 1
  bne a0, a2, 1b
  CHECK 10, a3, (2999*7)&255
  li a4, 9000
  add a4, a4, s0
  sub a4, a1, a4
  CHECK 11, a4, 0
  li a0, 6000
  add a0, a0, s0
  li a1, 3000
  jal ra, differs
  CHECK 12, a0, 0

  /* 13-14: overlapping copy, dst = src + 1: byte by byte, the first byte
   * spreads over all 2000 */
  addi a0, s0, 1000
  li a1, 2001
  jal ra, pattern
  li a3, 0x6d
  sb a3, 1000(s0)
  addi a0, s0, 1000
  addi a1, s0, 1001
  addi a2, a0, 2000
1:
  lb a3, 0(a0)
  sb a3, 0(a1)
  addi a1, a1, 1
  addi a0, a0, 1
  bne a2, a0, 1b
  CHECK 13, a3, 0x6d
  addi a0, s0, 1000
  li a1, 2001
  li a2, 0x6d
  jal ra, count
  CHECK 14, a0, 2001

  /* 15-17: overlapping copy, dst = src - 3, over a page boundary */
  li a0, 4000
  add a0, a0, s0
  li a1, 1000
  jal ra, pattern
  li a0, 4000
  add a0, a0, s0            /* src */
  addi a1, a0, -3           /* dst */
  addi a2, a1, 1000         /* end of dst */
1:
  lbu a3, 0(a0)
  sb a3, 0(a1)
  addi a0, a0, 1
  addi a1, a1, 1
  bne a1, a2, 1b
  CHECK 15, a3, (999*7)&255
  lbu a3, 0(a0)             /* the byte after the source: not copied */
  CHECK 16, a3, 0xef        /* the sd fill: byte 0 of 0x0123456789abcdef */
  li a0, 3997
  add a0, a0, s0
  li a1, 1000
  jal ra, differs
  CHECK 17, a0, 0

  /* 18: a byte loop signed the other way: lb of 0x80 bytes */
  li a0, 9100
  add a0, a0, s0
  li a1, 1200
  li a2, 0x80
  add a5, a0, a1
1:
  sb a2, 0(a0)
  addi a0, a0, 1
  bne a0, a5, 1b
  li a0, 9100
  add a0, a0, s0
  li a1, 10400
  add a1, a1, s0
  addi a2, a0, 1200
1:
  lb a3, 0(a0)
  sb a3, 0(a1)
  addi a0, a0, 1
  addi a1, a1, 1
  bne a0, a2, 1b
  CHECK 18, a3, -128
  TEST_PASS

/* a0 = how many of the a1 bytes at a0 equal a2 */
count:
  li t0, 0
1:
  lbu t1, 0(a0)
  bne t1, a2, 2f
  addi t0, t0, 1
2:
  addi a0, a0, 1
  addi a1, a1, -1
  bnez a1, 1b
  mv a0, t0
  ret

/* the a1 bytes at a0 become (i * 7) & 255 */
pattern:
  li t0, 0
  li t3, 0
1:
  andi t1, t0, 255
  add t2, a0, t3
  sb t1, 0(t2)
  addi t0, t0, 7
  addi t3, t3, 1
  addi a1, a1, -1
  bnez a1, 1b
  ret

/* a0 = how many of the a1 bytes at a0 differ from (i * 7) & 255 */
differs:
  li t0, 0
  li t3, 0
1:
  lbu t1, 0(a0)
  andi t2, t3, 255
  beq t1, t2, 2f
  addi t0, t0, 1
2:
  addi t3, t3, 7
  addi a0, a0, 1
  addi a1, a1, -1
  bnez a1, 1b
  mv a0, t0
  ret

  .bss
  .balign 4096
buf:
  .space 4096 * PAGES
