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

void
kinit(void)
{
  lock_init(&pool.lock, "kalloc");
  for(uint64 a = PGROUNDUP((uint64)end); a + PGSIZE <= PHYSTOP; a += PGSIZE){
    *ref_of(a) = 1;
    kfree((void *)a);
  }
}
