/*
 * A translation used once (and so possibly cached) is re-checked against
 * the current privilege, SUM, MXR and MPRV/MPP on every access: changing
 * the mode or those bits needs no sfence.vma. Also: a page first fetched
 * from and then stored to gets D; one first loaded then stored gets D.
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define VA_S     0x400000     /* R|W     P1 */
#define VA_U     0x401000     /* U|R|W   P2 */
#define VA_X     0x402000     /* X       snippets */
#define VA_SCODE 0x403000     /* R|X     snippets */
#define VA_UCODE 0x10000      /* U|R|X   snippets */
#define VA_RWX   0x404000     /* R|W|X, A = D = 0, a copy of the snippet */

.macro MAPR va, pa_sym, flags
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, PAGE_4K
  call pg_map
.endm

TEST_BEGIN
  /* P3 = the first 16 bytes of the snippet page (a0 += 1; ret) */
  la t0, pg_snippets
  la t1, P(3)
  ld t2, 0(t0)
  sd t2, 0(t1)
  ld t2, 8(t0)
  sd t2, 8(t1)
  fence.i
  MAPR VA_S, P(1), PTE_V | PTE_R | PTE_W | PTE_AD
  MAPR VA_U, P(2), PTE_V | PTE_U | PTE_R | PTE_W | PTE_AD
  MAPR VA_X, pg_snippets, PTE_V | PTE_X | PTE_A
  MAPR VA_SCODE, pg_snippets, PTE_V | PTE_R | PTE_X | PTE_A
  MAPR VA_UCODE, pg_snippets, PTE_V | PTE_U | PTE_R | PTE_X | PTE_A
  MAPR VA_RWX, P(3), PTE_V | PTE_R | PTE_W | PTE_X
  mv s9, a0
  sfence.vma
  li s5, VA_UCODE + SNIP_ULOAD
  li s6, VA_UCODE + SNIP_UJUMP
  li s7, VA_UCODE + SNIP_USTORE

  /* 1-2: MPRV: a load with MPP = S works; then MPP = U faults */
  li s0, VA_S
  MPRV_OK 1, MSTATUS_MPP_S, ld a0, 0(s0)
  MPRV_EXPECT_FAULT 2, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_U, ld a0, 0(s0)
  /* 5-6: MPRV: MPP = U store works on the U page; MPP = S store faults */
  li s0, VA_U
  MPRV_OK 5, MSTATUS_MPP_U, sd a0, 0(s0)
  MPRV_EXPECT_FAULT 6, CAUSE_STORE_PAGE, s0, MSTATUS_MPP_S, sd a0, 0(s0)

  GOTO_S
  /* 9-11: S loads the S page; U then faults on it */
  li s0, VA_S
  EXPECT_OK 9, ld a0, 0(s0)
  mv a0, s0
  RUN_U_EXPECT 10, CAUSE_LOAD_PAGE, s5, s0
  /* 12-14: U loads the U page; S (SUM = 0) then faults on it */
  li s0, VA_U
  mv a0, s0
  RUN_U_EXPECT 12, CAUSE_ECALL_U, s5, x0
  EXPECT_FAULT 13, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  /* 16-21: S with SUM = 1 loads and stores the U page; SUM cleared:
   * both fault */
  SSTATUS_SET MSTATUS_SUM
  EXPECT_OK 16, ld a0, 0(s0); sd a0, 8(s0)
  SSTATUS_CLR MSTATUS_SUM
  EXPECT_FAULT 17, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  addi s0, s0, 8
  EXPECT_FAULT 20, CAUSE_STORE_PAGE, s0, sd a0, 0(s0)
  /* 23-25: MXR = 1 loads the X page; MXR cleared: faults */
  li s0, VA_X
  SSTATUS_SET MSTATUS_MXR
  EXPECT_OK 23, ld a0, 0(s0)
  SSTATUS_CLR MSTATUS_MXR
  EXPECT_FAULT 24, CAUSE_LOAD_PAGE, s0, ld a0, 0(s0)
  /* 27-30: S runs code in the S code page; U then cannot */
  li s0, VA_SCODE
  li a0, 1
  EXPECT_OK 27, jalr ra, SNIP_INC(s0)
  mv a0, s0
  RUN_U_EXPECT 28, CAUSE_FETCH_PAGE, s6, s0
  /* 30-33: U runs code in the U code page (an ecall there); S cannot */
  li a0, VA_UCODE + SNIP_UECALL
  mv s0, a0
  RUN_U_EXPECT 30, CAUSE_ECALL_U, s6, x0
  SSTATUS_SET MSTATUS_SUM
  EXPECT_FETCH_FAULT 31, CAUSE_FETCH_PAGE, s0, s0
  SSTATUS_CLR MSTATUS_SUM
  /* 34-36: U stores to the U page; then a U store to the S page faults */
  li a0, VA_U + 16
  RUN_U_EXPECT 34, CAUSE_ECALL_U, s7, x0
  li a0, VA_S + 16
  mv s0, a0
  RUN_U_EXPECT 35, CAUSE_STORE_PAGE, s7, s0
  /* 37-40: RWX page, A = D = 0: a fetch sets A; a store then sets D */
  li s0, VA_RWX
  li a0, 1
  EXPECT_OK 37, jalr ra, SNIP_INC(s0)
  ld a0, 0(s9)
  CHECK_MASK 38, a0, PTE_A | PTE_D, PTE_A
  EXPECT_OK 39, sd a0, 0x7f8(s0)
  ld a0, 0(s9)
  CHECK_MASK 40, a0, PTE_A | PTE_D, PTE_A | PTE_D
  TEST_PASS
