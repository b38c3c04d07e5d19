// forktest: fork until the process table is full, then make sure
// every child can be waited for, and no more.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "user/user.h"

#define N 1000

static void
say(const char *s)
{
  write(1, s, strlen(s));
}

int
main(void)
{
  say("fork test\n");
  int n;
  for(n = 0; n < N; n++){
    int pid = fork();
    if(pid < 0)
      break;
    if(pid == 0)
      exit(0);
  }
  if(n == N){
    say("forktest: fork claimed to work too many times\n");
    exit(1);
  }
  for(; n > 0; n--){
    if(wait(0) < 0){
      say("forktest: wait stopped early\n");
      exit(1);
    }
  }
  if(wait(0) != -1){
    say("forktest: wait got too many\n");
    exit(1);
  }
  say("fork test OK\n");
  exit(0);
}
