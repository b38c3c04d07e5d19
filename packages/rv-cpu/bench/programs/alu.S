# (a) Integer ALU and branch loop: seven instructions per iteration, 20 million iterations.
  .section .text.start
  .globl _start
_start:
  li t0, 20000000
  li a0, 1
  li a1, 2
loop:
  add a0, a0, t0
  xor a1, a1, a0
  slli a2, a1, 3
  srli a3, a2, 7
  sub a0, a3, a1
  addi t0, t0, -1
  bnez t0, loop
  j exit_pass
