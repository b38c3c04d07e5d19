// The write-ahead log that makes file-system operations atomic with
// respect to crashes.
//
// A system call brackets its changes with begin_op()/end_op(), and
// records every modified block with log_write() instead of writing it.
// When no operation is in progress, the group of operations commits:
// the modified blocks are copied to the log area, the header block
// (the count and the home block numbers) is written -- this is the
// commit point -- then the blocks are written home and the header is
// cleared. At boot, a header with a count means a committed group that
// may not have reached home yet: it is installed again.
//
// On disk, at sb.logstart: the header block, then the logged blocks.
//
// A disk with a volatile write cache (virtio's VIRTIO_BLK_F_FLUSH) may
// make completed writes durable in any order, and lose any of them if
// the host crashes. Each step of a commit must therefore be durable
// before the next one starts, so there is a flush after each:
//   1. the logged blocks -- else a durable header could replay stale log
//      blocks;
//   2. the header (the commit point) -- else some home blocks could be
//      durable without the header that completes them; and once this
//      flush returns the group survives a crash;
//   3. the home blocks -- else a durable cleared header could stand for
//      home blocks that were lost;
//   4. the cleared header -- else the next group's log blocks could be
//      durable under this group's header, and replayed over its homes.
// Recovery at boot does 3 and 4 as well.

#include "kernel.h"

struct log_header {
  int n;
  int block[LOGSIZE];
};

static struct {
  struct spinlock lock;
  int dev;
  int start;          // header block
  int size;           // blocks in the log area, header included
  int limit;          // how many blocks a group may log
  int outstanding;    // operations in progress
  int committing;
  struct log_header lh;
} lg;

static void
read_header(void)
{
  struct buf *b = bread(lg.dev, lg.start);
  memmove(&lg.lh, b->data, sizeof(lg.lh));
  brelse(b);
  if(lg.lh.n < 0 || lg.lh.n > lg.limit)
    panic("log: corrupt header");
}

static void
write_header(void)
{
  struct buf *b = bread(lg.dev, lg.start);
  memmove(b->data, &lg.lh, sizeof(lg.lh));
  bwrite(b);
  brelse(b);
}

// Copy logged blocks to their home locations.
static void
install(int recovering)
{
  for(int i = 0; i < lg.lh.n; i++){
    struct buf *from = bread(lg.dev, lg.start + 1 + i);
    struct buf *to = bread(lg.dev, lg.lh.block[i]);
    memmove(to->data, from->data, BSIZE);
    bwrite(to);
    if(!recovering)
      bunpin(to);
    brelse(from);
    brelse(to);
  }
}

void
log_init(int dev, struct superblock *s)
{
  if(sizeof(struct log_header) > BSIZE)
    panic("log_init: header too big");
  lock_init(&lg.lock, "log");
  lg.dev = dev;
  lg.start = s->logstart;
  lg.size = s->nlog;
  lg.limit = MIN(LOGSIZE, lg.size - 1);
  if(lg.limit < MAXOPBLOCKS)
    panic("log_init: log too small");
  read_header();
  install(1);
  virtio_disk_flush();
  lg.lh.n = 0;
  write_header();
  virtio_disk_flush();
}

static void
commit(void)
{
  if(lg.lh.n == 0)
    return;
  // Write the cached copies of the modified blocks into the log area.
  for(int i = 0; i < lg.lh.n; i++){
    struct buf *to = bread(lg.dev, lg.start + 1 + i);
    struct buf *from = bread(lg.dev, lg.lh.block[i]);
    memmove(to->data, from->data, BSIZE);
    bwrite(to);
    brelse(from);
    brelse(to);
  }
  virtio_disk_flush();
  write_header();      // the commit point
  virtio_disk_flush();
  install(0);
  virtio_disk_flush();
  lg.lh.n = 0;
  write_header();
  virtio_disk_flush();
}

void
begin_op(void)
{
  acquire(&lg.lock);
  for(;;){
    if(lg.committing ||
       lg.lh.n + (lg.outstanding + 1) * MAXOPBLOCKS > lg.limit){
      sleep(&lg, &lg.lock);
    } else {
      lg.outstanding++;
      break;
    }
  }
  release(&lg.lock);
}

void
end_op(void)
{
  int do_commit = 0;
  acquire(&lg.lock);
  lg.outstanding--;
  if(lg.committing)
    panic("end_op: committing");
  if(lg.outstanding == 0){
    do_commit = 1;
    lg.committing = 1;
  } else {
    wakeup(&lg);    // our reservation is free again
  }
  release(&lg.lock);

  if(do_commit){
    // Not holding lg.lock: commit sleeps on disk I/O.
    commit();
    acquire(&lg.lock);
    lg.committing = 0;
    wakeup(&lg);
    release(&lg.lock);
  }
}

// Record that b was modified in the current operation; it stays
// pinned in the cache until the group commits.
void
log_write(struct buf *b)
{
  acquire(&lg.lock);
  if(lg.outstanding < 1)
    panic("log_write outside an operation");
  int i;
  for(i = 0; i < lg.lh.n; i++)
    if(lg.lh.block[i] == b->blockno)
      break;
  if(i == lg.lh.n){
    if(lg.lh.n >= lg.limit)
      panic("log_write: transaction too big");
    lg.lh.block[i] = b->blockno;
    lg.lh.n++;
    bpin(b);
  }
  release(&lg.lock);
}
