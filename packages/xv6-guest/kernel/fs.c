// The file system: block allocation, inodes, directories, path names.
//
// Every function that modifies the disk runs inside a log operation
// (begin_op/end_op) started by its caller.
//
// Inodes in memory live in a fixed table. An entry's ref counts the C
// pointers to it; ilock() reads it from disk when needed and gives the
// caller its contents; iput() drops a reference and, when the last one
// goes from an inode no directory names, frees it on disk.

#include "kernel.h"

struct superblock sb;

static void
read_super(int dev)
{
  struct buf *b = bread(dev, 1);
  memmove(&sb, b->data, sizeof(sb));
  brelse(b);
}

void
fs_init(int dev)
{
  read_super(dev);
  if(sb.magic != FSMAGIC)
    panic("fs_init: not an xv6 file system");
  log_init(dev, &sb);
}

// ---------------------------------------------------------------- blocks

static void
zero_block(int dev, uint bno)
{
  struct buf *b = bread(dev, bno);
  memset(b->data, 0, BSIZE);
  log_write(b);
  brelse(b);
}

// A zeroed free block, or 0 when the disk is full.
static uint
balloc(uint dev)
{
  for(uint base = 0; base < sb.size; base += BPB){
    struct buf *b = bread(dev, BBLOCK(base, sb));
    for(uint i = 0; i < BPB && base + i < sb.size; i++){
      uchar bit = 1 << (i % 8);
      if((b->data[i / 8] & bit) == 0){
        b->data[i / 8] |= bit;
        log_write(b);
        brelse(b);
        zero_block(dev, base + i);
        return base + i;
      }
    }
    brelse(b);
  }
  printf("balloc: disk full\n");
  return 0;
}

static void
bfree(int dev, uint bno)
{
  struct buf *b = bread(dev, BBLOCK(bno, sb));
  uint i = bno % BPB;
  uchar bit = 1 << (i % 8);
  if((b->data[i / 8] & bit) == 0)
    panic("bfree: block already free");
  b->data[i / 8] &= ~bit;
  log_write(b);
  brelse(b);
}

// ---------------------------------------------------------------- inodes

static struct {
  struct spinlock lock;
  struct inode inode[NINODE];
} itable;

void
inode_init(void)
{
  lock_init(&itable.lock, "itable");
  for(int i = 0; i < NINODE; i++)
    sleeplock_init(&itable.inode[i].lock, "inode");
}

// The in-memory inode for (dev, inum), referenced but not locked and
// not read from disk. 0 if the table is full.
static struct inode *
iget(uint dev, uint inum)
{
  acquire(&itable.lock);
  struct inode *empty = 0;
  for(struct inode *ip = itable.inode; ip < &itable.inode[NINODE]; ip++){
    if(ip->ref > 0 && ip->dev == dev && ip->inum == inum){
      ip->ref++;
      release(&itable.lock);
      return ip;
    }
    if(empty == 0 && ip->ref == 0)
      empty = ip;
  }
  if(empty == 0){
    release(&itable.lock);
    printf("iget: inode table full\n");
    return 0;
  }
  empty->dev = dev;
  empty->inum = inum;
  empty->ref = 1;
  empty->valid = 0;
  release(&itable.lock);
  return empty;
}

// Allocate an inode of the given type on disk. Returns it referenced
// but unlocked, or 0 when none is free.
struct inode *
ialloc(uint dev, short type)
{
  for(uint inum = 1; inum < sb.ninodes; inum++){
    struct buf *b = bread(dev, IBLOCK(inum, sb));
    struct dinode *d = (struct dinode *)b->data + inum % IPB;
    if(d->type == 0){
      struct inode *ip = iget(dev, inum);
      if(ip == 0){
        brelse(b);
        return 0;
      }
      memset(d, 0, sizeof(*d));
      d->type = type;
      log_write(b);
      brelse(b);
      return ip;
    }
    brelse(b);
  }
  printf("ialloc: no free inodes\n");
  return 0;
}

// Write ip's fields to its disk inode. Caller holds ip->lock.
void
iupdate(struct inode *ip)
{
  struct buf *b = bread(ip->dev, IBLOCK(ip->inum, sb));
  struct dinode *d = (struct dinode *)b->data + ip->inum % IPB;
  d->type = ip->type;
  d->major = ip->major;
  d->minor = ip->minor;
  d->nlink = ip->nlink;
  d->size = ip->size;
  memmove(d->addrs, ip->addrs, sizeof(ip->addrs));
  log_write(b);
  brelse(b);
}

struct inode *
idup(struct inode *ip)
{
  acquire(&itable.lock);
  ip->ref++;
  release(&itable.lock);
  return ip;
}

void
ilock(struct inode *ip)
{
  if(ip == 0 || ip->ref < 1)
    panic("ilock");
  acquiresleep(&ip->lock);
  if(!ip->valid){
    struct buf *b = bread(ip->dev, IBLOCK(ip->inum, sb));
    struct dinode *d = (struct dinode *)b->data + ip->inum % IPB;
    ip->type = d->type;
    ip->major = d->major;
    ip->minor = d->minor;
    ip->nlink = d->nlink;
    ip->size = d->size;
    memmove(ip->addrs, d->addrs, sizeof(ip->addrs));
    brelse(b);
    ip->valid = 1;
    if(ip->type == 0)
      panic("ilock: free inode");
  }
}

void
iunlock(struct inode *ip)
{
  if(ip == 0 || !holdingsleep(&ip->lock) || ip->ref < 1)
    panic("iunlock");
  releasesleep(&ip->lock);
}

// Drop a reference. The last reference to an inode with no links
// frees it and its blocks.
void
iput(struct inode *ip)
{
  acquire(&itable.lock);
  if(ip->ref == 1 && ip->valid && ip->nlink == 0){
    // Nobody else can hold or wait for ip->lock: ref is 1.
    acquiresleep(&ip->lock);
    release(&itable.lock);
    itrunc(ip);
    ip->type = 0;
    iupdate(ip);
    ip->valid = 0;
    releasesleep(&ip->lock);
    acquire(&itable.lock);
  }
  ip->ref--;
  release(&itable.lock);
}

void
iunlockput(struct inode *ip)
{
  iunlock(ip);
  iput(ip);
}

// Disk block holding block bn of the file, allocated if needed.
// 0 when the disk is full.
static uint
bmap(struct inode *ip, uint bn)
{
  if(bn < NDIRECT){
    if(ip->addrs[bn] == 0)
      ip->addrs[bn] = balloc(ip->dev);
    return ip->addrs[bn];
  }
  bn -= NDIRECT;
  if(bn >= NINDIRECT)
    panic("bmap: beyond MAXFILE");
  if(ip->addrs[NDIRECT] == 0){
    ip->addrs[NDIRECT] = balloc(ip->dev);
    if(ip->addrs[NDIRECT] == 0)
      return 0;
  }
  struct buf *b = bread(ip->dev, ip->addrs[NDIRECT]);
  uint *slots = (uint *)b->data;
  uint addr = slots[bn];
  if(addr == 0){
    addr = balloc(ip->dev);
    if(addr){
      slots[bn] = addr;
      log_write(b);
    }
  }
  brelse(b);
  return addr;
}

// Free all of the file's blocks. Caller holds ip->lock.
void
itrunc(struct inode *ip)
{
  for(int i = 0; i < NDIRECT; i++){
    if(ip->addrs[i]){
      bfree(ip->dev, ip->addrs[i]);
      ip->addrs[i] = 0;
    }
  }
  if(ip->addrs[NDIRECT]){
    struct buf *b = bread(ip->dev, ip->addrs[NDIRECT]);
    uint *slots = (uint *)b->data;
    for(int i = 0; i < NINDIRECT; i++)
      if(slots[i])
        bfree(ip->dev, slots[i]);
    brelse(b);
    bfree(ip->dev, ip->addrs[NDIRECT]);
    ip->addrs[NDIRECT] = 0;
  }
  ip->size = 0;
  iupdate(ip);
  pcache_truncate(ip);
}

void
stati(struct inode *ip, struct stat *st)
{
  st->dev = ip->dev;
  st->ino = ip->inum;
  st->type = ip->type;
  st->nlink = ip->nlink;
  st->size = ip->size;
}

// Read up to n bytes at off into dst (a user address if user_dst).
// Returns the count, or -1 if the copy out faulted.
int
readi(struct inode *ip, int user_dst, uint64 dst, uint off, uint n)
{
  if(off > ip->size || off + n < off)
    return 0;
  if(off + n > ip->size)
    n = ip->size - off;
  uint done = 0;
  while(done < n){
    // A mapped page holds the newest bytes of its part of the file.
    uint64 page = ip->ncached ? pcache_get(ip, off / PGSIZE) : 0;
    if(page){
      uint m = MIN(n - done, PGSIZE - off % PGSIZE);
      int bad = either_copyout(user_dst, dst, (char *)page + off % PGSIZE, m) < 0;
      pcache_put(ip, off / PGSIZE, page);
      if(bad)
        return -1;
      done += m;
      off += m;
      dst += m;
      continue;
    }
    uint addr = bmap(ip, off / BSIZE);
    if(addr == 0)
      break;
    struct buf *b = bread(ip->dev, addr);
    uint m = MIN(n - done, BSIZE - off % BSIZE);
    if(either_copyout(user_dst, dst, b->data + off % BSIZE, m) < 0){
      brelse(b);
      return -1;
    }
    brelse(b);
    done += m;
    off += m;
    dst += m;
  }
  return done;
}

// Write n bytes from src at off, growing the file if needed. Returns
// the count written (less than n if the disk filled up or the copy in
// faulted), or -1 for a bad offset.
int
writei(struct inode *ip, int user_src, uint64 src, uint off, uint n)
{
  if(off > ip->size || off + n < off)
    return -1;
  if(off + n > MAXFILE * BSIZE)
    return -1;
  uint done = 0;
  while(done < n){
    uint addr = bmap(ip, off / BSIZE);
    if(addr == 0)
      break;
    struct buf *b = bread(ip->dev, addr);
    uint m = MIN(n - done, BSIZE - off % BSIZE);
    if(either_copyin(b->data + off % BSIZE, user_src, src, m) < 0){
      // Part of the block may have been copied before the fault; log
      // it, so that the cache and the disk cannot disagree.
      log_write(b);
      brelse(b);
      break;
    }
    log_write(b);
    uint64 page = ip->ncached ? pcache_get(ip, off / PGSIZE) : 0;
    if(page){
      memmove((char *)page + off % PGSIZE, b->data + off % BSIZE, m);
      pcache_put(ip, off / PGSIZE, page);
    }
    brelse(b);
    done += m;
    off += m;
    src += m;
  }
  if(off > ip->size)
    ip->size = off;
  // Even without growth, bmap() may have filled in block addresses.
  iupdate(ip);
  return done;
}

// ----------------------------------------------------------- directories

int
namecmp(const char *a, const char *b)
{
  return strncmp(a, b, DIRSIZ);
}

// Find name in directory dp (locked). Returns its inode, unlocked and
// referenced, and sets *poff to the entry's offset.
struct inode *
dirlookup(struct inode *dp, char *name, uint *poff)
{
  if(dp->type != T_DIR)
    panic("dirlookup: not a directory");
  // A removed directory (kept alive as someone's cwd) still holds "..", but
  // the parent it names may have been removed and freed since.
  if(dp->nlink == 0 && namecmp(name, "..") == 0)
    return 0;
  struct dirent de;
  for(uint off = 0; off < dp->size; off += sizeof(de)){
    if(readi(dp, 0, (uint64)&de, off, sizeof(de)) != sizeof(de))
      panic("dirlookup: read");
    if(de.inum == 0)
      continue;
    if(namecmp(name, de.name) == 0){
      if(poff)
        *poff = off;
      return iget(dp->dev, de.inum);
    }
  }
  return 0;
}

// Add the entry (name, inum) to directory dp (locked). -1 if the name
// exists already, the directory was removed, or it cannot grow.
int
dirlink(struct inode *dp, char *name, uint inum)
{
  if(dp->nlink < 1)
    return -1;       // a removed directory takes no new entries
  struct inode *ip = dirlookup(dp, name, 0);
  if(ip){
    iput(ip);
    return -1;
  }
  struct dirent de;
  uint off;
  for(off = 0; off < dp->size; off += sizeof(de)){
    if(readi(dp, 0, (uint64)&de, off, sizeof(de)) != sizeof(de))
      panic("dirlink: read");
    if(de.inum == 0)
      break;
  }
  memset(&de, 0, sizeof(de));
  strncpy(de.name, name, DIRSIZ);
  de.inum = inum;
  if(writei(dp, 0, (uint64)&de, off, sizeof(de)) != sizeof(de))
    return -1;
  return 0;
}

// ------------------------------------------------------------ path names

// Copy the first element of path into name (DIRSIZ bytes, truncated)
// and return the rest of the path without leading slashes; 0 if path
// has no element.
static char *
next_element(char *path, char *name)
{
  while(*path == '/')
    path++;
  if(*path == 0)
    return 0;
  char *start = path;
  while(*path != '/' && *path != 0)
    path++;
  int len = path - start;
  if(len >= DIRSIZ){
    memmove(name, start, DIRSIZ);
  } else {
    memmove(name, start, len);
    name[len] = 0;
  }
  while(*path == '/')
    path++;
  return path;
}

// Walk path. With want_parent, stop one element early, copy the last
// element into name and return its directory.
static struct inode *
walk_path(char *path, int want_parent, char *name)
{
  struct inode *ip;
  if(*path == '/')
    ip = iget(ROOTDEV, ROOTINO);
  else
    ip = idup(myproc()->cwd);
  if(ip == 0)
    return 0;

  while((path = next_element(path, name)) != 0){
    ilock(ip);
    if(ip->type != T_DIR){
      iunlockput(ip);
      return 0;
    }
    if(want_parent && *path == 0){
      iunlock(ip);
      return ip;
    }
    struct inode *next = dirlookup(ip, name, 0);
    iunlockput(ip);
    if(next == 0)
      return 0;
    ip = next;
  }
  if(want_parent){
    iput(ip);
    return 0;
  }
  return ip;
}

struct inode *
namei(char *path)
{
  char name[DIRSIZ];
  return walk_path(path, 0, name);
}

struct inode *
nameiparent(char *path, char *name)
{
  return walk_path(path, 1, name);
}
