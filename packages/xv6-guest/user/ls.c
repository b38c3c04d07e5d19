// ls [PATH...]: list files and directories.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/fs.h"
#include "user/user.h"

// The last component of path, padded with spaces to DIRSIZ.
static char *
padded_name(const char *path)
{
  static char out[DIRSIZ + 1];
  const char *p = path + strlen(path);
  while(p > path && p[-1] != '/')
    p--;
  int n = strlen(p);
  if(n >= DIRSIZ)
    return (char *)p;
  memmove(out, p, n);
  memset(out + n, ' ', DIRSIZ - n);
  out[DIRSIZ] = 0;
  return out;
}

static void
show(const char *name, struct stat *st)
{
  printf("%s %d %d %d\n", padded_name(name), st->type, st->ino, (int)st->size);
}

static void
ls(const char *path)
{
  int fd = open(path, O_RDONLY);
  if(fd < 0){
    fprintf(2, "ls: cannot open %s\n", path);
    return;
  }
  struct stat st;
  if(fstat(fd, &st) < 0){
    fprintf(2, "ls: cannot stat %s\n", path);
    close(fd);
    return;
  }
  if(st.type != T_DIR){
    show(path, &st);
    close(fd);
    return;
  }

  char buf[512];
  int len = strlen(path);
  if(len + 1 + DIRSIZ + 1 > sizeof(buf)){
    printf("ls: path too long\n");
    close(fd);
    return;
  }
  strcpy(buf, path);
  char *p = buf + len;
  *p++ = '/';
  struct dirent de;
  while(read(fd, &de, sizeof(de)) == sizeof(de)){
    if(de.inum == 0)
      continue;
    memmove(p, de.name, DIRSIZ);
    p[DIRSIZ] = 0;
    struct stat est;
    if(stat(buf, &est) < 0){
      printf("ls: cannot stat %s\n", buf);
      continue;
    }
    show(buf, &est);
  }
  close(fd);
}

int
main(int argc, char *argv[])
{
  if(argc < 2)
    ls(".");
  for(int i = 1; i < argc; i++)
    ls(argv[i]);
  exit(0);
}
