// Sv39 page tables: the kernel's (shared by all harts) and each
// process's user address space.

#include "kernel.h"

pagetable_t kernel_pagetable;

extern char etext[];        // end of kernel text (kernel.ld)
extern char trampoline[];   // trampoline.S

static pagetable_t
new_table(void)
{
  pagetable_t pt = kalloc();
  if(pt)
    memset(pt, 0, PGSIZE);
  return pt;
}

// Map [va, va+sz) to [pa, pa+sz) in the kernel page table, at boot.
void
kvmmap(pagetable_t kpt, uint64 va, uint64 pa, uint64 sz, int perm)
{
  if(mappages(kpt, va, sz, pa, perm) != 0)
    panic("kvmmap");
}

void
kvm_init(void)
{
  pagetable_t k = new_table();
  if(k == 0)
    panic("kvm_init");
  kvmmap(k, UART0, UART0, PGSIZE, PTE_R | PTE_W);
  kvmmap(k, VIRTIO0, VIRTIO0, PGSIZE, PTE_R | PTE_W);
  kvmmap(k, PLIC, PLIC, 0x400000, PTE_R | PTE_W);
  kvmmap(k, CLINT, CLINT, PGSIZE, PTE_R | PTE_W);     // MSIP words, for IPIs
  kvmmap(k, KERNBASE, KERNBASE, (uint64)etext - KERNBASE, PTE_R | PTE_X);
  kvmmap(k, (uint64)etext, (uint64)etext, PHYSTOP - (uint64)etext, PTE_R | PTE_W);
  kvmmap(k, TRAMPOLINE, (uint64)trampoline, PGSIZE, PTE_R | PTE_X);
  proc_mapstacks(k);
  kernel_pagetable = k;
}

// Turn paging on for this hart.
void
kvm_inithart(void)
{
  sfence_vma();
  csr_write(satp, MAKE_SATP(kernel_pagetable));
  sfence_vma();
}

// The address of the level-0 PTE for va, creating the intermediate
// tables on the way when alloc is set. 0 if absent or out of memory.
pte_t *
walk(pagetable_t pt, uint64 va, int alloc)
{
  if(va >= MAXVA)
    panic("walk");
  for(int level = 2; level > 0; level--){
    pte_t *pte = &pt[PX(level, va)];
    if(*pte & PTE_V){
      pt = (pagetable_t)PTE2PA(*pte);
    } else {
      if(!alloc || (pt = new_table()) == 0)
        return 0;
      *pte = PA2PTE(pt) | PTE_V;
    }
  }
  return &pt[PX(0, va)];
}

// Physical address of user page va, or 0 if it is not a valid user page.
uint64
walkaddr(pagetable_t pt, uint64 va)
{
  if(va >= MAXVA)
    return 0;
  pte_t *pte = walk(pt, va, 0);
  if(pte == 0 || (*pte & PTE_V) == 0 || (*pte & PTE_U) == 0)
    return 0;
  return PTE2PA(*pte);
}

// Map the pages covering [va, va+size) to physical memory from pa.
// Returns -1 when a page table cannot be allocated.
int
mappages(pagetable_t pt, uint64 va, uint64 size, uint64 pa, int perm)
{
  if(size == 0)
    panic("mappages: size 0");
  uint64 a = PGROUNDDOWN(va);
  uint64 last = PGROUNDDOWN(va + size - 1);
  for(;;){
    pte_t *pte = walk(pt, a, 1);
    if(pte == 0)
      return -1;
    if(*pte & PTE_V)
      panic("mappages: remap");
    *pte = PA2PTE(pa) | perm | PTE_V;
    if(a == last)
      break;
    a += PGSIZE;
    pa += PGSIZE;
  }
  return 0;
}

// Like walk() without allocation, for loops over large, sparse ranges:
// when a whole upper-level table is missing, *next is set to the first
// address past the hole and 0 is returned.
pte_t *
walk_sparse(pagetable_t pt, uint64 va, uint64 *next)
{
  *next = va + PGSIZE;
  for(int level = 2; level > 0; level--){
    pte_t *pte = &pt[PX(level, va)];
    if((*pte & PTE_V) == 0){
      uint64 span = 1UL << PXSHIFT(level);
      *next = (va & ~(span - 1)) + span;
      return 0;
    }
    pt = (pagetable_t)PTE2PA(*pte);
  }
  return &pt[PX(0, va)];
}

// Remove npages mappings from va (page aligned), freeing the memory if
// asked. Pages that are not mapped are skipped.
void
uvm_unmap(pagetable_t pt, uint64 va, uint64 npages, int do_free)
{
  if(va % PGSIZE)
    panic("uvm_unmap: not aligned");
  uint64 next;
  for(uint64 a = va; a < va + npages * PGSIZE; a = next){
    pte_t *pte = walk_sparse(pt, a, &next);
    if(pte == 0 || (*pte & PTE_V) == 0)
      continue;
    if(PTE_FLAGS(*pte) == PTE_V)
      panic("uvm_unmap: not a leaf");
    if(do_free)
      kfree((void *)PTE2PA(*pte));
    *pte = 0;
  }
}

pagetable_t
uvm_create(void)
{
  return new_table();
}

// Grow a process from oldsz to newsz bytes with zeroed pages.
// Returns the new size, or 0 on failure (nothing is left allocated).
uint64
uvm_alloc(pagetable_t pt, uint64 oldsz, uint64 newsz, int xperm)
{
  if(newsz < oldsz)
    return oldsz;
  for(uint64 a = PGROUNDUP(oldsz); a < newsz; a += PGSIZE){
    void *mem = kalloc();
    if(mem == 0){
      uvm_dealloc(pt, a, oldsz);
      return 0;
    }
    memset(mem, 0, PGSIZE);
    if(mappages(pt, a, PGSIZE, (uint64)mem, PTE_R | PTE_U | xperm) != 0){
      kfree(mem);
      uvm_dealloc(pt, a, oldsz);
      return 0;
    }
  }
  return newsz;
}

// Shrink a process from oldsz to newsz bytes. Returns the new size.
uint64
uvm_dealloc(pagetable_t pt, uint64 oldsz, uint64 newsz)
{
  if(newsz >= oldsz)
    return oldsz;
  uint64 from = PGROUNDUP(newsz), to = PGROUNDUP(oldsz);
  if(from < to)
    uvm_unmap(pt, from, (to - from) / PGSIZE, 1);
  return newsz;
}

// Free the page-table pages; every leaf must be gone already.
static void
free_tables(pagetable_t pt)
{
  for(int i = 0; i < 512; i++){
    pte_t pte = pt[i];
    if(pte & PTE_V){
      if(pte & (PTE_R | PTE_W | PTE_X))
        panic("free_tables: leaf");
      free_tables((pagetable_t)PTE2PA(pte));
      pt[i] = 0;
    }
  }
  kfree(pt);
}

// Free user memory [0, sz) and then the page table.
void
uvm_free(pagetable_t pt, uint64 sz)
{
  if(sz > 0)
    uvm_unmap(pt, 0, PGROUNDUP(sz) / PGSIZE, 1);
  free_tables(pt);
}

// Give the child a copy of the parent's memory [0, sz).
int
uvm_copy(pagetable_t from, pagetable_t to, uint64 sz)
{
  uint64 next;
  for(uint64 a = 0; a < sz; a = next){
    pte_t *pte = walk_sparse(from, a, &next);
    if(pte == 0 || (*pte & PTE_V) == 0)
      continue;
    void *mem = kalloc();
    if(mem == 0)
      goto fail;
    memmove(mem, (void *)PTE2PA(*pte), PGSIZE);
    if(mappages(to, a, PGSIZE, (uint64)mem, PTE_FLAGS(*pte)) != 0){
      kfree(mem);
      goto fail;
    }
  }
  return 0;
fail:
  uvm_unmap(to, 0, PGROUNDUP(sz) / PGSIZE, 1);
  return -1;
}

// Make a page inaccessible to user mode (the stack guard page).
void
uvm_clear_user(pagetable_t pt, uint64 va)
{
  pte_t *pte = walk(pt, va, 0);
  if(pte == 0)
    panic("uvm_clear_user");
  *pte &= ~PTE_U;
}

// A fault (or a kernel copy) at user address va of the current process,
// for access (FAULT_*). Heap pages that sbrk() added lazily are
// allocated here, zeroed; mapped areas above the heap are vma.c's.
// Returns 0 if the page is now mapped, -1 if the access is an error.
int
uvm_fault(uint64 va, int access)
{
  struct proc *p = myproc();
  if(p == 0 || va >= MAXVA)
    return -1;
  if(va >= p->sz)
    return vma_fault(p, va, access);
  va = PGROUNDDOWN(va);
  pte_t *pte = walk(p->pagetable, va, 0);
  if(pte && (*pte & PTE_V))
    return -1;           // present: a protection fault, not a lazy page
  void *mem = kalloc();
  if(mem == 0){
    printf("pid %d %s: out of memory for a lazily allocated page\n", p->pid, p->name);
    return -1;
  }
  memset(mem, 0, PGSIZE);
  if(mappages(p->pagetable, va, PGSIZE, (uint64)mem, PTE_R | PTE_W | PTE_U) != 0){
    kfree(mem);
    return -1;
  }
  return 0;
}

// The kernel address of user byte va if the page allows the access
// (PTE_R or PTE_W in need), else 0.
static char *
user_byte(pagetable_t pt, uint64 va, int need)
{
  if(va >= MAXVA)
    return 0;
  pte_t *pte = walk(pt, va, 0);
  if(pte == 0 || (*pte & PTE_V) == 0 || (need == PTE_W && (*pte & PTE_W) == 0)){
    // Perhaps a page the current process has not touched yet, or a
    // copy-on-write page to be copied.
    struct proc *p = myproc();
    if(p == 0 || p->pagetable != pt || uvm_fault(va, need == PTE_W ? FAULT_WRITE : FAULT_READ) != 0)
      return 0;
    pte = walk(pt, va, 0);
  }
  if(pte == 0 || (*pte & (PTE_V | PTE_U)) != (PTE_V | PTE_U) || (*pte & need) == 0)
    return 0;
  return (char *)PTE2PA(*pte) + (va % PGSIZE);
}

int
copyout(pagetable_t pt, uint64 dstva, const void *src, uint64 len)
{
  const char *s = src;
  while(len > 0){
    char *d = user_byte(pt, dstva, PTE_W);
    if(d == 0)
      return -1;
    uint64 n = MIN(PGSIZE - dstva % PGSIZE, len);
    memmove(d, s, n);
    len -= n;
    s += n;
    dstva += n;
  }
  return 0;
}

int
copyin(pagetable_t pt, void *dst, uint64 srcva, uint64 len)
{
  char *d = dst;
  while(len > 0){
    char *s = user_byte(pt, srcva, PTE_R);
    if(s == 0)
      return -1;
    uint64 n = MIN(PGSIZE - srcva % PGSIZE, len);
    memmove(d, s, n);
    len -= n;
    d += n;
    srcva += n;
  }
  return 0;
}

// Copy a NUL-terminated string of at most max bytes (NUL included).
// Returns 0, or -1 for a bad address or a string too long.
int
copyinstr(pagetable_t pt, char *dst, uint64 srcva, uint64 max)
{
  while(max > 0){
    char *s = user_byte(pt, srcva, PTE_R);
    if(s == 0)
      return -1;
    uint64 n = MIN(PGSIZE - srcva % PGSIZE, max);
    for(uint64 i = 0; i < n; i++){
      *dst = s[i];
      if(s[i] == 0)
        return 0;
      dst++;
    }
    max -= n;
    srcva += n;
  }
  return -1;
}
