// A spin lock. User programs may include this header (xv6's init.c does);
// only the kernel uses the structure.
#ifndef XV6G_SPINLOCK_H
#define XV6G_SPINLOCK_H

#include "types.h"

struct cpu;

struct spinlock {
  uint locked;
  const char *name;
  struct cpu *owner;     // hart holding it, for holding() and debugging
};

#endif
