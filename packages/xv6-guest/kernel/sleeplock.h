// A lock that sleeps while it waits, for long holds such as disk I/O.
#ifndef XV6G_SLEEPLOCK_H
#define XV6G_SLEEPLOCK_H

#include "types.h"
#include "spinlock.h"

struct sleeplock {
  uint locked;
  struct spinlock guard; // protects this structure
  const char *name;
  int pid;               // holder
};

#endif
