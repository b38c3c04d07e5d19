# First instructions of the kernel. QEMU's boot ROM (and xv6-machine's)
# jumps here in machine mode on every hart, with a0 = mhartid.
# Give each hart its own boot stack and continue in mstart().

#include "param.h"

        .section .text.entry
        .globl _entry
_entry:
        csrr    a0, mhartid
        li      t0, NCPU
        bgeu    a0, t0, park            # more harts than we support
        la      sp, boot_stacks
        li      t0, 8192                # BOOTSTACK in start.c
        addi    t1, a0, 1
        mul     t0, t0, t1
        add     sp, sp, t0
        call    mstart
park:
        wfi
        j       park
