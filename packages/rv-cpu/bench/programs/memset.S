# (b) Byte-store loop like xv6's boot-time memset: sb; addi; bne over 16 MiB.
  .section .text.start
  .globl _start
_start:
  li t0, 0x80100000
  li t1, 0x81100000
loop:
  sb zero, 0(t0)
  addi t0, t0, 1
  bne t0, t1, loop
  j exit_pass
