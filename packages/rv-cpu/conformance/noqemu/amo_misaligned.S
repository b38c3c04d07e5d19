/* NOQEMU (not run by check-qemu; QEMU 7.2 deviates from the spec): a misaligned AMO (no Zam) raises a
 * store/AMO address-misaligned (6) or store/AMO access fault (7) exception,
 * tval = the address, and memory is unchanged. QEMU 7.2 reports a load
 * address-misaligned exception (4) (fails at check 1). */
#include "test.h"

.macro T_AMO_MIS n, off, insn:vararg
  CLEAR_TRAP
  SET_CHECK \n
  la a1, buf
  li a2, 0x1111111111111111
  sd a2, 0(a1)
  sd a2, 8(a1)
  addi a1, a1, \off
  li a2, 5
  la tp, .Lr\@
  \insn
  j env_fail
.Lr\@:
  li tp, 0
  TRAP_FIELD t5, TI_CAUSE
  CHECK_ONE_OF \n, t5, CAUSE_MISALIGNED_STORE, CAUSE_STORE_ACCESS
  TRAP_FIELD t5, TI_TVAL
  CHECK_EQ \n, t5, a1
  la a1, buf
  ld a0, 0(a1)
  CHECK \n, a0, 0x1111111111111111
  ld a0, 8(a1)
  CHECK \n, a0, 0x1111111111111111
.endm

TEST_BEGIN
  T_AMO_MIS 1, 4, amoadd.d a0, a2, (a1)
  T_AMO_MIS 2, 2, amoswap.w a0, a2, (a1)
  T_AMO_MIS 3, 1, amoor.w a0, a2, (a1)
  T_AMO_MIS 4, 6, amomin.d a0, a2, (a1)
  T_AMO_MIS 5, 3, amomaxu.w a0, a2, (a1)
  TEST_PASS
TEST_DATA
  .align 4
buf: .dword 0, 0, 0
