/*
 * mstatus.MPRV in M-mode: loads and stores (not fetches) are translated
 * and checked as if in mode MPP, with SUM and MXR applying; faults are
 * taken in M-mode with mtval = the virtual address. MPP = M means no
 * translation. (mret/sret clearing MPRV: strict/xret_mprv.S.)
 */
#include "pg.h"

#define P1 (pg_test_pages + 0x1000)
#define P2 (pg_test_pages + 0x2000)
#define P3 (pg_test_pages + 0x3000)
#define VA_S   0x400000     /* R|W  P1 */
#define VA_U   0x401000     /* U|R|W P2 */
#define VA_SRO 0x402000     /* R    P1 */
#define VA_SX  0x403000     /* X    snippets */
#define VA_NONE 0x404000    /* not mapped */
#define VA_D   0x405000     /* R|W, A=1 D=0, P3 */

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
  MAPR VA_S, P1, PTE_V | PTE_R | PTE_W | PTE_AD
  MAPR VA_U, P2, PTE_V | PTE_U | PTE_R | PTE_W | PTE_AD
  MAPR VA_SRO, P1, PTE_V | PTE_R | PTE_AD
  MAPR VA_SX, pg_snippets, PTE_V | PTE_X | PTE_A
  MAPR VA_D, P3, PTE_V | PTE_R | PTE_W | PTE_A
  mv s9, a0                     /* address of VA_D's PTE */
  sfence.vma
  la t0, pg_snippets
  ld s11, 0(t0)

  /* ---- MPP = S ---- */
  li s0, VA_S
  MPRV_OK 1, MSTATUS_MPP_S, ld a0, 0(s0)
  CHECK 2, a0, 0x1111111111111111
  li a1, 0x3333
  MPRV_OK 3, MSTATUS_MPP_S, sd a1, 8(s0)
  la t0, P1
  ld a0, 8(t0)
  CHECK 4, a0, 0x3333
  li s0, VA_NONE + 0x20
  MPRV_EXPECT_FAULT 5, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  li s0, VA_SRO + 8
  MPRV_EXPECT_FAULT 8, CAUSE_STORE_PAGE, s0, MSTATUS_MPP_S, sd a0, 0(s0)
  /* 11-15: U page with MPP = S: needs SUM */
  li s0, VA_U
  MPRV_EXPECT_FAULT 11, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  MPRV_OK 14, MSTATUS_MPP_S, ld a0, 0(s0)
  CHECK 15, a0, 0x2222222222222222
  li t0, MSTATUS_SUM
  csrc mstatus, t0

  /* ---- MPP = U ---- */
  li s0, VA_U
  MPRV_OK 16, MSTATUS_MPP_U, ld a0, 0(s0)
  CHECK 17, a0, 0x2222222222222222
  li s0, VA_S
  MPRV_EXPECT_FAULT 18, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_U, ld a0, 0(s0)
  MPRV_EXPECT_FAULT 21, CAUSE_STORE_PAGE, s0, MSTATUS_MPP_U, sd a0, 0(s0)
  /* 24-26: SUM does not open S pages to U */
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  MPRV_EXPECT_FAULT 24, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_U, ld a0, 0(s0)
  li t0, MSTATUS_SUM
  csrc mstatus, t0

  /* ---- MXR with MPRV ---- */
  li s0, VA_SX
  MPRV_EXPECT_FAULT 27, CAUSE_LOAD_PAGE, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  MPRV_OK 30, MSTATUS_MPP_S, ld a0, 0(s0)
  CHECK_EQ 31, a0, s11
  li t0, MSTATUS_MXR
  csrc mstatus, t0

  /* ---- MPP = M: no translation ---- */
  /* 32-34: 0x400000 is then a physical address with no memory */
  li s0, VA_S
  MPRV_EXPECT_FAULT 32, CAUSE_LOAD_ACCESS, s0, MSTATUS_MPP_M, ld a0, 0(s0)
  la s0, P2
  MPRV_OK 35, MSTATUS_MPP_M, ld a0, 0(s0)
  CHECK 36, a0, 0x2222222222222222

  /* 37-38: fetches are not translated: M-mode code at 0x8000_0000 (not a
   * U page) keeps running with MPRV = 1, MPP = U */
  li a0, 0
  MPRV_OK 37, MSTATUS_MPP_U, addi a0, a0, 1; addi a0, a0, 1; addi a0, a0, 1
  CHECK 38, a0, 3

  /* 39-40: an AMO with MPRV, MPP = S */
  li s0, VA_S + 16
  li a1, 5
  MPRV_OK 39, MSTATUS_MPP_S, amoswap.d a2, a1, (s0)
  la t0, P1
  ld a0, 16(t0)
  CHECK 40, a0, 5

  /* 41-42: a store with MPRV sets D in the PTE */
  ld a0, 0(s9)
  CHECK_MASK 41, a0, PTE_D, 0
  li s0, VA_D
  MPRV_OK 42, MSTATUS_MPP_S, sd a1, 0(s0)
  ld a0, 0(s9)
  CHECK_MASK 43, a0, PTE_A | PTE_D, PTE_A | PTE_D

  TEST_PASS
