// Flags for open(), and the protection/flag bits of mmap().
#ifndef XV6G_FCNTL_H
#define XV6G_FCNTL_H

#define O_RDONLY  0x000
#define O_WRONLY  0x001
#define O_RDWR    0x002
#define O_CREATE  0x200
#define O_TRUNC   0x400

#define PROT_NONE   0x0
#define PROT_READ   0x1
#define PROT_WRITE  0x2
#define PROT_EXEC   0x4

#define MAP_SHARED     0x01
#define MAP_PRIVATE    0x02
#define MAP_FIXED      0x10   // place exactly at addr, replacing what is there
#define MAP_ANONYMOUS  0x20   // no file: zero-filled memory (fd is ignored)
#define MAP_ANON       MAP_ANONYMOUS

// msync() flags (accepted; every msync writes back at once).
#define MS_ASYNC       0x1
#define MS_INVALIDATE  0x2
#define MS_SYNC        0x4

#endif
