/*
 * AMOs on every faulting kind of mapping (see pg/fault_kinds.inc) raise a
 * store/AMO page fault (15), never a load page fault: "AMOs never raise
 * load page-fault exceptions" (privileged spec). stval = the address.
 * Kind k uses checks 6k+1 .. 6k+6 (amoor.d, then amoswap.w).
 * Known QEMU 7.2 deviation: it reports most of these as load page faults
 * (13), so this test is not part of check-qemu.
 */
#include "pg.h"

.macro KIND_CHECKS k
  EXPECT_FAULT (6 * \k + 1), CAUSE_STORE_PAGE, s0, amoor.d a0, a0, (s0)
  EXPECT_FAULT (6 * \k + 4), CAUSE_STORE_PAGE, s0, amoswap.w a0, a0, (s0)
.endm

TEST_BEGIN
#include "fault_kinds.inc"

  /* 130-132: AMO on an execute-only page (not readable, not writable) */
  li a0, 0x409000
  la a1, pg_snippets
  li a2, PTE_V | PTE_X | PTE_AD
  li a3, PAGE_4K
  call pg_map
  /* 133-135: AMO from S-mode on a U page with SUM = 0 */
  li a0, 0x40a000
  la a1, pg_test_pages
  li a2, PTE_V | PTE_U | PTE_R | PTE_W | PTE_AD
  li a3, PAGE_4K
  call pg_map
  sfence.vma
  li s0, 0x409000
  EXPECT_FAULT 130, CAUSE_STORE_PAGE, s0, amoadd.d a0, a0, (s0)
  li s0, 0x40a000
  EXPECT_FAULT 133, CAUSE_STORE_PAGE, s0, amoadd.d a0, a0, (s0)
  TEST_PASS
