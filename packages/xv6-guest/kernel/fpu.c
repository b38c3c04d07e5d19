// A user process's floating-point state. The kernel itself never uses
// FP (sstatus.FS is Off while it runs, so a stray FP instruction would
// trap), and the registers are saved only when the process has written
// them (FS Dirty) and loaded only when this hart does not hold them.

#include "kernel.h"

void fp_store(struct fpstate *);
void fp_load(struct fpstate *);

// On entry from user mode, before anything can switch away: keep what
// the process wrote, then turn FP off for the kernel.
void
fp_enter(struct proc *p)
{
  uint64 st = csr_read(sstatus);
  if((st & SSTATUS_FS) == SSTATUS_FS_DIRTY)
    fp_store(&p->fp);
  csr_write(sstatus, st & ~SSTATUS_FS);
}

// On the way back to user mode, interrupts off: make this hart's FP
// registers p's, and let the process use them (Clean: nothing to save
// until it writes one).
void
fp_leave(struct proc *p)
{
  struct cpu *c = mycpu();
  int id = cpuid();
  csr_set(sstatus, SSTATUS_FS_CLEAN);
  if(c->fpowner != p || p->fpcpu != id){
    fp_load(&p->fp);
    c->fpowner = p;
    p->fpcpu = id;
  }
  uint64 st = csr_read(sstatus);
  csr_write(sstatus, (st & ~SSTATUS_FS) | SSTATUS_FS_CLEAN);
}

// A new process image (fork's child, exec): zero or copied registers that
// no hart holds yet.
void
fp_reset(struct proc *p, struct proc *from)
{
  if(from)
    p->fp = from->fp;
  else
    memset(&p->fp, 0, sizeof(p->fp));
  p->fpcpu = -1;
}
