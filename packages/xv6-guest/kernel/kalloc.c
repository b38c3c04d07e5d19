// Physical page allocator: a free list of 4096-byte pages covering RAM
// from the end of the kernel image to PHYSTOP. Each page has a
// reference count, because mapped files and copy-on-write share pages
// between page tables: kalloc() hands out a page with one reference,
// page_dup() adds one, and kfree() drops one, freeing at zero.

#include "kernel.h"

extern char end[];   // first address after the kernel (kernel.ld)

struct freepage {
  struct freepage *next;
};

static struct {
  struct spinlock lock;
  struct freepage *head;
  uint64 nfree;
} pool;

#define NPAGES ((PHYSTOP - KERNBASE) / PGSIZE)
static int refs[NPAGES];

static int *
ref_of(uint64 pa)
{
  if(pa % PGSIZE != 0 || pa < (uint64)end || pa >= PHYSTOP)
    panic("kalloc: bad page");
  return &refs[(pa - KERNBASE) / PGSIZE];
}

void
page_dup(uint64 pa)
{
  if(__atomic_fetch_add(ref_of(pa), 1, __ATOMIC_ACQ_REL) < 1)
    panic("page_dup: free page");
}

int
page_refs(uint64 pa)
{
  return __atomic_load_n(ref_of(pa), __ATOMIC_ACQUIRE);
}

void
kfree(void *pa)
{
  int left = __atomic_sub_fetch(ref_of((uint64)pa), 1, __ATOMIC_ACQ_REL);
  if(left < 0)
    panic("kfree: free page");
  if(left > 0)
    return;

  memset(pa, 0x5a, PGSIZE);   // junk, to catch use after free

  struct freepage *fp = pa;
  acquire(&pool.lock);
  fp->next = pool.head;
  pool.head = fp;
  pool.nfree++;
  release(&pool.lock);
}

// Returns a page, or 0 when memory is exhausted.
void *
kalloc(void)
{
  acquire(&pool.lock);
  struct freepage *fp = pool.head;
  if(fp){
    pool.head = fp->next;
    pool.nfree--;
  }
  release(&pool.lock);
  if(fp){
    memset(fp, 0xa5, PGSIZE); // junk, to catch use before init
    __atomic_store_n(ref_of((uint64)fp), 1, __ATOMIC_RELEASE);
  }
  return fp;
}

uint64
kfreepages(void)
{
  return pool.nfree;
}

// At boot every page from the kernel's end to PHYSTOP is junk-filled
// and freed: 128 MiB of stores, most of the boot's work. The harts that
// wait for hart 0 share it: RAM is cut into chunks, and each hart that
// is up claims chunks one at a time, frees a chunk's pages onto a list
// of its own and hands the list to the pool in one step.
#define KINIT_CHUNK (256 * PGSIZE)

static uint64 kinit_base;
static int kinit_chunks;
static int kinit_next;            // next chunk to claim
static int kinit_done;            // chunks handed to the pool
static volatile int kinit_open;   // set once the above are ready

static void
kinit_help(void)
{
  for(;;){
    int i = __atomic_fetch_add(&kinit_next, 1, __ATOMIC_ACQ_REL);
    if(i >= kinit_chunks)
      return;
    uint64 lo = kinit_base + (uint64)i * KINIT_CHUNK;
    uint64 hi = lo + KINIT_CHUNK < PHYSTOP ? lo + KINIT_CHUNK : PHYSTOP;
    struct freepage *head = 0, *tail = 0;
    uint64 n = 0;
    for(uint64 a = lo; a + PGSIZE <= hi; a += PGSIZE){
      // A free page has no references: refs[] starts zeroed.
      memset((void *)a, 0x5a, PGSIZE);
      struct freepage *fp = (struct freepage *)a;
      fp->next = head;
      head = fp;
      if(tail == 0)
        tail = fp;
      n++;
    }
    if(head){
      acquire(&pool.lock);
      tail->next = pool.head;
      pool.head = head;
      pool.nfree += n;
      release(&pool.lock);
    }
    __atomic_fetch_add(&kinit_done, 1, __ATOMIC_RELEASE);
  }
}

// Hart 0: frees all of RAM, with the help of the other harts, and
// returns once every chunk is in the pool.
void
kinit(void)
{
  lock_init(&pool.lock, "kalloc");
  kinit_base = PGROUNDUP((uint64)end);
  kinit_chunks = (PHYSTOP - kinit_base + KINIT_CHUNK - 1) / KINIT_CHUNK;
  __sync_synchronize();
  kinit_open = 1;
  kinit_help();
  while(__atomic_load_n(&kinit_done, __ATOMIC_ACQUIRE) < kinit_chunks)
    ;
}

// Every other hart, while it waits for hart 0 to set the kernel up.
void
kinit_join(void)
{
  kinit_wait();
  kinit_help();
}

// Every other hart: waits until hart 0 has opened kinit (its console is
// up by then).
void
kinit_wait(void)
{
  while(kinit_open == 0)
    ;
  __sync_synchronize();
}
