# The HTIF mailbox and the exit routine shared by the benchmark programs.
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .align 6
  .globl fromhost
fromhost: .dword 0

  .text
  .globl exit_pass
# Report success through tohost and spin (also used as a trap vector, hence the alignment).
  .align 2
exit_pass:
  li t0, 1
  la t1, tohost
1:
  sd t0, 0(t1)
  j 1b
