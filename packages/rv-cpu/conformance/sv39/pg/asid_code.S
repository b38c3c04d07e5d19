/*
 * Code seen through paging: fence.i makes a store visible to fetches of
 * the same physical page through another virtual address; two address
 * spaces with different code at the same virtual address (switching satp,
 * with sfence.vma, and, when ASIDs are implemented, without it: an ASID
 * whose translations were fenced is never served another ASID's, and
 * sfence.vma with another ASID fences that ASID's tables).
 */
#include "pg.h"

#define P(n) (pg_test_pages + (n) * 0x1000)
#define ADDI_A0(imm) (((imm) << 20) | (10 << 15) | (10 << 7) | 0x13)
#define RET 0x00008067

.macro MAPR va, pa_sym, flags
  li a0, \va
  la a1, \pa_sym
  li a2, \flags
  li a3, PAGE_4K
  call pg_map
.endm

/* write 'addi a0, a0, imm; ret' at the start of physical page sym */
.macro CODE sym, imm
  la t0, \sym
  li t1, ADDI_A0(\imm)
  sw t1, 0(t0)
  li t1, RET
  sw t1, 4(t0)
.endm

TEST_BEGIN
  CODE P(7), 5
  CODE P(8), 7
  la t0, P(1)
  li t1, 0x1111
  sd t1, 0x100(t0)
  la t0, P(2)
  li t1, 0x2222
  sd t1, 0x100(t0)
  fence.i
  MAPR 0x900000, P(7), PTE_V | PTE_R | PTE_X | PTE_A
  MAPR 0x901000, P(7), PTE_V | PTE_R | PTE_W | PTE_AD
  MAPR 0x902000, P(7), PTE_V | PTE_X | PTE_A
  sfence.vma
  GOTO_S
  li s0, 0x900000
  li s1, 0x901000
  li s2, 0x902000

  /* 1-2: code at VA 0x900000 */
  li a0, 0
  EXPECT_OK 1, jalr ra, 0(s0)
  CHECK 2, a0, 5
  /* 3-4: rewritten through the RW alias 0x901000, fence.i */
  li t1, ADDI_A0(9)
  sw t1, 0(s1)
  fence.i
  li a0, 0
  EXPECT_OK 3, jalr ra, 0(s0)
  CHECK 4, a0, 9
  /* 5-6: rewritten through the identity map (physical address) */
  la t0, P(7)
  li t1, ADDI_A0(3)
  sw t1, 0(t0)
  fence.i
  li a0, 0
  EXPECT_OK 5, jalr ra, 0(s0)
  CHECK 6, a0, 3
  /* 7-8: the same code through a second execute alias */
  li a0, 0
  EXPECT_OK 7, jalr ra, 0(s2)
  CHECK 8, a0, 3

  /* ---- two address spaces ---- */
  GOTO_M
  csrr s3, satp                 /* A: 0x900000 -> P7, data 0x910000 -> P1 */
  MAPR 0x910000, P(1), PTE_V | PTE_R | PTE_W | PTE_AD
  li a0, 3
  call pg_new_root
  mv s4, a0                     /* B: 0x900000 -> P8, data 0x910000 -> P2 */
  MAPR 0x900000, P(8), PTE_V | PTE_R | PTE_X | PTE_A
  MAPR 0x910000, P(2), PTE_V | PTE_R | PTE_W | PTE_AD
  sfence.vma
  GOTO_S
  li s5, 0x910000
  /* 9-12: switch with sfence.vma: data and code of the new space */
  ld a0, 0x100(s5)
  CHECK 9, a0, 0x1111
  csrw satp, s4
  sfence.vma
  ld a0, 0x100(s5)
  CHECK 10, a0, 0x2222
  li a0, 0
  EXPECT_OK 11, jalr ra, 0(s0)
  CHECK 12, a0, 7
  csrw satp, s3
  sfence.vma
  li a0, 0
  EXPECT_OK 13, jalr ra, 0(s0)
  CHECK 14, a0, 3

  /* 15-22: ASIDs: A = ASID 0, B = ASID 1, if ASID bit 0 is writable */
  li t0, 1 << 44
  or t0, t0, s4
  csrw satp, t0
  csrr t1, satp
  csrw satp, s3
  sfence.vma
  bne t0, t1, no_asid
  mv s4, t0                     /* B with ASID 1 */
  /* use both spaces once (fenced above: their translations may be cached) */
  ld a0, 0x100(s5)
  li a0, 0
  jalr ra, 0(s0)
  csrw satp, s4
  ld a0, 0x100(s5)
  CHECK 15, a0, 0x2222
  li a0, 0
  EXPECT_OK 16, jalr ra, 0(s0)
  CHECK 17, a0, 7
  /* back to ASID 0 without sfence.vma */
  csrw satp, s3
  ld a0, 0x100(s5)
  CHECK 18, a0, 0x1111
  li a0, 0
  EXPECT_OK 19, jalr ra, 0(s0)
  CHECK 20, a0, 3
  /* and to ASID 1 again */
  csrw satp, s4
  li a0, 0
  EXPECT_OK 21, jalr ra, 0(s0)
  CHECK 22, a0, 7
  /* 23: running in ASID 0, B's data page is remapped (to P3) and fenced
   * with sfence.vma x0, ASID 1; then switching to ASID 1 sees it */
  csrw satp, s3
  ld a0, 0x100(s5)
  mv a0, s4
  call pg_use_root              /* pg_map edits B */
  la t0, P(3)
  li t1, 0x3333
  sd t1, 0x100(t0)
  MAPR 0x910000, P(3), PTE_V | PTE_R | PTE_W | PTE_AD
  li a1, 1
  sfence.vma x0, a1
  csrw satp, s4
  ld a0, 0x100(s5)
  CHECK 23, a0, 0x3333
  /* 24: the same with sfence.vma va, ASID 1 (back to P2) */
  csrw satp, s3
  ld a0, 0x100(s5)
  MAPR 0x910000, P(2), PTE_V | PTE_R | PTE_W | PTE_AD
  li a1, 1
  sfence.vma s5, a1
  csrw satp, s4
  ld a0, 0x100(s5)
  CHECK 24, a0, 0x2222
  csrw satp, s3
  sfence.vma
no_asid:
  TEST_PASS
