// Open files, in-memory inodes and device switch. User programs include
// this header for CONSOLE, the console's major device number.
#ifndef XV6G_FILE_H
#define XV6G_FILE_H

#include "types.h"
#include "param.h"
#include "fs.h"
#include "sleeplock.h"

struct pipe;

// An inode in memory.
struct inode {
  uint dev;
  uint inum;
  int ref;                 // in-memory references (icache.lock)
  struct sleeplock lock;   // protects everything below
  int valid;               // fields below have been read from disk
  short type;
  short major;
  short minor;
  short nlink;
  uint size;
  uint addrs[NDIRECT+1];
  int ncached;             // its pages in the page cache (pcache.c)
};

struct file {
  enum { FD_NONE, FD_PIPE, FD_INODE, FD_DEVICE } type;
  int ref;
  char readable;
  char writable;
  struct pipe *pipe;       // FD_PIPE
  struct inode *ip;        // FD_INODE and FD_DEVICE
  uint off;                // FD_INODE
  short major;             // FD_DEVICE
};

// A device's read and write functions, by major number.
struct devsw {
  int (*read)(int user_dst, uint64 dst, int n);
  int (*write)(int user_src, uint64 src, int n);
};
extern struct devsw devsw[NDEV];
#define CONSOLE 1
#define DEVZERO 2   // /dev/zero: reads zeros, discards writes, maps as anonymous memory

#endif
