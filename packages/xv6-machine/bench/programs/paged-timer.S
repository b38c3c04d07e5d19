# Machine benchmark: S-mode code with Sv39 paging on and an Sstc timer interrupt every 10 ms of
# guest time (100000 ticks of the 10 MHz mtime), running a memory and ALU loop. Prints the number of
# ticks taken and powers off through the test finisher.
  .equ UART, 0x10000000
  .equ FINISHER, 0x100000
  .equ PERIOD, 100000
  .equ ROUNDS, 400

  .section .text.start
  .globl _start
_start:
  li t0, -1
  csrw pmpaddr0, t0
  li t0, 0x1f
  csrw pmpcfg0, t0
  # Identity-map I/O (VA 0..1 GiB) and RAM (1 GiB at 0x8000_0000), both V R W X A D.
  la t0, root
  li t1, (0 << 10) | 0xcf
  sd t1, 0(t0)
  li t1, (0x80000 << 10) | 0xcf
  sd t1, 16(t0)
  srli t0, t0, 12
  li t1, 8 << 60
  or t0, t0, t1
  csrw satp, t0
  sfence.vma
  # Sstc on, S may read time and stimecmp; timer interrupts go to S.
  li t0, 1
  slli t0, t0, 63
  csrs menvcfg, t0
  li t0, 2
  csrs mcounteren, t0
  li t0, 1 << 5
  csrs mideleg, t0
  la t0, m_trap
  csrw mtvec, t0
  li t0, 1 << 11
  csrs mstatus, t0
  la t0, s_main
  csrw mepc, t0
  mret

s_main:
  la t0, s_trap
  csrw stvec, t0
  li s1, 0                # ticks
  rdtime t0
  li t1, PERIOD
  add t0, t0, t1
  csrw 0x14d, t0          # stimecmp
  li t0, 1 << 5
  csrs sie, t0
  csrsi sstatus, 2
  li s2, ROUNDS
  la s3, buffer
round:
  # 64 KiB of stores and a checksum pass: about 80k instructions a round.
  mv t0, s3
  li t1, 65536
  add t1, t1, s3
  li t2, 0
fill:
  sd t2, 0(t0)
  addi t2, t2, 3
  addi t0, t0, 8
  bne t0, t1, fill
  mv t0, s3
  li a0, 0
sum:
  ld t2, 0(t0)
  xor a0, a0, t2
  slli a0, a0, 1
  addi t0, t0, 8
  bne t0, t1, sum
  addi s2, s2, -1
  bnez s2, round
  csrci sstatus, 2
  # Print "ticks > 0" (the exact count depends on the clock mode), then power off.
  la a1, msg
  beqz s1, 1f
  la a1, msg_ok
1:
  li a2, UART
2:
  lbu a3, 0(a1)
  beqz a3, 3f
  sb a3, 0(a2)
  addi a1, a1, 1
  j 2b
3:
  ecall

  .align 2
s_trap:
  addi s1, s1, 1
  csrr t5, 0x14d
  li t6, PERIOD
  add t5, t5, t6
  csrw 0x14d, t5
  sret

  .align 2
m_trap:
  li t0, FINISHER
  li t1, 0x5555
  sw t1, 0(t0)
1:
  j 1b

  .section .rodata
msg: .asciz "no timer ticks\n"
msg_ok: .asciz "timer ticks seen\n"

  .bss
  .align 12
root:
  .space 4096
buffer:
  .space 65536
