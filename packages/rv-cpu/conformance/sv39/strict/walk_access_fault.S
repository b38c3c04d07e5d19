/*
 * Access faults when the page walk itself reads a PTE where there is no
 * memory (privileged spec: "If accessing pte violates a PMA or PMP check,
 * raise an access-fault exception corresponding to the original access
 * type"): cause 5 / 7 / 1, stval = the virtual address. Tables at
 * physical 0, and 4 GiB above real tables (whose low 32 bits are RAM).
 * Known QEMU 7.2 deviation: it raises page faults (12/13/15) here.
 */
#include "pg.h"

/* checks n..n+8: load (5), store (7), fetch (1) at the address in s0 */
.macro THREE_ACCESS n
  EXPECT_FAULT \n, CAUSE_LOAD_ACCESS, s0, ld a0, 0(s0)
  EXPECT_FAULT (\n + 3), CAUSE_STORE_ACCESS, s0, sd a0, 0(s0)
  EXPECT_FETCH_FAULT (\n + 6), CAUSE_FETCH_ACCESS, s0, s0
.endm

.macro MAPC va, pa, flags, level
  li a0, \va
  li a1, \pa
  li a2, \flags
  li a3, \level
  call pg_map
.endm

TEST_BEGIN
  GOTO_S
  /* 1-9: a root PTE pointing at a level-1 table at physical 0 */
  MAPC 0x40000000, 0, PTE_V, PAGE_1G
  sfence.vma
  li s0, 0x40201000
  THREE_ACCESS 1
  /* 10-18: a level-1 PTE pointing at a level-0 table at physical 0 */
  MAPC 0x00800000, 0, PTE_V, PAGE_2M
  sfence.vma
  li s0, 0x00803000
  THREE_ACCESS 10
  /* 19: taken in S-mode */
  CHECK_TRAP_MODE 19, 1
  /* 41-49: a level-1 PTE pointing 4 GiB above a real level-0 table (which
   * maps the page): the walk reads where there is no memory */
  li a0, 0x00a00000
  la a1, pg_test_pages
  li a2, PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD
  li a3, PAGE_4K
  call pg_map
  li a0, 0x00a00000
  li a1, PAGE_2M
  call pg_pte
  ld t0, 0(a0)
  li t1, (0x100000000 >> 12) << 10
  add t0, t0, t1
  sd t0, 0(a0)
  sfence.vma
  li s0, 0x00a00010
  THREE_ACCESS 41
  /* 20-25: satp.PPN = 0 (the root is not in memory), from M-mode with
   * MPRV = 1, MPP = S: loads and stores fault (in M); M-mode fetches are
   * not translated */
  GOTO_M
  csrr s5, satp
  li t0, SATP_SV39
  csrw satp, t0
  sfence.vma
  li s0, 0x400000
  MPRV_EXPECT_FAULT 20, CAUSE_LOAD_ACCESS, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  MPRV_EXPECT_FAULT 23, CAUSE_STORE_ACCESS, s0, MSTATUS_MPP_S, sd a0, 0(s0)
  /* 26-31: satp.PPN 4 GiB above the real root */
  li t0, 0x100000000 >> 12
  add t0, t0, s5
  csrw satp, t0
  csrr t1, satp
  sfence.vma
  SET_CHECK 26
  bne t0, t1, 1f                /* PPN bit 20 not implemented: skip */
  li s0, 0x00a00000
  MPRV_EXPECT_FAULT 26, CAUSE_LOAD_ACCESS, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  MPRV_EXPECT_FAULT 29, CAUSE_STORE_ACCESS, s0, MSTATUS_MPP_S, sd a0, 0(s0)
1:
  csrw satp, s5
  sfence.vma
  TEST_PASS
