// mmapreader: the other half of mmapwriter's conversation (see
// mmapwriter.c): waits for mmap.demo, maps it MAP_SHARED, prints the
// writer's line, stores a reply right after it, and waits for the
// writer's last line before it finishes.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/riscv.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)
#define TIMEOUT 300   // ticks of a tenth of a second

static const char reply[] = "mmapreader got it and says hello back.\n";

static void
die(const char *why)
{
  printf("mmapreader: %s\n", why);
  exit(1);
}

// Map mmap.demo once the writer has made it whole. Returns 0 if it is
// not there yet, or is a finished conversation left by an earlier run.
static char *
try_map(void)
{
  int fd = open("mmap.demo", O_RDWR);
  if(fd < 0)
    return 0;
  struct stat st;
  if(fstat(fd, &st) < 0 || st.size < PGSIZE){
    close(fd);
    return 0;
  }
  char *page = mmap(0, PGSIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if(page == MAP_FAILED)
    die("mmap failed");
  char *nl = page[0] ? strchr(page, '\n') : 0;
  if(nl && nl[1] != 0){
    munmap(page, PGSIZE);
    return 0;
  }
  return page;
}

// Wait for a line to be published at at; print it after what.
static char *
await_line(char *at, const char *what)
{
  for(int i = 0; *(volatile char *)at == 0; i++){
    if(i == TIMEOUT){
      printf("mmapreader: nothing from the writer within 30 seconds\n");
      exit(1);
    }
    sleep(1);
  }
  __sync_synchronize();
  char *end = strchr(at, '\n');
  char line[100];
  if(end == 0 || end - at >= sizeof(line))
    die("a line in mmap.demo is garbled");
  memmove(line, at, end - at);
  line[end - at] = 0;
  printf("mmapreader: %s: %s\n", what, line);
  return end + 1;
}

int
main(void)
{
  char *page;
  for(int i = 0; (page = try_map()) == 0; i++){
    if(i == TIMEOUT)
      die("mmap.demo did not appear within 30 seconds");
    sleep(1);
  }

  char *r = await_line(page, "the writer says");
  // Say so before the reply is published: the writer prints as soon as it
  // sees it, and two processes printing at once interleave their characters.
  printf("mmapreader: storing a reply in the shared page\n");
  memmove(r + 1, reply + 1, strlen(reply) - 1);
  __sync_synchronize();
  r[0] = reply[0];
  await_line(r + strlen(reply), "the writer confirmed");
  if(munmap(page, PGSIZE) != 0)
    die("munmap failed");
  exit(0);
}
