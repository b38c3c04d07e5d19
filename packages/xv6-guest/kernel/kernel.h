// The kernel's private header: its data structures and the functions
// each part offers to the others.
#ifndef XV6G_KERNEL_H
#define XV6G_KERNEL_H

#include "types.h"
#include "param.h"
#include "riscv.h"
#include "memlayout.h"
#include "fs.h"
#include "stat.h"
#include "fcntl.h"
#include "spinlock.h"
#include "sleeplock.h"
#include "file.h"

#define NULL ((void *)0)
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

// ---------------------------------------------------------------- locks

// lock.c
void  lock_init(struct spinlock *, const char *);
void  acquire(struct spinlock *);
void  release(struct spinlock *);
int   holding(struct spinlock *);
void  push_off(void);
void  pop_off(void);
void  sleeplock_init(struct sleeplock *, const char *);
void  acquiresleep(struct sleeplock *);
void  releasesleep(struct sleeplock *);
int   holdingsleep(struct sleeplock *);
int   holding_spinlocks(void);

// ------------------------------------------------------------ processes

// Registers that swtch() saves: the callee-saved ones, sp and ra.
struct context {
  uint64 ra, sp;
  uint64 s[12];
};

// The page the trampoline saves user registers into. x[i] is
// register xi; the named fields alias them. The trampoline knows the
// offsets of the fields after x[] (see trampoline.S).
struct trapframe {
  union {
    uint64 x[32];
    struct {
      uint64 zero, ra, sp, gp, tp, t0, t1, t2, s0, s1;
      uint64 a0, a1, a2, a3, a4, a5, a6, a7;
      uint64 s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
      uint64 t3, t4, t5, t6;
    };
  };
  uint64 kernel_satp;    // 256: kernel page table
  uint64 kernel_sp;      // 264: top of this process's kernel stack
  uint64 kernel_trap;    // 272: usertrap()
  uint64 epc;            // 280: user pc
  uint64 kernel_hartid;  // 288: tp for the kernel
};

struct cpu {
  struct proc *proc;       // running process, or 0
  struct context sched;    // swtch() here to enter the scheduler
  int noff;                // depth of push_off()
  int intena;              // were interrupts on before push_off()?
  int idle;                // in the scheduler, may be about to wfi
  struct proc *fpowner;    // whose FP registers this hart holds (fpu.c)
};

// A hart's machine software interrupt bit in the CLINT: writing 1 makes
// start.c's machine-mode handler raise a supervisor software interrupt
// there (an IPI).
#define CLINT_MSIP(h) (CLINT + 4*(h))

extern struct cpu cpus[NCPU];

// A mapped area of a process: [start, end), page aligned.
struct anon;
struct vma {
  uint64 start, end;
  int prot;                // PROT_*
  int flags;               // MAP_SHARED or MAP_PRIVATE
  struct file *file;       // mapped file (a reference), or 0 if anonymous
  uint64 off;              // offset of start in the file or anonymous object
  struct anon *anon;       // shared anonymous memory, or 0
  int writable;            // the file may be written through MAP_SHARED
};
#define NVMA 32

enum procstate { UNUSED, USED, SLEEPING, RUNNABLE, RUNNING, ZOMBIE };

// A process's floating-point registers and fcsr, as fpu.S saves them.
struct fpstate {
  uint64 f[32];
  uint64 fcsr;
};

struct proc {
  struct spinlock lock;

  // p->lock must be held to use these:
  enum procstate state;
  void *chan;              // sleeping on this
  int killed;
  int xstate;              // exit status for the parent's wait()
  int pid;

  // wait_lock must be held to use this:
  struct proc *parent;

  // private to the process:
  uint64 kstack;           // kernel stack (virtual address)
  uint64 sz;               // bytes of user memory (text, stack, heap)
  pagetable_t pagetable;
  struct trapframe *trapframe;
  struct context context;  // swtch() here to run the process
  struct file *ofile[NOFILE];
  struct inode *cwd;
  char name[16];
  struct vma vmas[NVMA];   // mapped areas (vma.c); end 0 marks a free slot
  struct fpstate fp;       // user FP registers while in the kernel (fpu.c)
  int fpcpu;               // hart whose registers last held fp, or -1
};

extern struct proc proc[NPROC];

// fpu.c
void           fp_enter(struct proc *);
void           fp_leave(struct proc *);
void           fp_reset(struct proc *, struct proc *from);

// proc.c
int            cpuid(void);
struct cpu    *mycpu(void);
struct proc   *myproc(void);
void           proc_init(void);
void           proc_mapstacks(pagetable_t);
void           userinit(void);
int            fork(void);
void           exit(int) __attribute__((noreturn));
int            wait(uint64);
int            kill(int);
int            killed(struct proc *);
void           setkilled(struct proc *);
int            growproc(int, int lazy);
pagetable_t    proc_pagetable(struct proc *);
void           proc_freepagetable(pagetable_t, uint64);
void           scheduler(void) __attribute__((noreturn));
void           sched(void);
void           yield(void);
void           sleep(void *, struct spinlock *);
void           wakeup(void *);
int            either_copyout(int user_dst, uint64 dst, void *src, uint64 len);
int            either_copyin(void *dst, int user_src, uint64 src, uint64 len);
void           procdump(void);

// swtch.S
void swtch(struct context *from, struct context *to);

// trap.c
extern uint ticks;
extern struct spinlock tickslock;
void trap_init(void);
void trap_inithart(void);
void usertrapret(void) __attribute__((noreturn));
void timer_arm(void);

// --------------------------------------------------------------- memory

// kalloc.c
void  kinit(void);
void  kinit_join(void);
void  kinit_wait(void);
void *kalloc(void);
void  kfree(void *);
void  page_dup(uint64 pa);
int   page_refs(uint64 pa);
uint64 kfreepages(void);

// pcache.c
void   pcache_init(void);
uint64 pcache_get(void *obj, uint64 idx);
uint64 pcache_insert(void *obj, uint64 idx, uint64 pa, int file);
int    pcache_holds(void *obj, uint64 idx, uint64 pa);
void   pcache_put(void *obj, uint64 idx, uint64 pa);
void   pcache_drop(void *obj);
void   pcache_truncate(struct inode *);

// vma.c
enum { FAULT_READ, FAULT_WRITE, FAULT_EXEC };
void   vma_init(void);
uint64 vma_floor(struct proc *);
int    vma_fault(struct proc *, uint64 va, int access);
void   vma_prefault(uint64 va, uint64 n, int write);
int    vma_fork(struct proc *p, struct proc *np);
void   vma_release_all(struct proc *, pagetable_t, int writeback);

// vm.c
void        kvm_init(void);
void        kvm_inithart(void);
pte_t      *walk(pagetable_t, uint64 va, int alloc);
pte_t      *walk_sparse(pagetable_t, uint64 va, uint64 *next);
uint64      walkaddr(pagetable_t, uint64 va);
int         mappages(pagetable_t, uint64 va, uint64 size, uint64 pa, int perm);
void        kvmmap(pagetable_t, uint64 va, uint64 pa, uint64 sz, int perm);
pagetable_t uvm_create(void);
uint64      uvm_alloc(pagetable_t, uint64 oldsz, uint64 newsz, int xperm);
uint64      uvm_dealloc(pagetable_t, uint64 oldsz, uint64 newsz);
void        uvm_unmap(pagetable_t, uint64 va, uint64 npages, int do_free);
void        uvm_free(pagetable_t, uint64 sz);
int         uvm_copy(pagetable_t from, pagetable_t to, uint64 sz);
void        uvm_clear_user(pagetable_t, uint64 va);
int         uvm_fault(uint64 va, int access);
int         copyout(pagetable_t, uint64 dstva, const void *src, uint64 len);
int         copyin(pagetable_t, void *dst, uint64 srcva, uint64 len);
int         copyinstr(pagetable_t, char *dst, uint64 srcva, uint64 max);

// ------------------------------------------------------------- devices

// uart.c
void uart_init(void);
void uart_putc(int);
void uart_putc_sync(int);
void uart_intr(void);

// console.c
void console_init(void);
void console_intr(int);
void console_putc(int);

// printf.c
extern volatile int panicked;
void printf_init(void);
int  printf(const char *, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *) __attribute__((noreturn));

// plic.c
void plic_init(void);
void plic_inithart(void);
int  plic_claim(void);
void plic_complete(int);

// virtio_disk.c
struct buf;
void virtio_disk_init(void);
void virtio_disk_rw(struct buf *, int write);
void virtio_disk_flush(void);
void virtio_disk_intr(void);

// ---------------------------------------------------------- file system

struct buf {
  int valid;               // holds the block's contents
  uint dev;
  uint blockno;
  struct sleeplock lock;
  uint refcnt;
  uint64 lastuse;          // for choosing which buffer to recycle
  uchar data[BSIZE];
};

// bio.c
void        binit(void);
struct buf *bread(uint dev, uint blockno);
void        bwrite(struct buf *);
void        brelse(struct buf *);
void        bpin(struct buf *);
void        bunpin(struct buf *);

// log.c
void log_init(int dev, struct superblock *);
void begin_op(void);
void end_op(void);
void log_write(struct buf *);

// fs.c
extern struct superblock sb;
void          fs_init(int dev);
void          inode_init(void);
struct inode *ialloc(uint dev, short type);
struct inode *idup(struct inode *);
void          ilock(struct inode *);
void          iunlock(struct inode *);
void          iput(struct inode *);
void          iunlockput(struct inode *);
void          iupdate(struct inode *);
void          itrunc(struct inode *);
void          stati(struct inode *, struct stat *);
int           readi(struct inode *, int user_dst, uint64 dst, uint off, uint n);
int           writei(struct inode *, int user_src, uint64 src, uint off, uint n);
int           namecmp(const char *, const char *);
struct inode *dirlookup(struct inode *dp, char *name, uint *poff);
int           dirlink(struct inode *dp, char *name, uint inum);
struct inode *namei(char *path);
struct inode *nameiparent(char *path, char *name);

// file.c
void         file_init(void);
struct file *filealloc(void);
struct file *filedup(struct file *);
void         fileclose(struct file *);
int          filestat(struct file *, uint64 addr);
int          fileread(struct file *, uint64 addr, int n);
int          filewrite(struct file *, uint64 addr, int n);

// pipe.c
int  pipealloc(struct file **, struct file **);
void pipeclose(struct pipe *, int writable);
int  piperead(struct pipe *, uint64 addr, int n);
int  pipewrite(struct pipe *, uint64 addr, int n);

// exec.c
int exec(char *path, char **argv);

// ------------------------------------------------------------- syscalls

// syscall.c
void   syscall(void);
int    fetchaddr(uint64 addr, uint64 *ip);
int    fetchstr(uint64 addr, char *buf, int max);
int    argint(int n, int *ip);
int    argaddr(int n, uint64 *ip);
int    argstr(int n, char *buf, int max);

// ---------------------------------------------------------------- string

void *memset(void *, int, uint);
void *memmove(void *, const void *, uint);
void *memcpy(void *, const void *, uint);
int   memcmp(const void *, const void *, uint);
int   strncmp(const char *, const char *, uint);
char *strncpy(char *, const char *, int);
char *safestrcpy(char *, const char *, int);
int   strlen(const char *);

#endif
