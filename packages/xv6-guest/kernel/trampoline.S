# The trampoline page, mapped at TRAMPOLINE in the kernel and in every
# user address space, so it keeps running while satp changes.
#
# While a process runs in user mode, sscratch holds TRAPFRAME (the
# virtual address of its trap frame page). On a trap, uservec saves the
# user registers there, switches to the kernel page table and stack and
# jumps to usertrap(). userret does the reverse.
#
# struct trapframe (kernel.h): x1..x31 at 8*i, then
#   256 kernel_satp, 264 kernel_sp, 272 kernel_trap, 280 epc, 288 kernel_hartid

#include "memlayout.h"

        .section trampsec
        .globl trampoline
        .globl uservec
        .globl userret
        .balign 4096
trampoline:
uservec:
        csrrw   a0, sscratch, a0        # a0 = TRAPFRAME, sscratch = user a0
        .irp    n, 1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        sd      x\n, (\n*8)(a0)
        .endr
        csrr    t0, sscratch
        sd      t0, (10*8)(a0)

        ld      sp, 264(a0)
        ld      tp, 288(a0)
        ld      t0, 272(a0)
        ld      t1, 256(a0)
        sfence.vma zero, zero
        csrw    satp, t1
        sfence.vma zero, zero
        jr      t0

# userret(satp): switch to the user page table and return to user mode.
userret:
        sfence.vma zero, zero
        csrw    satp, a0
        sfence.vma zero, zero
        li      a0, TRAPFRAME
        csrw    sscratch, a0
        .irp    n, 1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        ld      x\n, (\n*8)(a0)
        .endr
        ld      a0, (10*8)(a0)
        sret
