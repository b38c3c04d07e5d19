// mmapwriter: one half of a conversation between unrelated processes
// through a MAP_SHARED mapping of the file mmap.demo. Run it as
//
//   mmapwriter & mmapreader
//
// The writer makes mmap.demo (one page of zeros), maps it and stores a
// line; mmapreader maps the same file, prints the line and stores its
// reply right after it; the writer prints the reply and appends a
// last line, which tells the reader it may finish. So the output comes
// in one order, and the reader (the job the shell waits for) ends
// last. After creating the file neither uses read() or write() on it:
// everything passes through the shared page.
//
// A line is published by storing all of it but its first byte, then,
// after a fence, the first byte: a non-zero first byte means the whole
// line is there.
//
// Afterwards mmap.demo is exactly 4096 bytes: the 88 bytes
//   "mmapwriter says hello.\n"
//   "mmapreader got it and says hello back.\n"
//   "mmapwriter got the reply.\n"
// followed by 4008 zero bytes.

#include "kernel/types.h"
#include "kernel/fcntl.h"
#include "kernel/riscv.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)
#define TIMEOUT 300   // ticks of a tenth of a second

static const char message[] = "mmapwriter says hello.\n";
static const char goodbye[] = "mmapwriter got the reply.\n";

static void
die(const char *why)
{
  printf("mmapwriter: %s\n", why);
  exit(1);
}

static void
publish(char *at, const char *line)
{
  memmove(at + 1, line + 1, strlen(line) - 1);
  __sync_synchronize();
  at[0] = line[0];
}

int
main(void)
{
  static char zeros[PGSIZE];
  // A stale mmap.demo from an earlier run must not be mistaken for this one.
  unlink("mmap.demo");
  int fd = open("mmap.demo", O_CREATE | O_RDWR);
  if(fd < 0)
    die("cannot create mmap.demo");
  if(write(fd, zeros, PGSIZE) != PGSIZE)
    die("cannot write mmap.demo");
  char *page = mmap(0, PGSIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if(page == MAP_FAILED)
    die("mmap failed");
  close(fd);

  publish(page, message);

  char *reply = page + strlen(message);
  for(int i = 0; *(volatile char *)reply == 0; i++){
    if(i == TIMEOUT)
      die("no reply from mmapreader within 30 seconds");
    sleep(1);
  }
  __sync_synchronize();
  char *end = strchr(reply, '\n');
  char line[100];
  if(end == 0 || end - reply >= sizeof(line))
    die("the reply in mmap.demo is garbled");
  memmove(line, reply, end - reply);
  line[end - reply] = 0;
  printf("mmapwriter: the reader replied: %s\n", line);

  publish(end + 1, goodbye);
  if(munmap(page, PGSIZE) != 0)
    die("munmap failed");
  exit(0);
}
