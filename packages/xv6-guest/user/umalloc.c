// malloc and free for user programs.
//
// Free memory is a list of blocks in address order. Every block
// starts with a header giving its size in header-sized units. malloc
// takes the first block that is large enough (splitting off its tail);
// free puts a block back and merges it with free neighbours. More
// memory comes from sbrk().

#include "kernel/types.h"
#include "kernel/stat.h"
#include "user/user.h"

typedef struct hdr {
  struct hdr *next;     // next free block (free blocks only)
  uint64 units;         // size of the block, header included
} Hdr;                  // 16 bytes, so blocks stay 16-byte aligned

static Hdr *freelist;   // lowest free block, or 0

void
free(void *ap)
{
  if(ap == 0)
    return;
  Hdr *b = (Hdr *)ap - 1;
  Hdr *prev = 0, *cur = freelist;
  while(cur && cur < b){
    prev = cur;
    cur = cur->next;
  }
  // Merge with the following block?
  if(cur && b + b->units == cur){
    b->units += cur->units;
    b->next = cur->next;
  } else {
    b->next = cur;
  }
  // Merge with the preceding block?
  if(prev && prev + prev->units == b){
    prev->units += b->units;
    prev->next = b->next;
  } else if(prev){
    prev->next = b;
  } else {
    freelist = b;
  }
}

static int
grow(uint64 units)
{
  if(units < 4096)
    units = 4096;
  if(units * sizeof(Hdr) > 0x7fffffff)
    return -1;
  char *p = sbrk(units * sizeof(Hdr));
  if(p == (char *)-1)
    return -1;
  Hdr *b = (Hdr *)p;
  b->units = units;
  free(b + 1);
  return 0;
}

void *
malloc(uint nbytes)
{
  uint64 units = ((uint64)nbytes + sizeof(Hdr) - 1) / sizeof(Hdr) + 1;
  for(;;){
    Hdr *prev = 0;
    for(Hdr *cur = freelist; cur; prev = cur, cur = cur->next){
      if(cur->units < units)
        continue;
      if(cur->units == units){
        if(prev)
          prev->next = cur->next;
        else
          freelist = cur->next;
      } else {
        cur->units -= units;        // keep the front, hand out the tail
        cur += cur->units;
        cur->units = units;
      }
      return cur + 1;
    }
    if(grow(units) < 0)
      return 0;
  }
}
