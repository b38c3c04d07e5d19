// What user programs can call: the system calls and the user library.
// Declarations follow xv6-riscv's, so programs written for xv6 build
// unchanged.
#ifndef XV6G_USER_H
#define XV6G_USER_H

#include "../kernel/types.h"

typedef unsigned long size_t;
typedef long off_t;

// What sbrk() and sbrklazy() return on failure.
#define SBRK_ERROR ((char *)-1)

struct stat;

// system calls
int fork(void);
int exit(int) __attribute__((noreturn));
int wait(int*);
int pipe(int*);
int write(int, const void*, int);
int read(int, void*, int);
int close(int);
int kill(int);
int exec(const char*, char**);
int open(const char*, int);
int mknod(const char*, short, short);
int unlink(const char*);
int fstat(int fd, struct stat*);
int link(const char*, const char*);
int mkdir(const char*);
int chdir(const char*);
int dup(int);
int getpid(void);
char* sys_sbrk(int, int);
int sleep(int);
int pause(int);         // newer xv6's name for sleep()
int uptime(void);
void* mmap(void*, size_t, int, int, int, off_t);
int munmap(void*, size_t);
int msync(void*, size_t, int);
int mprotect(void*, size_t, int);

// ulib.c
int stat(const char*, struct stat*);
char* strcpy(char*, const char*);
void *memmove(void*, const void*, int);
char* strchr(const char*, char c);
int strcmp(const char*, const char*);
char* gets(char*, int max);
uint strlen(const char*);
void* memset(void*, int, uint);
int atoi(const char*);
int memcmp(const void *, const void *, uint);
void *memcpy(void *, const void *, uint);
char* sbrk(int);        // grow memory now
char* sbrklazy(int);    // grow memory as it is touched

// printf.c
void fprintf(int, const char*, ...);
void printf(const char*, ...);

// umalloc.c
void* malloc(uint);
void free(void*);

#endif
