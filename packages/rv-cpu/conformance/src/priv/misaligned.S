/* Misaligned data accesses: the hart either performs them (then the
 * value must be right) or raises address-misaligned (load 4, store/AMO 6)
 * with mtval = the address; both are allowed. Misaligned LR must trap
 * (misaligned or access fault). Misaligned jumps cannot trap with C:
 * jalr clears bit 0, 2-byte aligned targets are fine. */
#include "test.h"

/* Check n: load op from data+off; either value exp, or trap 4 with tval. */
.macro T_MIS_LOAD n, op, off, exp
  CLEAR_TRAP
  SET_CHECK \n
  la a1, data
  addi a1, a1, \off
  li a0, 0
  la tp, .Lr\@
  \op a0, 0(a1)
.Lr\@:
  li tp, 0
  TRAP_FIELD t5, TI_COUNT
  beqz t5, .Lnotrap\@
  TRAP_FIELD t5, TI_CAUSE
  CHECK \n, t5, CAUSE_MISALIGNED_LOAD
  TRAP_FIELD t5, TI_TVAL
  CHECK_EQ \n, t5, a1
  j .Ldone\@
.Lnotrap\@:
  CHECK \n, a0, \exp
.Ldone\@:
.endm

/* Check n: store op of val at buf+off; either the dword at buf+dw holds
 * exp, or trap 6 with tval = address. */
.macro T_MIS_STORE n, op, off, val, dw, exp
  CLEAR_TRAP
  SET_CHECK \n
  la a1, buf
  sd zero, 0(a1)
  sd zero, 8(a1)
  addi a1, a1, \off
  li a2, \val
  la tp, .Lr\@
  \op a2, 0(a1)
.Lr\@:
  li tp, 0
  TRAP_FIELD t5, TI_COUNT
  beqz t5, .Lnotrap\@
  TRAP_FIELD t5, TI_CAUSE
  CHECK \n, t5, CAUSE_MISALIGNED_STORE
  TRAP_FIELD t5, TI_TVAL
  CHECK_EQ \n, t5, a1
  j .Ldone\@
.Lnotrap\@:
  la a1, buf
  ld a0, \dw(a1)
  CHECK \n, a0, \exp
.Ldone\@:
.endm

/* Check n: atomic op (LR/SC/AMO) at a misaligned address must trap with
 * cause c1 or c2 and tval = address. */
.macro T_MIS_AMO n, off, c1, c2, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la a1, buf
  addi a1, a1, \off
  la tp, .Lr\@
  \insn
  j env_fail
.Lr\@:
  li tp, 0
  TRAP_FIELD t5, TI_CAUSE
  CHECK_ONE_OF \n, t5, \c1, \c2
  TRAP_FIELD t5, TI_TVAL
  CHECK_EQ \n, t5, a1
.endm

TEST_BEGIN
  /* data bytes: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff */
  T_MIS_LOAD 1, lh, 1, 0x2211
  T_MIS_LOAD 2, lh, 7, 0xffffffffffff8877
  T_MIS_LOAD 3, lhu, 7, 0x8877
  T_MIS_LOAD 4, lw, 1, 0x44332211
  T_MIS_LOAD 5, lw, 6, 0xffffffff99887766
  T_MIS_LOAD 6, lwu, 6, 0x99887766
  T_MIS_LOAD 7, lw, 2, 0x55443322
  T_MIS_LOAD 8, ld, 1, 0x8877665544332211
  T_MIS_LOAD 9, ld, 4, 0xbbaa998877665544
  T_MIS_LOAD 10, ld, 7, 0xeeddccbbaa998877
  T_MIS_STORE 11, sh, 1, 0xbeef, 0, 0x0000000000beef00
  T_MIS_STORE 12, sh, 7, 0xbeef, 0, 0xef00000000000000
  T_MIS_STORE 13, sw, 2, 0x12345678, 0, 0x0000123456780000
  T_MIS_STORE 14, sw, 6, 0x12345678, 8, 0x0000000000001234
  T_MIS_STORE 15, sd, 4, 0x0123456789abcdef, 0, 0x89abcdef00000000
  T_MIS_STORE 16, sd, 3, 0x0123456789abcdef, 8, 0x0000000000012345
  /* LR at a misaligned address traps: load address-misaligned or load
   * access fault (never performed without Zam). (Misaligned AMOs must
   * report cause 6 or 7: QEMU 7.2 reports 4, so that lives in
   * noqemu/amo_misaligned.S.) */
  T_MIS_AMO 17, 4, CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS, lr.d a0, (a1)
  T_MIS_AMO 18, 2, CAUSE_MISALIGNED_LOAD, CAUSE_LOAD_ACCESS, lr.w a0, (a1)
  /* SC at a misaligned address (no reservation): either fails without
   * writing (rd != 0) or traps with cause 6/7 */
  CLEAR_TRAP
  SET_CHECK 19
  la a1, buf
  li a2, -1
  sd a2, 0(a1)
  sd a2, 8(a1)
  addi a1, a1, 4
  li a0, 0
  la tp, 2f
  sc.d a0, x0, (a1)
2:
  li tp, 0
  TRAP_FIELD t5, TI_COUNT
  beqz t5, 3f
  TRAP_FIELD t5, TI_CAUSE
  CHECK_ONE_OF 19, t5, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS
  j 4f
3:
  CHECK_NE 19, a0, 0
4:
  la a1, buf
  ld a0, 0(a1)
  CHECK 20, a0, -1
  ld a0, 8(a1)
  CHECK 20, a0, -1
  /* jalr to an odd address lands on the even one, no trap */
  CLEAR_TRAP
  SET_CHECK 21
  la a1, 1f
  addi a1, a1, 1
  jalr ra, 0(a1)
  j env_fail
1:
  CHECK_NO_TRAP 22
  /* jump and branch to 2-byte aligned targets: no trap */
  SET_CHECK 23
  j 3f
  .align 2
  .hword 0x0001       /* c.nop so the next instruction is at pc % 4 == 2 */
3:
  beq x0, x0, 4f
  j env_fail
4:
  la a1, 3b
  andi a1, a1, 3
  CHECK 24, a1, 2
  la a1, 4b
  andi a1, a1, 3
  CHECK 25, a1, 2
  CHECK_NO_TRAP 26
  TEST_PASS
TEST_DATA
  .align 4
data: .dword 0x7766554433221100, 0xffeeddccbbaa9988
buf: .dword 0, 0, 0
