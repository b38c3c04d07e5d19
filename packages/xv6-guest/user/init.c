// init: the first user program. Opens the console as fds 0, 1, 2,
// then keeps a shell running, and reaps orphans.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/file.h"
#include "user/user.h"

int
main(void)
{
  if(open("console", O_RDWR) < 0){
    mknod("console", CONSOLE, 0);
    open("console", O_RDWR);
  }
  dup(0);   // stdout
  dup(0);   // stderr

  int zero = open("/dev/zero", O_RDONLY);
  if(zero < 0){
    mkdir("/dev");
    mknod("/dev/zero", DEVZERO, 0);
  }
  close(zero);

  for(;;){
    printf("init: starting sh\n");
    int pid = fork();
    if(pid < 0){
      printf("init: fork failed\n");
      exit(1);
    }
    if(pid == 0){
      char *argv[] = { "sh", 0 };
      exec("sh", argv);
      printf("init: exec sh failed\n");
      exit(1);
    }
    // Wait for the shell; other children that end are orphans that
    // were handed to us.
    for(;;){
      int w = wait(0);
      if(w == pid)
        break;
      if(w < 0){
        printf("init: wait returned an error\n");
        exit(1);
      }
    }
  }
}
