# Entry point of every bare-metal program.
#
# The board's reset code enters here in M-mode with a0 = mhartid and
# a1 = the device tree's address. Hart 0 clears .bss, takes the stack and
# calls main(hartid, dtb); any other hart parks in wfi for good. If main
# returns, its value is the exit code (0 = pass).

        .section .text.start, "ax"
        .globl _start
_start:
        csrw    mie, zero
        la      t0, default_trap
        csrw    mtvec, t0
        bnez    a0, park
        la      sp, __stack_top
        la      t0, __bss_start
        la      t1, __bss_end
1:      bgeu    t0, t1, 2f
        sd      zero, 0(t0)
        addi    t0, t0, 8
        j       1b
2:      call    main
        call    poweroff
park:   wfi
        j       park
