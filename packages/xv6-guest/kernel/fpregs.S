# fp_store(struct fpstate *) and fp_load(struct fpstate *): the 32 FP
# registers and fcsr. The rest of the kernel is built without F and D, so
# that no compiler-chosen FP instruction can clobber a process's state.

        .option arch, +d
        .section .text
        .globl fp_store
fp_store:
        .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        fsd     f\n, (8*\n)(a0)
        .endr
        frcsr   t0
        sd      t0, 256(a0)
        ret

        .globl fp_load
fp_load:
        .irp    n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        fld     f\n, (8*\n)(a0)
        .endr
        ld      t0, 256(a0)
        fscsr   t0
        ret
