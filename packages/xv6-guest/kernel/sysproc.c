// Process-related system calls.

#include "kernel.h"

uint64
sys_exit(void)
{
  int status;
  argint(0, &status);
  exit(status);
}

uint64
sys_getpid(void)
{
  return myproc()->pid;
}

uint64
sys_fork(void)
{
  return fork();
}

uint64
sys_wait(void)
{
  uint64 addr;
  argaddr(0, &addr);
  // wait() copies out under spinlocks, where a mapped page cannot be read in.
  if(addr)
    vma_prefault(addr, sizeof(int), 1);
  return wait(addr);
}

// sbrk(n, how): how 2 grows lazily (newer xv6's sbrklazy); anything
// else, as in older xv6 where there is no second argument, eagerly.
#define SBRK_LAZY 2

uint64
sys_sbrk(void)
{
  int n, how;
  argint(0, &n);
  argint(1, &how);
  uint64 old = myproc()->sz;
  if(growproc(n, how == SBRK_LAZY) < 0)
    return -1;
  return old;
}

uint64
sys_sleep(void)
{
  int n;
  argint(0, &n);
  if(n < 0)
    n = 0;
  acquire(&tickslock);
  uint start = ticks;
  while(ticks - start < (uint)n){
    if(killed(myproc())){
      release(&tickslock);
      return -1;
    }
    sleep(&ticks, &tickslock);
  }
  release(&tickslock);
  return 0;
}

uint64
sys_kill(void)
{
  int pid;
  argint(0, &pid);
  return kill(pid);
}

uint64
sys_uptime(void)
{
  acquire(&tickslock);
  uint t = ticks;
  release(&tickslock);
  return t;
}
