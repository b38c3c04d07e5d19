// Machine-mode start-up, run once on every hart before the kernel
// proper: hand everything to supervisor mode and set up the timer.
//
// Timer: Sstc. Each hart programs its own stimecmp from supervisor
// mode; machine mode only enables it (menvcfg.STCE) and lets
// supervisor mode read the time CSR (mcounteren.TM).
//
// Inter-hart interrupts: supervisor mode can raise a hart's CLINT
// software interrupt, but that interrupt is a machine-mode one and
// cannot be delegated. Machine mode's only trap handler (machvec in
// kernelvec.S) turns it into a supervisor software interrupt.

#include "kernel.h"

#define BOOTSTACK 8192
__attribute__((aligned(16))) char boot_stacks[BOOTSTACK * NCPU];

void main(void);
void machvec(void);

// Per hart, for machvec: a register's save slot, and the address of the
// hart's CLINT MSIP word.
uint64 mscratch_area[NCPU][2];

#define CSR_MENVCFG   0x30a
#define CSR_STIMECMP  0x14d
#define MENVCFG_STCE  (1UL << 63)

void
mstart(uint64 hartid)
{
  // Return to supervisor mode, at main(), with paging off.
  uint64 st = csr_read(mstatus);
  st = (st & ~MSTATUS_MPP_MASK) | MSTATUS_MPP_S;
  csr_write(mstatus, st);
  csr_write(mepc, (uint64)main);
  csr_write(satp, 0);

  // Every exception and interrupt is handled in supervisor mode.
  csr_write(medeleg, 0xffff);
  csr_write(mideleg, 0xffff);
  csr_set(sie, SIE_SEIE | SIE_STIE | SIE_SSIE);

  // Let supervisor mode reach all of physical memory.
  csr_write(pmpaddr0, 0x3fffffffffffffUL);
  csr_write(pmpcfg0, 0xf);

  // Sstc timer: enable stimecmp, allow reading time, first tick far away
  // (timer_arm() sets the real deadline once traps are ready).
  csr_set(0x30a, MENVCFG_STCE);
  csr_set(mcounteren, 2);
  csr_write(0x14d, ~0UL);
  csr_set(mie, MIE_STIE);

  mscratch_area[hartid][1] = CLINT_MSIP(hartid);
  csr_write(mscratch, (uint64)mscratch_area[hartid]);
  csr_write(mtvec, (uint64)machvec);
  csr_set(mie, MIE_MSIE);

  reg_write(tp, hartid);
  asm volatile("mret");
  for(;;)
    ;
}
