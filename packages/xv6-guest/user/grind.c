// grind: random system-call stress. Worker processes perform random
// file, directory, pipe, memory and process operations, many of them
// racing each other on shared names, and check that the results make
// sense. It runs until killed, or for N rounds with "grind N".

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/fs.h"
#include "kernel/riscv.h"
#include "user/user.h"

#define NWORKERS 3

static uint64 seed;

static uint
rnd(void)
{
  // xorshift64*
  seed ^= seed >> 12;
  seed ^= seed << 25;
  seed ^= seed >> 27;
  return (uint)((seed * 2685821657736338717UL) >> 32);
}

static char data[3000];
static const char *names[] = { "g0", "g1", "grindir/g2", "grindir/g3", "../g4", "g5" };
#define NNAMES (sizeof(names) / sizeof(names[0]))

static void
bad(int w, const char *what)
{
  printf("grind: worker %d: %s\n", w, what);
  exit(1);
}

static void
step(int w)
{
  const char *n1 = names[rnd() % NNAMES];
  const char *n2 = names[rnd() % NNAMES];
  int fd, pid, p[2];
  struct stat st;

  switch(rnd() % 20){
  case 0:
    close(open(n1, O_CREATE | O_RDWR));
    break;
  case 1:
    unlink(n1);
    break;
  case 2:
    link(n1, n2);
    break;
  case 3:
    mkdir("grindir");
    break;
  case 4:
    if(chdir("grindir") == 0)
      chdir("..");
    break;
  case 5:
    fd = open(n1, O_CREATE | O_RDWR);
    if(fd >= 0){
      write(fd, data, rnd() % sizeof(data));
      close(fd);
    }
    break;
  case 6:
    fd = open(n1, O_RDONLY);
    if(fd >= 0){
      char tmp[512];
      while(read(fd, tmp, sizeof(tmp)) > 0)
        ;
      if(fstat(fd, &st) < 0)
        bad(w, "fstat of an open file failed");
      close(fd);
    }
    break;
  case 7:
    fd = open(n1, O_TRUNC | O_WRONLY);
    if(fd >= 0)
      close(fd);
    break;
  case 8: {
    char *a = sbrk(rnd() % (64 * PGSIZE));
    if(a != (char *)-1){
      char *top = sbrk(0);
      if(top > a)
        top[-1] = 1;
    }
    break;
  }
  case 9: {
    char *top = sbrk(0);
    uint64 extra = (uint64)top > 300000 ? (uint64)top - 300000 : 0;
    if(extra)
      sbrk(-(int)extra);
    break;
  }
  case 10:
    // A pipe between parent and child.
    if(pipe(p) < 0)
      break;
    pid = fork();
    if(pid == 0){
      close(p[0]);
      if(write(p[1], "hi there", 8) != 8)
        exit(1);
      exit(0);
    }
    close(p[1]);
    if(pid > 0){
      char tmp[16];
      int got = 0, n;
      while((n = read(p[0], tmp + got, sizeof(tmp) - got)) > 0)
        got += n;
      int xst;
      wait(&xst);
      if(xst == 0 && (got != 8 || memcmp(tmp, "hi there", 8) != 0))
        bad(w, "pipe lost data");
    }
    close(p[0]);
    break;
  case 11:
    // Run a program with its output in a file.
    pid = fork();
    if(pid == 0){
      close(1);
      if(open("grind.out", O_CREATE | O_WRONLY | O_TRUNC) != 1)
        exit(0);
      char *argv[] = { "echo", "grind", 0 };
      exec("/echo", argv);
      exit(1);
    }
    if(pid > 0)
      wait(0);
    break;
  case 12:
    // A child killed at a random point.
    pid = fork();
    if(pid == 0){
      for(int i = 0; i < 20; i++){
        close(open("grindk", O_CREATE | O_RDWR));
        unlink("grindk");
      }
      exit(0);
    }
    if(pid > 0){
      sleep(rnd() % 2);
      kill(pid);
      wait(0);
    }
    break;
  case 13:
    // A directory that is removed while a child is inside.
    mkdir("grindd");
    pid = fork();
    if(pid == 0){
      if(chdir("grindd") == 0){
        close(open("x", O_CREATE | O_RDWR));
        unlink("x");
      }
      exit(0);
    }
    unlink("grindd");
    if(pid > 0)
      wait(0);
    break;
  case 14:
    // Bad pointers are refused, never fatal.
    if(write(1, (char *)0x3fffffe000UL, 10) > 0 || open((char *)0xffffffffffffffffUL, 0) >= 0)
      bad(w, "bad pointer accepted");
    break;
  case 15:
    if(dup(rnd() % 20) >= 0){
      // close whatever we got back to the limit
      for(int fd2 = 3; fd2 < 16; fd2++)
        close(fd2);
    }
    break;
  case 16:
    getpid();
    uptime();
    break;
  case 17:
    fd = open("grindir", O_RDONLY);
    if(fd >= 0){
      struct dirent de;
      while(read(fd, &de, sizeof(de)) == sizeof(de))
        ;
      close(fd);
    }
    break;
  case 18:
    unlink("grindir");
    break;
  case 19:
    pid = fork();
    if(pid == 0)
      exit(rnd() % 3);
    if(pid > 0)
      wait(0);
    break;
  }
}

static void
worker(int w, int rounds)
{
  seed = 0x9e3779b97f4a7c15UL * (w + 1) + uptime();
  memset(data, 'a' + w, sizeof(data));
  for(int i = 0; rounds == 0 || i < rounds; i++){
    step(w);
    if(i % 1000 == 999)
      printf("grind: worker %d did %d steps\n", w, i + 1);
  }
  exit(0);
}

int
main(int argc, char *argv[])
{
  int rounds = argc > 1 ? atoi(argv[1]) : 0;
  if(rounds == 0)
    printf("grind: running until killed\n");
  for(int w = 0; w < NWORKERS; w++){
    int pid = fork();
    if(pid < 0){
      printf("grind: fork failed\n");
      exit(1);
    }
    if(pid == 0)
      worker(w, rounds);
  }
  int failed = 0;
  for(int w = 0; w < NWORKERS; w++){
    int st;
    wait(&st);
    if(st != 0)
      failed = 1;
  }
  // Tidy up.
  for(int i = 0; i < NNAMES; i++)
    unlink(names[i]);
  unlink("grindir");
  unlink("grind.out");
  unlink("grindk");
  printf(failed ? "grind: FAILED\n" : "grind: OK\n");
  exit(failed);
}
