// The virtio block device on the virtio-mmio transport, at VIRTIO0.
// Both transport versions are spoken: version 1 ("legacy": the queue is
// one physically contiguous area given by page number) and version 2
// ("modern": the three rings are given by address). The version
// register decides. One split virtqueue; every request takes three
// descriptors (header, data, status byte), a FLUSH two (no data).
//
// VIRTIO_BLK_F_FLUSH is accepted when the device offers it; it means
// the device may keep completed writes in a volatile cache until a FLUSH
// request, which the log issues when it commits (log.c).

#include "kernel.h"

#define R(off) (*(volatile uint32 *)(VIRTIO0 + (off)))
#define MMIO_MAGIC            0x000
#define MMIO_VERSION          0x004
#define MMIO_DEVICE_ID        0x008
#define MMIO_DEVICE_FEATURES  0x010
#define MMIO_DEVICE_FEATSEL   0x014
#define MMIO_DRIVER_FEATURES  0x020
#define MMIO_DRIVER_FEATSEL   0x024
#define MMIO_GUEST_PAGE_SIZE  0x028   // version 1 only
#define MMIO_QUEUE_SEL        0x030
#define MMIO_QUEUE_NUM_MAX    0x034
#define MMIO_QUEUE_NUM        0x038
#define MMIO_QUEUE_ALIGN      0x03c   // version 1 only
#define MMIO_QUEUE_PFN        0x040   // version 1 only
#define MMIO_QUEUE_READY      0x044   // version 2 only
#define MMIO_QUEUE_NOTIFY     0x050
#define MMIO_INTR_STATUS      0x060
#define MMIO_INTR_ACK         0x064
#define MMIO_STATUS           0x070
#define MMIO_QUEUE_DESC_LO    0x080
#define MMIO_QUEUE_DESC_HI    0x084
#define MMIO_QUEUE_AVAIL_LO   0x090
#define MMIO_QUEUE_AVAIL_HI   0x094
#define MMIO_QUEUE_USED_LO    0x0a0
#define MMIO_QUEUE_USED_HI    0x0a4

#define ST_ACKNOWLEDGE  1
#define ST_DRIVER       2
#define ST_DRIVER_OK    4
#define ST_FEATURES_OK  8

// Feature bits we turn down.
#define F_BLK_RO           5
#define F_BLK_SCSI         7
#define F_BLK_CONFIG_WCE  11
#define F_BLK_MQ          12
#define F_ANY_LAYOUT      27
#define F_INDIRECT_DESC   28
#define F_EVENT_IDX       29
// The one we use when offered.
#define F_BLK_FLUSH        9
// And the one a modern device needs (bit 32, i.e. bit 0 of the high word).
#define F_VERSION_1_HI     0

#define QSIZE 32                 // descriptors in the queue (power of 2)
#define NSLOT (QSIZE / 3)        // requests in flight

struct vq_desc {
  uint64 addr;
  uint32 len;
  uint16 flags;
  uint16 next;
};
#define DESC_NEXT   1
#define DESC_WRITE  2            // device writes this buffer

struct vq_avail {
  uint16 flags;
  uint16 idx;
  uint16 ring[QSIZE];
  uint16 used_event;
};

struct vq_used_elem {
  uint32 id;
  uint32 len;
};

struct vq_used {
  uint16 flags;
  uint16 idx;
  struct vq_used_elem ring[QSIZE];
  uint16 avail_event;
};

#define BLK_IN   0   // read from the disk
#define BLK_OUT  1   // write to the disk
#define BLK_FLUSH 4  // make completed writes durable

struct blk_header {
  uint32 type;
  uint32 reserved;
  uint64 sector;
};

// The queue, laid out as version 1 demands: descriptors and available
// ring in the first page, used ring at the next page boundary.
static uchar vqmem[2 * PGSIZE] __attribute__((aligned(PGSIZE)));

static struct {
  struct spinlock lock;
  struct vq_desc *desc;
  struct vq_avail *avail;
  struct vq_used *used;
  uint16 used_seen;           // how far we have read the used ring
  char busy[NSLOT];
  char queued[NSLOT];         // given to the device, not yet used
  struct blk_header hdr[NSLOT];
  volatile uchar status[NSLOT];
  int flush;                  // VIRTIO_BLK_F_FLUSH negotiated
} disk;

void
virtio_disk_init(void)
{
  lock_init(&disk.lock, "virtio_disk");

  uint32 version = R(MMIO_VERSION);
  if(R(MMIO_MAGIC) != 0x74726976 || (version != 1 && version != 2) ||
     R(MMIO_DEVICE_ID) != 2)
    panic("virtio_disk: no block device");

  uint32 status = 0;
  R(MMIO_STATUS) = status;                 // reset
  status |= ST_ACKNOWLEDGE;
  R(MMIO_STATUS) = status;
  status |= ST_DRIVER;
  R(MMIO_STATUS) = status;

  R(MMIO_DEVICE_FEATSEL) = 0;
  uint32 feat = R(MMIO_DEVICE_FEATURES);
  feat &= ~((1u << F_BLK_RO) | (1u << F_BLK_SCSI) | (1u << F_BLK_CONFIG_WCE) |
            (1u << F_BLK_MQ) | (1u << F_ANY_LAYOUT) | (1u << F_INDIRECT_DESC) |
            (1u << F_EVENT_IDX));
  R(MMIO_DRIVER_FEATSEL) = 0;
  R(MMIO_DRIVER_FEATURES) = feat;
  disk.flush = (feat >> F_BLK_FLUSH) & 1;
  if(version == 2){
    R(MMIO_DEVICE_FEATSEL) = 1;
    uint32 hi = R(MMIO_DEVICE_FEATURES) & (1u << F_VERSION_1_HI);
    R(MMIO_DRIVER_FEATSEL) = 1;
    R(MMIO_DRIVER_FEATURES) = hi;
  }
  status |= ST_FEATURES_OK;
  R(MMIO_STATUS) = status;
  if(version == 2 && (R(MMIO_STATUS) & ST_FEATURES_OK) == 0)
    panic("virtio_disk: features not accepted");

  R(MMIO_QUEUE_SEL) = 0;
  uint32 max = R(MMIO_QUEUE_NUM_MAX);
  if(max == 0)
    panic("virtio_disk: no queue 0");
  if(max < QSIZE)
    panic("virtio_disk: queue too small");

  memset(vqmem, 0, sizeof(vqmem));
  disk.desc = (struct vq_desc *)vqmem;
  disk.avail = (struct vq_avail *)(vqmem + QSIZE * sizeof(struct vq_desc));
  disk.used = (struct vq_used *)(vqmem + PGSIZE);

  R(MMIO_QUEUE_NUM) = QSIZE;
  if(version == 1){
    R(MMIO_GUEST_PAGE_SIZE) = PGSIZE;
    R(MMIO_QUEUE_ALIGN) = PGSIZE;
    R(MMIO_QUEUE_PFN) = (uint64)vqmem >> PGSHIFT;
  } else {
    R(MMIO_QUEUE_DESC_LO) = (uint64)disk.desc;
    R(MMIO_QUEUE_DESC_HI) = (uint64)disk.desc >> 32;
    R(MMIO_QUEUE_AVAIL_LO) = (uint64)disk.avail;
    R(MMIO_QUEUE_AVAIL_HI) = (uint64)disk.avail >> 32;
    R(MMIO_QUEUE_USED_LO) = (uint64)disk.used;
    R(MMIO_QUEUE_USED_HI) = (uint64)disk.used >> 32;
    R(MMIO_QUEUE_READY) = 1;
  }

  status |= ST_DRIVER_OK;
  R(MMIO_STATUS) = status;
}

static int
take_slot(void)
{
  for(int s = 0; s < NSLOT; s++){
    if(!disk.busy[s]){
      disk.busy[s] = 1;
      return s;
    }
  }
  return -1;
}

// Give the device one request -- type, sector, and a block of data
// unless data is 0 -- and sleep until it is done.
static void
request(uint32 type, uint64 sector, uchar *data)
{
  acquire(&disk.lock);
  int s;
  while((s = take_slot()) < 0)
    sleep(&disk.busy, &disk.lock);

  disk.hdr[s].type = type;
  disk.hdr[s].reserved = 0;
  disk.hdr[s].sector = sector;
  disk.status[s] = 0xff;

  struct vq_desc *d = &disk.desc[3 * s];
  d[0].addr = (uint64)&disk.hdr[s];
  d[0].len = sizeof(struct blk_header);
  d[0].flags = DESC_NEXT;
  d[0].next = 3 * s + (data ? 1 : 2);
  if(data){
    d[1].addr = (uint64)data;
    d[1].len = BSIZE;
    d[1].flags = DESC_NEXT | (type == BLK_IN ? DESC_WRITE : 0);
    d[1].next = 3 * s + 2;
  }
  d[2].addr = (uint64)&disk.status[s];
  d[2].len = 1;
  d[2].flags = DESC_WRITE;
  d[2].next = 0;

  disk.queued[s] = 1;
  disk.avail->ring[disk.avail->idx % QSIZE] = 3 * s;
  __sync_synchronize();
  disk.avail->idx++;
  __sync_synchronize();
  R(MMIO_QUEUE_NOTIFY) = 0;

  while(disk.queued[s])
    sleep(&disk.queued[s], &disk.lock);

  disk.busy[s] = 0;
  wakeup(&disk.busy);
  release(&disk.lock);
}

// Read or write buffer b's block, sleeping until the device is done.
void
virtio_disk_rw(struct buf *b, int write)
{
  request(write ? BLK_OUT : BLK_IN, (uint64)b->blockno * (BSIZE / 512), b->data);
}

// Return once every write completed so far is on stable storage. A
// device without VIRTIO_BLK_F_FLUSH is taken to write through (it has
// no cache we could flush), as Linux's driver assumes too.
void
virtio_disk_flush(void)
{
  if(disk.flush)
    request(BLK_FLUSH, 0, 0);
}

void
virtio_disk_intr(void)
{
  acquire(&disk.lock);
  R(MMIO_INTR_ACK) = R(MMIO_INTR_STATUS) & 0x3;
  __sync_synchronize();
  while(disk.used_seen != *(volatile uint16 *)&disk.used->idx){
    __sync_synchronize();
    uint32 id = disk.used->ring[disk.used_seen % QSIZE].id;
    int s = id / 3;
    if(id % 3 != 0 || s >= NSLOT || !disk.queued[s])
      panic("virtio_disk_intr: bad id");
    if(disk.status[s] != 0)
      panic("virtio_disk_intr: I/O error");
    disk.queued[s] = 0;
    wakeup(&disk.queued[s]);
    disk.used_seen++;
  }
  release(&disk.lock);
}
