/*
 * Access faults under Sv39 (S-mode) when a leaf PTE maps a page with no
 * memory behind it (physical 0 and 0x4000_0000: nothing is there on QEMU's
 * spike machine or rv-run): cause 5 for loads, 7 for stores, 1 for fetches,
 * stval = the faulting virtual address, sepc = the instruction (fetch: the
 * target); also PTEs whose physical address is above 4 GiB (its low 32
 * bits being RAM must not matter). Walks that hit no memory:
 * strict/walk_access_fault.S.
 */
#include "pg.h"

#define RWX_AD (PTE_V | PTE_R | PTE_W | PTE_X | PTE_AD)

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
  /* 1-9: 4 KiB leaf -> physical 0 */
  MAPC 0x400000, 0, RWX_AD, PAGE_4K
  sfence.vma
  li s0, 0x400010
  THREE_ACCESS 1
  /* 10-18: 2 MiB leaf -> physical 0x4000_0000 */
  MAPC 0x00600000, 0x40000000, RWX_AD, PAGE_2M
  sfence.vma
  li s0, 0x00612340
  THREE_ACCESS 10
  /* 19-21: a smaller store (sw) at the end of the 4 KiB page */
  li s0, 0x400ffc
  EXPECT_FAULT 19, CAUSE_STORE_ACCESS, s0, sw a0, 0(s0)
  /* 22: taken in S-mode (delegated) */
  CHECK_TRAP_MODE 22, 1
  /* 26-52: leaves with physical addresses above 4 GiB, whose low 32 bits
   * are RAM: 0x1_8000_0000, 0x800_8000_0000 and 2^55 + 0x8000_0000 (PPN
   * bit 43, the highest); the offset is that of a page in RAM */
  la s1, pg_test_pages
  li t0, 0x80000000
  sub s1, s1, t0                /* offset of the test page in RAM */
  li s2, 0x180000000
  add a1, s1, s2
  li a0, 0x00700000
  li a2, RWX_AD
  li a3, PAGE_4K
  call pg_map
  li s2, 0x80080000000
  add a1, s1, s2
  li a0, 0x00701000
  li a2, RWX_AD
  li a3, PAGE_4K
  call pg_map
  li s2, 0x0080000080000000
  add a1, s1, s2
  li a0, 0x00702000
  li a2, RWX_AD
  li a3, PAGE_4K
  call pg_map
  sfence.vma
  li s0, 0x00700008
  THREE_ACCESS 26
  li s0, 0x00701008
  THREE_ACCESS 35
  li s0, 0x00702008
  THREE_ACCESS 44
  /* 23-25: from M-mode with MPRV (MPP = S): load access fault in M */
  GOTO_M
  li s0, 0x400008
  MPRV_EXPECT_FAULT 23, CAUSE_LOAD_ACCESS, s0, MSTATUS_MPP_S, ld a0, 0(s0)
  TEST_PASS
