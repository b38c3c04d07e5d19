// stressfs: several processes write and read back files at once.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "user/user.h"

#define NPROCS 4
#define NBLOCKS 20

int
main(void)
{
  char path[] = "stressfs0";
  char data[512];
  int me;

  printf("stressfs starting\n");
  memset(data, 'a', sizeof(data));
  for(me = 0; me < NPROCS; me++)
    if(fork() == 0)
      break;

  printf("write %d\n", me);
  path[8] += me;
  int fd = open(path, O_CREATE | O_RDWR);
  if(fd < 0){
    printf("stressfs: cannot create %s\n", path);
    exit(1);
  }
  for(int i = 0; i < NBLOCKS; i++)
    if(write(fd, data, sizeof(data)) != sizeof(data)){
      printf("stressfs: write failed\n");
      exit(1);
    }
  close(fd);

  printf("read\n");
  fd = open(path, O_RDONLY);
  for(int i = 0; i < NBLOCKS; i++){
    if(read(fd, data, sizeof(data)) != sizeof(data)){
      printf("stressfs: read failed\n");
      exit(1);
    }
    for(int k = 0; k < sizeof(data); k++)
      if(data[k] != 'a'){
        printf("stressfs: bad data\n");
        exit(1);
      }
  }
  close(fd);
  unlink(path);

  if(me == NPROCS){
    for(int i = 0; i < NPROCS; i++)
      wait(0);
    printf("stressfs done\n");
  }
  exit(0);
}
