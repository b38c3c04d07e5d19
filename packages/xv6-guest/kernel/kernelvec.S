# Traps taken while in supervisor mode arrive here (stvec). Save the
# registers a C call may clobber, call kerneltrap(), restore, sret.
# tp is not restored: the thread may have moved to another hart.

        .section .text
        .globl kernelvec
        .balign 4
kernelvec:
        addi    sp, sp, -256
        sd      ra, 0(sp)
        sd      gp, 8(sp)
        sd      t0, 16(sp)
        sd      t1, 24(sp)
        sd      t2, 32(sp)
        sd      a0, 40(sp)
        sd      a1, 48(sp)
        sd      a2, 56(sp)
        sd      a3, 64(sp)
        sd      a4, 72(sp)
        sd      a5, 80(sp)
        sd      a6, 88(sp)
        sd      a7, 96(sp)
        sd      t3, 104(sp)
        sd      t4, 112(sp)
        sd      t5, 120(sp)
        sd      t6, 128(sp)

        call    kerneltrap

        ld      ra, 0(sp)
        ld      gp, 8(sp)
        ld      t0, 16(sp)
        ld      t1, 24(sp)
        ld      t2, 32(sp)
        ld      a0, 40(sp)
        ld      a1, 48(sp)
        ld      a2, 56(sp)
        ld      a3, 64(sp)
        ld      a4, 72(sp)
        ld      a5, 80(sp)
        ld      a6, 88(sp)
        ld      a7, 96(sp)
        ld      t3, 104(sp)
        ld      t4, 112(sp)
        ld      t5, 120(sp)
        ld      t6, 128(sp)
        addi    sp, sp, 256
        sret

# Machine mode's trap handler. The one machine-mode trap left enabled
# is the CLINT software interrupt that kick_idle() (proc.c) raises; pass
# it on as a supervisor software interrupt and lower the CLINT bit.
# mscratch holds this hart's mscratch_area (start.c): a save slot, then
# the MSIP address.

        .globl machvec
        .balign 4
machvec:
        csrrw   a0, mscratch, a0
        sd      a1, 0(a0)
        ld      a1, 8(a0)
        sw      zero, 0(a1)
        li      a1, 2                   # SSIP
        csrs    mip, a1
        ld      a1, 0(a0)
        csrrw   a0, mscratch, a0
        mret
