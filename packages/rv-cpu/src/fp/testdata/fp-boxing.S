# Built like fp-smoke.S.
  .text
  .globl _start
_start:
  li t0, 0x2000        # FS = Initial
  csrs mstatus, t0
  li a1, 0x3f800000    # 1.0f
  fmv.w.x f1, a1       # boxed
  fmv.d.x f2, a1       # NOT boxed: upper bits zero
  fadd.s f3, f1, f2    # f2 reads as canonical NaN -> f3 = canonical NaN (boxed)
  fmv.x.d a2, f3
  csrr a3, mstatus     # FS dirty, SD set
  li t1, 2
  fsrm t1              # frm = RDN
  li a4, -7
  fcvt.s.w f4, a4      # exact
  li a5, 0x7fffffff
  fcvt.s.w f5, a5      # inexact; RDN -> 2147483520.0f (0x4effffff)
  fmv.x.w a6, f5
  fcvt.wu.s a7, f4     # negative -> 0, NV
  frflags s2
  csrwi frm, 5         # invalid dynamic rounding mode
  fadd.s f6, f1, f1    # illegal (dyn with frm = 5)
  j .
