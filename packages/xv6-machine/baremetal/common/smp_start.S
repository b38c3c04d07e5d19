# Entry point of the multi-hart programs (smp_*.c).
#
# Every hart enters here in M-mode with a0 = mhartid, a1 = the device tree.
# Each takes its own 16 KiB stack in smp_stacks (up to 8 harts; the linker
# script's stack is for one hart only); hart 0 clears .bss and
# then opens `smp_go` (in .data, so clearing .bss cannot reset it), which the
# others wait for before they call smp_main(hartid, dtb). If smp_main
# returns, its value is the exit code (0 = pass).

        .section .text.start, "ax"
        .globl _start
_start:
        csrw    mie, zero
        la      t0, default_trap
        csrw    mtvec, t0
        la      sp, smp_stacks
        addi    t0, a0, 1
        slli    t0, t0, 14
        add     sp, sp, t0
        bnez    a0, wait
        la      t0, __bss_start
        la      t1, __bss_end
1:      bgeu    t0, t1, 2f
        sd      zero, 0(t0)
        addi    t0, t0, 8
        j       1b
2:      fence   rw, rw
        la      t0, smp_go
        li      t1, 1
        sw      t1, 0(t0)
        j       run
wait:   la      t0, smp_go
3:      lw      t1, 0(t0)
        beqz    t1, 3b
        fence   rw, rw
run:    call    smp_main
        call    poweroff

        .bss
        .balign 16
        .globl smp_stacks
smp_stacks:
        .space  8 * 16384
