// mmapshare: a parent and its child talk through anonymous shared
// memory (MAP_ANONYMOUS|MAP_SHARED) made before the fork.

#include "kernel/types.h"
#include "kernel/fcntl.h"
#include "kernel/riscv.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)

// One mailbox each way. A message is complete once its flag is set;
// the fence keeps the text from showing up after the flag on another
// hart.
struct box {
  volatile int full;
  char text[100];
};

struct shared {
  struct box to_parent;
  struct box to_child;
};

static void
post(struct box *b, const char *s)
{
  strcpy(b->text, s);
  __sync_synchronize();
  b->full = 1;
}

// Poll once a tick; give up after about 30 seconds.
static void
await(struct box *b, const char *who)
{
  for(int i = 0; !b->full; i++){
    if(i == 300){
      printf("mmapshare: %s gave up waiting for a message\n", who);
      exit(1);
    }
    sleep(1);
  }
  __sync_synchronize();
}

int
main(void)
{
  struct shared *m = mmap(0, PGSIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if(m == MAP_FAILED){
    printf("mmapshare: mmap failed\n");
    exit(1);
  }
  printf("mmapshare: the parent mapped one page of shared anonymous memory and forks\n");

  int pid = fork();
  if(pid < 0){
    printf("mmapshare: fork failed\n");
    exit(1);
  }
  if(pid == 0){
    post(&m->to_parent, "hello parent, this is your child");
    await(&m->to_child, "the child");
    printf("mmapshare: the child read the parent's reply: %s\n", m->to_child.text);
    exit(0);
  }

  await(&m->to_parent, "the parent");
  printf("mmapshare: the parent read the child's message: %s\n", m->to_parent.text);
  post(&m->to_child, "hello child, this is your parent");
  int st;
  wait(&st);
  if(st != 0){
    printf("mmapshare: the child failed\n");
    exit(1);
  }
  munmap(m, PGSIZE);
  printf("mmapshare: done\n");
  exit(0);
}
