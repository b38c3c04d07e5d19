/*
 * U-bit rules under Sv39: S-mode reaches U pages only with SUM = 1, and
 * never executes them; U-mode never reaches S pages (SUM or not); U-mode
 * fetches need U and X; MXR makes X-only pages readable in both modes.
 * U-mode code is the snippet page (pg.h) mapped U|R|X at 0x10000.
 */
#include "pg.h"

#define P1 (pg_test_pages + 0x1000)
#define P2 (pg_test_pages + 0x2000)
#define VA_UCODE   0x10000    /* U|R|X  snippets */
#define VA_UDATA   0x20000    /* U|R|W  P1 */
#define VA_URO     0x21000    /* U|R    P1 */
#define VA_UX      0x22000    /* U|X    snippets */
#define VA_URCODE  0x23000    /* U|R    snippets (not executable) */
#define VA_SDATA   0x30000    /* R|W    P2 (not U) */
#define VA_SCODE   0x31000    /* R|X    snippets (not U) */

.macro MAPR va, pa_sym, flags
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, PAGE_4K
  call pg_map
.endm

TEST_BEGIN
  la t0, P1
  li t1, 0x1111111111111111
  sd t1, 0(t0)
  la t0, P2
  li t1, 0x2222222222222222
  sd t1, 0(t0)
  GOTO_S
  MAPR VA_UCODE, pg_snippets, PTE_V | PTE_U | PTE_R | PTE_X | PTE_A
  MAPR VA_UDATA, P1, PTE_V | PTE_U | PTE_R | PTE_W | PTE_AD
  MAPR VA_URO, P1, PTE_V | PTE_U | PTE_R | PTE_AD
  MAPR VA_UX, pg_snippets, PTE_V | PTE_U | PTE_X | PTE_A
  MAPR VA_URCODE, pg_snippets, PTE_V | PTE_U | PTE_R | PTE_A
  MAPR VA_SDATA, P2, PTE_V | PTE_R | PTE_W | PTE_AD
  MAPR VA_SCODE, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_A
  sfence.vma
  la t0, pg_snippets
  lwu s11, SNIP_INC(t0)         /* first word of the snippet page */
  ld s10, SNIP_INC(t0)          /* first dword of the snippet page */

  /* ---- S-mode on U pages ---- */
  /* 1-9: SUM = 0: load, store, fetch fault */
  li s0, VA_UDATA
  EXPECT_FAULT 1, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  EXPECT_FAULT 4, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  li s0, VA_UCODE
  EXPECT_FETCH_FAULT 7, CAUSE_FETCH_PAGE, s0, s0
  /* 10-14: SUM = 1: load and store work */
  SSTATUS_SET MSTATUS_SUM
  li s0, VA_UDATA
  EXPECT_OK 10, ld a0, 0(s0)
  CHECK 11, a0, 0x1111111111111111
  li a0, 0x1212
  EXPECT_OK 12, sd a0, 8(s0)
  li a0, 1
  addi s1, s0, 8
  EXPECT_OK 13, amoadd.d a1, a0, (s1)
  la t0, P1
  ld a0, 8(t0)
  CHECK 14, a0, 0x1213
  /* 15-17: SUM = 1 never allows S-mode to execute a U page */
  li s0, VA_UCODE
  EXPECT_FETCH_FAULT 15, CAUSE_FETCH_PAGE, s0, s0
  /* 18-20: SUM = 1 does not make a U|R page writable */
  li s0, VA_URO
  EXPECT_FAULT 18, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  /* 21-24: U|X page: SUM = 1 and MXR = 1 -> readable; MXR = 0 -> not */
  li s0, VA_UX
  SSTATUS_SET MSTATUS_MXR
  EXPECT_OK 21, lwu a0, 0(s0)
  CHECK_EQ 22, a0, s11
  SSTATUS_CLR MSTATUS_MXR
  EXPECT_FAULT 23, CAUSE_LOAD_PAGE, s0, lwu a0, 0(s0)
  /* 26-28: SUM = 0, MXR = 1: still no access to the U page */
  SSTATUS_CLR MSTATUS_SUM
  SSTATUS_SET MSTATUS_MXR
  EXPECT_FAULT 26, CAUSE_LOAD_PAGE, s0, lwu a0, 0(s0)
  SSTATUS_CLR MSTATUS_MXR
  CHECK_TRAP_MODE 29, 1

  /* ---- U-mode ---- */
  li s1, VA_UCODE + SNIP_ULOAD
  li s2, VA_UCODE + SNIP_USTORE
  li s3, VA_UCODE + SNIP_UAMO
  li s4, VA_UCODE + SNIP_UJUMP
  /* 30-31: U load from a U page */
  li a0, VA_UDATA
  li a1, 0
  RUN_U_EXPECT 30, CAUSE_ECALL_U, s1, x0
  CHECK 31, a1, 0x1111111111111111
  /* 32-33: U store to a U page */
  li a0, VA_UDATA + 16
  li a1, 0x3434
  RUN_U_EXPECT 32, CAUSE_ECALL_U, s2, x0
  la t0, P1
  ld a0, 16(t0)
  CHECK 33, a0, 0x3434
  /* 34-35: U AMO on a U page */
  li a0, VA_UDATA + 16
  li a1, 2
  RUN_U_EXPECT 34, CAUSE_ECALL_U, s3, x0
  CHECK 35, a2, 0x3434
  /* 36-37: U load from an S page: load page fault */
  li a0, VA_SDATA + 8
  mv s0, a0
  RUN_U_EXPECT 36, CAUSE_LOAD_PAGE, s1, s0
  /* 38-39: U store to an S page: store page fault */
  li a0, VA_SDATA + 8
  RUN_U_EXPECT 38, CAUSE_STORE_PAGE, s2, s0
  /* 40-41: U store to a U|R page: store page fault */
  li a0, VA_URO + 24
  mv s0, a0
  RUN_U_EXPECT 40, CAUSE_STORE_PAGE, s2, s0
  /* 42-43: U jump to an S code page: fetch page fault */
  li a0, VA_SCODE + SNIP_UECALL
  mv s0, a0
  RUN_U_EXPECT 42, CAUSE_FETCH_PAGE, s4, s0
  /* 44-45: U jump to a U page without X: fetch page fault */
  li a0, VA_URCODE + SNIP_UECALL
  mv s0, a0
  RUN_U_EXPECT 44, CAUSE_FETCH_PAGE, s4, s0
  /* 46: U jump to a U|X page (not R): runs (its ecall comes back) */
  li a0, VA_UX + SNIP_UECALL
  RUN_U_EXPECT 46, CAUSE_ECALL_U, s4, x0
  /* 47-49: sret straight into an S page: fetch fault at the target */
  li s0, VA_SCODE + SNIP_UECALL
  RUN_U_EXPECT 47, CAUSE_FETCH_PAGE, s0, s0
  TRAP_FIELD t5, TR_EPC
  CHECK_EQ 49, t5, s0
  /* 50-51: SUM = 1 gives U-mode nothing: S page load still faults */
  SSTATUS_SET MSTATUS_SUM
  li a0, VA_SDATA
  mv s0, a0
  RUN_U_EXPECT 50, CAUSE_LOAD_PAGE, s1, s0
  SSTATUS_CLR MSTATUS_SUM
  /* 52-54: MXR from U-mode: a U|X page is readable with MXR = 1 only */
  li a0, VA_UX
  mv s0, a0
  RUN_U_EXPECT 52, CAUSE_LOAD_PAGE, s1, s0
  SSTATUS_SET MSTATUS_MXR
  li a0, VA_UX
  li a1, 0
  RUN_U_EXPECT 54, CAUSE_ECALL_U, s1, x0
  CHECK_EQ 55, a1, s10
  /* 56-57: MXR does not make an S page readable from U */
  li a0, VA_SCODE
  mv s0, a0
  RUN_U_EXPECT 56, CAUSE_LOAD_PAGE, s1, s0
  SSTATUS_CLR MSTATUS_MXR
  /* 58: U-mode traps were taken in S-mode */
  CHECK_TRAP_MODE 58, 1
  TEST_PASS
