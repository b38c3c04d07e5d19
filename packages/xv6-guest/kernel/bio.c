// The block cache: NBUF buffers holding recently used disk blocks.
// A buffer's sleep lock gives one thread at a time its contents; the
// cache lock protects identities and reference counts. When a block
// that is not cached is wanted, the unreferenced buffer released
// longest ago is reused.

#include "kernel.h"

static struct {
  struct spinlock lock;
  struct buf buf[NBUF];
  uint64 clock;            // counts releases, to order them
} cache;

void
binit(void)
{
  lock_init(&cache.lock, "bcache");
  for(int i = 0; i < NBUF; i++)
    sleeplock_init(&cache.buf[i].lock, "buffer");
}

// The buffer for (dev, blockno), locked; its contents may not be valid.
static struct buf *
bget(uint dev, uint blockno)
{
  acquire(&cache.lock);
  for(;;){
    struct buf *victim = 0;
    for(struct buf *b = cache.buf; b < &cache.buf[NBUF]; b++){
      if(b->dev == dev && b->blockno == blockno){
        b->refcnt++;
        release(&cache.lock);
        acquiresleep(&b->lock);
        return b;
      }
      if(b->refcnt == 0 && (victim == 0 || b->lastuse < victim->lastuse))
        victim = b;
    }
    if(victim){
      victim->dev = dev;
      victim->blockno = blockno;
      victim->valid = 0;
      victim->refcnt = 1;
      release(&cache.lock);
      acquiresleep(&victim->lock);
      return victim;
    }
    // Every buffer is in use: wait until one is released.
    sleep(&cache, &cache.lock);
  }
}

struct buf *
bread(uint dev, uint blockno)
{
  struct buf *b = bget(dev, blockno);
  if(!b->valid){
    virtio_disk_rw(b, 0);
    b->valid = 1;
  }
  return b;
}

// Write b's contents to disk. Caller holds b->lock.
void
bwrite(struct buf *b)
{
  if(!holdingsleep(&b->lock))
    panic("bwrite");
  virtio_disk_rw(b, 1);
}

void
brelse(struct buf *b)
{
  if(!holdingsleep(&b->lock))
    panic("brelse");
  releasesleep(&b->lock);
  acquire(&cache.lock);
  b->refcnt--;
  if(b->refcnt == 0){
    b->lastuse = ++cache.clock;
    wakeup(&cache);
  }
  release(&cache.lock);
}

// Keep b in the cache (the log holds it until it is installed).
void
bpin(struct buf *b)
{
  acquire(&cache.lock);
  b->refcnt++;
  release(&cache.lock);
}

void
bunpin(struct buf *b)
{
  acquire(&cache.lock);
  b->refcnt--;
  if(b->refcnt == 0){
    b->lastuse = ++cache.clock;
    wakeup(&cache);
  }
  release(&cache.lock);
}
