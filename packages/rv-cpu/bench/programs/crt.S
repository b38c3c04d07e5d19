# C start-up for the compiled benchmark: a stack, then start_c.
  .section .text.start
  .globl _start
_start:
  la sp, stack_top
  call start_c
  .globl exit_fail
exit_fail:
  li t0, 3
  la t1, tohost
1:
  sd t0, 0(t1)
  j 1b
