// The page cache: the one copy in memory of each page of a mapped
// object, so that every MAP_SHARED mapping of it (in any process) and
// read()/write() on a file use the same physical page.
//
// An object is a file (keyed by its inode) or a shared anonymous area
// (keyed by its struct anon). The cache holds one reference on each of
// its pages; every PTE that maps one holds another. A file's page
// leaves the cache once no PTE maps it (its data is on disk by then:
// write-back happens before a dirty PTE goes). A shared anonymous page
// has no other home, so it stays until its object is dropped.

#include "kernel.h"

#define NCPAGE   4096   // pages in the cache, at most
#define NBUCKET  1024

struct cpage {
  void *obj;      // 0 when the entry is free
  uint64 idx;     // page number within the object
  uint64 pa;
  int file;       // obj is a struct inode
  int next;       // hash chain or free list; -1 ends it
};

static struct {
  struct spinlock lock;
  struct cpage e[NCPAGE];
  int bucket[NBUCKET];
  int free;
} pc;

void
pcache_init(void)
{
  lock_init(&pc.lock, "pcache");
  for(int i = 0; i < NBUCKET; i++)
    pc.bucket[i] = -1;
  for(int i = 0; i < NCPAGE; i++)
    pc.e[i].next = i + 1 < NCPAGE ? i + 1 : -1;
  pc.free = 0;
}

static int *
chain(void *obj, uint64 idx)
{
  uint64 h = ((uint64)obj >> 4) * 31 + idx;
  return &pc.bucket[h % NBUCKET];
}

// The entry for (obj, idx), or 0. pc.lock held.
static struct cpage *
find(void *obj, uint64 idx)
{
  for(int i = *chain(obj, idx); i >= 0; i = pc.e[i].next)
    if(pc.e[i].obj == obj && pc.e[i].idx == idx)
      return &pc.e[i];
  return 0;
}

// Unlink e and drop the cache's reference to its page. pc.lock held.
static void
evict(struct cpage *e)
{
  int *link = chain(e->obj, e->idx);
  int me = e - pc.e;
  while(*link != me)
    link = &pc.e[*link].next;
  *link = e->next;
  if(e->file)
    ((struct inode *)e->obj)->ncached--;
  kfree((void *)e->pa);
  e->obj = 0;
  e->next = pc.free;
  pc.free = me;
}

// The cached page (obj, idx) with a reference for the caller, or 0.
uint64
pcache_get(void *obj, uint64 idx)
{
  acquire(&pc.lock);
  struct cpage *e = find(obj, idx);
  uint64 pa = 0;
  if(e){
    pa = e->pa;
    page_dup(pa);
  }
  release(&pc.lock);
  return pa;
}

// Enter page pa (the caller's reference stays the caller's) as
// (obj, idx). If the page is there already, returns that one with a
// reference for the caller, who keeps pa. 0 when the cache is full.
uint64
pcache_insert(void *obj, uint64 idx, uint64 pa, int file)
{
  acquire(&pc.lock);
  struct cpage *e = find(obj, idx);
  if(e){
    page_dup(e->pa);
    release(&pc.lock);
    return e->pa;
  }
  if(pc.free < 0){
    release(&pc.lock);
    return 0;
  }
  e = &pc.e[pc.free];
  pc.free = e->next;
  e->obj = obj;
  e->idx = idx;
  e->pa = pa;
  e->file = file;
  int *link = chain(obj, idx);
  e->next = *link;
  *link = e - pc.e;
  if(file)
    ((struct inode *)obj)->ncached++;
  page_dup(pa);
  release(&pc.lock);
  return pa;
}

// Is pa the cached page (obj, idx)?
int
pcache_holds(void *obj, uint64 idx, uint64 pa)
{
  acquire(&pc.lock);
  struct cpage *e = find(obj, idx);
  int r = e && e->pa == pa;
  release(&pc.lock);
  return r;
}

// Drop a reference to pa, which was mapped as page idx of obj (it may
// be a private copy rather than the cached page).
void
pcache_put(void *obj, uint64 idx, uint64 pa)
{
  acquire(&pc.lock);
  kfree((void *)pa);
  struct cpage *e = find(obj, idx);
  if(e && e->pa == pa && e->file && page_refs(pa) == 1)
    evict(e);
  release(&pc.lock);
}

// Forget every page of obj (a shared anonymous area nobody maps).
void
pcache_drop(void *obj)
{
  acquire(&pc.lock);
  for(int i = 0; i < NCPAGE; i++)
    if(pc.e[i].obj == obj)
      evict(&pc.e[i]);
  release(&pc.lock);
}

// The file ip was truncated to nothing: its cached pages read as zeros,
// as the bytes past the end of a file do.
void
pcache_truncate(struct inode *ip)
{
  if(ip->ncached == 0)
    return;
  acquire(&pc.lock);
  for(int i = 0; i < NCPAGE; i++)
    if(pc.e[i].obj == ip)
      memset((void *)pc.e[i].pa, 0, PGSIZE);
  release(&pc.lock);
}
