# Built with: riscv64-unknown-elf-gcc -march=rv64gc -mabi=lp64d -nostdlib -Wl,-N
#   -Wl,-Ttext=0x80000000 -Wl,--build-id=none -o fp-smoke.elf fp-smoke.S
  .text
  .globl _start
_start:
  li t0, 0x6000        # FS = Dirty
  csrs mstatus, t0
  la a0, data
  fld f1, 0(a0)        # 1.0
  fld f2, 8(a0)        # 3.0
  fdiv.d f3, f1, f2    # 1/3, NX
  fsd f3, 16(a0)
  frflags t1           # 1
  fcvt.w.d t2, f2      # 3
  fcvt.s.d f4, f3      # single 1/3
  fmv.x.w t3, f4
  fsqrt.d f5, f2
  fmadd.d f6, f1, f2, f1  # 4.0
  feq.d t4, f6, f6
  fclass.d t5, f6
  fld f8, 8(a0)        # compressible: c.fld
  j .
  .data
  .align 3
data:
  .double 1.0
  .double 3.0
  .dword 0
