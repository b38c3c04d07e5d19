// zombie: leave a child that exits before its parent, which then
// exits without waiting; init must reap both.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "user/user.h"

int
main(void)
{
  if(fork() > 0)
    sleep(5);   // the child exits meanwhile and stays a zombie
  exit(0);
}
