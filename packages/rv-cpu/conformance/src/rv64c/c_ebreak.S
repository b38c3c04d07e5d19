/* c.ebreak: breakpoint exception, mepc = its address, the instruction at
 * mepc is the 16-bit 0x9002; mtval is the pc or 0 (both allowed). */
#include "test.h"
TEST_BEGIN
  .option rvc
  EXPECT_TRAP 1, CAUSE_BREAKPOINT, c.ebreak
  /* the trapping instruction is compressed */
  jal t5, env_insn_at_epc
  CHECK 2, t6, 0x9002
  TRAP_FIELD a0, TI_EPC
  TRAP_FIELD a1, TI_TVAL
  SET_CHECK 3
  beqz a1, 1f
  CHECK_EQ 3, a1, a0
1:
  /* returning past a c.ebreak with mepc + 2 continues correctly */
  li tp, 1
  li a0, 0
  c.ebreak
  addi a0, a0, 1
  li tp, 0
  CHECK 4, a0, 1
  TEST_PASS
