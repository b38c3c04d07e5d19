// Processes: the process table, creation and destruction, the
// per-hart scheduler, and sleep/wakeup.

#include "kernel.h"

struct cpu cpus[NCPU];
struct proc proc[NPROC];

static struct proc *initproc;

static int nextpid = 1;
static struct spinlock pid_lock;

// Guards every p->parent, and makes a parent's wait() and its
// children's exit() see each other in order.
static struct spinlock wait_lock;

extern char trampoline[];

static void forkret(void);
static void kick_idle(int);

// p->state read without p->lock, as a hint to be checked under it.
static inline enum procstate
peek_state(struct proc *p)
{
  return *(volatile enum procstate *)&p->state;
}

int
cpuid(void)
{
  return (int)reg_read(tp);
}

// The caller must keep interrupts off, so that it cannot move harts.
struct cpu *
mycpu(void)
{
  return &cpus[cpuid()];
}

struct proc *
myproc(void)
{
  push_off();
  struct proc *p = mycpu()->proc;
  pop_off();
  return p;
}

// Allocate a kernel stack page for every process slot and map it,
// with a guard page below, in the kernel page table.
void
proc_mapstacks(pagetable_t kpt)
{
  for(int i = 0; i < NPROC; i++){
    char *pa = kalloc();
    if(pa == 0)
      panic("proc_mapstacks");
    kvmmap(kpt, KSTACK(i), (uint64)pa, PGSIZE, PTE_R | PTE_W);
  }
}

void
proc_init(void)
{
  lock_init(&pid_lock, "nextpid");
  lock_init(&wait_lock, "wait_lock");
  for(int i = 0; i < NPROC; i++){
    lock_init(&proc[i].lock, "proc");
    proc[i].state = UNUSED;
    proc[i].kstack = KSTACK(i);
  }
}

static int
allocpid(void)
{
  acquire(&pid_lock);
  int pid = nextpid++;
  release(&pid_lock);
  return pid;
}

// A new user page table with the trampoline and the trap frame mapped.
pagetable_t
proc_pagetable(struct proc *p)
{
  pagetable_t pt = uvm_create();
  if(pt == 0)
    return 0;
  if(mappages(pt, TRAMPOLINE, PGSIZE, (uint64)trampoline, PTE_R | PTE_X) < 0){
    uvm_free(pt, 0);
    return 0;
  }
  if(mappages(pt, TRAPFRAME, PGSIZE, (uint64)p->trapframe, PTE_R | PTE_W) < 0){
    uvm_unmap(pt, TRAMPOLINE, 1, 0);
    uvm_free(pt, 0);
    return 0;
  }
  return pt;
}

void
proc_freepagetable(pagetable_t pt, uint64 sz)
{
  uvm_unmap(pt, TRAMPOLINE, 1, 0);
  uvm_unmap(pt, TRAPFRAME, 1, 0);
  uvm_free(pt, sz);
}

// Release everything a process slot holds; p->lock held.
static void
freeproc(struct proc *p)
{
  if(p->trapframe)
    kfree(p->trapframe);
  p->trapframe = 0;
  if(p->pagetable)
    proc_freepagetable(p->pagetable, p->sz);
  p->pagetable = 0;
  p->sz = 0;
  p->pid = 0;
  p->parent = 0;
  p->name[0] = 0;
  p->chan = 0;
  p->killed = 0;
  p->xstate = 0;
  p->state = UNUSED;
}

// Claim an unused slot and give it a pid, a trap frame, an empty user
// page table, and a context that starts in forkret(). Returns with
// p->lock held, or 0.
static struct proc *
allocproc(void)
{
  struct proc *p;
  for(p = proc; p < &proc[NPROC]; p++){
    acquire(&p->lock);
    if(p->state == UNUSED)
      goto found;
    release(&p->lock);
  }
  return 0;

found:
  p->pid = allocpid();
  p->state = USED;
  if((p->trapframe = kalloc()) == 0){
    freeproc(p);
    release(&p->lock);
    return 0;
  }
  memset(p->trapframe, 0, PGSIZE);
  if((p->pagetable = proc_pagetable(p)) == 0){
    freeproc(p);
    release(&p->lock);
    return 0;
  }
  fp_reset(p, 0);
  memset(&p->context, 0, sizeof(p->context));
  p->context.ra = (uint64)forkret;
  p->context.sp = p->kstack + PGSIZE;
  return p;
}

// The first process. Its address space starts empty; the first time
// it runs, forkret() mounts the file system and execs /init.
void
userinit(void)
{
  struct proc *p = allocproc();
  if(p == 0)
    panic("userinit");
  initproc = p;
  safestrcpy(p->name, "init", sizeof(p->name));
  p->cwd = namei("/");
  p->state = RUNNABLE;
  release(&p->lock);
}

// A new process's first scheduling lands here, still holding p->lock
// from the scheduler.
static void
forkret(void)
{
  static int first = 1;
  struct proc *p = myproc();
  release(&p->lock);

  if(first){
    // File system set-up sleeps on disk I/O, so it needs a process.
    fs_init(ROOTDEV);
    first = 0;
    __sync_synchronize();
    char *argv[] = { "init", 0 };
    p->trapframe->a0 = exec("/init", argv);
    if(p->trapframe->a0 == -1)
      panic("cannot exec /init");
  }
  usertrapret();
}

// Grow or shrink user memory by n bytes. With lazy set, growth only
// moves the break; pages appear when first touched (uvm_fault).
int
growproc(int n, int lazy)
{
  struct proc *p = myproc();
  uint64 sz = p->sz;
  if(n > 0){
    // The heap stops at the lowest mapped area.
    if(sz + n > vma_floor(p) || sz + n < sz)
      return -1;
    if(lazy)
      sz += n;
    else if((sz = uvm_alloc(p->pagetable, sz, sz + n, PTE_W)) == 0)
      return -1;
  } else if(n < 0){
    // Shrinking past zero leaves the break where it is, as in xv6
    // (whose own usertests checks that sbrk then returns the old break).
    if((uint64)(-(long)n) <= sz)
      sz = uvm_dealloc(p->pagetable, sz, sz + n);
  }
  p->sz = sz;
  return 0;
}

int
fork(void)
{
  struct proc *p = myproc();
  struct proc *np = allocproc();
  if(np == 0)
    return -1;

  if(uvm_copy(p->pagetable, np->pagetable, p->sz) < 0){
    freeproc(np);
    release(&np->lock);
    return -1;
  }
  np->sz = p->sz;
  if(vma_fork(p, np) < 0){
    // Dropping the areas may close files, which sleeps: not under np->lock.
    release(&np->lock);
    vma_release_all(np, np->pagetable, 0);
    acquire(&np->lock);
    freeproc(np);
    release(&np->lock);
    return -1;
  }
  *np->trapframe = *p->trapframe;
  np->trapframe->a0 = 0;       // fork returns 0 in the child
  fp_reset(np, p);

  for(int i = 0; i < NOFILE; i++)
    if(p->ofile[i])
      np->ofile[i] = filedup(p->ofile[i]);
  np->cwd = idup(p->cwd);
  safestrcpy(np->name, p->name, sizeof(p->name));
  int pid = np->pid;
  release(&np->lock);

  acquire(&wait_lock);
  np->parent = p;
  release(&wait_lock);

  acquire(&np->lock);
  np->state = RUNNABLE;
  release(&np->lock);
  kick_idle(1);
  return pid;
}

// Give p's children to init. wait_lock held.
static void
reparent(struct proc *p)
{
  for(struct proc *c = proc; c < &proc[NPROC]; c++){
    if(c->parent == p){
      c->parent = initproc;
      wakeup(initproc);
    }
  }
}

// End the current process. It stays a zombie until its parent waits.
void
exit(int status)
{
  struct proc *p = myproc();
  if(p == initproc)
    panic("init exiting");

  vma_release_all(p, p->pagetable, 1);

  for(int fd = 0; fd < NOFILE; fd++){
    if(p->ofile[fd]){
      fileclose(p->ofile[fd]);
      p->ofile[fd] = 0;
    }
  }
  begin_op();
  iput(p->cwd);
  end_op();
  p->cwd = 0;

  acquire(&wait_lock);
  reparent(p);
  wakeup(p->parent);
  acquire(&p->lock);
  p->xstate = status;
  p->state = ZOMBIE;
  release(&wait_lock);

  sched();
  panic("zombie exit");
}

// Wait for a child to exit; store its status at user address addr
// (unless 0). Returns its pid, or -1 if there are no children.
int
wait(uint64 addr)
{
  struct proc *p = myproc();
  acquire(&wait_lock);
  for(;;){
    int have_kids = 0;
    for(struct proc *c = proc; c < &proc[NPROC]; c++){
      if(c->parent != p)
        continue;
      acquire(&c->lock);
      have_kids = 1;
      if(c->state == ZOMBIE){
        int pid = c->pid;
        if(addr != 0 && copyout(p->pagetable, addr, &c->xstate, sizeof(c->xstate)) < 0){
          release(&c->lock);
          release(&wait_lock);
          return -1;
        }
        freeproc(c);
        release(&c->lock);
        release(&wait_lock);
        return pid;
      }
      release(&c->lock);
    }
    if(!have_kids || killed(p)){
      release(&wait_lock);
      return -1;
    }
    sleep(p, &wait_lock);
  }
}

// Each hart runs this forever: pick a runnable process, switch to it,
// and come back here when it gives up the hart. Idle harts wait in wfi.
//
// The search runs with interrupts off. An interrupt that arrives during
// it (a disk completion that wakes the process we just passed) then
// stays pending, and wfi, which returns at once for a pending interrupt
// even while they are off, does not sleep through it until the next
// timer tick. The next pass takes it with intr_on().
//
// A process made runnable by another hart raises no interrupt here by
// itself; c->idle asks that hart for one (kick_idle()). It is set before
// the search and read by the waker after it has marked the process
// RUNNABLE, each followed by a fence, so either the search finds the
// process or the waker sees the flag.
void
scheduler(void)
{
  struct cpu *c = mycpu();
  c->proc = 0;
  for(;;){
    intr_on();
    intr_off();
    c->idle = 1;
    __sync_synchronize();
    int ran = 0;
    for(struct proc *p = proc; p < &proc[NPROC]; p++){
      if(peek_state(p) != RUNNABLE)
        continue;
      acquire(&p->lock);
      if(p->state == RUNNABLE){
        c->idle = 0;
        p->state = RUNNING;
        c->proc = p;
        swtch(&c->sched, &p->context);
        c->proc = 0;
        // intena is now the process's; release() must not turn
        // interrupts on in the middle of the search.
        c->intena = 0;
        ran = 1;
      }
      release(&p->lock);
    }
    if(!ran)
      asm volatile("wfi");
    c->idle = 0;
  }
}

// n processes have just become RUNNABLE: interrupt up to n idle harts
// (other than this one, which is running or about to search) so that
// they run them now rather than at their next timer tick. A hart that
// runs no process (an interrupt taken in its scheduler: most disk
// completions) searches next and takes one itself, so it asks one
// fewer; an idle hart woken for nothing costs a host thread wake-up
// on an emulator that runs harts on threads.
static void
kick_idle(int n)
{
  __sync_synchronize();
  push_off();
  int me = cpuid();
  if(mycpu()->proc == 0)
    n--;
  for(int i = 0; i < NCPU && n > 0; i++){
    if(i != me && cpus[i].idle && __sync_lock_test_and_set(&cpus[i].idle, 0)){
      *(volatile uint32 *)CLINT_MSIP(i) = 1;
      n--;
    }
  }
  pop_off();
}

// Switch to this hart's scheduler. The caller holds only p->lock and
// has already changed p->state.
void
sched(void)
{
  struct proc *p = myproc();
  if(!holding(&p->lock))
    panic("sched: p->lock");
  if(mycpu()->noff != 1)
    panic("sched: locks held");
  if(p->state == RUNNING)
    panic("sched: running");
  if(intr_get())
    panic("sched: interruptible");
  int intena = mycpu()->intena;
  swtch(&p->context, &mycpu()->sched);
  mycpu()->intena = intena;
}

void
yield(void)
{
  struct proc *p = myproc();
  acquire(&p->lock);
  p->state = RUNNABLE;
  sched();
  release(&p->lock);
}

// Atomically release lk and sleep on chan; reacquire lk when woken.
void
sleep(void *chan, struct spinlock *lk)
{
  struct proc *p = myproc();
  // We are marked asleep before lk is released, so a waker (who holds
  // lk) sees it without taking p->lock; and p->lock, held until the
  // scheduler has switched away, keeps the waker from making us
  // RUNNABLE while we are still running.
  acquire(&p->lock);
  p->chan = chan;
  p->state = SLEEPING;
  release(lk);
  sched();
  p->chan = 0;
  release(&p->lock);
  acquire(lk);
}

// Wake every process sleeping on chan. Caller must not hold p->lock.
void
wakeup(void *chan)
{
  struct proc *me = myproc();
  int woken = 0;
  for(struct proc *p = proc; p < &proc[NPROC]; p++){
    // Only processes that look asleep on chan are locked: each slot's
    // lock is shared with every other hart's scheduler and wakeups.
    if(p == me || peek_state(p) != SLEEPING || *(void *volatile *)&p->chan != chan)
      continue;
    acquire(&p->lock);
    if(p->state == SLEEPING && p->chan == chan){
      p->state = RUNNABLE;
      woken++;
    }
    release(&p->lock);
  }
  if(woken)
    kick_idle(woken);
}

// Mark process pid as killed (init cannot be). It exits the next time it heads back to
// user mode (or gives up a sleep that checks killed()).
int
kill(int pid)
{
  if(initproc && pid == initproc->pid)
    return -1;        // init must never exit
  for(struct proc *p = proc; p < &proc[NPROC]; p++){
    acquire(&p->lock);
    if(p->pid == pid && p->state != UNUSED){
      p->killed = 1;
      int woken = p->state == SLEEPING;
      if(woken)
        p->state = RUNNABLE;
      release(&p->lock);
      if(woken)
        kick_idle(1);
      return 0;
    }
    release(&p->lock);
  }
  return -1;
}

void
setkilled(struct proc *p)
{
  acquire(&p->lock);
  p->killed = 1;
  release(&p->lock);
}

int
killed(struct proc *p)
{
  acquire(&p->lock);
  int k = p->killed;
  release(&p->lock);
  return k;
}

// Copy to a user address (user_dst set) or a kernel address.
int
either_copyout(int user_dst, uint64 dst, void *src, uint64 len)
{
  if(user_dst)
    return copyout(myproc()->pagetable, dst, src, len);
  memmove((void *)dst, src, len);
  return 0;
}

int
either_copyin(void *dst, int user_src, uint64 src, uint64 len)
{
  if(user_src)
    return copyin(myproc()->pagetable, dst, src, len);
  memmove(dst, (void *)src, len);
  return 0;
}

// ^P on the console: list the processes. Takes no locks, so that it
// still works when something is stuck.
void
procdump(void)
{
  static const char *names[] = {
    [UNUSED] "unused", [USED] "used", [SLEEPING] "sleep",
    [RUNNABLE] "runble", [RUNNING] "run", [ZOMBIE] "zombie",
  };
  printf("\n");
  for(struct proc *p = proc; p < &proc[NPROC]; p++){
    if(p->state == UNUSED)
      continue;
    const char *st = "???";
    if(p->state < NELEM(names) && names[p->state])
      st = names[p->state];
    printf("%d %s %s\n", p->pid, st, p->name);
  }
}
