// RISC-V definitions: paging constants, page-table entry bits, and
// (for the kernel) access to control and status registers.
#ifndef XV6G_RISCV_H
#define XV6G_RISCV_H

#define PGSIZE  4096
#define PGSHIFT 12

#define PGROUNDUP(sz)  (((sz)+PGSIZE-1) & ~(PGSIZE-1))
#define PGROUNDDOWN(a) (((a)) & ~(PGSIZE-1))

// Page-table entry bits.
#define PTE_V (1L << 0)
#define PTE_R (1L << 1)
#define PTE_W (1L << 2)
#define PTE_X (1L << 3)
#define PTE_U (1L << 4)
#define PTE_G (1L << 5)
#define PTE_A (1L << 6)
#define PTE_D (1L << 7)

// Physical address <-> PTE.
#define PA2PTE(pa) ((((uint64)(pa)) >> 12) << 10)
#define PTE2PA(pte) (((pte) >> 10) << 12)
#define PTE_FLAGS(pte) ((pte) & 0x3FF)

// The three 9-bit page-table indices of a virtual address.
#define PXMASK          0x1FF
#define PXSHIFT(level)  (PGSHIFT+(9*(level)))
#define PX(level, va) ((((uint64) (va)) >> PXSHIFT(level)) & PXMASK)

// One above the highest usable virtual address. Sv39 allows 39 bits;
// like xv6 we use 38 so that no address needs sign extension.
#define MAXVA (1L << (9 + 9 + 9 + 12 - 1))

// satp value selecting Sv39 with the given root page table.
#define SATP_SV39 (8L << 60)
#define MAKE_SATP(pagetable) (SATP_SV39 | (((uint64)pagetable) >> 12))

// mstatus / sstatus bits.
#define MSTATUS_MPP_MASK (3L << 11)
#define MSTATUS_MPP_M    (3L << 11)
#define MSTATUS_MPP_S    (1L << 11)
#define MSTATUS_MPP_U    (0L << 11)
#define MSTATUS_MIE      (1L << 3)
#define SSTATUS_SPP      (1L << 8)   // previous mode: 1 = supervisor
#define SSTATUS_SPIE     (1L << 5)   // supervisor interrupts enabled before trap
#define SSTATUS_UPIE     (1L << 4)
#define SSTATUS_SIE      (1L << 1)   // supervisor interrupt enable
#define SSTATUS_UIE      (1L << 0)
#define SSTATUS_FS       (3L << 13)  // floating-point state: Off, Initial, Clean, Dirty
#define SSTATUS_FS_CLEAN (2L << 13)
#define SSTATUS_FS_DIRTY (3L << 13)

// Interrupt enable / pending bits (sie, mie, sip, mip).
#define SIE_SSIE (1L << 1)
#define SIE_STIE (1L << 5)
#define SIE_SEIE (1L << 9)
#define MIE_MSIE (1L << 3)
#define MIE_MTIE (1L << 7)
#define MIE_STIE (1L << 5)
#define MIE_SEIE (1L << 9)

#ifndef __ASSEMBLER__

#include "types.h"

typedef uint64 pte_t;
typedef uint64 *pagetable_t;   // 512 PTEs

// CSR access by name: csr_read(sstatus), csr_write(stvec, x), ...
#define csr_read(csr) ({ uint64 __v; \
  asm volatile("csrr %0, " #csr : "=r"(__v)); __v; })
#define csr_write(csr, val) ({ uint64 __v = (uint64)(val); \
  asm volatile("csrw " #csr ", %0" : : "r"(__v)); })
#define csr_set(csr, bits) ({ uint64 __v = (uint64)(bits); \
  asm volatile("csrs " #csr ", %0" : : "r"(__v)); })
#define csr_clear(csr, bits) ({ uint64 __v = (uint64)(bits); \
  asm volatile("csrc " #csr ", %0" : : "r"(__v)); })

#define reg_read(r) ({ uint64 __v; asm volatile("mv %0, " #r : "=r"(__v)); __v; })
#define reg_write(r, val) ({ uint64 __v = (uint64)(val); \
  asm volatile("mv " #r ", %0" : : "r"(__v)); })

// Flush the whole TLB of this hart.
#define sfence_vma() asm volatile("sfence.vma zero, zero" ::: "memory")

// Register readers under the names xv6 programs use.
static inline uint64 r_sp(void) { return reg_read(sp); }
static inline uint64 r_tp(void) { return reg_read(tp); }
static inline uint64 r_ra(void) { return reg_read(ra); }
static inline uint64 r_fp(void) { return reg_read(s0); }
static inline uint64 r_time(void) { return csr_read(time); }

#define intr_on()  csr_set(sstatus, SSTATUS_SIE)
#define intr_off() csr_clear(sstatus, SSTATUS_SIE)
#define intr_get() ((csr_read(sstatus) & SSTATUS_SIE) != 0)

#endif // __ASSEMBLER__

#endif
