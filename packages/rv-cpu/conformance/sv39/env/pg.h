/*
 * sv39 "pg" environment: supervisor tests of paging. Macros and constants.
 *
 * The test is entered at test_main in M-mode with satp already holding Sv39
 * and a root table that maps 0x8000_0000..0xBFFF_FFFF (RAM, the whole test
 * image) as one identity 1 GiB page, R|W|X|A|D, not U. M-mode is not
 * translated, so GOTO_S continues at the same addresses in S-mode under
 * Sv39. Everything else is mapped by the test itself (pg_map, env/pg_vm.c).
 *
 * Registers:
 *   gp (x3)  current check number; a failure reports it (0 -> 1023).
 *   tp (x4)  what a trap does: 0 = unexpected (fail at gp); 1 = record it
 *            and skip the trapping instruction (+4: tests are .option norvc)
 *            in the mode that took it; else record it and jump to tp, in the
 *            mode that took the trap (M, or S for delegated exceptions).
 *   t5, t6   clobbered by the macros and the trap handlers.
 *   sp       a stack in RAM (identity mapped), for calls into pg_vm.c.
 * Exceptions 0-8, 12, 13, 15 are delegated to S; ecall from S (9) goes to M.
 * Calls into pg_vm.c follow the C ABI (ra, t0-t6, a0-a7 clobbered).
 */
#ifndef SV39_PG_H
#define SV39_PG_H

/* ---- PTE bits ---- */
#define PTE_V (1 << 0)
#define PTE_R (1 << 1)
#define PTE_W (1 << 2)
#define PTE_X (1 << 3)
#define PTE_U (1 << 4)
#define PTE_G (1 << 5)
#define PTE_A (1 << 6)
#define PTE_D (1 << 7)
#define PTE_AD (PTE_A | PTE_D)
#define PTE_PPN_SHIFT 10

/* ---- satp ---- */
#define SATP_MODE_SHIFT 60
#define SATP_BARE 0
#define SATP_SV39 (8 << 60)
#define SATP_SV48 (9 << 60)
#define SATP_SV57 (10 << 60)

/* ---- mstatus / sstatus ---- */
#define MSTATUS_SIE   (1 << 1)
#define MSTATUS_MIE   (1 << 3)
#define MSTATUS_SPIE  (1 << 5)
#define MSTATUS_SPP   (1 << 8)
#define MSTATUS_MPP   (3 << 11)
#define MSTATUS_MPP_U (0 << 11)
#define MSTATUS_MPP_S (1 << 11)
#define MSTATUS_MPP_M (3 << 11)
#define MSTATUS_MPRV  (1 << 17)
#define MSTATUS_SUM   (1 << 18)
#define MSTATUS_MXR   (1 << 19)

/* ---- exception causes ---- */
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL      2
#define CAUSE_BREAKPOINT   3
#define CAUSE_LOAD_ACCESS  5
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U      8
#define CAUSE_ECALL_S      9
#define CAUSE_ECALL_M      11
#define CAUSE_FETCH_PAGE   12
#define CAUSE_LOAD_PAGE    13
#define CAUSE_STORE_PAGE   15

/* ---- page sizes / levels (pg_map's level argument) ---- */
#define PAGE_4K 0
#define PAGE_2M 1
#define PAGE_1G 2
#define PAGE_512G 3

/* ---- trap record (pg_trap) ---- */
#define TR_CAUSE  0
#define TR_EPC    8
#define TR_TVAL   16
#define TR_STATUS 24   /* mstatus / sstatus inside the handler */
#define TR_COUNT  32   /* traps since CLEAR_TRAP */
#define TR_MODE   40   /* 3 = taken in M-mode, 1 = taken in S-mode */

/* ---- snippet page (pg_snippets, 4 KiB, code to run at test VAs) ----
 * Map it anywhere (pg_map) and run the code at VA + offset. */
#define SNIP_INC    0x000  /* S: a0 += 1; ret */
#define SNIP_ULOAD  0x040  /* U: ld a1, 0(a0); ecall */
#define SNIP_USTORE 0x080  /* U: sd a1, 0(a0); ecall */
#define SNIP_UAMO   0x0c0  /* U: amoadd.d a2, a1, (a0); ecall */
#define SNIP_UJUMP  0x100  /* U: jr a0 */
#define SNIP_UECALL 0x140  /* U: ecall (a fetch of this page from U) */
#define SNIP_ULR    0x180  /* U: lr.d a1, (a0); ecall */
#define SNIP_CROSS  0xffc  /* S: c.nop at 0xffc, then 'addi a0, a0, 2'
                              at 0xffe whose upper half is the first
                              halfword of the NEXT page, which must map
                              pg_snippets2 (there: the upper half, then
                              'ret'); a0 += 2 */

#ifdef __ASSEMBLER__

/* ------------------------------------------------------------------ */
/* Test structure                                                      */
/* ------------------------------------------------------------------ */
.macro TEST_BEGIN
  .option norvc
  .option norelax
  .text
  .align 2
  .globl test_main
test_main:
.endm

.macro TEST_PASS
  j pg_pass
.endm

.macro TEST_DATA
  .data
  .align 4
.endm

.macro SET_CHECK n
  .if (\n < 1) || (\n > 250)
  .error "check numbers must be in 1..250"
  .endif
  li gp, \n
.endm

.macro FAIL_AT n
  SET_CHECK \n
  j pg_fail
.endm

/* Check n: reg == val (reg != t6) */
.macro CHECK n, reg, val
  SET_CHECK \n
  li t6, \val
  beq \reg, t6, .Lok\@
  j pg_fail
.Lok\@:
.endm

/* Check n: reg == reg2 */
.macro CHECK_EQ n, reg, reg2
  SET_CHECK \n
  beq \reg, \reg2, .Lok\@
  j pg_fail
.Lok\@:
.endm

/* Check n: reg != val */
.macro CHECK_NE n, reg, val
  SET_CHECK \n
  li t6, \val
  bne \reg, t6, .Lok\@
  j pg_fail
.Lok\@:
.endm

/* Check n: (reg & mask) == val */
.macro CHECK_MASK n, reg, mask, val
  SET_CHECK \n
  li t6, \mask
  and t6, t6, \reg
  li t5, \val
  beq t5, t6, .Lok\@
  j pg_fail
.Lok\@:
.endm

/* ------------------------------------------------------------------ */
/* Traps                                                               */
/* ------------------------------------------------------------------ */
.macro CLEAR_TRAP
  la t6, pg_trap
  sd zero, TR_CAUSE(t6)
  sd zero, TR_EPC(t6)
  sd zero, TR_TVAL(t6)
  sd zero, TR_STATUS(t6)
  sd zero, TR_COUNT(t6)
  sd zero, TR_MODE(t6)
.endm

/* reg = field of the trap record */
.macro TRAP_FIELD reg, off
  la \reg, pg_trap
  ld \reg, \off(\reg)
.endm

/* Check n: insn (rest of the line; ';' separates several) traps with
 * cause c. Continues after the macro in the mode that took the trap. */
.macro EXPECT_TRAP n, c, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lcaught\@
  \insn
  j pg_fail
.Lcaught\@:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
.endm

/* Checks n, n+1, n+2: insn (its first instruction is a load, store or
 * AMO) traps with cause c (check n), the trap value is the value of
 * register vreg (check n+1), and epc is the address of insn (check n+2).
 * vreg must survive insn and may not be t5/t6. */
.macro EXPECT_FAULT n, c, vreg, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lcaught\@
.Linsn\@:
  \insn
  j pg_fail
.Lcaught\@:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ (\n + 1), t5, \vreg
  TRAP_FIELD t5, TR_EPC
  la t6, .Linsn\@
  CHECK_EQ (\n + 2), t5, t6
.endm

/* Checks n, n+1, n+2: a call (jalr ra) to the virtual address in epcreg
 * traps with cause c (check n), trap value tvalreg (check n+1) and epc
 * epcreg (check n+2). */
.macro EXPECT_FETCH_FAULT n, c, tvalreg, epcreg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lcaught\@
  jalr ra, 0(\epcreg)
  j pg_fail
.Lcaught\@:
  li tp, 0
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ (\n + 1), t5, \tvalreg
  TRAP_FIELD t5, TR_EPC
  CHECK_EQ (\n + 2), t5, \epcreg
.endm

/* Checks n, n+1, n+2: from M-mode, insn (a load/store/AMO; not using t6)
 * run with MPRV = 1 and MPP = mpp (MSTATUS_MPP_U/S/M) traps with cause c
 * (check n, taken in M-mode), trap value = register vreg (n+1), epc =
 * insn (n+2). MPRV is set only around insn: the macros' own memory
 * accesses are not translated. MPP is left as the trap set it (M). */
.macro MPRV_EXPECT_FAULT n, c, vreg, mpp, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lcaught\@
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, \mpp
  csrs mstatus, t6
  li t6, MSTATUS_MPRV
  csrs mstatus, t6
.Linsn\@:
  \insn
  li t6, MSTATUS_MPRV
  csrc mstatus, t6
  j pg_fail
.Lcaught\@:
  li tp, 0
  li t6, MSTATUS_MPRV
  csrc mstatus, t6
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
  CHECK_TRAP_MODE \n, 3
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ (\n + 1), t5, \vreg
  TRAP_FIELD t5, TR_EPC
  la t6, .Linsn\@
  CHECK_EQ (\n + 2), t5, t6
.endm

/* Check n: from M-mode, insn (not using t6) run with MPRV = 1 and
 * MPP = mpp does not trap. MPRV is cleared again after insn. */
.macro MPRV_OK n, mpp, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lbad\@
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, \mpp
  csrs mstatus, t6
  li t6, MSTATUS_MPRV
  csrs mstatus, t6
  \insn
  li t6, MSTATUS_MPRV
  csrc mstatus, t6
  li tp, 0
  j .Lgood\@
.Lbad\@:
  li t6, MSTATUS_MPRV
  csrc mstatus, t6
  j pg_fail
.Lgood\@:
.endm

/* Check n: insn does not trap (with tp pointing at a failure exit). */
.macro EXPECT_OK n, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lbad\@
  \insn
  li tp, 0
  j .Lgood\@
.Lbad\@:
  j pg_fail
.Lgood\@:
.endm

/* Check n: the last trap was taken in mode m (3 = M, 1 = S) */
.macro CHECK_TRAP_MODE n, m
  TRAP_FIELD t5, TR_MODE
  CHECK \n, t5, \m
.endm

/* Check n: the last trap's epc == reg */
.macro CHECK_TRAP_EPC n, reg
  TRAP_FIELD t5, TR_EPC
  CHECK_EQ \n, t5, \reg
.endm

/* Check n: exactly cnt traps since CLEAR_TRAP */
.macro CHECK_TRAP_COUNT n, cnt
  TRAP_FIELD t5, TR_COUNT
  CHECK \n, t5, \cnt
.endm

/* ------------------------------------------------------------------ */
/* Privilege changes                                                   */
/* ------------------------------------------------------------------ */

/* From M-mode: continue at the next instruction in S-mode. */
.macro GOTO_S
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  li t6, MSTATUS_MPP_S
  csrs mstatus, t6
  la t6, .Ls\@
  csrw mepc, t6
  mret
.Ls\@:
.endm

/* From S-mode: continue at the next instruction in M-mode (ecall). */
.macro GOTO_M
  la tp, .Lm\@
  ecall
.Lm\@:
  li tp, 0
.endm

/* From S-mode: run U-mode code at virtual address vreg until it traps
 * (ecall or any exception, taken in S-mode); then continue after the macro
 * in S-mode, with the trap in the record. Registers other than tp, t5, t6
 * pass through to the U code and back. */
.macro RUN_U vreg
  CLEAR_TRAP
  la tp, .Lback\@
  csrw sepc, \vreg
  li t6, MSTATUS_SPP
  csrc sstatus, t6
  sret
.Lback\@:
  li tp, 0
.endm

/* Checks n, n+1: RUN_U, and the U code ends with trap cause c (check n)
 * whose trap value is register vreg (check n+1; skipped if vreg is x0). */
.macro RUN_U_EXPECT n, c, pcreg, vreg
  SET_CHECK \n
  RUN_U \pcreg
  TRAP_FIELD t5, TR_CAUSE
  CHECK \n, t5, \c
  .ifnc \vreg, x0
  TRAP_FIELD t5, TR_TVAL
  CHECK_EQ (\n + 1), t5, \vreg
  .endif
.endm

/* sstatus / mstatus bit helpers */
.macro SSTATUS_SET bits
  li t6, \bits
  csrs sstatus, t6
.endm
.macro SSTATUS_CLR bits
  li t6, \bits
  csrc sstatus, t6
.endm

/* ------------------------------------------------------------------ */
/* Page tables (see pg_vm.c). Clobber caller-saved registers.          */
/* ------------------------------------------------------------------ */

/* a0 = address of the PTE for VA at the given level in the current
 * tables (allocating missing tables), after writing
 * PTE = (pa >> 12) << 10 | flags into it. va, pa: registers or constants
 * (li-able); symbols with MAP_SYM. */
.macro MAP va, pa, flags, level
  li a0, \va
  li a1, \pa
  li a2, \flags
  li a3, \level
  call pg_map
.endm

/* MAP with the physical address of a symbol (plus offset) */
.macro MAP_SYM va, sym, flags, level
  li a0, \va
  la a1, \sym
  li a2, \flags
  li a3, \level
  call pg_map
.endm

/* MAP with a raw PTE value (no PPN computation) */
.macro MAP_RAW va, pte, level
  li a0, \va
  li a1, \pte
  li a3, \level
  call pg_set_pte
.endm

#endif /* __ASSEMBLER__ */
#endif /* SV39_PG_H */
