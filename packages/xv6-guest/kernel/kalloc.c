// Physical page allocator: a free list of 4096-byte pages covering RAM
// from the end of the kernel image to PHYSTOP.

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

void
kfree(void *pa)
{
  uint64 a = (uint64)pa;
  if(a % PGSIZE != 0 || a < (uint64)end || a >= PHYSTOP)
    panic("kfree: bad page");

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
  if(fp)
    memset(fp, 0xa5, PGSIZE); // junk, to catch use before init
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
  for(uint64 a = PGROUNDUP((uint64)end); a + PGSIZE <= PHYSTOP; a += PGSIZE)
    kfree((void *)a);
}
