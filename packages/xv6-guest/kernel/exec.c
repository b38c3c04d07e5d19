// exec(): replace the current process's memory with an ELF program.

#include "kernel.h"

#define ELF_MAGIC 0x464C457FU   // "\x7FELF", little-endian

struct elf64_ehdr {
  uint32 magic;
  uchar  ident[12];
  uint16 type;
  uint16 machine;
  uint32 version;
  uint64 entry;
  uint64 phoff;
  uint64 shoff;
  uint32 flags;
  uint16 ehsize;
  uint16 phentsize;
  uint16 phnum;
  uint16 shentsize;
  uint16 shnum;
  uint16 shstrndx;
};

struct elf64_phdr {
  uint32 type;
  uint32 flags;
  uint64 off;
  uint64 vaddr;
  uint64 paddr;
  uint64 filesz;
  uint64 memsz;
  uint64 align;
};

#define PT_LOAD 1
#define PF_X 1
#define PF_W 2

static int
seg_perm(uint32 flags)
{
  int perm = 0;
  if(flags & PF_X)
    perm |= PTE_X;
  if(flags & PF_W)
    perm |= PTE_W;
  return perm;
}

// Read filesz bytes at file offset off into the pages at va (page
// aligned), which are already mapped.
static int
load_segment(pagetable_t pt, uint64 va, struct inode *ip, uint off, uint64 filesz)
{
  for(uint64 i = 0; i < filesz; i += PGSIZE){
    uint64 pa = walkaddr(pt, va + i);
    if(pa == 0)
      return -1;
    uint n = MIN(filesz - i, PGSIZE);
    if(readi(ip, 0, pa, off + i, n) != n)
      return -1;
  }
  return 0;
}

int
exec(char *path, char **argv)
{
  struct proc *p = myproc();
  pagetable_t pt = 0;
  uint64 sz = 0;
  struct elf64_ehdr eh;

  begin_op();
  struct inode *ip = namei(path);
  if(ip == 0){
    end_op();
    return -1;
  }
  ilock(ip);

  if(readi(ip, 0, (uint64)&eh, 0, sizeof(eh)) != sizeof(eh) || eh.magic != ELF_MAGIC)
    goto bad;
  if((pt = proc_pagetable(p)) == 0)
    goto bad;

  for(uint i = 0; i < eh.phnum; i++){
    struct elf64_phdr ph;
    uint64 at = eh.phoff + (uint64)i * sizeof(ph);
    if(at >= ip->size || readi(ip, 0, (uint64)&ph, at, sizeof(ph)) != sizeof(ph))
      goto bad;
    if(ph.type != PT_LOAD)
      continue;
    if(ph.memsz < ph.filesz || ph.vaddr % PGSIZE != 0)
      goto bad;
    if(ph.vaddr + ph.memsz < ph.vaddr || ph.vaddr + ph.memsz > TRAPFRAME)
      goto bad;
    if(ph.off + ph.filesz < ph.off || ph.off + ph.filesz > ip->size)
      goto bad;
    uint64 nsz = uvm_alloc(pt, sz, ph.vaddr + ph.memsz, seg_perm(ph.flags));
    if(nsz == 0)
      goto bad;
    sz = MAX(sz, nsz);
    if(load_segment(pt, ph.vaddr, ip, ph.off, ph.filesz) < 0)
      goto bad;
  }
  iunlockput(ip);
  end_op();
  ip = 0;

  // A guard page, then the stack.
  sz = PGROUNDUP(sz);
  if(sz + (USERSTACK + 1) * PGSIZE > TRAPFRAME)
    goto bad;
  uint64 nsz = uvm_alloc(pt, sz, sz + (USERSTACK + 1) * PGSIZE, PTE_W);
  if(nsz == 0)
    goto bad;
  sz = nsz;
  uvm_clear_user(pt, sz - (USERSTACK + 1) * PGSIZE);
  uint64 sp = sz;
  uint64 stack_low = sz - USERSTACK * PGSIZE;

  // The argument strings, then the argv array, 16-byte aligned.
  uint64 uargv[MAXARG + 1];
  int argc;
  for(argc = 0; argv[argc]; argc++){
    if(argc >= MAXARG)
      goto bad;
    uint64 len = strlen(argv[argc]) + 1;
    sp = (sp - len) & ~0xfUL;
    if(sp < stack_low || copyout(pt, sp, argv[argc], len) < 0)
      goto bad;
    uargv[argc] = sp;
  }
  uargv[argc] = 0;
  sp = (sp - (argc + 1) * sizeof(uint64)) & ~0xfUL;
  if(sp < stack_low || copyout(pt, sp, uargv, (argc + 1) * sizeof(uint64)) < 0)
    goto bad;

  // main(argc, argv): argc comes back as exec's return value in a0.
  p->trapframe->a1 = sp;

  char *last = path, *s;
  for(s = path; *s; s++)
    if(*s == '/')
      last = s + 1;
  safestrcpy(p->name, last, sizeof(p->name));

  pagetable_t oldpt = p->pagetable;
  uint64 oldsz = p->sz;
  p->pagetable = pt;
  p->sz = sz;
  p->trapframe->epc = eh.entry;
  p->trapframe->sp = sp;
  fp_reset(p, 0);
  vma_release_all(p, oldpt, 1);
  proc_freepagetable(oldpt, oldsz);
  return argc;

bad:
  if(pt)
    proc_freepagetable(pt, sz);
  if(ip){
    iunlockput(ip);
    end_op();
  }
  return -1;
}
