# (d) The byte-store loop of memset.S, run in S-mode with Sv39 paging on: RAM is mapped by one
# 1 GiB identity page, so every store goes through translation (and the TLB).
  .section .text.start
  .globl _start
_start:
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  # root[2] maps VA 0x8000_0000 to PA 0x8000_0000: V R W X A D, PPN 0x80000
  la t0, root
  li t1, (0x80000 << 10) | 0xcf
  sd t1, 16(t0)
  srli t0, t0, 12
  li t1, 8 << 60
  or t0, t0, t1
  csrw satp, t0
  sfence.vma
  # An ecall from S (not delegated) ends the run.
  la t0, exit_pass
  csrw mtvec, t0
  li t0, 1 << 11
  csrs mstatus, t0
  la t0, supervisor
  csrw mepc, t0
  mret
supervisor:
  li t0, 0x80100000
  li t1, 0x81100000
loop:
  sb zero, 0(t0)
  addi t0, t0, 1
  bne t0, t1, loop
  ecall

  .bss
  .align 12
root:
  .space 4096
