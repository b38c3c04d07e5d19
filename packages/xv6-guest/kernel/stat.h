// What fstat() and stat() report about a file.
#ifndef XV6G_STAT_H
#define XV6G_STAT_H

#include "types.h"

#define T_DIR     1   // directory
#define T_FILE    2   // regular file
#define T_DEVICE  3   // device

struct stat {
  int dev;       // device number of the file system
  uint ino;      // inode number
  short type;    // T_DIR, T_FILE or T_DEVICE
  short nlink;   // links to the file
  uint64 size;   // bytes
};

#endif
