/* The issue 13 workload: a bare-metal kernel that fills 16 MiB of RAM with
 * a byte-store loop (sb; addi; bne), 19 times, then powers the board off
 * through the test finisher. About 0.96 G instructions, the same on QEMU's
 * virt board and on xv6-machine. */
  .section .text.start
  .globl _start
_start:
  csrr t0, mhartid
  bnez t0, park
  li s0, 19                /* passes */
  li s1, 0x80100000        /* start of the buffer, past the program */
  li s2, 0x81100000        /* end: 16 MiB later */
pass:
  mv t1, s1
  mv t2, s0                /* the byte stored is the pass number */
fill:
  sb t2, 0(t1)
  addi t1, t1, 1
  bne t1, s2, fill
  addi s0, s0, -1
  bnez s0, pass
  li t0, 0x100000          /* sifive_test finisher: pass */
  li t1, 0x5555
  sw t1, 0(t0)
park:
  wfi
  j park
