/* Sv39 basics (used by xv6): with satp = Sv39, S-mode accesses are
 * translated; gigapage leaves; load/store/instruction page faults (13/15/12)
 * with stval/mtval = the virtual address; U pages and SUM; MXR; sfence.vma
 * after a PTE change; non-canonical addresses fault; M-mode is not
 * translated unless MPRV=1 with MPP=S. All leaves have A and D set, so no
 * A/D update behaviour is involved.
 *
 * Root table: entry 2 maps VA 0x8000_0000 (1 GiB) to PA 0x8000_0000, RWX
 * (identity, for the code, data and tohost); entry 1 maps the alias
 * VA 0x4000_0000 to the same PA with per-check permissions; entry 0 is
 * invalid. */
#include "test.h"
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80
#define PPN_80000000 (0x80000 << 10)
#define ALIAS_OFF 0x40000000   /* PA - VA of the alias */

/* root[1] = alias leaf with the given flags, then sfence.vma (M-mode) */
.macro SET_ALIAS flags
  la t6, pt_root
  li t5, PPN_80000000 | PTE_A | PTE_D | (\flags)
  sd t5, 8(t6)
  sfence.vma
.endm

TEST_BEGIN
  /* identity gigapage */
  la a1, pt_root
  li a2, PPN_80000000 | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
  sd a2, 16(a1)
  sd zero, 0(a1)
  SET_ALIAS PTE_V | PTE_R | PTE_W
  la a1, pt_root
  srli a1, a1, 12
  li a2, (8 << 60)
  or a1, a1, a2
  csrw satp, a1
  sfence.vma
  /* M-mode is not translated: a PA load still works */
  la a1, value
  ld a0, 0(a1)
  CHECK 1, a0, 0x1122334455667788
  /* S-mode: identity-mapped code runs; load through the alias */
  GOTO_S
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2               /* a3 = alias VA of value */
  ld a0, 0(a3)
  CHECK 2, a0, 0x1122334455667788
  /* store through the alias is visible at the PA */
  li a0, 0x55aa
  sd a0, 8(a3)
  ld a0, 8(a1)
  CHECK 3, a0, 0x55aa
  GOTO_M
  /* read-only alias: store page fault, tval = VA */
  SET_ALIAS PTE_V | PTE_R
  GOTO_S
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2
  EXPECT_TRAP 4, CAUSE_STORE_PAGE, sd a0, 0(a3)
  SET_CHECK 5
  TRAP_FIELD a0, TI_TVAL
  CHECK_EQ 5, a0, a3
  /* loads still work */
  GOTO_S
  ld a0, 0(a3)
  CHECK 6, a0, 0x1122334455667788
  /* AMO on a read-only page: store/AMO page fault */
  EXPECT_TRAP 7, CAUSE_STORE_PAGE, amoadd.d a0, a0, (a3)
  /* no-execute alias: instruction page fault at the alias VA of code */
  GOTO_S
  la a1, 1f
  li a2, ALIAS_OFF
  sub a3, a1, a2
  CLEAR_TRAP
  SET_CHECK 8
  la tp, 2f
  jalr ra, 0(a3)
  j env_fail
1:
  j env_fail
2:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 8, a0, CAUSE_FETCH_PAGE
  TRAP_FIELD a0, TI_TVAL
  CHECK_EQ 9, a0, a3
  TRAP_FIELD a0, TI_EPC
  CHECK_EQ 10, a0, a3
  /* executable alias: the same jump works (then jump back to identity) */
  SET_ALIAS PTE_V | PTE_R | PTE_X
  GOTO_S
  la a1, 3f
  li a2, ALIAS_OFF
  sub a3, a1, a2
  li a0, 0
  jalr ra, 0(a3)
  CHECK 11, a0, 11
  j 4f
3:
  li a0, 11
  ret
4:
  /* invalid entry (VA 0x0000_1000): load page fault */
  li a3, 0x1000
  EXPECT_TRAP 12, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  CHECK_TRAP_TVAL 13, 0x1000
  /* non-canonical VA (bit 38 set, bits 63:39 clear): page fault */
  GOTO_S
  li a3, 0x0000004080000000
  EXPECT_TRAP 14, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  /* execute-only alias: loads fault unless MXR=1 */
  SET_ALIAS PTE_V | PTE_X
  GOTO_S
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2
  EXPECT_TRAP 15, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  li a1, MSTATUS_MXR
  csrs mstatus, a1
  GOTO_S
  ld a0, 0(a3)
  CHECK 16, a0, 0x1122334455667788
  GOTO_M
  li a1, MSTATUS_MXR
  csrc mstatus, a1
  /* user page: S access faults unless SUM=1; U access works */
  SET_ALIAS PTE_V | PTE_R | PTE_W | PTE_U
  GOTO_S
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2
  EXPECT_TRAP 17, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  li a1, MSTATUS_SUM
  csrs mstatus, a1
  GOTO_S
  ld a0, 0(a3)
  CHECK 18, a0, 0x1122334455667788
  GOTO_M
  li a1, MSTATUS_SUM
  csrc mstatus, a1
  /* U-mode cannot touch a non-U page (its code is on the identity page,
   * which is not U, so the fetch itself faults) */
  CLEAR_TRAP
  SET_CHECK 19
  la tp, 2f
  GOTO_U
  j env_fail
2:
  li tp, 0
  TRAP_FIELD a0, TI_CAUSE
  CHECK 19, a0, CAUSE_FETCH_PAGE
  TRAP_FIELD a0, TI_STATUS
  CHECK_MASK 20, a0, MSTATUS_MPP, 0
  /* sfence.vma makes a PTE change visible: invalidate the alias in
   * S-mode (through the identity map), fence, and the load faults */
  SET_ALIAS PTE_V | PTE_R | PTE_W
  GOTO_S
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2
  ld a0, 0(a3)
  la a4, pt_root
  sd zero, 8(a4)
  sfence.vma
  EXPECT_TRAP 21, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  /* MPRV=1, MPP=S: M-mode loads are translated like S-mode ones */
  SET_ALIAS PTE_V | PTE_R
  la a1, value
  li a2, ALIAS_OFF
  sub a3, a1, a2
  li a1, MSTATUS_MPP
  csrc mstatus, a1
  li a1, MSTATUS_MPP_S | MSTATUS_MPRV
  csrs mstatus, a1
  ld a0, 0(a3)
  li a1, MSTATUS_MPRV
  csrc mstatus, a1
  CHECK 22, a0, 0x1122334455667788
  /* delegated page faults go to S with stval = VA */
  li a1, (1 << CAUSE_LOAD_PAGE)
  csrw medeleg, a1
  GOTO_S
  li a3, 0x2000
  EXPECT_TRAP 23, CAUSE_LOAD_PAGE, ld a0, 0(a3)
  CHECK_TRAP_MODE 24, 1
  CHECK_TRAP_TVAL 25, 0x2000
  GOTO_M
  csrw medeleg, zero
  csrw satp, zero
  sfence.vma
  TEST_PASS

TEST_DATA
  .align 12
pt_root:
  .fill 512, 8, 0
  .align 4
value:
  .dword 0x1122334455667788, 0
