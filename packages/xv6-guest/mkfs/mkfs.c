// mkfs: build an xv6 file system image on the host.
//
//   mkfs [--size BLOCKS] [--ninodes N] [--nlog N] OUT.img FILE...
//
// Every FILE goes into the root directory under its last path
// component, less a leading '_' (so user/_cat becomes /cat). Blocks
// are handed out in order, so the same inputs give the same image, the
// same bytes as xv6's own mkfs.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>

#include "kernel/types.h"
#include "kernel/fs.h"
#define stat xv6_stat   // keep clear of the host's struct stat
#include "kernel/stat.h"
#undef stat
#include "kernel/param.h"

static uint fs_blocks = FSSIZE;
static uint fs_ninodes = 200;
static uint fs_nlog = LOGSIZE;

static int img;
static struct superblock sbk;
static uint next_inode = 1;
static uint next_block;       // first data block not yet used

// The image is little-endian, like RISC-V; convert host values.
static uint le32(uint x) { uchar b[4] = {x, x >> 8, x >> 16, x >> 24}; uint r; memcpy(&r, b, 4); return r; }
static ushort le16(ushort x) { uchar b[2] = {x, x >> 8}; ushort r; memcpy(&r, b, 2); return r; }
static uint from_le32(uint x) { uchar b[4]; memcpy(b, &x, 4); return b[0] | b[1] << 8 | b[2] << 16 | (uint)b[3] << 24; }

static void
die(const char *what)
{
  perror(what);
  exit(1);
}

static void
put_block(uint bno, const void *buf)
{
  if(pwrite(img, buf, BSIZE, (off_t)bno * BSIZE) != BSIZE)
    die("write");
}

static void
get_block(uint bno, void *buf)
{
  if(pread(img, buf, BSIZE, (off_t)bno * BSIZE) != BSIZE)
    die("read");
}

static void
get_inode(uint inum, struct dinode *d)
{
  uchar buf[BSIZE];
  get_block(IBLOCK(inum, sbk), buf);
  memcpy(d, (struct dinode *)buf + inum % IPB, sizeof(*d));
}

static void
put_inode(uint inum, const struct dinode *d)
{
  uchar buf[BSIZE];
  get_block(IBLOCK(inum, sbk), buf);
  memcpy((struct dinode *)buf + inum % IPB, d, sizeof(*d));
  put_block(IBLOCK(inum, sbk), buf);
}

static uint
new_inode(short type)
{
  uint inum = next_inode++;
  if(inum >= fs_ninodes){
    fprintf(stderr, "mkfs: out of inodes\n");
    exit(1);
  }
  struct dinode d;
  memset(&d, 0, sizeof(d));
  d.type = le16(type);
  d.nlink = le16(1);
  d.size = le32(0);
  put_inode(inum, &d);
  return inum;
}

static uint
new_block(void)
{
  if(next_block >= fs_blocks){
    fprintf(stderr, "mkfs: image full\n");
    exit(1);
  }
  return next_block++;
}

// Append n bytes to inode inum.
static void
append(uint inum, const void *data, uint n)
{
  const uchar *p = data;
  struct dinode d;
  get_inode(inum, &d);
  uint off = from_le32(d.size);
  while(n > 0){
    uint fbn = off / BSIZE;
    if(fbn >= MAXFILE){
      fprintf(stderr, "mkfs: file too big\n");
      exit(1);
    }
    uint bno;
    if(fbn < NDIRECT){
      if(from_le32(d.addrs[fbn]) == 0)
        d.addrs[fbn] = le32(new_block());
      bno = from_le32(d.addrs[fbn]);
    } else {
      if(from_le32(d.addrs[NDIRECT]) == 0)
        d.addrs[NDIRECT] = le32(new_block());
      uint ind[NINDIRECT];
      get_block(from_le32(d.addrs[NDIRECT]), ind);
      if(from_le32(ind[fbn - NDIRECT]) == 0){
        ind[fbn - NDIRECT] = le32(new_block());
        put_block(from_le32(d.addrs[NDIRECT]), ind);
      }
      bno = from_le32(ind[fbn - NDIRECT]);
    }
    uint m = BSIZE - off % BSIZE;
    if(m > n)
      m = n;
    uchar buf[BSIZE];
    get_block(bno, buf);
    memcpy(buf + off % BSIZE, p, m);
    put_block(bno, buf);
    n -= m;
    off += m;
    p += m;
  }
  d.size = le32(off);
  put_inode(inum, &d);
}

static void
add_entry(uint dir, const char *name, uint inum)
{
  struct dirent de;
  memset(&de, 0, sizeof(de));
  de.inum = le16(inum);
  size_t len = strlen(name);
  memcpy(de.name, name, len < DIRSIZ ? len : DIRSIZ);
  append(dir, &de, sizeof(de));
}

static int
parse_opt(int argc, char **argv, int *i, const char *name, uint *val)
{
  if(strcmp(argv[*i], name) != 0)
    return 0;
  if(*i + 1 >= argc){
    fprintf(stderr, "mkfs: %s needs a value\n", name);
    exit(2);
  }
  *val = (uint)strtoul(argv[*i + 1], 0, 0);
  *i += 2;
  return 1;
}

int
main(int argc, char **argv)
{
  int i = 1;
  while(i < argc && strncmp(argv[i], "--", 2) == 0){
    if(!parse_opt(argc, argv, &i, "--size", &fs_blocks) &&
       !parse_opt(argc, argv, &i, "--ninodes", &fs_ninodes) &&
       !parse_opt(argc, argv, &i, "--nlog", &fs_nlog)){
      fprintf(stderr, "mkfs: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if(i >= argc){
    fprintf(stderr, "usage: mkfs [--size BLOCKS] [--ninodes N] [--nlog N] OUT.img FILE...\n");
    return 2;
  }

  if(sizeof(struct dinode) != 64 || BSIZE % sizeof(struct dinode) != 0 ||
     sizeof(struct dirent) != 16){
    fprintf(stderr, "mkfs: unexpected structure sizes\n");
    return 1;
  }

  img = open(argv[i], O_RDWR | O_CREAT | O_TRUNC, 0666);
  if(img < 0)
    die(argv[i]);
  i++;

  uint nbitmap = fs_blocks / BPB + 1;
  uint ninodeblocks = fs_ninodes / IPB + 1;
  uint nmeta = 2 + fs_nlog + ninodeblocks + nbitmap;
  if(nmeta >= fs_blocks){
    fprintf(stderr, "mkfs: size too small\n");
    return 1;
  }

  sbk.magic = FSMAGIC;
  sbk.size = fs_blocks;
  sbk.nblocks = fs_blocks - nmeta;
  sbk.ninodes = fs_ninodes;
  sbk.nlog = fs_nlog;
  sbk.logstart = 2;
  sbk.inodestart = 2 + fs_nlog;
  sbk.bmapstart = 2 + fs_nlog + ninodeblocks;
  next_block = nmeta;

  uchar zero[BSIZE];
  memset(zero, 0, sizeof(zero));
  for(uint b = 0; b < fs_blocks; b++)
    put_block(b, zero);

  struct superblock disk_sb = {
    le32(sbk.magic), le32(sbk.size), le32(sbk.nblocks), le32(sbk.ninodes),
    le32(sbk.nlog), le32(sbk.logstart), le32(sbk.inodestart), le32(sbk.bmapstart),
  };
  uchar buf[BSIZE];
  memset(buf, 0, sizeof(buf));
  memcpy(buf, &disk_sb, sizeof(disk_sb));
  put_block(1, buf);

  uint root = new_inode(T_DIR);
  if(root != ROOTINO){
    fprintf(stderr, "mkfs: root is not inode %d\n", ROOTINO);
    return 1;
  }
  add_entry(root, ".", root);
  add_entry(root, "..", root);

  for(; i < argc; i++){
    const char *name = strrchr(argv[i], '/');
    name = name ? name + 1 : argv[i];
    if(*name == '_')
      name++;
    if(strlen(name) > DIRSIZ){
      fprintf(stderr, "mkfs: name too long: %s\n", name);
      return 1;
    }
    int fd = open(argv[i], O_RDONLY);
    if(fd < 0)
      die(argv[i]);
    uint inum = new_inode(T_FILE);
    add_entry(root, name, inum);
    ssize_t n;
    while((n = read(fd, buf, sizeof(buf))) > 0)
      append(inum, buf, n);
    if(n < 0)
      die(argv[i]);
    close(fd);
  }

  // The root directory's size is rounded up to whole blocks.
  struct dinode d;
  get_inode(root, &d);
  uint size = from_le32(d.size);
  size = (size / BSIZE + 1) * BSIZE;
  d.size = le32(size);
  put_inode(root, &d);

  // Mark blocks [0, next_block) used.
  if(next_block > BPB){
    fprintf(stderr, "mkfs: too many used blocks for one bitmap block\n");
    return 1;
  }
  memset(buf, 0, sizeof(buf));
  for(uint b = 0; b < next_block; b++)
    buf[b / 8] |= 1 << (b % 8);
  put_block(sbk.bmapstart, buf);

  if(close(img) != 0)
    die("close");
  return 0;
}
