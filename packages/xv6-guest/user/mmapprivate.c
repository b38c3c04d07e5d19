// mmapprivate: a MAP_PRIVATE mapping is the process's own copy. Stores
// through it change what the process sees, never the file.
//
// Creates mmap.private and leaves it on the disk holding exactly
//   "This is the original text of mmap.private.\n"   (43 bytes)

#include "kernel/types.h"
#include "kernel/fcntl.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)

static const char text[] = "This is the original text of mmap.private.\n";

static void
die(const char *why)
{
  printf("mmapprivate: %s\n", why);
  exit(1);
}

// Print the first line of n bytes at s.
static void
show(const char *what, const char *s, int n)
{
  char line[100];
  int len = 0;
  while(len < n && len < sizeof(line) - 1 && s[len] != '\n'){
    line[len] = s[len];
    len++;
  }
  line[len] = 0;
  printf("mmapprivate: %s: %s\n", what, line);
}

// The file as read() sees it, into buf; returns its length.
static int
slurp(char *buf, int max)
{
  int fd = open("mmap.private", O_RDONLY);
  if(fd < 0)
    die("cannot open mmap.private");
  int n = read(fd, buf, max);
  close(fd);
  return n;
}

int
main(void)
{
  int n = strlen(text);
  unlink("mmap.private");
  int fd = open("mmap.private", O_CREATE | O_RDWR);
  if(fd < 0 || write(fd, text, n) != n)
    die("cannot create mmap.private");
  char *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  close(fd);
  if(p == MAP_FAILED)
    die("mmap failed");
  show("the file mapped MAP_PRIVATE reads", p, n);

  char *word = p + strlen("This is the ");
  memmove(word, "CHANGED!", 8);
  show("after storing through the mapping, the mapping reads", p, n);

  char buf[100];
  int len = slurp(buf, sizeof(buf));
  show("but read() of the file still gives", buf, len);
  if(len != n || memcmp(buf, text, n) != 0)
    die("the file changed!");

  if(munmap(p, n) != 0)
    die("munmap failed");
  len = slurp(buf, sizeof(buf));
  show("after munmap the file still holds", buf, len);
  if(len != n || memcmp(buf, text, n) != 0)
    die("the file changed!");
  exit(0);
}
