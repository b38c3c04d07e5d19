// usertests: our test suite for the kernel's system calls.
//
//   usertests          run every test
//   usertests -q       skip the slow ones
//   usertests NAME...  run the named tests
//
// Each test runs in a child process and fails by exiting non-zero.
// Around the whole run, free memory is counted to catch leaks.

#include "kernel/param.h"
#include "kernel/types.h"
#include "kernel/stat.h"
#include "user/user.h"
#include "kernel/fs.h"
#include "kernel/fcntl.h"
#include "kernel/syscall.h"
#include "kernel/memlayout.h"
#include "kernel/riscv.h"

#define CONSOLE_MAJOR 1

static char buf[BSIZE * 8];
static const char *tname;

#define FAIL(...) do { \
    printf("%s: ", tname); printf(__VA_ARGS__); printf("\n"); exit(1); \
  } while(0)

// Run f in a child that is expected to be killed by a fault (exit -1).
static void
expect_killed(void (*f)(uint64), uint64 arg, const char *what)
{
  int pid = fork();
  if(pid < 0)
    FAIL("fork failed");
  if(pid == 0){
    f(arg);
    exit(0);
  }
  int st;
  wait(&st);
  if(st != -1)
    FAIL("%s: not killed (status %d)", what, st);
}

static int
xopen(const char *path, int mode)
{
  int fd = open(path, mode);
  if(fd < 0)
    FAIL("cannot open %s", path);
  return fd;
}

static int
xfork(void)
{
  int pid = fork();
  if(pid < 0)
    FAIL("fork failed");
  return pid;
}

// Wait for n children; fail unless each exited with 0.
static void
wait_all(int n)
{
  for(int i = 0; i < n; i++){
    int st;
    if(wait(&st) < 0)
      FAIL("wait: no child");
    if(st != 0)
      exit(st);
  }
}

// ------------------------------------------------------------- basics

static void
t_getpid(void)
{
  int me = getpid();
  if(me <= 0)
    FAIL("getpid %d", me);
  int p[2];
  pipe(p);
  int pid = xfork();
  if(pid == 0){
    int c = getpid();
    write(p[1], &c, sizeof(c));
    exit(0);
  }
  int c;
  if(read(p[0], &c, sizeof(c)) != sizeof(c) || c != pid || c == me)
    FAIL("child pid %d, fork said %d", c, pid);
  wait(0);
}

static void
t_uptime(void)
{
  int a = uptime();
  if(sleep(3) != 0)
    FAIL("sleep failed");
  int b = uptime();
  if(a < 0 || b - a < 3)
    FAIL("uptime %d then %d after sleep(3)", a, b);
  if(sleep(0) != 0 || sleep(-5) != 0)
    FAIL("sleep of 0 or negative");
}

static void
t_badfd(void)
{
  int bad[] = { -1, 3, 7, NOFILE - 1, NOFILE, NOFILE + 1, 1000, 0x7fffffff, -0x7fffffff };
  struct stat st;
  for(int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++){
    int fd = bad[i];
    if(read(fd, buf, 1) != -1 || write(fd, buf, 1) != -1 || close(fd) != -1 ||
       fstat(fd, &st) != -1 || dup(fd) != -1)
      FAIL("fd %d accepted", fd);
  }
  // Wrong direction.
  int fd = xopen("badfd", O_CREATE | O_WRONLY);
  if(read(fd, buf, 1) != -1)
    FAIL("read from write-only fd");
  close(fd);
  fd = xopen("badfd", O_RDONLY);
  if(write(fd, buf, 1) != -1)
    FAIL("write to read-only fd");
  if(read(fd, buf, -1) != -1 || write(fd, buf, -1) != -1)
    FAIL("negative count accepted");
  close(fd);
  unlink("badfd");
}

static void
t_dup(void)
{
  int fd = xopen("dupfile", O_CREATE | O_RDWR);
  int fd2 = dup(fd);
  if(fd2 != fd + 1)
    FAIL("dup gave %d after %d", fd2, fd);
  write(fd, "ab", 2);
  write(fd2, "cd", 2);           // shares the offset
  close(fd);
  close(fd2);
  fd = xopen("dupfile", O_RDONLY);
  int n = read(fd, buf, sizeof(buf));
  if(n != 4 || memcmp(buf, "abcd", 4) != 0)
    FAIL("shared offset broken");
  close(fd);
  // dup until the table is full.
  int fds[NOFILE];
  int k = 0;
  while(k < NOFILE && (fds[k] = dup(0)) >= 0)
    k++;
  if(k == NOFILE || k < NOFILE - 4)
    FAIL("dup filled %d descriptors", k);
  if(open("dupfile", O_RDONLY) != -1)
    FAIL("open with a full descriptor table");
  for(int i = 0; i < k; i++)
    close(fds[i]);
  unlink("dupfile");
}

static void
t_fstat(void)
{
  struct stat st;
  int fd = xopen("statfile", O_CREATE | O_RDWR);
  write(fd, "hello", 5);
  if(fstat(fd, &st) < 0 || st.type != T_FILE || st.size != 5 || st.nlink != 1)
    FAIL("file: type %d size %d nlink %d", st.type, (int)st.size, st.nlink);
  close(fd);
  if(stat(".", &st) < 0 || st.type != T_DIR)
    FAIL("stat .");
  if(stat("console", &st) < 0 || st.type != T_DEVICE)
    FAIL("stat console");
  if(stat("statfile-nope", &st) != -1)
    FAIL("stat of a missing file");
  int p[2];
  pipe(p);
  if(fstat(p[0], &st) != -1)
    FAIL("fstat of a pipe");
  unlink("statfile");
}

static void
t_mknod(void)
{
  struct stat st;
  if(mknod("dev1", CONSOLE_MAJOR, 0) < 0)
    FAIL("mknod");
  if(stat("dev1", &st) < 0 || st.type != T_DEVICE)
    FAIL("not a device");
  if(mknod("dev1", CONSOLE_MAJOR, 0) != -1)
    FAIL("mknod over an existing name");
  int fd = open("dev1", O_RDWR);
  if(fd < 0)
    FAIL("open device");
  close(fd);
  unlink("dev1");
  if(mknod("dev2", NDEV, 0) < 0)
    FAIL("mknod major NDEV");
  if(open("dev2", O_RDWR) != -1)
    FAIL("open of a device with no driver");
  if(mknod("dev3", 5, 0) < 0)
    FAIL("mknod major 5");
  fd = open("dev3", O_RDWR);
  if(fd >= 0 && (read(fd, buf, 1) != -1 || write(fd, buf, 1) != -1))
    FAIL("i/o on a device with no driver");
  close(fd);
  unlink("dev2");
  unlink("dev3");
}

// ------------------------------------------------------- bad pointers

static uint64 badaddrs[] = {
  0x80000000UL, 0x3fffffe000UL, 0x3ffffff000UL, 0x4000000000UL,
  0xffffffffffffffffUL, 0x1000000000UL, TRAPFRAME, TRAMPOLINE,
};
#define NBAD (sizeof(badaddrs) / sizeof(badaddrs[0]))

static void
t_copyin(void)
{
  int fd = xopen("copyin1", O_CREATE | O_WRONLY);
  int p[2];
  if(pipe(p) < 0)
    FAIL("pipe");
  for(int i = 0; i < NBAD; i++){
    char *a = (char *)badaddrs[i];
    int n = write(fd, a, 8192);
    if(n >= 0)
      FAIL("write(file, %p) returned %d", a, n);
    n = write(1, a, 8192);
    if(n > 0)
      FAIL("write(console, %p) returned %d", a, n);
    n = write(p[1], a, 8192);
    if(n > 0)
      FAIL("write(pipe, %p) returned %d", a, n);
  }
  close(fd);
  unlink("copyin1");
  // A buffer that runs off the end of memory.
  char *top = sbrk(0);
  fd = xopen("copyin2", O_CREATE | O_WRONLY);
  if(write(fd, top - 16, 64) != -1)
    FAIL("write past the end of memory");
  close(fd);
  unlink("copyin2");
}

static void
t_copyout(void)
{
  int fd = xopen("README", O_RDONLY);
  int p[2];
  pipe(p);
  for(int i = 0; i < NBAD; i++){
    char *a = (char *)badaddrs[i];
    int n = read(fd, a, 8192);
    if(n > 0)
      FAIL("read(file, %p) returned %d", a, n);
    write(p[1], "x", 1);
    n = read(p[0], a, 8192);
    if(n > 0)
      FAIL("read(pipe, %p) returned %d", a, n);
  }
  // Text pages are not writable by the kernel on our behalf either.
  if(read(fd, (char *)0, 10) > 0)
    FAIL("read into the text page");
  close(fd);
}

static void
t_copyinstr(void)
{
  for(int i = 0; i < NBAD; i++){
    char *a = (char *)badaddrs[i];
    if(open(a, O_CREATE | O_WRONLY) != -1 || unlink(a) != -1 || mkdir(a) != -1 ||
       chdir(a) != -1 || link(a, "x") != -1 || link("README", a) != -1 ||
       mknod(a, 1, 1) != -1)
      FAIL("path at %p accepted", a);
    char *args[] = { "echo", a, 0 };
    if(exec("echo", args) != -1 || exec(a, args) != -1)
      FAIL("exec with a bad string at %p", a);
    if(exec("echo", (char **)a) != -1)
      FAIL("exec with argv at %p", a);
  }
  // A path that runs to the end of user memory without a NUL.
  char *top = sbrk(0);
  memset(top - 8, 'x', 8);
  if(open(top - 8, O_RDONLY) != -1)
    FAIL("unterminated path at the top of memory");
  // Paths longer than MAXPATH.
  char longp[MAXPATH + 32];
  memset(longp, 'a', sizeof(longp) - 1);
  longp[sizeof(longp) - 1] = 0;
  if(open(longp, O_CREATE | O_WRONLY) != -1 || mkdir(longp) != -1 ||
     unlink(longp) != -1 || chdir(longp) != -1)
    FAIL("over-long path accepted");
}

static void
t_badargs(void)
{
  struct stat *bs = (struct stat *)0x3fffffe000UL;
  int fd = xopen("README", O_RDONLY);
  if(fstat(fd, bs) != -1)
    FAIL("fstat into a bad pointer");
  if(fstat(fd, (struct stat *)0) != -1)
    FAIL("fstat into the text page");
  close(fd);
  if(pipe((int *)0x80000000UL) != -1 || pipe((int *)0) != -1)
    FAIL("pipe into a bad pointer");
  int pid = xfork();
  if(pid == 0)
    exit(7);
  if(wait((int *)0x80000000UL) != -1)
    FAIL("wait into a bad pointer");
  int st;
  if(wait(&st) != pid || st != 7)
    FAIL("child lost after a failed wait");
  // Unknown system calls return -1.
  for(int num = 0; num < 64; num += 1){
    if(num >= 1 && num <= 23)
      continue;
    register uint64 a7 asm("a7") = num;
    register uint64 a0 asm("a0") = 0;
    asm volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    if((long)a0 != -1)
      FAIL("system call %d returned %ld", num, (long)a0);
  }
}

static void
touch_read(uint64 a)
{
  volatile char *p = (char *)a;
  printf("%s: read %p should have faulted: %x\n", tname, p, *p);
}

static void
touch_write(uint64 a)
{
  volatile char *p = (char *)a;
  *p = 10;
  printf("%s: write to %p should have faulted\n", tname, p);
}

static void
t_kernmem(void)
{
  for(uint64 a = KERNBASE; a < KERNBASE + 2000000; a += 100003)
    expect_killed(touch_read, a, "kernel memory read");
  expect_killed(touch_write, KERNBASE, "kernel memory write");
}

static void
t_maxva(void)
{
  uint64 as[] = { TRAPFRAME, TRAMPOLINE, MAXVA, MAXVA + 4096, 0x3fffffe000UL, -1UL, 1UL << 45 };
  for(int i = 0; i < sizeof(as) / sizeof(as[0]); i++){
    expect_killed(touch_read, as[i], "read above the heap");
    expect_killed(touch_write, as[i], "write above the heap");
  }
  uint64 top = (uint64)sbrk(0);
  expect_killed(touch_read, PGROUNDUP(top) + 10 * PGSIZE, "read past sbrk");
}

static void
t_textwrite(void)
{
  expect_killed(touch_write, 0, "write to text at 0");
  expect_killed(touch_write, (uint64)t_textwrite, "write to text");
}

static void
guard_read(uint64 unused)
{
  uint64 sp = r_sp();
  touch_read(PGROUNDDOWN(sp) - USERSTACK * PGSIZE);
}

static void
t_stackguard(void)
{
  expect_killed(guard_read, 0, "read of the stack guard page");
}

static void
recurse(uint64 depth)
{
  volatile char big[512];
  big[0] = depth;
  if(depth < 1000000)
    recurse(depth + 1 + big[0] * 0);
  big[1] = 0;     // not a tail call
}

static void
t_stackoverflow(void)
{
  expect_killed(recurse, 0, "stack overflow");
}

// ---------------------------------------------------------- processes

static void
t_exitwait(void)
{
  for(int i = 0; i < 100; i++){
    int pid = xfork();
    if(pid == 0)
      exit(i);
    int st;
    if(wait(&st) != pid || st != i)
      FAIL("wait got the wrong child or status %d for %d", st, i);
  }
  if(wait(0) != -1)
    FAIL("wait without children");
  int pid = xfork();
  if(pid == 0)
    exit(-5);
  int st;
  wait(&st);
  if(st != -5)
    FAIL("negative status %d", st);
}

static void
t_twochildren(void)
{
  for(int i = 0; i < 200; i++){
    int a = xfork();
    if(a == 0)
      exit(0);
    int b = xfork();
    if(b == 0)
      exit(0);
    wait(0);
    wait(0);
  }
}

static void
t_forkfork(void)
{
  enum { N = 2 };
  for(int i = 0; i < N; i++){
    if(xfork() == 0){
      for(int k = 0; k < 100; k++){
        int pid = fork();
        if(pid < 0)
          exit(1);
        if(pid == 0)
          exit(0);
        wait(0);
      }
      exit(0);
    }
  }
  wait_all(N);
}

// Fork until the table is full, from several processes at once.
static void
t_forkall(void)
{
  int n = 0;
  for(; n < NPROC + 10; n++){
    int pid = fork();
    if(pid < 0)
      break;
    if(pid == 0){
      sleep(2);
      exit(0);
    }
  }
  if(n == NPROC + 10)
    FAIL("fork never failed");
  wait_all(n);
  if(wait(0) != -1)
    FAIL("extra child");
}

static void
t_killstatus(void)
{
  for(int i = 0; i < 20; i++){
    int pid = xfork();
    if(pid == 0){
      for(;;)
        getpid();
    }
    sleep(1);
    if(kill(pid) < 0)
      FAIL("kill");
    int st;
    if(wait(&st) != pid || st != -1)
      FAIL("killed child status %d", st);
  }
  if(kill(-1) != -1 || kill(0) != -1 || kill(999999) != -1)
    FAIL("kill of a missing pid");
}

// Spinning children must not keep their parent from running.
static void
t_preempt(void)
{
  int pids[3];
  int p[2];
  pipe(p);
  for(int i = 0; i < 3; i++){
    if((pids[i] = xfork()) == 0){
      if(i == 2){
        close(p[0]);
        write(p[1], "x", 1);
        close(p[1]);
      }
      for(;;)
        ;
    }
  }
  close(p[1]);
  if(read(p[0], buf, 1) != 1)
    FAIL("no word from the children");
  close(p[0]);
  for(int i = 0; i < 3; i++)
    kill(pids[i]);
  for(int i = 0; i < 3; i++){
    int st;
    wait(&st);
    if(st != -1)
      FAIL("status %d", st);
  }
}

// kill wakes a process sleeping in sleep(), read() on a pipe, wait().
static void
t_killsleep(void)
{
  for(int how = 0; how < 3; how++){
    int p[2];
    pipe(p);
    int pid = xfork();
    if(pid == 0){
      if(how == 0)
        sleep(100000);
      else if(how == 1)
        read(p[0], buf, 1);
      else {
        int gc = fork();
        if(gc == 0){
          sleep(100000);
          exit(0);
        }
        write(p[1], &gc, sizeof(gc));
        wait(0);
      }
      exit(0);
    }
    sleep(2);
    int t0 = uptime();
    kill(pid);
    int st;
    wait(&st);
    if(st != -1 || uptime() - t0 > 50)
      FAIL("case %d: status %d", how, st);
    if(how == 2){
      int gc;
      if(read(p[0], &gc, sizeof(gc)) != sizeof(gc) || kill(gc) < 0)
        FAIL("grandchild");
    }
    close(p[0]);
    close(p[1]);
  }
}

// Orphans go to init; the parent's exit must not wait for them.
static void
t_orphans(void)
{
  int p[2];
  pipe(p);
  int pid = xfork();
  if(pid == 0){
    for(int i = 0; i < 5; i++){
      if(fork() == 0){
        close(p[0]);
        sleep(5);
        write(p[1], "o", 1);
        exit(0);
      }
    }
    exit(0);    // leave them behind
  }
  int st;
  wait(&st);
  if(st != 0)
    FAIL("parent status");
  close(p[1]);
  int got = 0;
  while(read(p[0], buf, 1) == 1)
    got++;
  close(p[0]);
  if(got != 5)
    FAIL("%d orphans reported", got);
  if(wait(0) != -1)
    FAIL("orphans still our children");
}

// Children that exit while their own children are being born and
// handed to init, many times over.
static void
t_reparent(void)
{
  for(int i = 0; i < 300; i++){
    int pid = xfork();
    if(pid == 0){
      fork();
      fork();
      exit(0);
    }
    if(wait(0) != pid)
      FAIL("wait returned the wrong child");
  }
}

// A process tree that forks until fork fails, then winds down.
static void
t_forkflood(void)
{
  unlink("stopflood");
  int pid = xfork();
  if(pid == 0){
    for(;;){
      int fd = open("stopflood", O_RDONLY);
      if(fd >= 0)
        exit(0);
      if(fork() < 0)
        close(open("stopflood", O_CREATE | O_RDWR));
    }
  }
  sleep(20);
  close(open("stopflood", O_CREATE | O_RDWR));
  wait(0);
  sleep(10);       // let the orphans notice and exit
  unlink("stopflood");
}

// A process that exits while its cwd is a deleted directory.
static void
t_exitiput(void)
{
  for(int i = 0; i < 20; i++){
    if(mkdir("iputdir") < 0)
      FAIL("mkdir");
    int pid = xfork();
    if(pid == 0){
      if(chdir("iputdir") < 0 || unlink("../iputdir") < 0)
        exit(1);
      exit(0);
    }
    int st;
    wait(&st);
    if(st != 0)
      FAIL("child failed");
  }
}

// A write whose buffer runs into an unmapped page fails, and whatever
// part reached the file is there for good, in the cache and on disk.
static void
t_partialwrite(void)
{
  int fd = xopen("partial", O_CREATE | O_RDWR);
  if(write(fd, "A", 1) != 1)
    FAIL("write A");
  close(fd);
  fd = xopen("partial", O_RDWR);
  char *p = sbrk(0);
  sbrk(PGSIZE - (uint64)p % PGSIZE);
  p = sbrk(0);
  p[-1] = 'X';
  if(write(fd, p - 1, 2) != -1)
    FAIL("write across the break succeeded");
  close(fd);
  // Push the block out of the cache.
  fd = xopen("partial.big", O_CREATE | O_RDWR);
  memset(buf, 0, BSIZE);
  for(int i = 0; i < 64; i++)
    write(fd, buf, BSIZE);
  close(fd);
  unlink("partial.big");
  fd = xopen("partial", O_RDONLY);
  char c = 0;
  if(read(fd, &c, 1) != 1 || c != 'X')
    FAIL("read back %c, not X", c);
  close(fd);
  unlink("partial");
}

// ------------------------------------------------------------- memory

static void
t_sbrkbasic(void)
{
  char *start = sbrk(0);
  char *a = start;
  for(int i = 0; i < 5000; i++){
    char *b = sbrk(1);
    if(b != a)
      FAIL("sbrk(1) gave %p, expected %p", b, a);
    *b = 1;
    a = b + 1;
  }
  int pid = xfork();
  if(pid == 0){
    // The child's copy has the same contents.
    for(char *q = start; q < a; q++)
      if(*q != 1)
        exit(1);
    sbrk(100000);   // and growing it does not hurt the parent
    exit(0);
  }
  wait_all(1);
  if(sbrk(0) != a)
    FAIL("child's sbrk moved ours");
  if(sbrk(-(a - start)) != a || sbrk(0) != start)
    FAIL("shrink back");
}

static void
t_sbrkmuch(void)
{
  enum { BIG = 90 * 1024 * 1024 };
  char *a = sbrk(0);
  uint64 amt = BIG - (uint64)a;
  char *p = sbrk(amt);
  if(p != a)
    FAIL("sbrk of %ld bytes failed", (long)amt);
  // Touch one byte in every page.
  for(char *q = a; q < a + amt; q += PGSIZE)
    *q = 99;
  a[amt - 1] = 99;
  // Shrink by a page and grow again.
  char *top = sbrk(0);
  if(sbrk(-PGSIZE) != top)
    FAIL("shrink");
  // Grow again; the page comes back zeroed.
  if(sbrk(PGSIZE) != top - PGSIZE)
    FAIL("regrow");
  if(*(top - PGSIZE) != 0)
    FAIL("regrown page is not zeroed");
  // Give it all back.
  if(sbrk(-(int)amt) == (char *)-1)
    FAIL("shrink all");
}

static void
t_sbrkfail(void)
{
  // More than there is: fails, and nothing changes.
  char *before = sbrk(0);
  if(sbrk(0x7ffff000) != (char *)-1)
    FAIL("sbrk of 2GB succeeded");
  if(sbrk(0) != before)
    FAIL("failed sbrk moved the break");
  // Shrinking past zero changes nothing and returns the old break (xv6's behaviour).
  if(sbrk(-0x7ffff000) != before || sbrk(0) != before)
    FAIL("shrink below zero moved the break");
  // Children use up all memory; the kernel must survive and
  // recover everything when they die.
  int pids[4];
  int p[2];
  pipe(p);
  for(int i = 0; i < 4; i++){
    if((pids[i] = xfork()) == 0){
      while(sbrk(1024 * 1024) != (char *)-1)
        ;
      while(sbrk(PGSIZE) != (char *)-1)
        ;
      write(p[1], "x", 1);
      for(;;)
        sleep(1000);
    }
  }
  for(int i = 0; i < 4; i++)
    read(p[0], buf, 1);
  // Memory is exhausted now: fork and sbrk must fail cleanly.
  int pid = fork();
  if(pid == 0)
    exit(0);
  if(pid > 0)
    wait(0);
  if(sbrk(10 * PGSIZE) != (char *)-1)
    sbrk(-10 * PGSIZE);
  for(int i = 0; i < 4; i++)
    kill(pids[i]);
  for(int i = 0; i < 4; i++)
    wait(0);
  close(p[0]);
  close(p[1]);
  // Everything is back.
  char *m = sbrk(10 * 1024 * 1024);
  if(m == (char *)-1)
    FAIL("memory not recovered");
  sbrk(-10 * 1024 * 1024);
}

static void
t_sbrkarg(void)
{
  char *a = sbrk(PGSIZE);
  int fd = xopen("sbrk", O_CREATE | O_WRONLY);
  unlink("sbrk");
  if(write(fd, a, PGSIZE) != PGSIZE)
    FAIL("write of sbrk'd memory");
  close(fd);
  a = sbrk(PGSIZE);
  if(pipe((int *)a) != 0)
    FAIL("pipe into sbrk'd memory");
}

static void
t_malloc(void)
{
  void *list = 0;
  int n = 0;
  void *m;
  while((m = malloc(10001)) != 0){
    *(void **)m = list;
    list = m;
    n++;
  }
  if(n < 1000)
    FAIL("only %d allocations", n);
  while(list){
    m = *(void **)list;
    free(list);
    list = m;
  }
  m = malloc(1024 * 20);
  if(m == 0)
    FAIL("malloc after freeing everything");
  free(m);
}

static void
shrink_touch(uint64 unused)
{
  char *a = sbrk(10 * PGSIZE);
  a[9 * PGSIZE] = 1;
  sbrk(-PGSIZE);
  touch_read((uint64)a + 9 * PGSIZE);
}

static void
t_sbrkfree(void)
{
  expect_killed(shrink_touch, 0, "read of a page given back");
}

// sbrklazy() moves the break; pages appear when touched, also when
// the kernel touches them for a system call.
static void
t_sbrklazy(void)
{
  enum { HUGE = 1 << 30 };
  char *a = sbrklazy(HUGE);
  if(a == SBRK_ERROR)
    FAIL("sbrklazy of 1GB failed");
  if(sbrk(0) != a + HUGE)
    FAIL("break not moved");
  // Scattered touches.
  for(int i = 0; i < 20; i++){
    char *q = a + (uint64)i * (HUGE / 20);
    if(*q != 0)
      FAIL("lazy page not zero");
    *q = i;
  }
  // The kernel fills an untouched page.
  int fd = xopen("README", O_RDONLY);
  char *dst = a + HUGE - 3 * PGSIZE - 10;
  if(read(fd, dst, 100) != 100)
    FAIL("read into a lazy page");
  close(fd);
  // And reads one.
  fd = xopen("lazyout", O_CREATE | O_WRONLY);
  if(write(fd, a + HUGE / 2 + 12345, 5000) != 5000)
    FAIL("write from a lazy page");
  close(fd);
  unlink("lazyout");
  // A child sees the touched pages and gets its own untouched ones.
  int pid = xfork();
  if(pid == 0){
    for(int i = 0; i < 20; i++)
      if(a[(uint64)i * (HUGE / 20)] != i)
        exit(1);
    if(a[HUGE - 1] != 0)
      exit(2);
    exit(0);
  }
  wait_all(1);
  if(sbrk(-HUGE) != a + HUGE || sbrk(0) != a)
    FAIL("shrink");
  expect_killed(touch_read, (uint64)a + HUGE / 2, "read of a released lazy page");
}

// Shrinking below the program's own text: the process dies cleanly.
static void
shrink_all(uint64 unused)
{
  char *top = sbrk(0);
  sbrk(-(int)(uint64)top);
}

static void
t_sbrkbugs(void)
{
  expect_killed(shrink_all, 0, "shrink to zero");
}

// -------------------------------------------------------------- pipes

static void
t_pipe(void)
{
  int p[2];
  if(pipe(p) != 0)
    FAIL("pipe");
  enum { N = 5, SZ = 1033 };
  int pid = xfork();
  if(pid == 0){
    close(p[0]);
    int seq = 0;
    for(int n = 0; n < N; n++){
      for(int i = 0; i < SZ; i++)
        buf[i] = seq++;
      if(write(p[1], buf, SZ) != SZ)
        exit(1);
    }
    exit(0);
  }
  close(p[1]);
  int total = 0, seq = 0, n, cc = 1;
  while((n = read(p[0], buf, cc)) > 0){
    for(int i = 0; i < n; i++)
      if((buf[i] & 0xff) != (seq++ & 0xff))
        FAIL("wrong byte at %d", seq - 1);
    total += n;
    cc = cc * 2 > sizeof(buf) ? sizeof(buf) : cc * 2;
  }
  if(total != N * SZ)
    FAIL("got %d bytes", total);
  close(p[0]);
  wait_all(1);
}

static void
t_pipeends(void)
{
  int p[2];
  pipe(p);
  close(p[1]);
  if(read(p[0], buf, 10) != 0)
    FAIL("read with no writers");
  close(p[0]);
  pipe(p);
  close(p[0]);
  if(write(p[1], "x", 1) != -1)
    FAIL("write with no readers");
  close(p[1]);
  // Fill a pipe: the writer blocks until a reader drains it.
  pipe(p);
  int pid = xfork();
  if(pid == 0){
    close(p[0]);
    memset(buf, 'z', 4096);
    for(int i = 0; i < 16; i++)
      if(write(p[1], buf, 4096) != 4096)
        exit(1);
    exit(0);
  }
  close(p[1]);
  sleep(2);
  int n, total = 0;
  while((n = read(p[0], buf, 3000)) > 0)
    total += n;
  if(total != 16 * 4096)
    FAIL("%d bytes", total);
  close(p[0]);
  wait_all(1);
}

// Several writers into one pipe; all bytes arrive.
static void
t_pipemany(void)
{
  int p[2];
  pipe(p);
  enum { W = 4, EACH = 10000 };
  for(int w = 0; w < W; w++){
    if(xfork() == 0){
      close(p[0]);
      char c[100];
      memset(c, 'a' + w, sizeof(c));
      for(int i = 0; i < EACH / 100; i++)
        if(write(p[1], c, 100) != 100)
          exit(1);
      exit(0);
    }
  }
  close(p[1]);
  int count[W] = {0};
  int n;
  while((n = read(p[0], buf, sizeof(buf))) > 0)
    for(int i = 0; i < n; i++)
      count[buf[i] - 'a']++;
  for(int w = 0; w < W; w++)
    if(count[w] != EACH)
      FAIL("writer %d: %d bytes", w, count[w]);
  close(p[0]);
  wait_all(W);
}

// Pipes come from a fixed file table; running out must fail cleanly.
static void
t_pipeexhaust(void)
{
  int fds[NOFILE];
  int n = 0;
  while(n + 1 < NOFILE && pipe(&fds[n]) == 0)
    n += 2;
  if(n + 1 < NOFILE - 4)
    FAIL("only %d pipe fds", n);
  int extra[2];
  if(pipe(extra) == 0)
    FAIL("pipe with no free descriptors");
  for(int i = 0; i < n; i++)
    close(fds[i]);
}

// ------------------------------------------------------- file system

static void
t_createwrite(void)
{
  int fd = xopen("small", O_CREATE | O_RDWR);
  for(int i = 0; i < 100; i++){
    if(write(fd, "aaaaaaaaaa", 10) != 10 || write(fd, "bbbbbbbbbb", 10) != 10)
      FAIL("write %d", i);
  }
  close(fd);
  fd = xopen("small", O_RDONLY);
  if(read(fd, buf, 2000) != 2000)
    FAIL("read");
  for(int i = 0; i < 2000; i++)
    if(buf[i] != ((i / 10) % 2 ? 'b' : 'a'))
      FAIL("content at %d", i);
  if(read(fd, buf, 10) != 0)
    FAIL("read past the end");
  close(fd);
  if(unlink("small") < 0 || open("small", O_RDONLY) != -1)
    FAIL("unlink");
}

static void
t_openmodes(void)
{
  if(open("nosuchfile", O_RDONLY) != -1)
    FAIL("opened a missing file");
  if(open(".", O_WRONLY) != -1 || open(".", O_RDWR) != -1 ||
     open(".", O_CREATE | O_RDWR) != -1)
    FAIL("opened a directory for writing");
  int fd = xopen(".", O_RDONLY);
  if(write(fd, "x", 1) != -1)
    FAIL("wrote to a directory");
  close(fd);
  fd = xopen("modes", O_CREATE | O_WRONLY);
  write(fd, "0123456789", 10);
  close(fd);
  // O_CREATE of an existing file keeps its contents.
  fd = xopen("modes", O_CREATE | O_RDWR);
  if(read(fd, buf, 100) != 10)
    FAIL("O_CREATE truncated");
  close(fd);
  // O_TRUNC empties it.
  fd = xopen("modes", O_TRUNC | O_RDWR);
  if(read(fd, buf, 100) != 0)
    FAIL("O_TRUNC kept data");
  close(fd);
  unlink("modes");
}

// Truncation is seen through other descriptors.
static void
t_truncate(void)
{
  int fd1 = xopen("trunc", O_CREATE | O_TRUNC | O_WRONLY);
  write(fd1, "abcd", 4);
  close(fd1);
  int fd2 = xopen("trunc", O_RDONLY);
  if(read(fd2, buf, sizeof(buf)) != 4)
    FAIL("initial read");
  fd1 = xopen("trunc", O_WRONLY | O_TRUNC);
  int fd3 = xopen("trunc", O_RDONLY);
  if(read(fd3, buf, sizeof(buf)) != 0)
    FAIL("data after truncation");
  if(read(fd2, buf, sizeof(buf)) != 0)
    FAIL("old descriptor sees data");
  write(fd1, "abcdef", 6);
  if(read(fd3, buf, sizeof(buf)) != 6 || read(fd2, buf, sizeof(buf)) != 2)
    FAIL("reads after rewrite");
  // Writing at an offset past the (new) end fails.
  int fd4 = xopen("trunc", O_RDWR);
  read(fd4, buf, 6);
  int fd5 = xopen("trunc", O_WRONLY | O_TRUNC);
  if(write(fd4, "x", 1) != -1)
    FAIL("write beyond the end of a truncated file");
  close(fd1); close(fd2); close(fd3); close(fd4); close(fd5);
  unlink("trunc");
}

static void
t_bigwrite(void)
{
  for(int sz = 499; sz < sizeof(buf); sz += 471){
    int fd = xopen("bigwrite", O_CREATE | O_RDWR);
    for(int i = 0; i < 2; i++){
      memset(buf, 'a' + i, sz);
      if(write(fd, buf, sz) != sz)
        FAIL("write of %d bytes", sz);
    }
    close(fd);
    fd = xopen("bigwrite", O_RDONLY);
    for(int i = 0; i < 2; i++){
      if(read(fd, buf, sz) != sz)
        FAIL("read of %d bytes", sz);
      for(int k = 0; k < sz; k++)
        if(buf[k] != 'a' + i)
          FAIL("content");
    }
    close(fd);
    unlink("bigwrite");
  }
}

// The largest file there can be, and one byte more.
static void
t_maxfile(void)
{
  int fd = xopen("maxfile", O_CREATE | O_RDWR);
  for(int b = 0; b < MAXFILE; b++){
    for(int i = 0; i < BSIZE; i += 4)
      *(int *)&buf[i] = b * 1000 + i;
    if(write(fd, buf, BSIZE) != BSIZE)
      FAIL("write of block %d", b);
  }
  if(write(fd, "x", 1) != -1)
    FAIL("wrote past MAXFILE");
  struct stat st;
  fstat(fd, &st);
  if(st.size != MAXFILE * BSIZE)
    FAIL("size %d", (int)st.size);
  close(fd);
  fd = xopen("maxfile", O_RDONLY);
  for(int b = 0; b < MAXFILE; b++){
    if(read(fd, buf, BSIZE) != BSIZE)
      FAIL("read of block %d", b);
    for(int i = 0; i < BSIZE; i += 4)
      if(*(int *)&buf[i] != b * 1000 + i)
        FAIL("content of block %d", b);
  }
  if(read(fd, buf, 1) != 0)
    FAIL("read past the end");
  close(fd);
  if(unlink("maxfile") < 0)
    FAIL("unlink");
}

// Odd-sized reads and writes across block boundaries.
static void
t_bigfile(void)
{
  enum { N = 20, SZ = 600 };
  int fd = xopen("bigfile", O_CREATE | O_TRUNC | O_RDWR);
  for(int i = 0; i < N; i++){
    memset(buf, i, SZ);
    if(write(fd, buf, SZ) != SZ)
      FAIL("write");
  }
  close(fd);
  fd = xopen("bigfile", O_RDONLY);
  int total = 0;
  for(;;){
    int n = read(fd, buf, SZ / 2);
    if(n < 0)
      FAIL("read");
    if(n == 0)
      break;
    if(n != SZ / 2 || buf[0] != buf[SZ / 2 - 1] || buf[0] != (total / SZ))
      FAIL("read content at %d", total);
    total += n;
  }
  close(fd);
  if(total != N * SZ)
    FAIL("total %d", total);
  unlink("bigfile");
}

static void
t_unlinkopen(void)
{
  int fd = xopen("unlinkread", O_CREATE | O_WRONLY);
  write(fd, "hello", 5);
  close(fd);
  fd = xopen("unlinkread", O_RDWR);
  if(unlink("unlinkread") != 0)
    FAIL("unlink");
  int fd1 = xopen("unlinkread", O_CREATE | O_RDWR);
  write(fd1, "yyy", 3);
  close(fd1);
  if(read(fd, buf, sizeof(buf)) != 5 || buf[0] != 'h')
    FAIL("unlinked file unreadable");
  if(write(fd, buf, 10) != 10)
    FAIL("unlinked file unwritable");
  close(fd);
  fd = xopen("unlinkread", O_RDONLY);
  if(read(fd, buf, sizeof(buf)) != 3)
    FAIL("new file has the old contents");
  close(fd);
  unlink("unlinkread");
}

static void
t_link(void)
{
  unlink("lf1");
  unlink("lf2");
  int fd = xopen("lf1", O_CREATE | O_RDWR);
  write(fd, "hello", 5);
  close(fd);
  if(link("lf1", "lf2") < 0)
    FAIL("link");
  struct stat st;
  if(stat("lf1", &st) < 0 || st.nlink != 2)
    FAIL("nlink %d", st.nlink);
  unlink("lf1");
  if(open("lf1", O_RDONLY) >= 0)
    FAIL("unlinked name still opens");
  fd = xopen("lf2", O_RDONLY);
  if(read(fd, buf, sizeof(buf)) != 5 || memcmp(buf, "hello", 5) != 0)
    FAIL("content through the other name");
  close(fd);
  if(link("lf2", "lf2") >= 0 || link("lf2", "README") >= 0)
    FAIL("link onto an existing name");
  unlink("lf2");
  if(link("lf2", "lf1") >= 0)
    FAIL("link of a missing file");
  if(link(".", "lf1") >= 0)
    FAIL("link of a directory");
  if(link("README", "nosuchdir/x") >= 0)
    FAIL("link into a missing directory");
}

static void
t_dirs(void)
{
  if(mkdir("dir0") < 0)
    FAIL("mkdir");
  if(mkdir("dir0") != -1)
    FAIL("mkdir of an existing directory");
  if(chdir("dir0") < 0)
    FAIL("chdir");
  if(mkdir("sub") < 0 || chdir("sub") < 0)
    FAIL("nested");
  int fd = xopen("f", O_CREATE | O_WRONLY);
  close(fd);
  if(chdir("../..") < 0)
    FAIL("chdir ../..");
  if(open("dir0/sub/f", O_RDONLY) < 0 || open("/dir0/sub/../sub/./f", O_RDONLY) < 0)
    FAIL("paths");
  struct stat st;
  stat("dir0", &st);
  if(st.nlink != 2 + 0 && st.nlink != 3)
    FAIL("nlink of dir0 %d", st.nlink);
  if(unlink("dir0") != -1 || unlink("dir0/sub") != -1)
    FAIL("removed a non-empty directory");
  if(unlink("dir0/sub/.") != -1 || unlink("dir0/sub/..") != -1)
    FAIL("removed . or ..");
  if(chdir("dir0/sub/f") != -1)
    FAIL("chdir into a file");
  if(open("dir0/sub/f/x", O_CREATE | O_RDWR) != -1 || mkdir("dir0/sub/f/x") != -1)
    FAIL("file used as a directory");
  if(unlink("dir0/sub/f") < 0 || unlink("dir0/sub") < 0 || unlink("dir0") < 0)
    FAIL("cleanup");
  if(chdir("dir0") != -1)
    FAIL("chdir into a removed directory");
  // ".." of the root is the root.
  if(chdir("/..") < 0 || stat("README", &st) < 0)
    FAIL("/..");
  // Over-long names are cut to DIRSIZ.
  fd = xopen("abcdefghijklmnopqrstuvwxyz", O_CREATE | O_WRONLY);
  close(fd);
  if(open("abcdefghijklmn", O_RDONLY) < 0)
    FAIL("name not cut at DIRSIZ");
  unlink("abcdefghijklmn");
}

// A directory that is removed while a process is in it.
static void
t_rmdot(void)
{
  if(mkdir("dots") < 0 || chdir("dots") < 0)
    FAIL("mkdir/chdir");
  if(unlink(".") == 0 || unlink("..") == 0)
    FAIL("unlink . or ..");
  if(chdir("/") < 0)
    FAIL("chdir /");
  if(unlink("dots/.") == 0 || unlink("dots/..") == 0)
    FAIL("unlink dots/. or dots/..");
  if(unlink("dots") != 0)
    FAIL("unlink dots");
  // The same, but from inside.
  mkdir("dots2");
  chdir("dots2");
  if(unlink("../dots2") != 0)
    FAIL("unlink from inside");
  if(open("x", O_CREATE | O_RDWR) != -1 || mkdir("x") != -1)
    FAIL("created in a removed directory");
  chdir("/");

  // When the parent goes too, the removed directory's ".." names a freed
  // inode (here likely reused by a file): nothing may reach it through "..".
  if(mkdir("rmp") < 0 || mkdir("rmp/c") < 0 || chdir("rmp/c") < 0)
    FAIL("mkdir/chdir rmp/c");
  if(unlink("/rmp/c") != 0 || unlink("/rmp") != 0)
    FAIL("unlink rmp/c, rmp");
  int fd = open("/rmpfile", O_CREATE | O_RDWR);
  if(fd < 0)
    FAIL("create rmpfile");
  close(fd);
  if(open("..", O_RDONLY) != -1 || open("../", O_RDONLY) != -1 || open("..", O_CREATE | O_RDWR) != -1 ||
     open("../x", O_CREATE | O_RDWR) != -1 || mkdir("../y") != -1 || chdir("..") != -1)
    FAIL("reached a removed parent through ..");
  if((fd = open(".", O_RDONLY)) < 0)
    FAIL("open . in a removed directory");
  close(fd);
  chdir("/");
  if(unlink("rmpfile") != 0)
    FAIL("unlink rmpfile");
}

// Many nested directories: in-memory inodes must be recycled.
static void
t_iref(void)
{
  for(int i = 0; i < NINODE + 1; i++){
    if(mkdir("irefd") != 0 || chdir("irefd") != 0)
      FAIL("mkdir/chdir %d", i);
    mkdir("");
    link("README", "");
    int fd = open("", O_CREATE);
    if(fd >= 0)
      close(fd);
    fd = open("xx", O_CREATE);
    if(fd >= 0)
      close(fd);
    unlink("xx");
  }
  // Clean up from the bottom.
  for(int i = 0; i < NINODE + 1; i++){
    chdir("..");
    if(unlink("irefd") != 0)
      FAIL("unlink irefd at depth %d", i);
  }
  chdir("/");
}

static void
t_subdir(void)
{
  unlink("ff");
  if(mkdir("dd") != 0)
    FAIL("mkdir dd");
  int fd = xopen("dd/ff", O_CREATE | O_RDWR);
  write(fd, "ff", 2);
  close(fd);
  if(unlink("dd") >= 0)
    FAIL("unlink dd (non-empty)");
  if(mkdir("/dd/dd") != 0)
    FAIL("mkdir dd/dd");
  fd = xopen("dd/dd/ff", O_CREATE | O_RDWR);
  write(fd, "FF", 2);
  close(fd);
  fd = xopen("dd/dd/../ff", O_RDONLY);
  if(read(fd, buf, sizeof(buf)) != 2 || buf[0] != 'f')
    FAIL("dd/dd/../ff");
  close(fd);
  if(link("dd/dd/ff", "dd/dd/ffff") != 0)
    FAIL("link dd/dd/ff dd/dd/ffff");
  if(unlink("dd/dd/ff") != 0)
    FAIL("unlink dd/dd/ff");
  if(open("dd/dd/ff", O_RDONLY) >= 0)
    FAIL("open (unlinked) dd/dd/ff");
  if(chdir("dd") != 0 || chdir("dd/../../dd") != 0 || chdir("dd/../../../dd") != 0 ||
     chdir("./..") != 0)
    FAIL("chdir chain");
  fd = xopen("dd/dd/ffff", O_RDONLY);
  if(read(fd, buf, sizeof(buf)) != 2)
    FAIL("read dd/dd/ffff");
  close(fd);
  if(open("dd/ff/ff", O_CREATE | O_RDWR) >= 0 || open("dd/xx/ff", O_CREATE | O_RDWR) >= 0 ||
     open("dd", O_CREATE) >= 0 || open("dd", O_RDWR) >= 0 || open("dd", O_WRONLY) >= 0)
    FAIL("bad creates");
  if(link("dd/ff/ff", "dd/dd/xx") == 0 || link("dd/xx/ff", "dd/dd/xx") == 0 ||
     link("dd/ff", "dd/dd/ffff") == 0)
    FAIL("bad links");
  if(mkdir("dd/ff/ff") == 0 || mkdir("dd/xx/ff") == 0 || mkdir("dd/dd/ffff") == 0)
    FAIL("bad mkdirs");
  if(unlink("dd/xx/ff") == 0 || unlink("dd/ff/ff") == 0)
    FAIL("bad unlinks");
  if(chdir("dd/ff") == 0 || chdir("dd/xx") == 0)
    FAIL("bad chdirs");
  if(unlink("dd/dd/ffff") != 0 || unlink("dd/ff") != 0)
    FAIL("unlink files");
  if(unlink("dd") == 0)
    FAIL("unlink non-empty dd");
  if(unlink("dd/dd") < 0 || unlink("dd") < 0)
    FAIL("unlink dirs");
}

// Parent and child write through one descriptor.
static void
t_sharedfd(void)
{
  enum { N = 500 };
  unlink("sharedfd");
  int fd = xopen("sharedfd", O_CREATE | O_RDWR);
  int pid = xfork();
  memset(buf, pid == 0 ? 'c' : 'p', 10);
  for(int i = 0; i < N; i++)
    if(write(fd, buf, 10) != 10)
      FAIL("write");
  if(pid == 0)
    exit(0);
  wait_all(1);
  close(fd);
  fd = xopen("sharedfd", O_RDONLY);
  int nc = 0, np = 0, n;
  while((n = read(fd, buf, sizeof(buf))) > 0)
    for(int i = 0; i < n; i++){
      if(buf[i] == 'c')
        nc++;
      if(buf[i] == 'p')
        np++;
    }
  close(fd);
  unlink("sharedfd");
  if(nc != N * 10 || np != N * 10)
    FAIL("%d c, %d p", nc, np);
}

// Four processes each write their own file at the same time.
static void
t_fourfiles(void)
{
  char *names[] = { "f0", "f1", "f2", "f3" };
  enum { N = 12, SZ = 500 };
  for(int pi = 0; pi < 4; pi++){
    unlink(names[pi]);
    if(xfork() == 0){
      int fd = open(names[pi], O_CREATE | O_RDWR);
      if(fd < 0)
        exit(1);
      memset(buf, '0' + pi, SZ);
      for(int i = 0; i < N; i++)
        if(write(fd, buf, SZ) != SZ)
          exit(1);
      exit(0);
    }
  }
  wait_all(4);
  for(int i = 0; i < 4; i++){
    int fd = xopen(names[i], O_RDONLY);
    int total = 0, n;
    while((n = read(fd, buf, sizeof(buf))) > 0){
      for(int j = 0; j < n; j++)
        if(buf[j] != '0' + i)
          FAIL("wrong char in %s", names[i]);
      total += n;
    }
    close(fd);
    if(total != N * SZ)
      FAIL("%s has %d bytes", names[i], total);
    unlink(names[i]);
  }
}

// Concurrent create, link and unlink of the same names.
static void
t_concreate(void)
{
  enum { N = 40 };
  char name[3] = "C0";
  char seen[N];
  for(int i = 0; i < N; i++){
    name[1] = '0' + i;
    unlink(name);
    int pid = xfork();
    if(pid && (i % 3) == 1){
      link("C0", name);
    } else if(pid == 0 && (i % 5) == 1){
      link("C0", name);
    } else {
      int fd = open(name, O_CREATE | O_RDWR);
      if(fd < 0)
        FAIL("create %s", name);
      close(fd);
    }
    if(pid == 0)
      exit(0);
    wait_all(1);
  }
  memset(seen, 0, sizeof(seen));
  int fd = xopen(".", O_RDONLY);
  struct dirent de;
  int n = 0;
  while(read(fd, &de, sizeof(de)) > 0){
    if(de.inum == 0)
      continue;
    if(de.name[0] == 'C' && de.name[2] == 0){
      int i = de.name[1] - '0';
      if(i < 0 || i >= N || seen[i])
        FAIL("bad or duplicate entry %s", de.name);
      seen[i] = 1;
      n++;
    }
  }
  close(fd);
  if(n != N)
    FAIL("%d entries", n);
  for(int i = 0; i < N; i++){
    name[1] = '0' + i;
    int pid = xfork();
    if(((i % 3) == 0 && pid == 0) || ((i % 3) == 1 && pid != 0)){
      close(open(name, 0));
      close(open(name, 0));
    } else {
      unlink(name);
      unlink(name);
    }
    if(pid == 0)
      exit(0);
    wait(0);
  }
  for(int i = 0; i < N; i++){
    name[1] = '0' + i;
    unlink(name);
  }
}

// Processes creating and deleting files in one directory.
static void
t_createdelete(void)
{
  enum { N = 20, NCHILD = 4 };
  char name[32];
  for(int pi = 0; pi < NCHILD; pi++){
    if(xfork() == 0){
      name[0] = 'p' + pi;
      name[2] = 0;
      for(int i = 0; i < N; i++){
        name[1] = '0' + i;
        int fd = open(name, O_CREATE | O_RDWR);
        if(fd < 0)
          exit(1);
        close(fd);
        if(i > 0 && (i % 2) == 0){
          name[1] = '0' + (i / 2);
          if(unlink(name) < 0)
            exit(1);
        }
      }
      exit(0);
    }
  }
  wait_all(NCHILD);
  name[2] = 0;
  for(int i = 0; i < N; i++){
    for(int pi = 0; pi < NCHILD; pi++){
      name[0] = 'p' + pi;
      name[1] = '0' + i;
      int fd = open(name, 0);
      int should = (i == 0 || i >= N / 2);
      if(should && fd < 0)
        FAIL("%s missing", name);
      if(!should && fd >= 0)
        FAIL("%s exists", name);
      if(fd >= 0)
        close(fd);
    }
  }
  for(int i = 0; i < N; i++)
    for(int pi = 0; pi < NCHILD; pi++){
      name[0] = 'p' + pi;
      name[1] = '0' + i;
      unlink(name);
    }
}

// Random links and unlinks racing each other.
static void
t_linkunlink(void)
{
  unlink("x");
  int pid = xfork();
  uint x = pid ? 1 : 97;
  for(int i = 0; i < 100; i++){
    x = x * 1103515245 + 12345;
    if((x % 3) == 0){
      close(open("x", O_RDWR | O_CREATE));
    } else if((x % 3) == 1){
      link("cat", "x");
    } else {
      unlink("x");
    }
  }
  if(pid)
    wait_all(1);
  else
    exit(0);
  unlink("x");
}

// Many files in one directory.
static void
t_manyfiles(void)
{
  enum { N = 100 };
  char name[8];
  for(int i = 0; i < N; i++){
    name[0] = 'm';
    name[1] = '0' + i / 10;
    name[2] = '0' + i % 10;
    name[3] = 0;
    int fd = open(name, O_CREATE | O_RDWR);
    if(fd < 0)
      FAIL("create %s", name);
    write(fd, name, 4);
    close(fd);
  }
  for(int i = 0; i < N; i++){
    name[1] = '0' + i / 10;
    name[2] = '0' + i % 10;
    int fd = xopen(name, O_RDONLY);
    char got[4];
    if(read(fd, got, 4) != 4 || memcmp(got, name, 4) != 0)
      FAIL("content of %s", name);
    close(fd);
    if(unlink(name) < 0)
      FAIL("unlink %s", name);
  }
}

// --------------------------------------------------------------- exec

static void
t_exec(void)
{
  unlink("echo-ok");
  int pid = xfork();
  if(pid == 0){
    close(1);
    if(open("echo-ok", O_CREATE | O_WRONLY) != 1)
      exit(1);
    char *args[] = { "echo", "OK", "exec", 0 };
    exec("echo", args);
    exit(2);
  }
  wait_all(1);
  int fd = xopen("echo-ok", O_RDONLY);
  int n = read(fd, buf, sizeof(buf));
  close(fd);
  unlink("echo-ok");
  if(n != 8 || memcmp(buf, "OK exec\n", 8) != 0)
    FAIL("echo wrote %d bytes", n);

  char *args[] = { "nosuch", 0 };
  if(exec("nosuchprogram", args) != -1)
    FAIL("exec of a missing program");
  if(exec("README", args) != -1)
    FAIL("exec of a text file");
  if(exec(".", args) != -1)
    FAIL("exec of a directory");
  // A file that starts like ELF but is not.
  fd = xopen("fakeelf", O_CREATE | O_WRONLY);
  uint magic = 0x464C457F;
  write(fd, &magic, 4);
  memset(buf, 0xff, 200);
  write(fd, buf, 200);
  close(fd);
  if(exec("fakeelf", args) != -1)
    FAIL("exec of a broken ELF");
  unlink("fakeelf");
}

// Too many arguments, and too much argument text, fail cleanly.
static void
t_execargs(void)
{
  static char *args[MAXARG + 2];
  for(int i = 0; i < MAXARG + 1; i++)
    args[i] = "x";
  args[MAXARG + 1] = 0;
  if(exec("echo", args) != -1)
    FAIL("exec with MAXARG+1 arguments");
  static char big[PGSIZE];
  memset(big, 'b', sizeof(big) - 1);
  for(int i = 0; i < MAXARG - 1; i++)
    args[i] = big;
  args[MAXARG - 1] = 0;
  if(exec("echo", args) != -1)
    FAIL("exec with too much argument text");
  // MAXARG short arguments are fine.
  int pid = xfork();
  if(pid == 0){
    close(1);
    open("console", O_WRONLY);
    for(int i = 0; i < MAXARG - 1; i++)
      args[i] = "";
    args[0] = "echo";
    args[MAXARG - 1] = 0;
    close(1);          // no output wanted
    exec("echo", args);
    exit(1);
  }
  wait_all(1);
}

// exec in a process whose memory is nearly exhausted.
static void
t_execout(void)
{
  for(int avail = 0; avail < 15; avail++){
    int pid = xfork();
    if(pid == 0){
      // Take all memory, then give some back.
      for(;;){
        char *a = sbrk(PGSIZE);
        if(a == (char *)-1)
          break;
        *(a + PGSIZE - 1) = 1;
      }
      for(int i = 0; i < avail; i++)
        sbrk(-PGSIZE);
      close(1);
      char *args[] = { "echo", "x", 0 };
      exec("echo", args);
      exit(0);
    }
    wait(0);
  }
}

// ------------------------------------------------------- slow tests

static void
t_bigdir(void)
{
  enum { N = 500 };
  char name[10];
  int fd = xopen("bigdir.f", O_CREATE);
  close(fd);
  for(int i = 0; i < N; i++){
    name[0] = 'x';
    name[1] = '0' + i / 64;
    name[2] = '0' + i % 64;
    name[3] = 0;
    if(link("bigdir.f", name) != 0)
      FAIL("link %d", i);
  }
  unlink("bigdir.f");
  for(int i = 0; i < N; i++){
    name[1] = '0' + i / 64;
    name[2] = '0' + i % 64;
    if(unlink(name) != 0)
      FAIL("unlink %d", i);
  }
}

static void
t_outofinodes(void)
{
  enum { N = 300 };
  char name[8] = "z";
  int made = 0;
  for(int i = 0; i < N; i++){
    name[1] = 'a' + i / 26 / 26;
    name[2] = 'a' + i / 26 % 26;
    name[3] = 'a' + i % 26;
    name[4] = 0;
    int fd = open(name, O_CREATE | O_RDWR);
    if(fd < 0)
      break;
    close(fd);
    made++;
  }
  if(made == N)
    FAIL("never ran out of inodes");
  for(int i = 0; i < made; i++){
    name[1] = 'a' + i / 26 / 26;
    name[2] = 'a' + i / 26 % 26;
    name[3] = 'a' + i % 26;
    if(unlink(name) < 0)
      FAIL("unlink %s", name);
  }
  int fd = open("zfinal", O_CREATE | O_RDWR);
  if(fd < 0)
    FAIL("inodes not freed");
  close(fd);
  unlink("zfinal");
}

static void
t_diskfull(void)
{
  char name[8] = "full0";
  int done = 0, files = 0;
  for(int fi = 0; !done && fi < 30; fi++){
    name[4] = 'a' + fi;
    unlink(name);
    int fd = open(name, O_CREATE | O_RDWR);
    if(fd < 0)
      FAIL("could not create %s", name);
    files++;
    memset(buf, 'f', BSIZE);
    for(int b = 0; b < MAXFILE; b++){
      if(write(fd, buf, BSIZE) != BSIZE){
        done = 1;
        break;
      }
    }
    close(fd);
  }
  if(!done)
    FAIL("disk never filled up");
  // With the disk full, directory growth fails gracefully.
  char dname[8] = "dfull0";
  int nd = 0;
  for(int i = 0; i < 40; i++){
    dname[5] = 'a' + i;
    if(mkdir(dname) == 0)
      nd++;
  }
  for(int i = 0; i < 40; i++){
    dname[5] = 'a' + i;
    unlink(dname);
  }
  for(int fi = 0; fi < files; fi++){
    name[4] = 'a' + fi;
    if(unlink(name) < 0)
      FAIL("unlink %s", name);
  }
  // Space is back.
  int fd = xopen("fullagain", O_CREATE | O_RDWR);
  for(int b = 0; b < 100; b++)
    if(write(fd, buf, BSIZE) != BSIZE)
      FAIL("space not freed");
  close(fd);
  unlink("fullagain");
}

static void
t_manywrites(void)
{
  enum { NCHILD = 4, ROUNDS = 2 };
  for(int ci = 0; ci < NCHILD; ci++){
    if(xfork() == 0){
      char name[3] = { 'b', 'a' + ci, 0 };
      unlink(name);
      for(int r = 0; r < ROUNDS; r++){
        for(int i = 0; i < ci + 1; i++){
          int fd = open(name, O_CREATE | O_RDWR);
          if(fd < 0)
            exit(1);
          int want = sizeof(buf);
          if(write(fd, buf, want) != want)
            exit(1);
          close(fd);
        }
        unlink(name);
      }
      exit(0);
    }
  }
  wait_all(NCHILD);
}

// Many processes doing file-system work in their own directories.
static void
t_fsstress(void)
{
  enum { NCHILD = 4, ROUNDS = 30 };
  for(int ci = 0; ci < NCHILD; ci++){
    if(xfork() == 0){
      char d[4] = { 's', 'a' + ci, 0 };
      unlink(d);
      if(mkdir(d) < 0 || chdir(d) < 0)
        exit(1);
      for(int r = 0; r < ROUNDS; r++){
        int fd = open("f", O_CREATE | O_RDWR);
        if(fd < 0)
          exit(2);
        for(int k = 0; k < 5; k++)
          if(write(fd, buf, 1000) != 1000)
            exit(3);
        close(fd);
        if(link("f", "g") < 0 || unlink("f") < 0 || mkdir("sub") < 0 ||
           unlink("sub") < 0 || unlink("g") < 0)
          exit(4);
      }
      chdir("..");
      if(unlink(d) < 0)
        exit(5);
      exit(0);
    }
  }
  wait_all(NCHILD);
}

// ------------------------------------------------------------- runner

// How many pages can still be allocated? A child grabs them all.
static int
countfree(void)
{
  int p[2];
  if(pipe(p) < 0)
    return -1;
  int pid = fork();
  if(pid < 0)
    return -1;
  if(pid == 0){
    close(p[0]);
    int pages = 0;
    for(int chunk = 256; chunk >= 1; chunk /= 4){
      while(sbrk(chunk * PGSIZE) != (char *)-1)
        pages += chunk;
    }
    write(p[1], &pages, sizeof(pages));
    exit(0);
  }
  close(p[1]);
  int n = -1;
  if(read(p[0], &n, sizeof(n)) != sizeof(n))
    n = -1;
  close(p[0]);
  wait(0);
  return n;
}

struct test {
  void (*f)(void);
  const char *name;
  int slow;
};

static struct test tests[] = {
  { t_getpid, "getpid", 0 },
  { t_uptime, "uptime", 0 },
  { t_badfd, "badfd", 0 },
  { t_dup, "dup", 0 },
  { t_fstat, "fstat", 0 },
  { t_mknod, "mknod", 0 },
  { t_copyin, "copyin", 0 },
  { t_copyout, "copyout", 0 },
  { t_copyinstr, "copyinstr", 0 },
  { t_badargs, "badargs", 0 },
  { t_kernmem, "kernmem", 0 },
  { t_maxva, "maxva", 0 },
  { t_textwrite, "textwrite", 0 },
  { t_stackguard, "stackguard", 0 },
  { t_stackoverflow, "stackoverflow", 0 },
  { t_exitwait, "exitwait", 0 },
  { t_twochildren, "twochildren", 0 },
  { t_forkfork, "forkfork", 0 },
  { t_forkall, "forkall", 0 },
  { t_killstatus, "killstatus", 0 },
  { t_preempt, "preempt", 0 },
  { t_killsleep, "killsleep", 0 },
  { t_orphans, "orphans", 0 },
  { t_reparent, "reparent", 0 },
  { t_forkflood, "forkflood", 0 },
  { t_exitiput, "exitiput", 0 },
  { t_sbrkbasic, "sbrkbasic", 0 },
  { t_sbrkmuch, "sbrkmuch", 0 },
  { t_sbrkfail, "sbrkfail", 0 },
  { t_sbrkarg, "sbrkarg", 0 },
  { t_sbrkfree, "sbrkfree", 0 },
  { t_sbrkbugs, "sbrkbugs", 0 },
  { t_sbrklazy, "sbrklazy", 0 },
  { t_malloc, "malloc", 0 },
  { t_pipe, "pipe", 0 },
  { t_pipeends, "pipeends", 0 },
  { t_pipemany, "pipemany", 0 },
  { t_pipeexhaust, "pipeexhaust", 0 },
  { t_createwrite, "createwrite", 0 },
  { t_partialwrite, "partialwrite", 0 },
  { t_openmodes, "openmodes", 0 },
  { t_truncate, "truncate", 0 },
  { t_bigwrite, "bigwrite", 0 },
  { t_bigfile, "bigfile", 0 },
  { t_maxfile, "maxfile", 0 },
  { t_unlinkopen, "unlinkopen", 0 },
  { t_link, "link", 0 },
  { t_dirs, "dirs", 0 },
  { t_rmdot, "rmdot", 0 },
  { t_iref, "iref", 0 },
  { t_subdir, "subdir", 0 },
  { t_sharedfd, "sharedfd", 0 },
  { t_fourfiles, "fourfiles", 0 },
  { t_concreate, "concreate", 0 },
  { t_createdelete, "createdelete", 0 },
  { t_linkunlink, "linkunlink", 0 },
  { t_manyfiles, "manyfiles", 0 },
  { t_exec, "exec", 0 },
  { t_execargs, "execargs", 0 },
  { t_fsstress, "fsstress", 0 },
  { t_execout, "execout", 1 },
  { t_bigdir, "bigdir", 1 },
  { t_outofinodes, "outofinodes", 1 },
  { t_diskfull, "diskfull", 1 },
  { t_manywrites, "manywrites", 1 },
  { 0, 0, 0 },
};

static int
run(struct test *t)
{
  printf("test %s: ", t->name);
  int pid = fork();
  if(pid < 0){
    printf("fork failed\n");
    return 0;
  }
  if(pid == 0){
    tname = t->name;
    t->f();
    exit(0);
  }
  int st;
  wait(&st);
  printf(st == 0 ? "OK\n" : "FAILED\n");
  return st == 0;
}

int
main(int argc, char *argv[])
{
  int quick = 0;
  char *only[MAXARG];
  int nonly = 0;
  for(int i = 1; i < argc; i++){
    if(strcmp(argv[i], "-q") == 0)
      quick = 1;
    else
      only[nonly++] = argv[i];
  }

  printf("usertests starting\n");
  int free0 = countfree();
  int failed = 0, ran = 0;
  for(struct test *t = tests; t->f; t++){
    if(nonly){
      int want = 0;
      for(int i = 0; i < nonly; i++)
        if(strcmp(only[i], t->name) == 0)
          want = 1;
      if(!want)
        continue;
    } else if(quick && t->slow){
      continue;
    }
    ran++;
    if(!run(t))
      failed++;
  }
  if(nonly && ran == 0){
    printf("usertests: no such test\n");
    exit(1);
  }
  int free1 = countfree();
  if(free1 < free0){
    printf("FAILED -- lost some free pages %d (out of %d)\n", free1, free0);
    failed++;
  }
  if(failed){
    printf("SOME TESTS FAILED\n");
    exit(1);
  }
  printf("ALL TESTS PASSED\n");
  exit(0);
}
