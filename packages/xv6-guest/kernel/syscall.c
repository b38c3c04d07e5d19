// System-call dispatch and argument fetching. Arguments arrive in
// a0..a5, the number in a7; the result goes back in a0.

#include "kernel.h"
#include "syscall.h"

// Fetch the 64-bit word at user address addr.
int
fetchaddr(uint64 addr, uint64 *ip)
{
  return copyin(myproc()->pagetable, ip, addr, sizeof(*ip));
}

// Fetch the NUL-terminated string at addr. Returns its length, or -1.
int
fetchstr(uint64 addr, char *buf, int max)
{
  if(copyinstr(myproc()->pagetable, buf, addr, max) < 0)
    return -1;
  return strlen(buf);
}

static uint64
argraw(int n)
{
  struct trapframe *tf = myproc()->trapframe;
  if(n < 0 || n > 5)
    panic("argraw");
  return tf->x[10 + n];
}

int
argint(int n, int *ip)
{
  *ip = (int)argraw(n);
  return 0;
}

int
argaddr(int n, uint64 *ip)
{
  *ip = argraw(n);
  return 0;
}

int
argstr(int n, char *buf, int max)
{
  uint64 addr;
  argaddr(n, &addr);
  return fetchstr(addr, buf, max);
}

uint64 sys_fork(void);
uint64 sys_exit(void);
uint64 sys_wait(void);
uint64 sys_pipe(void);
uint64 sys_read(void);
uint64 sys_kill(void);
uint64 sys_exec(void);
uint64 sys_fstat(void);
uint64 sys_chdir(void);
uint64 sys_dup(void);
uint64 sys_getpid(void);
uint64 sys_sbrk(void);
uint64 sys_sleep(void);
uint64 sys_uptime(void);
uint64 sys_open(void);
uint64 sys_write(void);
uint64 sys_mknod(void);
uint64 sys_unlink(void);
uint64 sys_link(void);
uint64 sys_mkdir(void);
uint64 sys_close(void);
uint64 sys_mmap(void);
uint64 sys_munmap(void);
uint64 sys_msync(void);
uint64 sys_mprotect(void);

static uint64 (*const handlers[])(void) = {
  [SYS_fork]   sys_fork,
  [SYS_exit]   sys_exit,
  [SYS_wait]   sys_wait,
  [SYS_pipe]   sys_pipe,
  [SYS_read]   sys_read,
  [SYS_kill]   sys_kill,
  [SYS_exec]   sys_exec,
  [SYS_fstat]  sys_fstat,
  [SYS_chdir]  sys_chdir,
  [SYS_dup]    sys_dup,
  [SYS_getpid] sys_getpid,
  [SYS_sbrk]   sys_sbrk,
  [SYS_sleep]  sys_sleep,
  [SYS_uptime] sys_uptime,
  [SYS_open]   sys_open,
  [SYS_write]  sys_write,
  [SYS_mknod]  sys_mknod,
  [SYS_unlink] sys_unlink,
  [SYS_link]   sys_link,
  [SYS_mkdir]  sys_mkdir,
  [SYS_close]  sys_close,
  [SYS_mmap]   sys_mmap,
  [SYS_munmap] sys_munmap,
  [SYS_msync]  sys_msync,
  [SYS_mprotect] sys_mprotect,
};

void
syscall(void)
{
  struct proc *p = myproc();
  uint64 num = p->trapframe->a7;
  if(num < NELEM(handlers) && handlers[num]){
    p->trapframe->a0 = handlers[num]();
  } else {
    printf("pid %d %s: unknown system call %ld\n", p->pid, p->name, (long)num);
    p->trapframe->a0 = -1;
  }
}
