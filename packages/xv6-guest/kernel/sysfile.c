// File-system system calls: argument checking, then file.c and fs.c.

#include "kernel.h"

// Fetch argument n as a file descriptor of the current process.
static int
argfd(int n, int *pfd, struct file **pf)
{
  int fd;
  argint(n, &fd);
  if(fd < 0 || fd >= NOFILE)
    return -1;
  struct file *f = myproc()->ofile[fd];
  if(f == 0)
    return -1;
  if(pfd)
    *pfd = fd;
  if(pf)
    *pf = f;
  return 0;
}

// Give f the lowest free descriptor.
static int
fdalloc(struct file *f)
{
  struct proc *p = myproc();
  for(int fd = 0; fd < NOFILE; fd++){
    if(p->ofile[fd] == 0){
      p->ofile[fd] = f;
      return fd;
    }
  }
  return -1;
}

uint64
sys_dup(void)
{
  struct file *f;
  if(argfd(0, 0, &f) < 0)
    return -1;
  int fd = fdalloc(f);
  if(fd < 0)
    return -1;
  filedup(f);
  return fd;
}

uint64
sys_read(void)
{
  struct file *f;
  uint64 addr;
  int n;
  argaddr(1, &addr);
  argint(2, &n);
  if(argfd(0, 0, &f) < 0 || n < 0)
    return -1;
  // Pipes and the console copy under spinlocks, files while holding the
  // inode and a buffer: mapped pages must be in before that.
  vma_prefault(addr, n, 1);
  return fileread(f, addr, n);
}

uint64
sys_write(void)
{
  struct file *f;
  uint64 addr;
  int n;
  argaddr(1, &addr);
  argint(2, &n);
  if(argfd(0, 0, &f) < 0 || n < 0)
    return -1;
  vma_prefault(addr, n, 0);
  return filewrite(f, addr, n);
}

uint64
sys_close(void)
{
  int fd;
  struct file *f;
  if(argfd(0, &fd, &f) < 0)
    return -1;
  myproc()->ofile[fd] = 0;
  fileclose(f);
  return 0;
}

uint64
sys_fstat(void)
{
  struct file *f;
  uint64 st;
  argaddr(1, &st);
  if(argfd(0, 0, &f) < 0)
    return -1;
  return filestat(f, st);
}

uint64
sys_link(void)
{
  char old[MAXPATH], new[MAXPATH], name[DIRSIZ];
  if(argstr(0, old, MAXPATH) < 0 || argstr(1, new, MAXPATH) < 0)
    return -1;

  begin_op();
  struct inode *ip = namei(old);
  if(ip == 0){
    end_op();
    return -1;
  }
  ilock(ip);
  if(ip->type == T_DIR){
    iunlockput(ip);
    end_op();
    return -1;
  }
  ip->nlink++;
  iupdate(ip);
  iunlock(ip);

  struct inode *dp = nameiparent(new, name);
  if(dp == 0)
    goto undo;
  ilock(dp);
  if(dp->dev != ip->dev || dirlink(dp, name, ip->inum) < 0){
    iunlockput(dp);
    goto undo;
  }
  iunlockput(dp);
  iput(ip);
  end_op();
  return 0;

undo:
  ilock(ip);
  ip->nlink--;
  iupdate(ip);
  iunlockput(ip);
  end_op();
  return -1;
}

// Is directory dp empty apart from "." and ".."?
static int
dir_is_empty(struct inode *dp)
{
  struct dirent de;
  for(uint off = 2 * sizeof(de); off < dp->size; off += sizeof(de)){
    if(readi(dp, 0, (uint64)&de, off, sizeof(de)) != sizeof(de))
      panic("dir_is_empty: read");
    if(de.inum != 0)
      return 0;
  }
  return 1;
}

uint64
sys_unlink(void)
{
  char path[MAXPATH], name[DIRSIZ];
  if(argstr(0, path, MAXPATH) < 0)
    return -1;

  begin_op();
  struct inode *dp = nameiparent(path, name);
  if(dp == 0){
    end_op();
    return -1;
  }
  ilock(dp);
  if(namecmp(name, ".") == 0 || namecmp(name, "..") == 0)
    goto fail;

  uint off;
  struct inode *ip = dirlookup(dp, name, &off);
  if(ip == 0)
    goto fail;
  ilock(ip);
  if(ip->nlink < 1)
    panic("unlink: nlink < 1");
  if(ip->type == T_DIR && !dir_is_empty(ip)){
    iunlockput(ip);
    goto fail;
  }

  struct dirent de;
  memset(&de, 0, sizeof(de));
  if(writei(dp, 0, (uint64)&de, off, sizeof(de)) != sizeof(de))
    panic("unlink: writei");
  if(ip->type == T_DIR){
    dp->nlink--;        // the child's ".." is gone
    iupdate(dp);
  }
  iunlockput(dp);

  ip->nlink--;
  iupdate(ip);
  iunlockput(ip);
  end_op();
  return 0;

fail:
  iunlockput(dp);
  end_op();
  return -1;
}

// Create path as a new inode of the given type, or for T_FILE return
// an existing file or device. Returns it locked, or 0.
static struct inode *
create(char *path, short type, short major, short minor)
{
  char name[DIRSIZ];
  struct inode *dp = nameiparent(path, name);
  if(dp == 0)
    return 0;
  ilock(dp);

  struct inode *ip = dirlookup(dp, name, 0);
  if(ip){
    iunlockput(dp);
    ilock(ip);
    if(type == T_FILE && (ip->type == T_FILE || ip->type == T_DEVICE))
      return ip;
    iunlockput(ip);
    return 0;
  }

  if((ip = ialloc(dp->dev, type)) == 0){
    iunlockput(dp);
    return 0;
  }
  ilock(ip);
  ip->major = major;
  ip->minor = minor;
  ip->nlink = 1;
  iupdate(ip);

  if(type == T_DIR){
    if(dirlink(ip, ".", ip->inum) < 0 || dirlink(ip, "..", dp->inum) < 0)
      goto fail;
  }
  if(dirlink(dp, name, ip->inum) < 0)
    goto fail;
  if(type == T_DIR){
    dp->nlink++;        // for the child's ".."
    iupdate(dp);
  }
  iunlockput(dp);
  return ip;

fail:
  // Undo: iput() frees an inode with no links.
  ip->nlink = 0;
  iupdate(ip);
  iunlockput(ip);
  iunlockput(dp);
  return 0;
}

uint64
sys_open(void)
{
  char path[MAXPATH];
  int omode;
  argint(1, &omode);
  if(argstr(0, path, MAXPATH) < 0)
    return -1;

  begin_op();
  struct inode *ip;
  if(omode & O_CREATE){
    ip = create(path, T_FILE, 0, 0);
    if(ip == 0){
      end_op();
      return -1;
    }
  } else {
    if((ip = namei(path)) == 0){
      end_op();
      return -1;
    }
    ilock(ip);
    if(ip->type == T_DIR && omode != O_RDONLY){
      iunlockput(ip);
      end_op();
      return -1;
    }
  }
  if(ip->type == T_DEVICE && (ip->major < 0 || ip->major >= NDEV)){
    iunlockput(ip);
    end_op();
    return -1;
  }

  struct file *f = filealloc();
  int fd = -1;
  if(f == 0 || (fd = fdalloc(f)) < 0){
    if(f)
      fileclose(f);
    iunlockput(ip);
    end_op();
    return -1;
  }

  if(ip->type == T_DEVICE){
    f->type = FD_DEVICE;
    f->major = ip->major;
  } else {
    f->type = FD_INODE;
    f->off = 0;
  }
  f->ip = ip;
  f->readable = !(omode & O_WRONLY);
  f->writable = (omode & O_WRONLY) || (omode & O_RDWR);
  if((omode & O_TRUNC) && ip->type == T_FILE)
    itrunc(ip);
  iunlock(ip);
  end_op();
  return fd;
}

uint64
sys_mkdir(void)
{
  char path[MAXPATH];
  begin_op();
  struct inode *ip;
  if(argstr(0, path, MAXPATH) < 0 || (ip = create(path, T_DIR, 0, 0)) == 0){
    end_op();
    return -1;
  }
  iunlockput(ip);
  end_op();
  return 0;
}

uint64
sys_mknod(void)
{
  char path[MAXPATH];
  int major, minor;
  argint(1, &major);
  argint(2, &minor);
  begin_op();
  struct inode *ip;
  if(argstr(0, path, MAXPATH) < 0 ||
     (ip = create(path, T_DEVICE, major, minor)) == 0){
    end_op();
    return -1;
  }
  iunlockput(ip);
  end_op();
  return 0;
}

uint64
sys_chdir(void)
{
  char path[MAXPATH];
  struct proc *p = myproc();
  begin_op();
  struct inode *ip;
  if(argstr(0, path, MAXPATH) < 0 || (ip = namei(path)) == 0){
    end_op();
    return -1;
  }
  ilock(ip);
  if(ip->type != T_DIR){
    iunlockput(ip);
    end_op();
    return -1;
  }
  iunlock(ip);
  iput(p->cwd);
  end_op();
  p->cwd = ip;
  return 0;
}

uint64
sys_exec(void)
{
  char path[MAXPATH];
  char *argv[MAXARG + 1];
  uint64 uargv;
  int ret = -1;

  argaddr(1, &uargv);
  if(argstr(0, path, MAXPATH) < 0)
    return -1;
  memset(argv, 0, sizeof(argv));
  for(int i = 0; ; i++){
    if(i > MAXARG)
      goto done;
    uint64 uarg;
    if(fetchaddr(uargv + sizeof(uint64) * i, &uarg) < 0)
      goto done;
    if(uarg == 0)
      break;
    if(i == MAXARG)
      goto done;            // too many arguments
    if((argv[i] = kalloc()) == 0)
      goto done;
    if(fetchstr(uarg, argv[i], PGSIZE) < 0)
      goto done;
  }
  ret = exec(path, argv);

done:
  for(int i = 0; i < NELEM(argv) && argv[i]; i++)
    kfree(argv[i]);
  return ret;
}

uint64
sys_pipe(void)
{
  uint64 fdarray;
  struct file *rf, *wf;
  struct proc *p = myproc();
  argaddr(0, &fdarray);
  if(pipealloc(&rf, &wf) < 0)
    return -1;
  int fd0 = fdalloc(rf), fd1 = -1;
  if(fd0 < 0 || (fd1 = fdalloc(wf)) < 0){
    if(fd0 >= 0)
      p->ofile[fd0] = 0;
    fileclose(rf);
    fileclose(wf);
    return -1;
  }
  if(copyout(p->pagetable, fdarray, &fd0, sizeof(fd0)) < 0 ||
     copyout(p->pagetable, fdarray + sizeof(fd0), &fd1, sizeof(fd1)) < 0){
    p->ofile[fd0] = 0;
    p->ofile[fd1] = 0;
    fileclose(rf);
    fileclose(wf);
    return -1;
  }
  return 0;
}
