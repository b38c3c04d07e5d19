// Spin locks (short critical sections, interrupts off while held) and
// sleep locks (long ones, such as disk I/O; the holder may sleep).

#include "kernel.h"

void
lock_init(struct spinlock *lk, const char *name)
{
  lk->locked = 0;
  lk->name = name;
  lk->owner = 0;
}

// Interrupts stay off from the first push_off() to the matching last
// pop_off(); the state before the first is restored at the end.
void
push_off(void)
{
  int was_on = intr_get();
  intr_off();
  struct cpu *c = mycpu();
  if(c->noff == 0)
    c->intena = was_on;
  c->noff++;
}

void
pop_off(void)
{
  struct cpu *c = mycpu();
  if(intr_get())
    panic("pop_off: interrupts on");
  if(c->noff < 1)
    panic("pop_off: unbalanced");
  c->noff--;
  if(c->noff == 0 && c->intena)
    intr_on();
}

int
holding(struct spinlock *lk)
{
  return lk->locked && lk->owner == mycpu();
}

void
acquire(struct spinlock *lk)
{
  push_off();   // an interrupt handler taking lk here would deadlock
  if(holding(lk)){
    printf("lock %s\n", lk->name);
    panic("acquire: already held");
  }
  // amoswap.w.aq in a loop until we swapped a 0 out.
  while(__sync_lock_test_and_set(&lk->locked, 1) != 0)
    ;
  __sync_synchronize();
  lk->owner = mycpu();
}

void
release(struct spinlock *lk)
{
  if(!holding(lk)){
    printf("lock %s\n", lk->name);
    panic("release: not held");
  }
  lk->owner = 0;
  __sync_synchronize();
  __sync_lock_release(&lk->locked);
  pop_off();
}

void
sleeplock_init(struct sleeplock *lk, const char *name)
{
  lock_init(&lk->guard, "sleeplock");
  lk->name = name;
  lk->locked = 0;
  lk->pid = 0;
}

void
acquiresleep(struct sleeplock *lk)
{
  acquire(&lk->guard);
  while(lk->locked)
    sleep(lk, &lk->guard);
  lk->locked = 1;
  lk->pid = myproc()->pid;
  release(&lk->guard);
}

void
releasesleep(struct sleeplock *lk)
{
  acquire(&lk->guard);
  lk->locked = 0;
  lk->pid = 0;
  wakeup(lk);
  release(&lk->guard);
}

int
holdingsleep(struct sleeplock *lk)
{
  acquire(&lk->guard);
  int mine = lk->locked && lk->pid == myproc()->pid;
  release(&lk->guard);
  return mine;
}

// Does this hart hold a spinlock (so that it must not sleep)?
int
holding_spinlocks(void)
{
  push_off();
  int r = mycpu()->noff > 1;
  pop_off();
  return r;
}
