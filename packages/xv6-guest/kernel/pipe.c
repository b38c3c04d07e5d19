// Pipes: a 512-byte ring shared by a read end and a write end.

#include "kernel.h"

#define PIPESIZE 512

struct pipe {
  struct spinlock lock;
  char data[PIPESIZE];
  uint nread;       // bytes read so far
  uint nwrite;      // bytes written so far
  int readopen;
  int writeopen;
};

int
pipealloc(struct file **rf, struct file **wf)
{
  struct pipe *pi = 0;
  *rf = *wf = 0;
  if((*rf = filealloc()) == 0 || (*wf = filealloc()) == 0)
    goto fail;
  if((pi = kalloc()) == 0)
    goto fail;
  lock_init(&pi->lock, "pipe");
  pi->nread = pi->nwrite = 0;
  pi->readopen = pi->writeopen = 1;
  (*rf)->type = FD_PIPE;
  (*rf)->readable = 1;
  (*rf)->writable = 0;
  (*rf)->pipe = pi;
  (*wf)->type = FD_PIPE;
  (*wf)->readable = 0;
  (*wf)->writable = 1;
  (*wf)->pipe = pi;
  return 0;

fail:
  if(*rf)
    fileclose(*rf);
  if(*wf)
    fileclose(*wf);
  *rf = *wf = 0;
  return -1;
}

void
pipeclose(struct pipe *pi, int writable)
{
  acquire(&pi->lock);
  if(writable){
    pi->writeopen = 0;
    wakeup(&pi->nread);
  } else {
    pi->readopen = 0;
    wakeup(&pi->nwrite);
  }
  if(!pi->readopen && !pi->writeopen){
    release(&pi->lock);
    kfree(pi);
    return;
  }
  release(&pi->lock);
}

int
pipewrite(struct pipe *pi, uint64 addr, int n)
{
  struct proc *p = myproc();
  int i = 0;
  acquire(&pi->lock);
  while(i < n){
    if(!pi->readopen || killed(p)){
      release(&pi->lock);
      return -1;
    }
    if(pi->nwrite - pi->nread == PIPESIZE){
      wakeup(&pi->nread);
      sleep(&pi->nwrite, &pi->lock);
      continue;
    }
    // Copy as much as fits without wrapping, at most what is left.
    uint room = PIPESIZE - (pi->nwrite - pi->nread);
    uint upto = PIPESIZE - pi->nwrite % PIPESIZE;
    uint m = MIN(MIN(room, upto), (uint)(n - i));
    if(copyin(p->pagetable, &pi->data[pi->nwrite % PIPESIZE], addr + i, m) < 0)
      break;
    pi->nwrite += m;
    i += m;
  }
  wakeup(&pi->nread);
  release(&pi->lock);
  return i;
}

int
piperead(struct pipe *pi, uint64 addr, int n)
{
  struct proc *p = myproc();
  acquire(&pi->lock);
  while(pi->nread == pi->nwrite && pi->writeopen){
    if(killed(p)){
      release(&pi->lock);
      return -1;
    }
    sleep(&pi->nread, &pi->lock);
  }
  int i = 0;
  while(i < n && pi->nread != pi->nwrite){
    uint avail = pi->nwrite - pi->nread;
    uint upto = PIPESIZE - pi->nread % PIPESIZE;
    uint m = MIN(MIN(avail, upto), (uint)(n - i));
    if(copyout(p->pagetable, addr + i, &pi->data[pi->nread % PIPESIZE], m) < 0)
      break;
    pi->nread += m;
    i += m;
  }
  wakeup(&pi->nwrite);
  release(&pi->lock);
  return i;
}
