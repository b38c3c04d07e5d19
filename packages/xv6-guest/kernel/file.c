// Open files: the system-wide table of open file objects, shared by
// file descriptors through dup() and fork().

#include "kernel.h"

struct devsw devsw[NDEV];

static struct {
  struct spinlock lock;
  struct file file[NFILE];
} ftable;

// /dev/zero: reads give zeros, writes are discarded. Mapping it gives
// anonymous memory (vma.c).
static int
zero_read(int user_dst, uint64 dst, int n)
{
  static const char zeros[256];
  for(int done = 0; done < n; ){
    int m = MIN(n - done, (int)sizeof(zeros));
    if(either_copyout(user_dst, dst + done, (void *)zeros, m) < 0)
      return done > 0 ? done : -1;
    done += m;
  }
  return n;
}

static int
zero_write(int user_src, uint64 src, int n)
{
  return n;
}

void
file_init(void)
{
  lock_init(&ftable.lock, "ftable");
  devsw[DEVZERO].read = zero_read;
  devsw[DEVZERO].write = zero_write;
}

struct file *
filealloc(void)
{
  acquire(&ftable.lock);
  for(struct file *f = ftable.file; f < &ftable.file[NFILE]; f++){
    if(f->ref == 0){
      f->ref = 1;
      release(&ftable.lock);
      return f;
    }
  }
  release(&ftable.lock);
  return 0;
}

struct file *
filedup(struct file *f)
{
  acquire(&ftable.lock);
  if(f->ref < 1)
    panic("filedup");
  f->ref++;
  release(&ftable.lock);
  return f;
}

void
fileclose(struct file *f)
{
  acquire(&ftable.lock);
  if(f->ref < 1)
    panic("fileclose");
  if(--f->ref > 0){
    release(&ftable.lock);
    return;
  }
  struct file copy = *f;
  f->ref = 0;
  f->type = FD_NONE;
  release(&ftable.lock);

  if(copy.type == FD_PIPE){
    pipeclose(copy.pipe, copy.writable);
  } else if(copy.type == FD_INODE || copy.type == FD_DEVICE){
    begin_op();
    iput(copy.ip);
    end_op();
  }
}

// Copy the file's metadata to the user's struct stat at addr.
int
filestat(struct file *f, uint64 addr)
{
  if(f->type != FD_INODE && f->type != FD_DEVICE)
    return -1;
  struct stat st;
  ilock(f->ip);
  stati(f->ip, &st);
  iunlock(f->ip);
  return copyout(myproc()->pagetable, addr, &st, sizeof(st));
}

int
fileread(struct file *f, uint64 addr, int n)
{
  if(!f->readable)
    return -1;
  switch(f->type){
  case FD_PIPE:
    return piperead(f->pipe, addr, n);
  case FD_DEVICE:
    if(f->major < 0 || f->major >= NDEV || devsw[f->major].read == 0)
      return -1;
    return devsw[f->major].read(1, addr, n);
  case FD_INODE: {
    ilock(f->ip);
    int r = readi(f->ip, 1, addr, f->off, n);
    if(r > 0)
      f->off += r;
    iunlock(f->ip);
    return r;
  }
  default:
    panic("fileread");
  }
}

int
filewrite(struct file *f, uint64 addr, int n)
{
  if(!f->writable)
    return -1;
  switch(f->type){
  case FD_PIPE:
    return pipewrite(f->pipe, addr, n);
  case FD_DEVICE:
    if(f->major < 0 || f->major >= NDEV || devsw[f->major].write == 0)
      return -1;
    return devsw[f->major].write(1, addr, n);
  case FD_INODE: {
    // Write in pieces small enough for one log operation each: the
    // inode block, an indirect block, a bitmap block, and the data
    // blocks (counted twice in case they straddle).
    int chunk = ((MAXOPBLOCKS - 1 - 1 - 2) / 2) * BSIZE;
    int done = 0;
    while(done < n){
      int m = MIN(n - done, chunk);
      begin_op();
      ilock(f->ip);
      int r = writei(f->ip, 1, addr + done, f->off, m);
      if(r > 0)
        f->off += r;
      iunlock(f->ip);
      end_op();
      if(r != m)
        break;
      done += r;
    }
    return done == n ? n : -1;
  }
  default:
    panic("filewrite");
  }
}
