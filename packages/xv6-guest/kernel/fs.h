// The on-disk file system format (xv6's).
//
// Disk layout, in BSIZE blocks:
//   [ boot | super | log (header + blocks) | inodes | free bitmap | data ... ]
#ifndef XV6G_FS_H
#define XV6G_FS_H

#include "types.h"

#define ROOTINO  1       // inode number of "/"
#define BSIZE    1024    // block size in bytes

#define FSMAGIC  0x10203040

struct superblock {
  uint magic;        // FSMAGIC
  uint size;         // total blocks in the image
  uint nblocks;      // data blocks
  uint ninodes;      // inodes
  uint nlog;         // log blocks (header included)
  uint logstart;     // first log block
  uint inodestart;   // first inode block
  uint bmapstart;    // first free-bitmap block
};

#define NDIRECT    12
#define NINDIRECT  (BSIZE / sizeof(uint))
#define MAXFILE    (NDIRECT + NINDIRECT)

// An inode as stored on disk.
struct dinode {
  short type;                // 0 = free, else T_DIR / T_FILE / T_DEVICE
  short major;               // device major (T_DEVICE)
  short minor;               // device minor (T_DEVICE)
  short nlink;               // directory entries naming this inode
  uint size;                 // bytes of content
  uint addrs[NDIRECT+1];     // direct blocks, then the indirect block
};

// Inodes per block.
#define IPB           (BSIZE / sizeof(struct dinode))
// Block holding inode i.
#define IBLOCK(i, sb) ((i) / IPB + (sb).inodestart)

// Bitmap bits per block.
#define BPB           (BSIZE*8)
// Bitmap block holding the bit of block b.
#define BBLOCK(b, sb) ((b) / BPB + (sb).bmapstart)

// A directory is a file of these.
#define DIRSIZ 14

struct dirent {
  ushort inum;           // 0 = unused slot
  char name[DIRSIZ];     // not NUL-terminated when DIRSIZ long
};

#endif
