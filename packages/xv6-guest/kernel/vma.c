// Mapped areas: mmap, munmap, msync, mprotect, and the page faults
// that fill them in.
//
// Each process has a table of areas (struct vma). Nothing is allocated
// or read when an area is made; a page appears on its first touch:
//  - a shared file page is the page cache's page, so every mapping of
//    the file and read()/write() see the same bytes;
//  - a private file page is the cache's page mapped read-only until it
//    is written, then a private copy (copy-on-write);
//  - shared anonymous memory (MAP_ANONYMOUS|MAP_SHARED, /dev/zero) is
//    a cache object of its own (struct anon), kept alive by its areas;
//  - private anonymous memory is a zeroed page of the process's own,
//    copy-on-write after fork().
// Areas sit between the heap and the trap frame, placed top-down; the
// heap may not grow into them. A dirty shared file page (the PTE's D
// bit) is written back when it is unmapped or msync()ed, and never
// past the end of the file.

#include "kernel.h"

#define NANON (NPROC * 4)

struct anon {
  int ref;
};

static struct {
  struct spinlock lock;
  struct anon a[NANON];
} anons;

void
vma_init(void)
{
  lock_init(&anons.lock, "anon");
}

static struct anon *
anon_new(void)
{
  acquire(&anons.lock);
  for(struct anon *a = anons.a; a < &anons.a[NANON]; a++){
    if(a->ref == 0){
      a->ref = 1;
      release(&anons.lock);
      return a;
    }
  }
  release(&anons.lock);
  return 0;
}

static void
anon_dup(struct anon *a)
{
  acquire(&anons.lock);
  a->ref++;
  release(&anons.lock);
}

static void
anon_put(struct anon *a)
{
  acquire(&anons.lock);
  int left = --a->ref;
  release(&anons.lock);
  if(left == 0)
    pcache_drop(a);
}

// ------------------------------------------------------------ the table

// The cache object behind v's pages, or 0 for private anonymous memory.
static void *
object(struct vma *v)
{
  if(v->file)
    return v->file->ip;
  return v->anon;
}

static uint64
page_index(struct vma *v, uint64 va)
{
  return (v->off + (va - v->start)) / PGSIZE;
}

static struct vma *
find_vma(struct proc *p, uint64 va)
{
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start <= va && va < v->end)
      return v;
  return 0;
}

static int
free_slots(struct proc *p)
{
  int n = 0;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end == 0)
      n++;
  return n;
}

static struct vma *
new_vma(struct proc *p)
{
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end == 0)
      return v;
  return 0;
}

// Take the references an area holds on its file or anonymous object.
static void
hold(struct vma *v)
{
  if(v->file)
    filedup(v->file);
  if(v->anon)
    anon_dup(v->anon);
}

static void
unhold(struct vma *v)
{
  if(v->file)
    fileclose(v->file);
  if(v->anon)
    anon_put(v->anon);
  memset(v, 0, sizeof(*v));
}

// The lowest address an area uses (TRAPFRAME if none): the heap's limit.
uint64
vma_floor(struct proc *p)
{
  uint64 low = TRAPFRAME;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < low)
      low = v->start;
  return low;
}

// Split v at page address at (start < at < end); v keeps the lower
// part. Returns the upper part, or 0 when the table is full.
static struct vma *
split(struct proc *p, struct vma *v, uint64 at)
{
  struct vma *nv = new_vma(p);
  if(nv == 0)
    return 0;
  *nv = *v;
  nv->start = at;
  nv->off = v->off + (at - v->start);
  v->end = at;
  hold(nv);
  return nv;
}

// ---------------------------------------------------------------- pages

// PTE permission bits for a page of v. Private pages are writable only
// once they are the process's own (copy-on-write).
static int
pte_perm(struct vma *v, int own)
{
  if(v->prot == PROT_NONE)
    return PTE_R;        // a leaf nobody in user mode may touch
  int perm = PTE_U;
  if(v->prot & (PROT_READ | PROT_WRITE))
    perm |= PTE_R;
  if((v->prot & PROT_WRITE) && ((v->flags & MAP_SHARED) || own))
    perm |= PTE_W;
  if(v->prot & PROT_EXEC)
    perm |= PTE_X;
  return perm;
}

// May this process sleep for I/O here? Not with a spinlock held (a
// pipe or the console copying to the user), nor inside an operation
// that holds ip's lock already (read() into a mapping of the same file:
// the system calls fault such pages in beforehand, see vma_prefault).
static int
can_read(struct inode *ip)
{
  return !holding_spinlocks() && !holdingsleep(&ip->lock);
}

// Page idx of file ip from the page cache, reading it in if needed,
// with a reference for the caller. 0 on failure.
static uint64
file_page(struct inode *ip, uint64 idx)
{
  uint64 pa = pcache_get(ip, idx);
  if(pa || !can_read(ip))
    return pa;
  char *mem = kalloc();
  if(mem == 0)
    return 0;
  // Hold the inode's lock from the read until the page is in the cache,
  // so that no write() slips in between and is missed by the page.
  ilock(ip);
  pa = pcache_get(ip, idx);
  if(pa == 0){
    memset(mem, 0, PGSIZE);
    if(idx * PGSIZE < ip->size)
      readi(ip, 0, (uint64)mem, idx * PGSIZE, PGSIZE);
    pa = pcache_insert(ip, idx, (uint64)mem, 1);
  }
  iunlock(ip);
  if(pa != (uint64)mem)
    kfree(mem);
  return pa;
}

// A new page holding a private copy of page idx of file ip.
static uint64
private_file_page(struct inode *ip, uint64 idx)
{
  if(!can_read(ip))
    return 0;
  char *mem = kalloc();
  if(mem == 0)
    return 0;
  memset(mem, 0, PGSIZE);
  ilock(ip);
  if(idx * PGSIZE < ip->size)
    readi(ip, 0, (uint64)mem, idx * PGSIZE, PGSIZE);
  iunlock(ip);
  return (uint64)mem;
}

static uint64
zeroed_page(void)
{
  void *mem = kalloc();
  if(mem)
    memset(mem, 0, PGSIZE);
  return (uint64)mem;
}

// Page idx of shared anonymous object a, made on first use.
static uint64
anon_page(struct anon *a, uint64 idx)
{
  uint64 pa = pcache_get(a, idx);
  if(pa)
    return pa;
  uint64 mem = zeroed_page();
  if(mem == 0)
    return 0;
  pa = pcache_insert(a, idx, mem, 0);
  if(pa != mem)
    kfree((void *)mem);
  return pa;
}

// Write page pa, page va of shared file area v, back to the file, but
// not past its end.
static void
write_back(struct vma *v, uint64 va, uint64 pa)
{
  struct inode *ip = v->file->ip;
  uint64 off = page_index(v, va) * PGSIZE;
  begin_op();
  ilock(ip);
  if(off < ip->size)
    writei(ip, 0, pa, off, MIN(PGSIZE, ip->size - off));
  iunlock(ip);
  end_op();
}

static int
shared_file(struct vma *v)
{
  return v->file && (v->flags & MAP_SHARED);
}

// Remove the pages of v in [a, b) from page table pt, writing dirty
// shared file pages back first if asked.
static void
drop_pages(pagetable_t pt, struct vma *v, uint64 a, uint64 b, int writeback)
{
  uint64 next;
  for(uint64 va = a; va < b; va = next){
    pte_t *pte = walk_sparse(pt, va, &next);
    if(pte == 0 || (*pte & PTE_V) == 0)
      continue;
    uint64 pa = PTE2PA(*pte);
    if(writeback && shared_file(v) && (*pte & PTE_D))
      write_back(v, va, pa);
    *pte = 0;
    void *obj = object(v);
    if(obj)
      pcache_put(obj, page_index(v, va), pa);
    else
      kfree((void *)pa);
  }
}

// Give up [a, b) of v (a page-aligned part of it). The caller has made
// sure a free slot exists if the range is in v's middle.
static void
unmap_part(struct proc *p, pagetable_t pt, struct vma *v, uint64 a, uint64 b, int writeback)
{
  drop_pages(pt, v, a, b, writeback);
  if(a == v->start && b == v->end){
    unhold(v);
  } else if(a == v->start){
    v->off += b - v->start;
    v->start = b;
  } else if(b == v->end){
    v->end = a;
  } else {
    split(p, v, b);
    v->end = a;
  }
}

// Unmap [a, b) from p. -1 if a split is needed and the table is full.
static int
unmap_range(struct proc *p, uint64 a, uint64 b)
{
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < a && b < v->end && free_slots(p) == 0)
      return -1;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < b && a < v->end)
      unmap_part(p, p->pagetable, v, MAX(a, v->start), MIN(b, v->end), 1);
  sfence_vma();
  return 0;
}

// Unmap every area of p from pt (exit and exec), writing back if asked.
void
vma_release_all(struct proc *p, pagetable_t pt, int writeback)
{
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end)
      unmap_part(p, pt, v, v->start, v->end, writeback);
}

// ---------------------------------------------------------------- faults

static int
allows(struct vma *v, int access)
{
  switch(access){
  case FAULT_READ:  return (v->prot & (PROT_READ | PROT_WRITE)) != 0;
  case FAULT_WRITE: return (v->prot & PROT_WRITE) != 0;
  default:          return (v->prot & PROT_EXEC) != 0;
  }
}

// A write to a present, read-only page of writable area v.
static int
write_fault(struct vma *v, uint64 va, pte_t *pte)
{
  uint64 pa = PTE2PA(*pte);
  void *obj = object(v);
  uint64 idx = page_index(v, va);
  if(v->flags & MAP_SHARED){
    *pte |= PTE_W;
    return 0;
  }
  int cached = obj && pcache_holds(obj, idx, pa);
  if(!cached && page_refs(pa) == 1){
    *pte |= PTE_W;     // the last sharer after fork: it is ours now
    return 0;
  }
  char *mem = kalloc();
  if(mem == 0)
    return -1;
  memmove(mem, (void *)pa, PGSIZE);
  *pte = PA2PTE(mem) | (*pte & (PTE_A | PTE_D)) | pte_perm(v, 1) | PTE_V;
  if(obj)
    pcache_put(obj, idx, pa);
  else
    kfree((void *)pa);
  return 0;
}

// A page fault (or a kernel copy) at va, above the heap, of process p.
// Returns 0 if the access may now proceed, -1 if it is an error.
int
vma_fault(struct proc *p, uint64 va, int access)
{
  struct vma *v = find_vma(p, va);
  if(v == 0 || !allows(v, access))
    return -1;
  va = PGROUNDDOWN(va);
  pte_t *pte = walk(p->pagetable, va, 0);
  if(pte && (*pte & PTE_V)){
    if((*pte & PTE_U) == 0)
      return -1;
    if(access == FAULT_WRITE && (*pte & PTE_W) == 0){
      int r = write_fault(v, va, pte);
      sfence_vma();
      return r;
    }
    // Hardware that leaves A and D to software faults on first use.
    *pte |= PTE_A | (access == FAULT_WRITE ? PTE_D : 0);
    sfence_vma();
    return 0;
  }

  uint64 idx = page_index(v, va);
  uint64 pa;
  int own = 1;
  if(v->file && (v->flags & MAP_SHARED)){
    pa = file_page(v->file->ip, idx);
  } else if(v->file && access == FAULT_WRITE){
    pa = private_file_page(v->file->ip, idx);
  } else if(v->file){
    pa = file_page(v->file->ip, idx);
    own = 0;
  } else if(v->anon){
    pa = anon_page(v->anon, idx);
  } else {
    pa = zeroed_page();
  }
  if(pa == 0)
    return -1;
  if((pte = walk(p->pagetable, va, 1)) == 0){
    if(object(v))
      pcache_put(object(v), idx, pa);
    else
      kfree((void *)pa);
    return -1;
  }
  *pte = PA2PTE(pa) | pte_perm(v, own) | PTE_V;
  return 0;
}

// Fault in the file-backed pages of [va, va+n) that the kernel is about
// to copy to (write set) or from, before it takes locks it cannot sleep
// under. (Anonymous pages need no I/O.) Other pages, and failures, are
// left for the copy.
void
vma_prefault(uint64 va, uint64 n, int write)
{
  struct proc *p = myproc();
  if(n == 0 || va + n < va)
    return;
  int access = write ? FAULT_WRITE : FAULT_READ;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++){
    if(v->end == 0 || v->file == 0 || v->end <= va || va + n <= v->start)
      continue;
    uint64 a = PGROUNDDOWN(MAX(va, v->start));
    uint64 b = MIN(va + n, v->end);
    for(; a < b; a += PGSIZE){
      pte_t *pte = walk(p->pagetable, a, 0);
      if(pte && (*pte & PTE_V) && (!write || (*pte & PTE_W)))
        continue;
      if(vma_fault(p, a, access) < 0)
        return;
    }
  }
}

// ------------------------------------------------------------------ fork

// Give child np the areas of p. Shared pages are mapped in both;
// private ones become copy-on-write in both. -1 if out of memory
// (the caller then releases np's areas).
int
vma_fork(struct proc *p, struct proc *np)
{
  int r = 0;
  for(int i = 0; i < NVMA && r == 0; i++){
    struct vma *v = &p->vmas[i];
    if(v->end == 0)
      continue;
    np->vmas[i] = *v;
    hold(&np->vmas[i]);
    uint64 next;
    for(uint64 va = v->start; va < v->end; va = next){
      pte_t *pte = walk_sparse(p->pagetable, va, &next);
      if(pte == 0 || (*pte & PTE_V) == 0)
        continue;
      pte_t *cpte = walk(np->pagetable, va, 1);
      if(cpte == 0){
        r = -1;
        break;
      }
      if((v->flags & MAP_PRIVATE) && (*pte & PTE_W))
        *pte &= ~PTE_W;
      // The child's D bit starts clear: the parent writes back what it
      // dirtied, the child what it dirties.
      *cpte = *pte & ~PTE_D;
      page_dup(PTE2PA(*pte));
    }
  }
  sfence_vma();
  return r;
}

// ---------------------------------------------------------- system calls

// Where a new area of len bytes goes: at hint if that is free, else the
// highest free range below the trap frame. 0 if there is no room.
static uint64
place(struct proc *p, uint64 hint, uint64 len)
{
  uint64 floor = PGROUNDUP(p->sz);
  if(hint && hint % PGSIZE == 0 && hint >= floor && hint + len <= TRAPFRAME && hint + len > hint){
    int clash = 0;
    for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
      if(v->end && v->start < hint + len && hint < v->end)
        clash = 1;
    if(!clash)
      return hint;
  }
  uint64 top = TRAPFRAME;
  for(;;){
    if(top < floor + len)
      return 0;
    uint64 start = top - len;
    uint64 lowest = top;
    for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
      if(v->end && v->start < top && start < v->end && v->start < lowest)
        lowest = v->start;
    if(lowest == top)
      return start;
    top = lowest;
  }
}

uint64
sys_mmap(void)
{
  uint64 addr, len, off;
  int prot, flags, fd;
  argaddr(0, &addr);
  argaddr(1, &len);
  argint(2, &prot);
  argint(3, &flags);
  argint(4, &fd);
  argaddr(5, &off);
  struct proc *p = myproc();

  int share = flags & (MAP_SHARED | MAP_PRIVATE);
  if(len == 0 || len > TRAPFRAME || off % PGSIZE != 0 || (long)off < 0 ||
     (share != MAP_SHARED && share != MAP_PRIVATE) ||
     (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0 ||
     (flags & ~(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS)) != 0)
    return -1;
  len = PGROUNDUP(len);

  struct file *f = 0;
  if((flags & MAP_ANONYMOUS) == 0){
    if(fd < 0 || fd >= NOFILE || (f = p->ofile[fd]) == 0)
      return -1;
    if(!f->readable || (share == MAP_SHARED && (prot & PROT_WRITE) && !f->writable))
      return -1;
    if(f->type == FD_DEVICE && f->major == DEVZERO)
      f = 0;         // /dev/zero maps as anonymous memory
    else if(f->type != FD_INODE || f->ip->type != T_FILE)
      return -1;
  }
  if(f == 0)
    off = 0;
  if(off + len < off || (off + len) / PGSIZE > 0xffffffffUL)
    return -1;

  uint64 start;
  if(flags & MAP_FIXED){
    if(addr % PGSIZE != 0 || addr < PGROUNDUP(p->sz) || addr + len > TRAPFRAME || addr + len < addr)
      return -1;
    // Room for the new area (and for a split if it lands inside one),
    // counting the slots of the areas it replaces whole.
    int need = 1, freed = 0;
    for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++){
      if(v->end && v->start < addr && addr + len < v->end)
        need = 2;
      if(v->end && addr <= v->start && v->end <= addr + len)
        freed++;
    }
    if(free_slots(p) + freed < need)
      return -1;
    if(unmap_range(p, addr, addr + len) < 0)
      return -1;
    start = addr;
  } else {
    if(free_slots(p) == 0 || (start = place(p, PGROUNDDOWN(addr), len)) == 0)
      return -1;
  }

  struct anon *a = 0;
  if(f == 0 && share == MAP_SHARED && (a = anon_new()) == 0)
    return -1;
  struct vma *v = new_vma(p);
  v->start = start;
  v->end = start + len;
  v->prot = prot;
  v->flags = share;
  v->file = f ? filedup(f) : 0;
  v->off = off;
  v->anon = a;
  v->writable = f ? f->writable : 1;
  return start;
}

// Check that [addr, addr+len) is a page-aligned, non-empty range;
// sets *end. -1 otherwise.
static int
user_range(uint64 addr, uint64 len, uint64 *end)
{
  if(addr % PGSIZE != 0 || len == 0 || addr >= TRAPFRAME || len > TRAPFRAME - addr)
    return -1;
  *end = PGROUNDUP(addr + len);
  return 0;
}

uint64
sys_munmap(void)
{
  uint64 addr, len, end;
  argaddr(0, &addr);
  argaddr(1, &len);
  struct proc *p = myproc();
  if(user_range(addr, len, &end) < 0)
    return -1;
  int mapped = 0;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < end && addr < v->end)
      mapped = 1;
  if(!mapped)
    return -1;
  return unmap_range(p, addr, end);
}

// Is every page of [a, b) inside some area?
static int
covered(struct proc *p, uint64 a, uint64 b)
{
  while(a < b){
    struct vma *v = find_vma(p, a);
    if(v == 0)
      return 0;
    a = v->end;
  }
  return 1;
}

uint64
sys_msync(void)
{
  uint64 addr, len, end;
  int flags;
  argaddr(0, &addr);
  argaddr(1, &len);
  argint(2, &flags);
  struct proc *p = myproc();
  if(user_range(addr, len, &end) < 0 || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) != 0 ||
     (flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC) || !covered(p, addr, end))
    return -1;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++){
    if(v->end == 0 || v->end <= addr || end <= v->start || !shared_file(v))
      continue;
    uint64 next;
    for(uint64 va = MAX(addr, v->start); va < MIN(end, v->end); va = next){
      pte_t *pte = walk_sparse(p->pagetable, va, &next);
      if(pte && (*pte & PTE_V) && (*pte & PTE_D)){
        *pte &= ~PTE_D;
        sfence_vma();    // later stores must set D again
        write_back(v, va, PTE2PA(*pte));
      }
    }
  }
  return 0;
}

uint64
sys_mprotect(void)
{
  uint64 addr, len, end;
  int prot;
  argaddr(0, &addr);
  argaddr(1, &len);
  argint(2, &prot);
  struct proc *p = myproc();
  if(user_range(addr, len, &end) < 0 || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0 ||
     !covered(p, addr, end))
    return -1;
  int need = 0;
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++){
    if(v->end == 0 || v->end <= addr || end <= v->start)
      continue;
    if((prot & PROT_WRITE) && (v->flags & MAP_SHARED) && !v->writable)
      return -1;
    need += (v->start < addr) + (end < v->end);
  }
  if(free_slots(p) < need)
    return -1;

  // Cut the areas at the range's ends, then change the ones inside.
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < addr && addr < v->end)
      split(p, v, addr);
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++)
    if(v->end && v->start < end && end < v->end)
      split(p, v, end);
  for(struct vma *v = p->vmas; v < &p->vmas[NVMA]; v++){
    if(v->end == 0 || v->start < addr || end < v->end)
      continue;
    v->prot = prot;
    uint64 next;
    for(uint64 va = v->start; va < v->end; va = next){
      pte_t *pte = walk_sparse(p->pagetable, va, &next);
      if(pte == 0 || (*pte & PTE_V) == 0)
        continue;
      // A private page stays read-only until a write fault decides
      // whether it must be copied.
      *pte = (*pte & ~(PTE_R | PTE_W | PTE_X | PTE_U)) | pte_perm(v, 0);
    }
  }
  sfence_vma();
  return 0;
}
