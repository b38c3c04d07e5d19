// mmapcat: like cat, but reads each file by mapping it.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/riscv.h"
#include "user/user.h"

#define MAP_FAILED ((void *)-1)

static int
show(const char *name)
{
  int fd = open(name, O_RDONLY);
  if(fd < 0){
    fprintf(2, "mmapcat: cannot open %s\n", name);
    return -1;
  }
  struct stat st;
  if(fstat(fd, &st) < 0 || st.type != T_FILE){
    fprintf(2, "mmapcat: %s is not a file\n", name);
    close(fd);
    return -1;
  }
  // mmap refuses a length of 0, and an empty file has nothing to print.
  if(st.size == 0){
    close(fd);
    return 0;
  }
  char *p = mmap(0, st.size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if(p == MAP_FAILED){
    fprintf(2, "mmapcat: cannot map %s\n", name);
    return -1;
  }
  // A page at a time: the last one may be partial, and only st.size
  // bytes are the file's.
  int status = 0;
  for(uint64 off = 0; off < st.size; off += PGSIZE){
    int n = st.size - off < PGSIZE ? st.size - off : PGSIZE;
    if(write(1, p + off, n) != n){
      fprintf(2, "mmapcat: write error\n");
      status = -1;
      break;
    }
  }
  munmap(p, st.size);
  return status;
}

int
main(int argc, char *argv[])
{
  if(argc < 2){
    fprintf(2, "usage: mmapcat FILE...\n");
    exit(1);
  }
  int status = 0;
  for(int i = 1; i < argc; i++)
    if(show(argv[i]) < 0)
      status = 1;
  exit(status);
}
