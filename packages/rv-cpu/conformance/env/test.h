/*
 * rv-cpu conformance test environment: macros and constants.
 *
 * Register conventions (see README.md):
 *   gp (x3)  current check number; the failure routine reports it.
 *   tp (x4)  trap resume target. 0 = any trap is unexpected (the test fails
 *            with the current check number); 1 = "skip": the handler steps
 *            over the trapping instruction and returns to the trapping mode;
 *            anything else = the handler records the trap and jumps there
 *            (in the mode that handled the trap: M, or S if delegated).
 *   t5, t6   scratch for the environment (check macros and trap handlers
 *            clobber them); tests must not keep live values there.
 * Numeric local labels 8: and 9: are not used by the macros, all others
 * are free for tests. Macros generate unique labels with \@.
 */
#ifndef RV_CONFORMANCE_TEST_H
#define RV_CONFORMANCE_TEST_H

/* ---- CSR numbers (from the privileged spec) ---- */
#define CSR_FFLAGS     0x001
#define CSR_FRM        0x002
#define CSR_FCSR       0x003
#define CSR_CYCLE      0xC00
#define CSR_TIME       0xC01
#define CSR_INSTRET    0xC02
#define CSR_SSTATUS    0x100
#define CSR_SIE        0x104
#define CSR_STVEC      0x105
#define CSR_SCOUNTEREN 0x106
#define CSR_SENVCFG    0x10A
#define CSR_SSCRATCH   0x140
#define CSR_SEPC       0x141
#define CSR_SCAUSE     0x142
#define CSR_STVAL      0x143
#define CSR_SIP        0x144
#define CSR_STIMECMP   0x14D
#define CSR_SATP       0x180
#define CSR_MVENDORID  0xF11
#define CSR_MARCHID    0xF12
#define CSR_MIMPID     0xF13
#define CSR_MHARTID    0xF14
#define CSR_MCONFIGPTR 0xF15
#define CSR_MSTATUS    0x300
#define CSR_MISA       0x301
#define CSR_MEDELEG    0x302
#define CSR_MIDELEG    0x303
#define CSR_MIE        0x304
#define CSR_MTVEC      0x305
#define CSR_MCOUNTEREN 0x306
#define CSR_MENVCFG    0x30A
#define CSR_MSCRATCH   0x340
#define CSR_MEPC       0x341
#define CSR_MCAUSE     0x342
#define CSR_MTVAL      0x343
#define CSR_MIP        0x344
#define CSR_PMPCFG0    0x3A0
#define CSR_PMPADDR0   0x3B0
#define CSR_MCYCLE     0xB00
#define CSR_MINSTRET   0xB02

/* ---- mstatus / sstatus fields ---- */
#define MSTATUS_SIE   (1 << 1)
#define MSTATUS_MIE   (1 << 3)
#define MSTATUS_SPIE  (1 << 5)
#define MSTATUS_UBE   (1 << 6)
#define MSTATUS_MPIE  (1 << 7)
#define MSTATUS_SPP   (1 << 8)
#define MSTATUS_MPP   (3 << 11)
#define MSTATUS_MPP_S (1 << 11)
#define MSTATUS_MPP_M (3 << 11)
#define MSTATUS_FS    (3 << 13)
#define FS_OFF        (0 << 13)
#define FS_INITIAL    (1 << 13)
#define FS_CLEAN      (2 << 13)
#define FS_DIRTY      (3 << 13)
#define MSTATUS_XS    (3 << 15)
#define MSTATUS_MPRV  (1 << 17)
#define MSTATUS_SUM   (1 << 18)
#define MSTATUS_MXR   (1 << 19)
#define MSTATUS_TVM   (1 << 20)
#define MSTATUS_TW    (1 << 21)
#define MSTATUS_TSR   (1 << 22)
#define MSTATUS_UXL   (3 << 32)
#define MSTATUS_SXL   (3 << 34)
#define MSTATUS_SD    (1 << 63)

/* ---- fflags bits and rounding modes (frm values) ---- */
#define FF_NV 0x10
#define FF_DZ 0x08
#define FF_OF 0x04
#define FF_UF 0x02
#define FF_NX 0x01
#define RM_RNE 0
#define RM_RTZ 1
#define RM_RDN 2
#define RM_RUP 3
#define RM_RMM 4
/* upper half of a NaN-boxed single in a 64-bit f register */
#define BOX 0xffffffff00000000

/* ---- interrupt bits (mip/mie/sip/sie/mideleg) ---- */
#define IRQ_SSI 1
#define IRQ_MSI 3
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9
#define IRQ_MEI 11
#define MIP_SSIP (1 << IRQ_SSI)
#define MIP_MSIP (1 << IRQ_MSI)
#define MIP_STIP (1 << IRQ_STI)
#define MIP_MTIP (1 << IRQ_MTI)
#define MIP_SEIP (1 << IRQ_SEI)
#define MIP_MEIP (1 << IRQ_MEI)
#define CAUSE_INTR (1 << 63)

/* ---- exception causes ---- */
#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS     1
#define CAUSE_ILLEGAL          2
#define CAUSE_BREAKPOINT       3
#define CAUSE_MISALIGNED_LOAD  4
#define CAUSE_LOAD_ACCESS      5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS     7
#define CAUSE_ECALL_U          8
#define CAUSE_ECALL_S          9
#define CAUSE_ECALL_M          11
#define CAUSE_FETCH_PAGE       12
#define CAUSE_LOAD_PAGE        13
#define CAUSE_STORE_PAGE       15

/* ---- machine devices (QEMU spike machine / our machine) ---- */
#define CLINT_BASE     0x02000000
#define CLINT_MSIP     (CLINT_BASE + 0x0)
#define CLINT_MTIMECMP (CLINT_BASE + 0x4000)
#define CLINT_MTIME    (CLINT_BASE + 0xBFF8)

/* ---- trap record written by the environment's handlers ---- */
#define TI_CAUSE  0
#define TI_EPC    8
#define TI_TVAL   16
#define TI_STATUS 24   /* mstatus (or sstatus) as seen inside the handler */
#define TI_COUNT  32   /* number of traps taken so far */
#define TI_MODE   40   /* 3 = handled in M-mode, 1 = handled in S-mode */

#ifdef __ASSEMBLER__

/* ------------------------------------------------------------------ */
/* Test structure                                                      */
/* ------------------------------------------------------------------ */

/* Start of the test body. Runs in M-mode, all traps unexpected. */
.macro TEST_BEGIN
  .option norvc
  .option norelax
  .text
  .align 2
  .globl test_main
test_main:
.endm

.macro TEST_PASS
  j env_pass
.endm

.macro TEST_FAIL
  j env_fail
.endm

/* Start of the test's data area. */
.macro TEST_DATA
  .data
  .align 4
.endm

/* Set the check number (1..250; 0 is reserved: "failed before check 1"). */
.macro SET_CHECK n
  .if (\n < 1) || (\n > 250)
  .error "check numbers must be in 1..250"
  .endif
  li gp, \n
.endm

/* Check n: register reg must hold the 64-bit value val. reg != t6. */
.macro CHECK n, reg, val
  SET_CHECK \n
  li t6, \val
  beq \reg, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: reg must NOT hold val. */
.macro CHECK_NE n, reg, val
  SET_CHECK \n
  li t6, \val
  bne \reg, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: two registers must be equal (neither may be t6). */
.macro CHECK_EQ n, ra, rb
  SET_CHECK \n
  beq \ra, \rb, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: (reg & mask) == val. reg is not modified. */
.macro CHECK_MASK n, reg, mask, val
  SET_CHECK \n
  li t6, \mask
  and t6, t6, \reg
  li t5, \val
  beq t5, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: reg holds either va or vb. */
.macro CHECK_ONE_OF n, reg, va, vb
  SET_CHECK \n
  li t6, \va
  beq \reg, t6, .Lok\@
  li t6, \vb
  beq \reg, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Fail unconditionally at check n. */
.macro FAIL_AT n
  SET_CHECK \n
  j env_fail
.endm

/* ------------------------------------------------------------------ */
/* Arithmetic helpers                                                  */
/* ------------------------------------------------------------------ */

/* reg-reg op: a0 = op(a, b) */
.macro T_RR n, op, exp, a, b
  li a1, \a
  li a2, \b
  \op a0, a1, a2
  CHECK \n, a0, \exp
.endm

/* reg-reg op with rd == rs1 */
.macro T_RR_D1 n, op, exp, a, b
  li a1, \a
  li a2, \b
  \op a1, a1, a2
  CHECK \n, a1, \exp
.endm

/* reg-reg op with rd == rs2 */
.macro T_RR_D2 n, op, exp, a, b
  li a1, \a
  li a2, \b
  \op a2, a1, a2
  CHECK \n, a2, \exp
.endm

/* reg-reg op with rs1 == rs2 == rd */
.macro T_RR_SAME n, op, exp, a
  li a1, \a
  \op a1, a1, a1
  CHECK \n, a1, \exp
.endm

/* reg-reg op writing x0: x0 must stay zero */
.macro T_RR_X0 n, op, a, b
  li a1, \a
  li a2, \b
  \op x0, a1, a2
  CHECK \n, x0, 0
.endm

/* reg-imm op: a0 = op(a, imm) */
.macro T_RI n, op, exp, a, imm
  li a1, \a
  \op a0, a1, \imm
  CHECK \n, a0, \exp
.endm

/* reg-imm op with rd == rs1 */
.macro T_RI_D1 n, op, exp, a, imm
  li a1, \a
  \op a1, a1, \imm
  CHECK \n, a1, \exp
.endm

/* ------------------------------------------------------------------ */
/* Floating-point helpers. Operands and results are bit patterns: a     */
/* 64-bit f register is written with fmv.d.x and read with fmv.x.d, so  */
/* a single-precision value is checked together with its NaN box.      */
/* Inputs go to fa1, fa2, fa3 (and a1 for integer sources); the        */
/* instruction under test writes fa0 (or a0). fflags is cleared first  */
/* and must afterwards hold exactly `flags`. Clobbers a0-a2.           */
/* ------------------------------------------------------------------ */

.macro FP_SET3 a, b, c
  li a1, \a
  fmv.d.x fa1, a1
  li a1, \b
  fmv.d.x fa2, a1
  li a1, \c
  fmv.d.x fa3, a1
  csrw fflags, zero
.endm

.macro FP_FLAGS n, flags
  csrrw a2, fflags, zero
  CHECK \n, a2, \flags
.endm

/* Check n: f -> f, 64-bit patterns (no boxing added). */
.macro TFF n, exp, flags, a, b, c, insn:vararg
  FP_SET3 \a, \b, \c
  \insn
  fmv.x.d a0, fa0
  CHECK \n, a0, \exp
  FP_FLAGS \n, \flags
.endm

/* Check n: single f -> f; inputs and the result are 32-bit patterns,
 * boxed here (the result must be boxed too). */
.macro TSS n, exp, flags, a, b, c, insn:vararg
  TFF \n, (BOX | (\exp)), \flags, (BOX | (\a)), (BOX | (\b)), (BOX | (\c)), \insn
.endm

/* Check n: f -> x (a0), 64-bit input patterns. */
.macro TFX n, exp, flags, a, b, insn:vararg
  FP_SET3 \a, \b, 0
  \insn
  CHECK \n, a0, \exp
  FP_FLAGS \n, \flags
.endm

/* Check n: single f -> x, 32-bit input patterns boxed here. */
.macro TSX n, exp, flags, a, b, insn:vararg
  TFX \n, \exp, \flags, (BOX | (\a)), (BOX | (\b)), \insn
.endm

/* Check n: x (a1) -> f, 64-bit result pattern. */
.macro TXF n, exp, flags, x, insn:vararg
  li a1, \x
  csrw fflags, zero
  \insn
  fmv.x.d a0, fa0
  CHECK \n, a0, \exp
  FP_FLAGS \n, \flags
.endm

/* Check n: x (a1) -> single f, 32-bit result pattern (must be boxed). */
.macro TXS n, exp, flags, x, insn:vararg
  TXF \n, (BOX | (\exp)), \flags, \x, \insn
.endm

/* frm = mode (clobbers t6) */
.macro SET_FRM mode
  li t6, \mode
  csrw frm, t6
.endm

/* ------------------------------------------------------------------ */
/* Privilege changes                                                   */
/* ------------------------------------------------------------------ */

/* From M-mode: continue at the next instruction in U-mode. */
.macro GOTO_U
  li t6, MSTATUS_MPP
  csrc mstatus, t6
  la t6, .Lu\@
  csrw mepc, t6
  mret
.Lu\@:
.endm

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

/* From any mode: back to M-mode via ecall (ecall must not be delegated).
 * Clobbers the trap record. */
.macro GOTO_M
  la tp, .Lm\@
  ecall
.Lm\@:
  li tp, 0
.endm

/* ------------------------------------------------------------------ */
/* Traps                                                               */
/* ------------------------------------------------------------------ */

/* Clear the trap record (count included). Clobbers t6. */
.macro CLEAR_TRAP
  la t6, env_trap_info
  sd zero, TI_CAUSE(t6)
  sd zero, TI_EPC(t6)
  sd zero, TI_TVAL(t6)
  sd zero, TI_STATUS(t6)
  sd zero, TI_COUNT(t6)
  sd zero, TI_MODE(t6)
.endm

/* Load field off of the trap record into reg. */
.macro TRAP_FIELD reg, off
  la \reg, env_trap_info
  ld \reg, \off(\reg)
.endm

/* Check n: the instruction sequence insn (rest of the line, may contain
 * commas; ';' separates several instructions) traps with cause `cause`.
 * Execution then continues after the macro, in the mode that handled
 * the trap (M unless delegated). The trap record holds the details. */
.macro EXPECT_TRAP n, cause, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lcaught\@
.Ltrapinsn\@:
  \insn
  j env_fail
.Lcaught\@:
  li tp, 0
  TRAP_FIELD t5, TI_CAUSE
  CHECK \n, t5, \cause
.endm

/* Check n: the last trap's xepc is the address of symbol/label `where`. */
.macro CHECK_TRAP_EPC n, where
  SET_CHECK \n
  TRAP_FIELD t5, TI_EPC
  la t6, \where
  beq t5, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: the last trap's xtval equals val. */
.macro CHECK_TRAP_TVAL n, val
  TRAP_FIELD t5, TI_TVAL
  CHECK \n, t5, \val
.endm

/* Check n: the last trap's xtval equals the address of `sym`. */
.macro CHECK_TRAP_TVAL_ADDR n, sym
  SET_CHECK \n
  TRAP_FIELD t5, TI_TVAL
  la t6, \sym
  beq t5, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: the last trap's xtval holds the bits of the instruction at the
 * trapping pc (xepc), read from memory (16 bits if compressed, else 32). */
.macro CHECK_TRAP_TVAL_INSN n
  SET_CHECK \n
  jal t5, env_insn_at_epc        /* t6 = instruction bits at epc */
  TRAP_FIELD t5, TI_TVAL
  beq t5, t6, .Lok\@
  j env_fail
.Lok\@:
.endm

/* Check n: the last trap was handled in mode m (3 = M, 1 = S). */
.macro CHECK_TRAP_MODE n, m
  TRAP_FIELD t5, TI_MODE
  CHECK \n, t5, \m
.endm

/* Check n: exactly `cnt` traps were taken since CLEAR_TRAP. */
.macro CHECK_TRAP_COUNT n, cnt
  TRAP_FIELD t5, TI_COUNT
  CHECK \n, t5, \cnt
.endm

/* Check n: no trap since the last CLEAR_TRAP. */
.macro CHECK_NO_TRAP n
  CHECK_TRAP_COUNT \n, 0
.endm


/* ------------------------------------------------------------------ */
/* Branch helpers                                                      */
/* ------------------------------------------------------------------ */

/* Check n: branch op on (a, b) is taken (forward). */
.macro T_BR_TAKEN n, op, a, b
  SET_CHECK \n
  li a1, \a
  li a2, \b
  \op a1, a2, .Ltk\@
  j env_fail
.Ltk\@:
.endm

/* Check n: branch op on (a, b) is not taken (forward and backward). */
.macro T_BR_NOT n, op, a, b
  SET_CHECK \n
  li a1, \a
  li a2, \b
  j .Lnt2\@
.Lnt1\@:
  j env_fail
.Lnt2\@:
  \op a1, a2, .Lnt1\@
  \op a1, a2, .Lnt3\@
  j .Lnt4\@
.Lnt3\@:
  j env_fail
.Lnt4\@:
.endm

/* Check n: branch op on (a, b) is taken backward. */
.macro T_BR_BACK n, op, a, b
  SET_CHECK \n
  li a1, \a
  li a2, \b
  j .Lbk2\@
.Lbk1\@:
  j .Lbk3\@
.Lbk2\@:
  \op a1, a2, .Lbk1\@
  j env_fail
.Lbk3\@:
.endm

/* ------------------------------------------------------------------ */
/* Load / store helpers                                                */
/* ------------------------------------------------------------------ */

/* Check n: op a0, off(sym - off) loads exp (base register a1). */
.macro T_LOAD n, op, exp, sym, off
  la a1, \sym
  li t6, \off
  sub a1, a1, t6
  \op a0, \off(a1)
  CHECK \n, a0, \exp
.endm

/* Check n: fill the dword at sym with 0x1111111111111111, store val
 * with op at sym + byteoff (through base sym + byteoff - off, offset off),
 * then the dword at sym must read exp. */
.macro T_STORE n, op, val, sym, byteoff, off, exp
  la a1, \sym
  li a2, 0x1111111111111111
  sd a2, 0(a1)
  sd a2, 8(a1)
  sd a2, -8(a1)
  li t6, (\byteoff) - (\off)
  add a1, a1, t6
  li a2, \val
  \op a2, \off(a1)
  la a1, \sym
  ld a0, 0(a1)
  CHECK \n, a0, \exp
.endm


/* ------------------------------------------------------------------ */
/* AMO helpers: operate on symbol amo_buf (8-byte aligned, 16 bytes)    */
/* ------------------------------------------------------------------ */

/* Checks n and n+1: word at amo_buf = init, guard word after it;
 * op a0, src, (amo_buf) must return rd_exp (sign-extended old value) and
 * leave mem_exp (zero-extended 32-bit) in memory, guard untouched. */
.macro T_AMO_W n, op, init, src, rd_exp, mem_exp
  la a1, amo_buf
  li a2, \init
  sw a2, 0(a1)
  li a2, 0x5a5aa5a5
  sw a2, 4(a1)
  li a2, \src
  \op a0, a2, (a1)
  CHECK \n, a0, \rd_exp
  lwu a0, 0(a1)
  CHECK (\n + 1), a0, \mem_exp
  lwu a0, 4(a1)
  CHECK (\n + 1), a0, 0x5a5aa5a5
.endm

/* Checks n and n+1: the same for a doubleword AMO (guard dword after). */
.macro T_AMO_D n, op, init, src, rd_exp, mem_exp
  la a1, amo_buf
  li a2, \init
  sd a2, 0(a1)
  li a2, 0x5a5aa5a55a5aa5a5
  sd a2, 8(a1)
  li a2, \src
  \op a0, a2, (a1)
  CHECK \n, a0, \rd_exp
  ld a0, 0(a1)
  CHECK (\n + 1), a0, \mem_exp
  ld a0, 8(a1)
  CHECK (\n + 1), a0, 0x5a5aa5a55a5aa5a5
.endm

/* Check n: op with rd = x0 still updates memory (doubleword). */
.macro T_AMO_D_X0 n, op, init, src, mem_exp
  la a1, amo_buf
  li a2, \init
  sd a2, 0(a1)
  li a2, \src
  \op x0, a2, (a1)
  CHECK \n, x0, 0
  ld a0, 0(a1)
  CHECK \n, a0, \mem_exp
.endm

/* Check n: rd == rs2 (doubleword): rd gets the old value, memory the op
 * of old value and the original rs2. */
.macro T_AMO_D_SAME n, op, init, src, mem_exp
  la a1, amo_buf
  li a2, \init
  sd a2, 0(a1)
  li a2, \src
  \op a2, a2, (a1)
  CHECK \n, a2, \init
  ld a0, 0(a1)
  CHECK \n, a0, \mem_exp
.endm


/* ------------------------------------------------------------------ */
/* Interrupt helpers                                                   */
/* ------------------------------------------------------------------ */

/* Check n: spinning `iters` iterations takes no trap. Clobbers a7. */
.macro SPIN_NO_TRAP n, iters
  CLEAR_TRAP
  SET_CHECK \n
  li a7, \iters
.Lspin\@:
  addi a7, a7, -1
  bnez a7, .Lspin\@
  CHECK_NO_TRAP \n
.endm

/* Check n: arm the trap record (tp), execute `insn` (one instruction that
 * makes an interrupt takeable, or nop), then idle (`idle` = nop or wfi)
 * for up to `iters` iterations; a trap must arrive, after which execution
 * continues after the macro in the handling mode. Clobbers a7. */
.macro EXPECT_IRQ n, iters, idle, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la tp, .Lgot\@
  li a7, \iters
  \insn
.Lwait\@:
  \idle
  addi a7, a7, -1
  bnez a7, .Lwait\@
  j env_fail
.Lgot\@:
  li tp, 0
.endm

/* CLINT helpers (clobber t6 and the named register) */
.macro MSIP_SET reg, val
  li \reg, CLINT_MSIP
  li t6, \val
  sw t6, 0(\reg)
.endm

.macro MTIMECMP_NEVER reg
  li \reg, CLINT_MTIMECMP
  li t6, -1
  sd t6, 0(\reg)
.endm

/* mtimecmp = mtime + delta (delta small, positive) */
.macro MTIMECMP_IN reg, delta
  li \reg, CLINT_MTIME
  ld t6, 0(\reg)
  addi t6, t6, \delta
  li \reg, CLINT_MTIMECMP
  sd t6, 0(\reg)
.endm

#endif /* __ASSEMBLER__ */
#endif /* RV_CONFORMANCE_TEST_H */
