// Compile-time limits of the kernel (values as in xv6-riscv).
#ifndef XV6G_PARAM_H
#define XV6G_PARAM_H

#define NPROC        64                 // maximum number of processes
#define NCPU          8                 // maximum number of harts
#define NOFILE       16                 // open files per process
#define NFILE       100                 // open files in the whole system
#define NINODE       50                 // in-memory inodes
#define NDEV         10                 // device major numbers
#define ROOTDEV       1                 // device number of the root disk
#define MAXARG       32                 // exec arguments
#define MAXOPBLOCKS  10                 // blocks one FS operation may write
#define LOGSIZE      (MAXOPBLOCKS*3)    // data blocks in the on-disk log
#define NBUF         (MAXOPBLOCKS*3)    // buffers in the disk block cache
#define FSSIZE       2000               // file system size in blocks
#define MAXPATH      128                // longest path name
#define USERSTACK    1                  // user stack pages

#endif
