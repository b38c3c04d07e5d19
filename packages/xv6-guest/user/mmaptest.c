// mmaptest: tests of mmap, munmap, msync and mprotect.
//
//   mmaptest          run every test
//   mmaptest NAME...  run the named tests
//
// Each test runs in its own child process, so that leftover mappings
// and a full mapping table do not leak into the next test. A passing
// test prints "test NAME: OK"; a failing one prints
// "mmaptest: NAME failed: reason" and mmaptest exits with 1. Accesses
// that must be fatal are made by a forked child, and the test checks
// that the child was killed (exit status -1). The kernel reports each
// such kill on the console; that is expected.
//
// Scratch files are mmap.f1 and mmap.f2, removed at the end.
// Two files are left on the disk for the host test to inspect:
//
//   mt.shared   exactly 10000 bytes, all 'a' except
//                 bytes    0-9    "SSSSSSSSSS"  (stored through a MAP_SHARED mapping, then munmap)
//                 bytes 4096-4100 "wwwww"       (write() into a page the mapping only read)
//                 bytes 8192-8201 "SSSSSSSSSS"  (stored through a MAP_SHARED mapping by a child
//                                                that exited without munmap)
//               The mapping also stored 'X' past the end of the file (bytes 10000-10009 and
//               12288-12297); none of that may reach the file, which must not grow.
//
//   mt.private  exactly 5000 bytes, byte i is 'a' + i % 26 ("abc...xyzabc..."), as created:
//               it was mapped MAP_PRIVATE|PROT_WRITE (from an O_RDONLY descriptor) and
//               overwritten through the mapping by the process and by a forked child.

#include "kernel/param.h"
#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/riscv.h"
#include "kernel/memlayout.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)
#define P PGSIZE

static const char *tname;
static char *self;              // our own path, to exec ourselves
static char fbuf[6 * PGSIZE];   // a whole scratch file, read back

#define FAIL(...) do { \
    printf("mmaptest: %s failed: ", tname); printf(__VA_ARGS__); printf("\n"); \
    exit(1); \
  } while(0)

// ------------------------------------------------------------ helpers

// File contents of a kind: PATTERN differs from page to page, so that
// a page read from the wrong offset shows; any other kind is a byte
// value repeated.
#define PATTERN  (-1)
#define ALPHABET (-2)

static int
content(int kind, uint64 off)
{
  if(kind == PATTERN)
    return 'A' + (off % 23 + off / PGSIZE * 5) % 26;
  if(kind == ALPHABET)
    return 'a' + off % 26;
  return kind;
}

// Create name afresh with size bytes of the given kind.
static void
mkfile(const char *name, int size, int kind)
{
  static char chunk[PGSIZE];   // big writes: fewer log commits
  unlink(name);
  int fd = open(name, O_CREATE | O_RDWR);
  if(fd < 0)
    FAIL("cannot create %s", name);
  for(int off = 0; off < size; ){
    int n = size - off < sizeof(chunk) ? size - off : sizeof(chunk);
    for(int i = 0; i < n; i++)
      chunk[i] = content(kind, off + i);
    if(write(fd, chunk, n) != n)
      FAIL("write to %s", name);
    off += n;
  }
  close(fd);
}

static int
xopen(const char *name, int mode)
{
  int fd = open(name, mode);
  if(fd < 0)
    FAIL("cannot open %s", name);
  return fd;
}

// Read all of name into fbuf; returns its size.
static int
load(const char *name)
{
  int fd = xopen(name, O_RDONLY);
  int n = 0, r;
  while(n < sizeof(fbuf) && (r = read(fd, fbuf + n, sizeof(fbuf) - n)) > 0)
    n += r;
  close(fd);
  return n;
}

static uint64
fsize(const char *name)
{
  struct stat st;
  if(stat(name, &st) < 0)
    FAIL("cannot stat %s", name);
  return st.size;
}

// write() n bytes at offset off of name (there is no lseek: read up to off).
static void
putat(const char *name, int off, const char *data, int n)
{
  char skip[512];
  int fd = xopen(name, O_RDWR);
  while(off > 0){
    int k = off < sizeof(skip) ? off : sizeof(skip);
    if(read(fd, skip, k) != k)
      FAIL("%s is too short to write at its offset", name);
    off -= k;
  }
  if(write(fd, data, n) != n)
    FAIL("write to %s", name);
  close(fd);
}

static char *
xmap(size_t len, int prot, int flags, int fd, off_t off)
{
  char *p = mmap(0, len, prot, flags, fd, off);
  if(p == MAP_FAILED)
    FAIL("mmap(len %ld, prot %d, flags 0x%x, fd %d, off %ld) failed",
         (long)len, prot, flags, fd, (long)off);
  if((uint64)p % PGSIZE != 0)
    FAIL("mmap returned %p, not page-aligned", p);
  return p;
}

static void
xunmap(void *p, size_t len)
{
  if(munmap(p, len) != 0)
    FAIL("munmap(%p, %ld) failed", p, (long)len);
}

// Fail unless the n bytes at p are the given kind of content for file
// offsets off.. (or zero from offset eof on).
static void
expect(const char *what, char *p, int n, int kind, uint64 off, uint64 eof)
{
  for(int i = 0; i < n; i++){
    int want = off + i < eof ? content(kind, off + i) : 0;
    if((uchar)p[i] != want)
      FAIL("%s: byte at file offset %d is %d, expected %d",
           what, (int)(off + i), (uchar)p[i], want);
  }
}

static void
expect_str(const char *what, char *p, const char *s)
{
  if(memcmp(p, s, strlen(s)) != 0)
    FAIL("%s: expected \"%s\"", what, s);
}

static int
xfork(void)
{
  int pid = fork();
  if(pid < 0)
    FAIL("fork failed");
  return pid;
}

static void
wait_ok(void)
{
  int st;
  if(wait(&st) < 0)
    FAIL("wait: no child");
  if(st != 0)
    FAIL("a child process failed (status %d)", st);
}

// Run f(a) in a child that must be killed by the access it makes.
static void
expect_killed(void (*f)(char *), char *a, const char *what)
{
  int pid = xfork();
  if(pid == 0){
    f(a);
    exit(0);
  }
  int st;
  wait(&st);
  if(st != -1)
    FAIL("%s at %p: the process was not killed (status %d)", what, a, st);
}

static void
rd(char *a)
{
  volatile char *v = a;
  printf("mmaptest: %s: read of %p gave %d instead of a fault\n", tname, a, *v);
}

static void
wr(char *a)
{
  volatile char *v = a;
  *v = 'K';
  printf("mmaptest: %s: write to %p did not fault\n", tname, a);
}

static void
ex(char *a)
{
  asm volatile("fence.i");
  int r = ((int (*)(void))a)();
  printf("mmaptest: %s: call to %p returned %d instead of faulting\n", tname, a, r);
}

// Two processes talking through a pair of pipes: tell() wakes the
// other one, hear() waits for it. A partner that dies makes hear()
// fail instead of hanging, because each side closes the ends it does
// not use.
static int tx = -1, rx = -1;

static void
tell(void)
{
  if(write(tx, "x", 1) != 1)
    FAIL("the other process is gone");
}

static void
hear(void)
{
  char c;
  if(read(rx, &c, 1) != 1)
    FAIL("the other process is gone");
}

// fork() with a pipe each way between parent and child.
static int
fork2(void)
{
  int a[2], b[2];
  if(pipe(a) < 0 || pipe(b) < 0)
    FAIL("pipe failed");
  int pid = xfork();
  if(pid == 0){
    close(a[0]);
    close(b[1]);
    tx = a[1];
    rx = b[0];
  } else {
    close(a[1]);
    close(b[0]);
    tx = b[1];
    rx = a[0];
  }
  return pid;
}

static void
end2(void)
{
  close(tx);
  close(rx);
}

// Two children forked before any mapping, talking to each other; the
// parent keeps no pipe ends. Returns 0 in the parent, 1 or 2 in the
// children.
static int
fork_pair(void)
{
  int ab[2], ba[2];
  if(pipe(ab) < 0 || pipe(ba) < 0)
    FAIL("pipe failed");
  if(xfork() == 0){
    close(ab[0]);
    close(ba[1]);
    tx = ab[1];
    rx = ba[0];
    return 1;
  }
  if(xfork() == 0){
    close(ab[1]);
    close(ba[0]);
    tx = ba[1];
    rx = ab[0];
    return 2;
  }
  close(ab[0]);
  close(ab[1]);
  close(ba[0]);
  close(ba[1]);
  return 0;
}

static void
utoa(uint64 x, char *s)
{
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = '0' + x % 10;
    x /= 10;
  } while(x);
  while(n > 0)
    *s++ = tmp[--n];
  *s = 0;
}

static uint64
atou(const char *s)
{
  uint64 x = 0;
  while(*s >= '0' && *s <= '9')
    x = x * 10 + (*s++ - '0');
  return x;
}

// -------------------------------------------------------------- tests

// Reading a file through a mapping: every page from its own offset,
// zeros past the end of the file, whatever order pages are touched in.
static void
t_read(void)
{
  int size = 2 * P + 1000;
  mkfile("mmap.f1", size, PATTERN);
  int flags[] = { MAP_PRIVATE, MAP_SHARED };
  for(int i = 0; i < 2; i++){
    int fd = xopen("mmap.f1", O_RDONLY);
    char *p = xmap(3 * P, PROT_READ, flags[i], fd, 0);
    close(fd);
    if((uint64)p < (uint64)sbrk(0) || (uint64)p + 3 * P > TRAPFRAME)
      FAIL("mapping at %p is not between the heap and the trap frame", p);
    expect("page 2", p + 2 * P, P, PATTERN, 2 * P, size);
    expect("page 0", p, P, PATTERN, 0, size);
    expect("page 1", p + P, P, PATTERN, P, size);
    xunmap(p, 3 * P);
  }
  unlink("mmap.f1");
}

// Mappings are made lazily: both are larger than the machine's memory.
static void
t_lazy(void)
{
  enum { BIG = 200 * 1024 * 1024 };
  mkfile("mmap.f1", P + 10, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  char *p = xmap(BIG, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("last file page", p + P, 20, PATTERN, P, P + 10);
  expect("middle", p + BIG / 2, 10, PATTERN, BIG / 2, P + 10);
  expect("end", p + BIG - 10, 10, PATTERN, BIG - 10, P + 10);
  xunmap(p, BIG);

  char *a = xmap(BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for(int i = 0; i < 16; i++){
    char *q = a + (uint64)i * (BIG / 16) + i;
    if(*q != 0)
      FAIL("anonymous memory is not zero");
    *q = i + 1;
  }
  for(int i = 0; i < 16; i++)
    if(a[(uint64)i * (BIG / 16) + i] != i + 1)
      FAIL("anonymous memory lost a write");
  xunmap(a, BIG);
  unlink("mmap.f1");
}

// What write() stores before a page is first touched is what the
// touch finds.
static void
t_beforetouch(void)
{
  int flags[] = { MAP_PRIVATE, MAP_SHARED };
  for(int i = 0; i < 2; i++){
    mkfile("mmap.f1", 2 * P, PATTERN);
    int fd = xopen("mmap.f1", O_RDONLY);
    char *p = xmap(2 * P, PROT_READ, flags[i], fd, 0);
    close(fd);
    putat("mmap.f1", P + 100, "before", 6);
    expect_str("written before the touch", p + P + 100, "before");
    expect("rest of the page", p + P, 100, PATTERN, P, 2 * P);
    expect("page 0", p, P, PATTERN, 0, 2 * P);
    xunmap(p, 2 * P);
  }
  unlink("mmap.f1");
}

// Pages get the permissions prot asks for: writing a read-only mapping
// or running code in one without PROT_EXEC kills.
static void
t_prot(void)
{
  // li a0, 17; ret
  static const uchar code[] = { 0x45, 0x45, 0x82, 0x80 };
  mkfile("mmap.f1", P, PATTERN);
  putat("mmap.f1", 0, (const char *)code, sizeof(code));
  int fd = xopen("mmap.f1", O_RDWR);

  char *ro = xmap(P, PROT_READ, MAP_SHARED, fd, 0);
  char *rop = xmap(P, PROT_READ, MAP_PRIVATE, fd, 0);
  char *rw = xmap(P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  char *rx = xmap(P, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("read-only mapping", ro + 4, 100, PATTERN, 4, P);
  expect_killed(wr, ro + 10, "write to a PROT_READ MAP_SHARED mapping");
  expect_killed(wr, rop + 10, "write to a PROT_READ MAP_PRIVATE mapping");
  expect_killed(ex, ro, "call into a PROT_READ mapping");
  expect_killed(ex, rw, "call into a PROT_READ|PROT_WRITE mapping");
  rw[10] = 'z';
  if(rw[10] != 'z')
    FAIL("write to a PROT_WRITE mapping did not stick");
  asm volatile("fence.i");
  int r = ((int (*)(void))rx)();
  if(r != 17)
    FAIL("code in a PROT_EXEC mapping returned %d, not 17", r);
  xunmap(ro, P);
  xunmap(rop, P);
  xunmap(rw, P);
  xunmap(rx, P);
  if(load("mmap.f1") != P || memcmp(fbuf, code, sizeof(code)) != 0)
    FAIL("the file changed");
  expect("the file", fbuf + 4, P - 4, PATTERN, 4, P);
  unlink("mmap.f1");
}

// Closing the descriptor leaves the mapping working, write-back too.
static void
t_closefd(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *s = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *q = xmap(2 * P, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("shared mapping", s + P, P, PATTERN, P, 2 * P);
  expect("private mapping", q, 2 * P, PATTERN, 0, 2 * P);
  s[10] = 'c';
  xunmap(s, 2 * P);
  xunmap(q, 2 * P);
  if(load("mmap.f1") != 2 * P || fbuf[10] != 'c')
    FAIL("the store through the mapping did not reach the file");
  unlink("mmap.f1");
}

// munmap of a prefix, a suffix and the rest; unmapped pages kill.
static void
t_munmap(void)
{
  mkfile("mmap.f1", 4 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *p = xmap(4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  expect("page 0", p, 10, PATTERN, 0, 4 * P);
  expect("page 3", p + 3 * P, 10, PATTERN, 3 * P, 4 * P);

  xunmap(p, P);
  expect_killed(rd, p, "read of an unmapped prefix");
  expect_killed(wr, p + P - 1, "write to an unmapped prefix");
  expect("page 1", p + P, P, PATTERN, P, 4 * P);

  xunmap(p + 3 * P, P);
  expect_killed(rd, p + 3 * P, "read of an unmapped suffix");
  p[P] = 'm';
  p[2 * P + 5] = 'n';

  xunmap(p + P, 2 * P);
  expect_killed(rd, p + P, "read after munmap of everything");
  expect_killed(wr, p + 2 * P + 5, "write after munmap of everything");
  if(load("mmap.f1") != 4 * P || fbuf[P] != 'm' || fbuf[2 * P + 5] != 'n')
    FAIL("stores before munmap did not reach the file");
  expect("rest of the file", fbuf + P + 1, 100, PATTERN, P + 1, 4 * P);

  // The whole of an untouched mapping.
  fd = xopen("mmap.f1", O_RDONLY);
  p = xmap(2 * P, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  xunmap(p, 2 * P);
  expect_killed(rd, p + P, "read of an unmapped, never touched page");
  unlink("mmap.f1");
}

// Bytes of mt.shared after each stage (see the top of the file).
static int
shared_byte(uint64 off, int after_child)
{
  if(off < 10)
    return 'S';
  if(off >= P && off < P + 5)
    return 'w';
  if(after_child && off >= 2 * P && off < 2 * P + 10)
    return 'S';
  return 'a';
}

static void
check_shared(int after_child)
{
  if(fsize("mt.shared") != 10000)
    FAIL("mt.shared is %d bytes, not 10000", (int)fsize("mt.shared"));
  if(load("mt.shared") != 10000)
    FAIL("cannot read mt.shared back");
  for(int i = 0; i < 10000; i++)
    if(fbuf[i] != shared_byte(i, after_child))
      FAIL("mt.shared byte %d is '%c', expected '%c'", i, fbuf[i], shared_byte(i, after_child));
}

// MAP_SHARED stores reach the file, but only in pages that were
// written and never past the end of the file; a child that exits
// without munmap writes its stores back too.
static void
t_shared(void)
{
  mkfile("mt.shared", 10000, 'a');
  int fd = xopen("mt.shared", O_RDWR);
  char *p = xmap(4 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  memset(p, 'S', 10);
  expect("page 1", p + P, P, 'a', P, 10000);
  // Page 1 was only read: write-back must not put the 'a's back.
  putat("mt.shared", P, "wwwww", 5);
  expect_str("write() seen through the mapping", p + P, "wwwww");
  expect("past the end of the file", p + 10000, 3 * P - 10000, 0, 10000, 0);
  expect("a page wholly past the end", p + 3 * P, P, 0, 3 * P, 0);
  memset(p + 10000, 'X', 10);
  memset(p + 3 * P, 'X', 10);
  xunmap(p, 4 * P);
  check_shared(0);

  if(xfork() == 0){
    fd = xopen("mt.shared", O_RDWR);
    p = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memset(p + 2 * P, 'S', 10);
    exit(0);
  }
  wait_ok();
  check_shared(1);
}

// MAP_PRIVATE stores never reach the file, even with PROT_WRITE from
// an O_RDONLY descriptor, from the process or from its child.
static void
t_private(void)
{
  mkfile("mt.private", 5000, ALPHABET);
  int fd = xopen("mt.private", O_RDONLY);
  char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("the mapping", p, 2 * P, ALPHABET, 0, 5000);
  memset(p, 'P', P);
  if(xfork() == 0){
    memset(p, 'C', 2 * P);
    exit(0);
  }
  wait_ok();
  for(int i = 0; i < P; i++)
    if(p[i] != 'P')
      FAIL("the child's private store showed in the parent");
  expect("page 1 after the child", p + P, P, ALPHABET, P, 5000);
  memset(p + P, 'P', P);
  if(load("mt.private") != 5000)
    FAIL("mt.private changed size while mapped");
  expect("mt.private while mapped", fbuf, 5000, ALPHABET, 0, 5000);
  xunmap(p, 2 * P);
  if(fsize("mt.private") != 5000 || load("mt.private") != 5000)
    FAIL("mt.private changed size");
  expect("mt.private", fbuf, 5000, ALPHABET, 0, 5000);
}

// A child inherits the mappings, private stores included, and keeps
// them after the parent unmaps its own.
static void
t_fork(void)
{
  mkfile("mmap.f1", 3 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *s = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *q = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  s[0] = 'P';
  q[1] = 'Q';
  if(fork2() == 0){
    if(s[0] != 'P' || q[1] != 'Q')
      FAIL("the child does not see the parent's stores");
    expect("child's shared page 1", s + P, 10, PATTERN, P, 3 * P);
    expect("child's private page 0", q + 2, 10, PATTERN, 2, 3 * P);
    tell();
    hear();
    // The parent has unmapped; page 2 is first touched now.
    expect("child's shared page 2", s + 2 * P, P, PATTERN, 2 * P, 3 * P);
    expect("child's private page 2", q + 2 * P, P, PATTERN, 2 * P, 3 * P);
    s[P + 5] = 'C';
    q[2 * P] = 'c';
    exit(0);
  }
  hear();
  xunmap(s, 3 * P);
  xunmap(q, 3 * P);
  tell();
  wait_ok();
  end2();
  expect_killed(rd, s + 2 * P, "parent's read after its munmap");
  load("mmap.f1");
  if(fbuf[0] != 'P' || fbuf[P + 5] != 'C')
    FAIL("shared stores of the parent and the child are not in the file");
  expect("private stores", fbuf + 1, 1, PATTERN, 1, 3 * P);
  expect("private stores", fbuf + 2 * P, 1, PATTERN, 2 * P, 3 * P);
  unlink("mmap.f1");
}

// Exiting unmaps, writing dirty shared pages back, also when the
// process is killed.
static void
t_exit(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  if(xfork() == 0){
    int fd = xopen("mmap.f1", O_RDWR);
    char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    p[100] = 'x';
    p[P + 200] = 'y';
    exit(0);
  }
  wait_ok();
  if(load("mmap.f1") != 2 * P || fbuf[100] != 'x' || fbuf[P + 200] != 'y')
    FAIL("stores of a process that exited are not in the file");

  int pid = xfork();
  if(pid == 0){
    int fd = xopen("mmap.f1", O_RDWR);
    char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    p[300] = 'k';
    rd((char *)PGROUNDUP((uint64)sbrk(0)) + 16 * P);
    exit(0);
  }
  int st;
  wait(&st);
  if(st != -1)
    FAIL("the child was not killed (status %d)", st);
  if(load("mmap.f1") != 2 * P || fbuf[300] != 'k')
    FAIL("stores of a process that was killed are not in the file");
  unlink("mmap.f1");
}

// exec() drops the mappings (writing shared stores back): the new
// program finds nothing at their addresses. See probe().
static void
t_exec(void)
{
  mkfile("mmap.f1", P, PATTERN);
  int pid = xfork();
  if(pid == 0){
    int fd = xopen("mmap.f1", O_RDWR);
    char *s = xmap(P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *a = xmap(P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    close(fd);
    s[0] = 'E';
    a[0] = 'e';
    char sa[24], aa[24];
    utoa((uint64)s, sa);
    utoa((uint64)a, aa);
    char *argv[] = { self, "_probe", sa, aa, 0 };
    exec(self, argv);
    exit(2);
  }
  int st;
  wait(&st);
  if(st == 2)
    FAIL("exec %s failed", self);
  if(st == 3)
    FAIL("after exec, munmap of the old mappings' addresses succeeded");
  if(st != -1)
    FAIL("after exec, the old mappings' addresses were still readable (status %d)", st);
  if(load("mmap.f1") != P || fbuf[0] != 'E')
    FAIL("the store before exec did not reach the file");
  unlink("mmap.f1");
}

// Run by t_exec in the new program: the old addresses hold nothing,
// so munmap finds no mapping and a read kills.
static void
probe(char *s, char *a)
{
  if(munmap((void *)atou(s), P) != -1 || munmap((void *)atou(a), P) != -1)
    exit(3);
  volatile char *v = (char *)atou(s);
  if(*v == 'E')
    exit(4);
  exit(5);
}

// Calls that must fail.
static void
t_errors(void)
{
  mkfile("mmap.f1", P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  int badfds[] = { -1, NOFILE - 1, NOFILE, 1000 };
  for(int i = 0; i < sizeof(badfds) / sizeof(badfds[0]); i++)
    if(mmap(0, P, PROT_READ, MAP_PRIVATE, badfds[i], 0) != MAP_FAILED)
      FAIL("mmap of bad descriptor %d succeeded", badfds[i]);
  int cfd = xopen("mmap.f1", O_RDONLY);
  close(cfd);
  if(mmap(0, P, PROT_READ, MAP_PRIVATE, cfd, 0) != MAP_FAILED)
    FAIL("mmap of a closed descriptor succeeded");

  int wfd = xopen("mmap.f1", O_WRONLY);
  if(mmap(0, P, PROT_READ, MAP_PRIVATE, wfd, 0) != MAP_FAILED ||
     mmap(0, P, PROT_READ | PROT_WRITE, MAP_SHARED, wfd, 0) != MAP_FAILED)
    FAIL("mmap of an O_WRONLY file succeeded");
  close(wfd);

  if(mmap(0, P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) != MAP_FAILED)
    FAIL("PROT_WRITE|MAP_SHARED of an O_RDONLY file succeeded");
  xunmap(xmap(P, PROT_READ, MAP_SHARED, fd, 0), P);
  xunmap(xmap(P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0), P);

  if(mmap(0, 0, PROT_READ, MAP_PRIVATE, fd, 0) != MAP_FAILED)
    FAIL("mmap of length 0 succeeded");
  off_t offs[] = { 1, 100, P - 1, P + 1 };
  for(int i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
    if(mmap(0, P, PROT_READ, MAP_PRIVATE, fd, offs[i]) != MAP_FAILED)
      FAIL("mmap at unaligned offset %d succeeded", (int)offs[i]);
  if(mmap(0, P, PROT_READ, 0, fd, 0) != MAP_FAILED ||
     mmap(0, P, PROT_READ, MAP_ANONYMOUS, -1, 0) != MAP_FAILED)
    FAIL("mmap with neither MAP_SHARED nor MAP_PRIVATE succeeded");
  if(mmap(0, P, PROT_READ, MAP_SHARED | MAP_PRIVATE, fd, 0) != MAP_FAILED ||
     mmap(0, P, PROT_READ, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED)
    FAIL("mmap with both MAP_SHARED and MAP_PRIVATE succeeded");

  char *p = xmap(2 * P, PROT_READ, MAP_PRIVATE, fd, 0);
  xunmap(p, 2 * P);
  if(munmap(p, 2 * P) != -1 || munmap(p + P, P) != -1)
    FAIL("munmap of a range that is not mapped succeeded");
  close(fd);
  unlink("mmap.f1");
}

// The table holds 32 areas per process; munmap makes room again.
static void
t_vmas(void)
{
  enum { TRY = 40, NVMA = 32 };
  char *maps[TRY];
  mkfile("mmap.f1", P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  int n = 0;
  // Every area maps offset 0, so no two can be merged into one.
  while(n < TRY && (maps[n] = mmap(0, P, PROT_READ, MAP_SHARED, fd, 0)) != MAP_FAILED)
    n++;
  if(n != NVMA)
    FAIL("%d areas could be mapped, expected %d", n, NVMA);
  for(int i = 0; i < n; i++)
    expect("an area", maps[i], 10, PATTERN, 0, P);
  xunmap(maps[7], P);
  if((maps[7] = mmap(0, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
    FAIL("mmap failed after munmap made room");
  if(mmap(0, P, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED)
    FAIL("a 33rd area could be mapped");
  for(int i = 0; i < n; i++){
    expect("an area", maps[i], 10, i == 7 ? 0 : PATTERN, 0, i == 7 ? 0 : P);
    xunmap(maps[i], P);
  }
  close(fd);
  unlink("mmap.f1");
}

// The heap never grows over a mapping, and a mapping is never placed in
// the heap: sbrk succeeds below it or fails.
static void
t_sbrk(void)
{
  mkfile("mmap.f1", P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  p[P] = 'h';
  char *brk0 = sbrk(0);
  if(p < brk0)
    FAIL("mapping at %p is below the heap's end %p", p, brk0);
  // Grow lazily (nothing is allocated) in shrinking steps, right up to
  // whatever stops it.
  for(int step = 1 << 30; step >= P; step >>= 6){
    for(int i = 0; i < 300; i++){
      char *old = sbrklazy(step);
      if(old == SBRK_ERROR)
        break;
      if(old < p + 2 * P && old + step > p)
        FAIL("sbrk grew the heap from %p over the mapping at %p", old, p);
    }
  }
  char *top = sbrk(0);
  top[-1] = 'b';
  expect("the mapping", p, P, PATTERN, 0, P);
  if(p[P] != 'h')
    FAIL("the mapping lost a store");

  char *q = mmap(0, P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if(q != MAP_FAILED){
    if(q < top)
      FAIL("new mapping at %p lies in the heap, which ends at %p", q, top);
    if(q[0] != 0)
      FAIL("new anonymous mapping is not zero");
    q[0] = 'q';
    xunmap(q, P);
  }
  if(top[-1] != 'b')
    FAIL("the heap lost a store");

  // Shrinking the heap back leaves the mapping alone.
  for(char *cur = top; cur > brk0; cur = sbrk(0)){
    int n = cur - brk0 > (1 << 30) ? (1 << 30) : cur - brk0;
    sbrk(-n);
    if(sbrk(0) != cur - n)
      FAIL("sbrk did not shrink the heap");
  }
  expect("the mapping", p, P, PATTERN, 0, P);
  if(p[P] != 'h')
    FAIL("the mapping lost a store");
  xunmap(p, 2 * P);
  unlink("mmap.f1");
}

// Non-zero (page-aligned) offsets.
static void
t_offset(void)
{
  int size = 3 * P + 100;
  mkfile("mmap.f1", size, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *a = xmap(P, PROT_READ, MAP_PRIVATE, fd, P);
  char *b = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * P);
  close(fd);
  expect("offset one page", a, P, PATTERN, P, size);
  expect("offset two pages", b + P, P, PATTERN, 3 * P, size);
  expect("offset two pages", b, P, PATTERN, 2 * P, size);
  b[7] = 'o';
  b[P + 7] = 'p';
  xunmap(a, P);
  xunmap(b, 2 * P);
  if(load("mmap.f1") != size || fbuf[2 * P + 7] != 'o' || fbuf[3 * P + 7] != 'p')
    FAIL("stores at an offset did not reach the right bytes of the file");
  expect("the file", fbuf, 2 * P + 7, PATTERN, 0, size);
  unlink("mmap.f1");
}

// MAP_FIXED places a mapping exactly at addr, replacing what was there.
static void
t_fixed(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  mkfile("mmap.f2", 2 * P, ALPHABET);
  int fd1 = xopen("mmap.f1", O_RDONLY);
  int fd2 = xopen("mmap.f2", O_RDONLY);

  // A free address: where a mapping just was.
  char *hole = xmap(4 * P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  xunmap(hole, 4 * P);
  char *p = mmap(hole + P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd1, P);
  if(p != hole + P)
    FAIL("MAP_FIXED at %p gave %p", hole + P, p);
  expect("MAP_FIXED mapping", p, P, PATTERN, P, 2 * P);
  expect_killed(rd, hole, "read next to a MAP_FIXED mapping");
  xunmap(p, P);

  // An address of our choosing, far from everything else.
  char *far = (char *)(16L << 30);
  p = mmap(far, 2 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if(p != far)
    FAIL("MAP_FIXED at %p gave %p", far, p);
  far[P] = 'f';
  xunmap(far, 2 * P);

  // Over the middle page of an existing area.
  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  a[0] = 'x';
  a[P] = 'y';
  a[2 * P] = 'z';
  if(mmap(a + P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd2, 0) != a + P)
    FAIL("MAP_FIXED over an existing mapping failed");
  if(a[0] != 'x' || a[2 * P] != 'z')
    FAIL("MAP_FIXED disturbed the pages around it");
  expect("replacing mapping", a + P, P, ALPHABET, 0, 2 * P);
  expect_killed(wr, a + P, "write to the read-only replacement");
  // Over a whole existing area.
  if(mmap(a + P, P, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd1, 0) != a + P)
    FAIL("MAP_FIXED over a whole mapping failed");
  expect("second replacement", a + P, P, PATTERN, 0, 2 * P);
  for(int i = 0; i < 3; i++)
    xunmap(a + i * P, P);
  expect_killed(rd, a + P, "read after munmap of a MAP_FIXED mapping");
  close(fd1);
  close(fd2);
  unlink("mmap.f1");
  unlink("mmap.f2");
}

// MAP_ANONYMOUS|MAP_PRIVATE: zeroed, and copy-on-write after fork.
static void
t_anonprivate(void)
{
  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  expect("new memory", a, 3 * P, 0, 0, 0);
  a[0] = 1;
  if(fork2() == 0){
    if(a[0] != 1)
      FAIL("the child does not see the parent's store");
    a[0] = 2;
    a[P] = 2;
    tell();
    hear();
    if(a[0] != 2 || a[P] != 2 || a[2 * P] != 0)
      FAIL("the parent's stores after fork showed in the child");
    exit(0);
  }
  hear();
  if(a[0] != 1 || a[P] != 0)
    FAIL("the child's stores showed in the parent");
  a[0] = 3;
  a[2 * P] = 3;
  tell();
  wait_ok();
  end2();
  if(a[0] != 3 || a[P] != 0 || a[2 * P] != 3)
    FAIL("the parent lost its stores");
  xunmap(a, 3 * P);
}

// MAP_ANONYMOUS|MAP_SHARED: parent and child share every page, also
// pages first touched after the fork.
static void
t_anonshared(void)
{
  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  expect("new memory", a, P, 0, 0, 0);
  a[0] = 1;
  if(fork2() == 0){
    if(a[0] != 1)
      FAIL("the child does not see the parent's store");
    a[0] = 2;
    a[P] = 7;
    tell();
    hear();
    if(a[2 * P] != 9)
      FAIL("the child does not see the parent's later store");
    exit(0);
  }
  hear();
  if(a[0] != 2 || a[P] != 7)
    FAIL("the parent does not see the child's stores");
  a[2 * P] = 9;
  tell();
  wait_ok();
  end2();
  xunmap(a, 3 * P);
}

// munmap of the middle splits an area: both sides keep working (with
// the right file offsets), the middle kills.
static void
t_split(void)
{
  mkfile("mmap.f1", 5 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *p = xmap(5 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  expect("page 4", p + 4 * P, 10, PATTERN, 4 * P, 5 * P);
  xunmap(p + P, 2 * P);
  expect_killed(rd, p + P, "read of the unmapped middle");
  expect_killed(wr, p + 2 * P + 10, "write to the unmapped middle");
  expect("left side", p, P, PATTERN, 0, 5 * P);
  expect("right side", p + 3 * P, 2 * P, PATTERN, 3 * P, 5 * P);
  p[5] = 'L';
  p[3 * P + 3] = 'R';
  xunmap(p, P);
  xunmap(p + 3 * P, 2 * P);
  if(load("mmap.f1") != 5 * P || fbuf[5] != 'L' || fbuf[3 * P + 3] != 'R')
    FAIL("stores through the two sides did not reach the file");
  expect("the file", fbuf + 6, 3 * P - 3, PATTERN, 6, 5 * P);

  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  a[0] = 'a';
  a[P] = 'b';
  a[2 * P] = 'c';
  xunmap(a + P, P);
  if(a[0] != 'a' || a[2 * P] != 'c')
    FAIL("anonymous memory beside the hole lost its contents");
  expect_killed(rd, a + P, "read of an anonymous hole");
  xunmap(a, P);
  xunmap(a + 2 * P, P);
  unlink("mmap.f1");
}

// PROT_NONE areas: any touch kills.
static void
t_guard(void)
{
  char *g = xmap(P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  expect_killed(rd, g, "read of PROT_NONE memory");
  expect_killed(wr, g + 1, "write to PROT_NONE memory");
  xunmap(g, P);

  mkfile("mmap.f1", P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  g = xmap(P, PROT_NONE, MAP_SHARED, fd, 0);
  close(fd);
  expect_killed(rd, g, "read of a PROT_NONE file mapping");
  xunmap(g, P);

  // A guard page between two usable ones.
  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if(mmap(a + P, P, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != a + P)
    FAIL("MAP_FIXED PROT_NONE page failed");
  a[P - 1] = 1;
  a[2 * P] = 2;
  expect_killed(wr, a + P, "write to a guard page");
  expect_killed(rd, a + 2 * P - 1, "read of a guard page");
  for(int i = 0; i < 3; i++)
    xunmap(a + i * P, P);
  unlink("mmap.f1");
}

// mprotect: read-only makes stores kill, read-write again lets them
// through; PROT_WRITE is refused for a MAP_SHARED mapping of an
// O_RDONLY file.
static void
t_mprotect(void)
{
  char *a = xmap(3 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  a[0] = 'x';
  a[P] = 'y';
  if(mprotect(a, 3 * P, PROT_READ) != 0)
    FAIL("mprotect PROT_READ failed");
  expect_killed(wr, a + 2 * P + 5, "write to an untouched page made read-only");
  expect_killed(wr, a, "write to a written page made read-only");
  if(a[0] != 'x' || a[P] != 'y' || a[2 * P] != 0)
    FAIL("read-only memory lost its contents");
  if(mprotect(a, 3 * P, PROT_READ | PROT_WRITE) != 0)
    FAIL("mprotect back to PROT_READ|PROT_WRITE failed");
  a[0] = 'z';
  a[2 * P] = 'w';
  if(a[0] != 'z' || a[P] != 'y' || a[2 * P] != 'w')
    FAIL("memory made writable again does not hold stores");
  if(mprotect(a, 3 * P, PROT_NONE) != 0)
    FAIL("mprotect PROT_NONE failed");
  expect_killed(rd, a + P, "read of memory made PROT_NONE");
  xunmap(a, 3 * P);

  mkfile("mmap.f1", P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  char *s = xmap(P, PROT_READ, MAP_SHARED, fd, 0);
  if(mprotect(s, P, PROT_READ | PROT_WRITE) != -1)
    FAIL("PROT_WRITE on a MAP_SHARED mapping of an O_RDONLY file succeeded");
  expect_killed(wr, s, "write after a refused mprotect");
  expect("the mapping", s, P, PATTERN, 0, P);
  char *q = xmap(P, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if(mprotect(q, P, PROT_READ | PROT_WRITE) != 0)
    FAIL("PROT_WRITE on a MAP_PRIVATE mapping failed");
  q[0] = 'q';
  xunmap(s, P);
  xunmap(q, P);

  // A read-only shared mapping of a writable file, made writable.
  fd = xopen("mmap.f1", O_RDWR);
  s = xmap(P, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if(mprotect(s, P, PROT_READ | PROT_WRITE) != 0)
    FAIL("PROT_WRITE on a MAP_SHARED mapping of an O_RDWR file failed");
  s[1] = 's';
  xunmap(s, P);
  if(load("mmap.f1") != P || fbuf[0] != content(PATTERN, 0) || fbuf[1] != 's')
    FAIL("the file does not hold exactly the shared store");
  unlink("mmap.f1");
}

static int
open_zero(void)
{
  int fd = open("/dev/zero", O_RDWR);
  if(fd < 0)
    FAIL("cannot open /dev/zero");
  return fd;
}

// /dev/zero reads as zeros; mapped MAP_SHARED it is shared with
// children, but two separate mmaps of it are separate memory.
static void
t_devzero(void)
{
  int fd = open_zero();
  char b[100];
  memset(b, 0x55, sizeof(b));
  if(read(fd, b, sizeof(b)) != sizeof(b))
    FAIL("read of /dev/zero");
  for(int i = 0; i < sizeof(b); i++)
    if(b[i] != 0)
      FAIL("/dev/zero gave a non-zero byte");
  if(write(fd, "abc", 3) != 3)
    FAIL("write to /dev/zero");

  char *z = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *pz = xmap(P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("mapped /dev/zero", z, 2 * P, 0, 0, 0);
  expect("privately mapped /dev/zero", pz, P, 0, 0, 0);
  z[0] = 'p';
  pz[0] = 'p';
  if(fork2() == 0){
    if(z[0] != 'p' || pz[0] != 'p')
      FAIL("the child does not see the parent's stores");
    z[1] = 'c';
    z[P] = 'd';
    pz[0] = 'c';
    tell();
    exit(0);
  }
  hear();
  wait_ok();
  end2();
  if(z[1] != 'c' || z[P] != 'd')
    FAIL("the parent does not see the child's stores in shared /dev/zero");
  if(pz[0] != 'p')
    FAIL("the child's store showed in private /dev/zero");
  xunmap(z, 2 * P);
  xunmap(pz, P);

  int who = fork_pair();
  if(who != 0){
    fd = open_zero();
    z = xmap(P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if(who == 1){
      z[0] = 'A';
      tell();
      hear();
      if(z[0] != 'A')
        FAIL("another process's /dev/zero mapping changed ours");
    } else {
      hear();
      if(z[0] != 0)
        FAIL("another process's /dev/zero mapping showed in ours");
      z[0] = 'B';
      tell();
    }
    exit(0);
  }
  wait_ok();
  wait_ok();
}

// Two MAP_SHARED mappings of one file in one process are the same
// memory, and read() and write() of the file agree with them at once.
static void
t_coherent(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *a = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *b = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *c = xmap(P, PROT_READ, MAP_SHARED, fd, P);
  close(fd);
  if(a == b)
    FAIL("two mappings at the same address");
  a[10] = 'x';
  if(b[10] != 'x')
    FAIL("a store through one mapping is not seen through the other");
  b[P + 904] = 'y';
  if(a[P + 904] != 'y' || c[904] != 'y')
    FAIL("a store through one mapping is not seen through the others");
  if(load("mmap.f1") != 2 * P || fbuf[10] != 'x' || fbuf[P + 904] != 'y')
    FAIL("read() does not see stores through the mapping");
  putat("mmap.f1", P + 7, "W", 1);
  if(a[P + 7] != 'W' || b[P + 7] != 'W' || c[7] != 'W')
    FAIL("write() is not seen through the mappings");
  xunmap(a, 2 * P);
  xunmap(b, 2 * P);
  xunmap(c, P);
  if(load("mmap.f1") != 2 * P || fbuf[10] != 'x' || fbuf[P + 904] != 'y' || fbuf[P + 7] != 'W')
    FAIL("the file lost a store");
  unlink("mmap.f1");
}

// MAP_SHARED file pages are shared by parent and child at once.
static void
t_sharefork(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  p[0] = 'p';
  if(fork2() == 0){
    if(p[0] != 'p')
      FAIL("the child does not see the parent's store");
    p[20] = 'c';
    p[P + 20] = 'c';
    tell();
    hear();
    if(p[30] != 'p' || p[P + 30] != 'p')
      FAIL("the child does not see the parent's later stores");
    exit(0);
  }
  hear();
  if(p[20] != 'c' || p[P + 20] != 'c')
    FAIL("the parent does not see the child's stores");
  p[30] = 'p';
  p[P + 30] = 'p';
  tell();
  wait_ok();
  end2();
  xunmap(p, 2 * P);
  unlink("mmap.f1");
}

// Unrelated processes that map the same file MAP_SHARED see each
// other's stores at once, in resident and in new pages.
static void
t_shareunrelated(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int who = fork_pair();
  if(who != 0){
    if(who == 1)
      hear();     // B has mapped and touched page 0
    int fd = xopen("mmap.f1", O_RDWR);
    char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if(who == 1){
      p[100] = 'A';
      tell();
      hear();
      if(p[101] != 'B' || p[P + 5] != 'B')
        FAIL("process A does not see B's stores");
    } else {
      expect("process B", p + 100, 1, PATTERN, 100, 2 * P);
      tell();
      hear();
      if(p[100] != 'A')
        FAIL("process B does not see A's store");
      p[101] = 'B';
      p[P + 5] = 'B';
      tell();
    }
    exit(0);
  }
  wait_ok();
  wait_ok();
  if(load("mmap.f1") != 2 * P || fbuf[100] != 'A' || fbuf[101] != 'B' || fbuf[P + 5] != 'B')
    FAIL("the file does not hold both processes' stores");
  unlink("mmap.f1");
}

// MAP_PRIVATE is copy-on-write: a page follows the file until the
// process writes it, and no longer after.
static void
t_privatecow(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDONLY);
  char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  expect("page 0", p, 10, PATTERN, 0, 2 * P);
  putat("mmap.f1", 0, "11111", 5);
  expect_str("a read page after write()", p, "11111");
  putat("mmap.f1", P, "33333", 5);
  expect_str("an untouched page after write()", p + P, "33333");
  p[100] = 'P';
  putat("mmap.f1", 0, "22222", 5);
  expect_str("a written page after write()", p, "11111");
  if(p[100] != 'P')
    FAIL("the private store was lost");
  putat("mmap.f1", P, "44444", 5);
  expect_str("a read page after a second write()", p + P, "44444");
  xunmap(p, 2 * P);
  if(load("mmap.f1") != 2 * P || memcmp(fbuf, "22222", 5) != 0 || memcmp(fbuf + P, "44444", 5) != 0)
    FAIL("the file does not hold what write() stored");
  expect("the file", fbuf + 100, 1, PATTERN, 100, 2 * P);
  unlink("mmap.f1");
}

// msync writes back and leaves the mapping in place; it fails on a
// range that is not mapped.
static void
t_msync(void)
{
  mkfile("mmap.f1", 2 * P, PATTERN);
  int fd = xopen("mmap.f1", O_RDWR);
  char *p = xmap(2 * P, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  p[10] = 'm';
  p[P + 10] = 'n';
  if(msync(p, 2 * P, MS_SYNC) != 0)
    FAIL("msync MS_SYNC failed");
  if(msync(p, P, MS_ASYNC) != 0 || msync(p + P, P, MS_SYNC | MS_INVALIDATE) != 0)
    FAIL("msync of part of a mapping failed");
  if(load("mmap.f1") != 2 * P || fbuf[10] != 'm' || fbuf[P + 10] != 'n')
    FAIL("the file does not hold the stores after msync");
  p[20] = 'o';
  if(msync(p, P, MS_SYNC) != 0)
    FAIL("second msync failed");
  xunmap(p, 2 * P);
  if(msync(p, 2 * P, MS_SYNC) != -1)
    FAIL("msync of an unmapped range succeeded");
  if(load("mmap.f1") != 2 * P || fbuf[10] != 'm' || fbuf[20] != 'o' || fbuf[P + 10] != 'n')
    FAIL("the file lost a store");
  expect("the file", fbuf + 11, 9, PATTERN, 11, 2 * P);
  unlink("mmap.f1");
}

// ---------------------------------------------------------------- main

static struct test {
  void (*f)(void);
  const char *name;
} tests[] = {
  { t_read, "read" },
  { t_lazy, "lazy" },
  { t_beforetouch, "beforetouch" },
  { t_prot, "prot" },
  { t_closefd, "closefd" },
  { t_munmap, "munmap" },
  { t_shared, "shared" },
  { t_private, "private" },
  { t_fork, "fork" },
  { t_exit, "exit" },
  { t_exec, "exec" },
  { t_errors, "errors" },
  { t_vmas, "vmas" },
  { t_sbrk, "sbrk" },
  { t_offset, "offset" },
  { t_fixed, "fixed" },
  { t_anonprivate, "anonprivate" },
  { t_anonshared, "anonshared" },
  { t_split, "split" },
  { t_guard, "guard" },
  { t_mprotect, "mprotect" },
  { t_devzero, "devzero" },
  { t_coherent, "coherent" },
  { t_sharefork, "sharefork" },
  { t_shareunrelated, "shareunrelated" },
  { t_privatecow, "privatecow" },
  { t_msync, "msync" },
  { 0, 0 },
};

static void
cleanup(void)
{
  unlink("mmap.f1");
  unlink("mmap.f2");
}

int
main(int argc, char *argv[])
{
  self = argv[0];
  if(argc == 4 && strcmp(argv[1], "_probe") == 0)
    probe(argv[2], argv[3]);

  int ran = 0;
  for(struct test *t = tests; t->f; t++){
    int want = argc == 1;
    for(int i = 1; i < argc; i++)
      if(strcmp(argv[i], t->name) == 0)
        want = 1;
    if(!want)
      continue;
    ran++;
    tname = t->name;
    int pid = fork();
    if(pid < 0)
      FAIL("fork failed");
    if(pid == 0){
      t->f();
      exit(0);
    }
    int st;
    wait(&st);
    if(st != 0){
      if(st != 1)   // a test that fails says why and exits with 1
        printf("mmaptest: %s failed: the test process died (status %d)\n", t->name, st);
      cleanup();
      exit(1);
    }
    printf("test %s: OK\n", t->name);
  }
  if(ran == 0){
    printf("mmaptest: no such test\n");
    exit(1);
  }
  cleanup();
  printf("mmaptest: all tests succeeded\n");
  exit(0);
}
