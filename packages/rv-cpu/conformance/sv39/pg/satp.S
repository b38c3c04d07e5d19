/*
 * satp: a write with an unsupported MODE has no effect at all (no field
 * changes), from M- and S-mode; Bare is always accepted; ASID is WARL but
 * does not disturb MODE/PPN; a satp write takes effect (Bare in S-mode:
 * addresses are physical again); mstatus.TVM traps satp and sfence.vma
 * in S-mode.
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)

/* check n: writing (mode << 60) | (s2's PPN, ASID 0x1234) leaves satp = s2 */
.macro NO_EFFECT n, mode
  li t0, (\mode << 60) | (0x1234 << 44)
  li t1, 0xfffffffffff
  and t1, t1, s2
  or t0, t0, t1
  csrw satp, t0
  csrr a0, satp
  CHECK_EQ \n, a0, s2
.endm

TEST_BEGIN
  la t0, P(1)
  li t1, 0x1111111111111111
  sd t1, 0(t0)
  li a0, 0x400000
  la a1, P(1)
  li a2, PTE_V | PTE_R | PTE_W | PTE_AD
  li a3, PAGE_4K
  call pg_map
  sfence.vma
  csrr s2, satp                 /* Sv39, ASID 0, the root */
  li t0, 0xf000000000000000
  and t0, t0, s2
  li t1, SATP_SV39
  SET_CHECK 1
  bne t0, t1, pg_fail

  /* ---- M-mode: reserved and custom modes ---- */
  NO_EFFECT 2, 1
  NO_EFFECT 3, 2
  NO_EFFECT 4, 3
  NO_EFFECT 5, 4
  NO_EFFECT 6, 5
  NO_EFFECT 7, 6
  NO_EFFECT 8, 7
  NO_EFFECT 9, 11
  NO_EFFECT 10, 12
  NO_EFFECT 11, 13
  NO_EFFECT 12, 14
  NO_EFFECT 13, 15
  /* 14: Sv57 (10): accepted as written, or no effect */
  li t0, SATP_SV57
  li t1, 0xfffffffffff
  and t1, t1, s2
  or s3, t0, t1
  csrw satp, s3
  csrr a0, satp
  SET_CHECK 14
  beq a0, s2, 1f
  beq a0, s3, 1f
  j pg_fail
1:
  csrw satp, s2
  /* 15: Sv48 (9): the same */
  li t0, SATP_SV48
  li t1, 0xfffffffffff
  and t1, t1, s2
  or s3, t0, t1
  csrw satp, s3
  csrr a0, satp
  SET_CHECK 15
  beq a0, s2, 2f
  beq a0, s3, 2f
  j pg_fail
2:
  csrw satp, s2
  csrr a0, satp
  CHECK_EQ 16, a0, s2
  /* 17-18: ASID bits: MODE and PPN unchanged whatever ASIDLEN is */
  li t0, 0xffff << 44
  or t0, t0, s2
  csrw satp, t0
  csrr a0, satp
  li t0, ~(0xffff << 44)
  and a0, a0, t0
  CHECK_EQ 17, a0, s2
  csrw satp, s2
  csrr a0, satp
  CHECK_EQ 18, a0, s2
  /* 19: Bare is accepted */
  csrw satp, zero
  csrr a0, satp
  CHECK 19, a0, 0
  /* 20: writing an unsupported mode over Bare leaves Bare */
  li t0, (1 << 60) | 0x80000
  csrw satp, t0
  csrr a0, satp
  CHECK 20, a0, 0
  csrw satp, s2
  sfence.vma

  /* ---- S-mode ---- */
  GOTO_S
  NO_EFFECT 21, 1
  NO_EFFECT 22, 7
  NO_EFFECT 23, 12
  NO_EFFECT 24, 15
  /* 25: translation still on after the ignored writes */
  li s0, 0x400000
  ld a0, 0(s0)
  CHECK 25, a0, 0x1111111111111111
  /* 26-30: satp = Bare from S-mode: 0x400000 is physical (no memory) */
  csrw satp, zero
  sfence.vma
  EXPECT_FAULT 26, CAUSE_LOAD_ACCESS, s0, ld a0, 0(s0)
  la t0, P(1)
  ld a0, 0(t0)
  CHECK 29, a0, 0x1111111111111111
  csrw satp, s2
  sfence.vma
  ld a0, 0(s0)
  CHECK 30, a0, 0x1111111111111111

  /* ---- mstatus.TVM = 1: satp and sfence.vma are illegal in S-mode ---- */
  GOTO_M
  li t0, 1 << 20
  csrs mstatus, t0
  GOTO_S
  EXPECT_TRAP 31, CAUSE_ILLEGAL, csrr a0, satp
  EXPECT_TRAP 32, CAUSE_ILLEGAL, csrw satp, zero
  EXPECT_TRAP 33, CAUSE_ILLEGAL, sfence.vma
  GOTO_M
  csrr a0, satp
  CHECK_EQ 34, a0, s2
  li t0, 1 << 20
  csrc mstatus, t0
  TEST_PASS
