/* virtio_blk: a virtio block device on the virtio-mmio transport at
 * 0x10001000, driven from S-mode with interrupts (PLIC source 1, hart 0's S
 * context), following the virtio 1.x specification. One program serves
 * both transports; the version register picks the path: 1 = legacy
 * (GuestPageSize, QueueAlign, QueuePFN), 2 = modern (FEATURES_OK,
 * QueueDesc/QueueDriver/QueueDevice, QueueReady).
 *
 * The disk it expects: 64 KiB whose byte i is (i * 7 + (i >> 9)) & 0xff.
 * It reads sectors 0 and 7, writes sector 3 and reads it back, writes
 * sectors 10-11 through two data descriptors and reads them back, keeps two
 * requests in flight, scans the whole disk, and checks the error statuses of
 * a read past the end and of an unknown request type. */
#include "rt.h"

/* virtio-mmio registers (virtio 1.x, 4.2.2 and 4.2.4). */
#define VIO_MAGIC            0x000
#define VIO_VERSION          0x004
#define VIO_DEVICE_ID        0x008
#define VIO_VENDOR_ID        0x00c
#define VIO_DEVICE_FEATURES  0x010
#define VIO_DEVICE_FEAT_SEL  0x014
#define VIO_DRIVER_FEATURES  0x020
#define VIO_DRIVER_FEAT_SEL  0x024
#define VIO_GUEST_PAGE_SIZE  0x028 /* legacy */
#define VIO_QUEUE_SEL        0x030
#define VIO_QUEUE_NUM_MAX    0x034
#define VIO_QUEUE_NUM        0x038
#define VIO_QUEUE_ALIGN      0x03c /* legacy */
#define VIO_QUEUE_PFN        0x040 /* legacy */
#define VIO_QUEUE_READY      0x044 /* modern */
#define VIO_QUEUE_NOTIFY     0x050
#define VIO_INTERRUPT_STATUS 0x060
#define VIO_INTERRUPT_ACK    0x064
#define VIO_STATUS           0x070
#define VIO_QUEUE_DESC_LOW   0x080 /* modern, from here on */
#define VIO_QUEUE_DESC_HIGH  0x084
#define VIO_QUEUE_DRIVER_LOW 0x090
#define VIO_QUEUE_DRIVER_HIGH 0x094
#define VIO_QUEUE_DEVICE_LOW 0x0a0
#define VIO_QUEUE_DEVICE_HIGH 0x0a4
#define VIO_CONFIG_GENERATION 0x0fc
#define VIO_CONFIG           0x100

#define ST_ACKNOWLEDGE 1
#define ST_DRIVER      2
#define ST_DRIVER_OK   4
#define ST_FEATURES_OK 8

#define F_BLK_FLUSH   9  /* feature bit numbers */
#define F_VERSION_1   32

#define T_IN    0
#define T_OUT   1
#define T_FLUSH 4
#define T_BOGUS 0x7e /* no such request type */

#define S_OK     0
#define S_IOERR  1
#define S_UNSUPP 2

#define DESC_F_NEXT  1
#define DESC_F_WRITE 2

#define QSIZE 8
#define SECTOR 512
#define PAGE 4096

struct desc {
  u64 addr;
  u32 len;
  u16 flags;
  u16 next;
};
struct avail {
  u16 flags;
  u16 idx;
  u16 ring[QSIZE];
  u16 used_event;
};
struct used_elem {
  u32 id;
  u32 len;
};
struct used {
  u16 flags;
  u16 idx;
  struct used_elem ring[QSIZE];
  u16 avail_event;
};
struct blk_header {
  u32 type;
  u32 reserved;
  u64 sector;
};

/* The split virtqueue in two pages: descriptors and the available ring in
 * the first, the used ring at the start of the second, which is the layout
 * the legacy interface computes for QSIZE 8 and QueueAlign 4096, and
 * satisfies the modern interface's alignment rules too. */
static u8 queue_mem[2 * PAGE] __attribute__((aligned(PAGE)));
#define DESC  ((volatile struct desc *)queue_mem)
#define AVAIL ((volatile struct avail *)(queue_mem + QSIZE * sizeof(struct desc)))
#define USED  ((volatile struct used *)(queue_mem + PAGE))

/* Up to two requests in flight, one per slot. */
#define SLOTS 2
static struct blk_header header[SLOTS];
static volatile u8 status[SLOTS];
static volatile u32 used_len[SLOTS];
static volatile int busy[SLOTS];
static int head_slot[QSIZE];
static u8 desc_free[QSIZE];
static u16 last_used;
static volatile int used_interrupts;
static u8 buf[SLOTS][2 * SECTOR] __attribute__((aligned(16)));
static u8 wbuf[2 * SECTOR] __attribute__((aligned(16)));

static int version;
static int flush_accepted;

static u32 vio_rd(u32 off) { return rd32(VIRTIO + off); }
static void vio_wr(u32 off, u32 v) { wr32(VIRTIO + off, v); }

static u8 image_byte(u64 i) { return (u8)(i * 7 + (i >> 9)); }

static u32 fnv1a(const u8 *p, u32 n, u32 h)
{
  for (u32 i = 0; i < n; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}
#define FNV_INIT 2166136261u

static int alloc_desc(void)
{
  for (int i = 0; i < QSIZE; i++)
    if (desc_free[i]) {
      desc_free[i] = 0;
      return i;
    }
  fail("out of descriptors");
}

static void free_chain(int i)
{
  for (;;) {
    u16 flags = DESC[i].flags;
    u16 next = DESC[i].next;
    desc_free[i] = 1;
    if (!(flags & DESC_F_NEXT))
      break;
    i = next;
  }
}

/* Queues a request in `slot` (header, `pieces` equal data buffers covering
 * [data, data + len), status); the device sees it at the next notify. */
static void queue_request(int slot, u32 type, u64 sector, u8 *data, u32 len, int pieces)
{
  header[slot].type = type;
  header[slot].reserved = 0;
  header[slot].sector = sector;
  status[slot] = 0xff;
  busy[slot] = 1;
  int head = alloc_desc(), prev = head;
  DESC[head].addr = (u64)&header[slot];
  DESC[head].len = sizeof header[slot];
  DESC[head].flags = DESC_F_NEXT;
  for (int p = 0; p < pieces; p++) {
    int d = alloc_desc();
    DESC[prev].next = (u16)d;
    DESC[d].addr = (u64)(data + p * (len / pieces));
    DESC[d].len = len / pieces;
    DESC[d].flags = DESC_F_NEXT | (type == T_IN ? DESC_F_WRITE : 0);
    prev = d;
  }
  int st = alloc_desc();
  DESC[prev].next = (u16)st;
  DESC[st].addr = (u64)&status[slot];
  DESC[st].len = 1;
  DESC[st].flags = DESC_F_WRITE;
  DESC[st].next = 0;
  head_slot[head] = slot;
  AVAIL->ring[AVAIL->idx % QSIZE] = (u16)head;
  fence(); /* the ring entry before the index */
  AVAIL->idx = AVAIL->idx + 1;
}

static void notify(void)
{
  fence(); /* the index before the notification */
  vio_wr(VIO_QUEUE_NOTIFY, 0);
}

/* Sleep with interrupts masked and take them between sleeps: no wakeup is
 * lost between the test and the wfi. */
static void wait_idle(void)
{
  for (;;) {
    int any = 0;
    for (int s = 0; s < SLOTS; s++)
      any |= busy[s];
    if (!any)
      return;
    wfi();
    csr_set(sstatus, MSTATUS_SIE);
    csr_clear(sstatus, MSTATUS_SIE);
  }
}

static void take_used(void)
{
  while (last_used != USED->idx) {
    fence(); /* the index before the entry */
    volatile struct used_elem *e = &USED->ring[last_used % QSIZE];
    u32 id = e->id;
    if (id >= QSIZE)
      fail("used ring: bad descriptor id");
    int slot = head_slot[id];
    used_len[slot] = e->len;
    free_chain((int)id);
    busy[slot] = 0;
    last_used++;
  }
}

S_TRAP static void s_trap(void)
{
  u64 cause = csr_read(scause);
  if (cause != (CAUSE_INTR | 9)) {
    puts("unexpected trap: scause ");
    puthex(cause);
    puts(" sepc ");
    puthex(csr_read(sepc));
    puts(" stval ");
    puthex(csr_read(stval));
    putc('\n');
    poweroff(3);
  }
  u32 irq = rd32(PLIC_CLAIM(1));
  if (irq == VIRTIO_IRQ) {
    u32 isr = vio_rd(VIO_INTERRUPT_STATUS);
    vio_wr(VIO_INTERRUPT_ACK, isr & 3);
    if (isr & 1)
      used_interrupts = 1;
    take_used();
  } else if (irq != 0) {
    fail("unexpected PLIC source");
  }
  if (irq)
    wr32(PLIC_CLAIM(1), irq);
}

/* One request, start to finish; returns its status. */
static u8 request(u32 type, u64 sector, u8 *data, u32 len, int pieces)
{
  queue_request(0, type, sector, data, len, pieces);
  notify();
  wait_idle();
  return status[0];
}

static void report(const char *what, u8 st)
{
  puts(what);
  puts(": status ");
  putdec(st);
  if (st == S_OK) {
    puts(", used len ");
    putdec(used_len[0]);
  }
  putc('\n');
}

static void show_data(const u8 *p, u32 n)
{
  puts("  first 16 bytes: ");
  put_bytes(p, 16);
  puts("\n  fnv-1a ");
  puthex_n(fnv1a(p, n, FNV_INIT), 8);
  putc('\n');
}

static int matches_image(const u8 *p, u64 sector, u32 n)
{
  for (u32 i = 0; i < n; i++)
    if (p[i] != image_byte(sector * SECTOR + i))
      return 0;
  return 1;
}

static int same(const u8 *a, const u8 *b, u32 n)
{
  for (u32 i = 0; i < n; i++)
    if (a[i] != b[i])
      return 0;
  return 1;
}

static void set_status(u32 bits)
{
  vio_wr(VIO_STATUS, vio_rd(VIO_STATUS) | bits);
}

static u64 setup(void)
{
  if (vio_rd(VIO_MAGIC) != 0x74726976)
    fail("no virtio-mmio magic at 0x10001000");
  version = (int)vio_rd(VIO_VERSION);
  puts("virtio-mmio: version ");
  putdec(version);
  puts(version == 1 ? " (legacy)" : version == 2 ? " (modern)" : " (unknown)");
  puts(", device id ");
  putdec(vio_rd(VIO_DEVICE_ID));
  puts(", vendor ");
  puthex(vio_rd(VIO_VENDOR_ID));
  putc('\n');
  if (version != 1 && version != 2)
    fail("unsupported virtio-mmio version");
  if (vio_rd(VIO_DEVICE_ID) != 2)
    fail("not a block device");

  /* 3.1.1: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK, queues,
   * DRIVER_OK. */
  vio_wr(VIO_STATUS, 0);
  if (vio_rd(VIO_STATUS) != 0)
    fail("status is not 0 after reset");
  set_status(ST_ACKNOWLEDGE);
  set_status(ST_DRIVER);

  vio_wr(VIO_DEVICE_FEAT_SEL, 0);
  u32 lo = vio_rd(VIO_DEVICE_FEATURES);
  u32 accept_lo = lo & (1u << F_BLK_FLUSH);
  if (version == 1) {
    vio_wr(VIO_DRIVER_FEAT_SEL, 0);
    vio_wr(VIO_DRIVER_FEATURES, accept_lo);
    vio_wr(VIO_GUEST_PAGE_SIZE, PAGE);
  } else {
    vio_wr(VIO_DEVICE_FEAT_SEL, 1);
    u32 hi = vio_rd(VIO_DEVICE_FEATURES);
    if (!(hi & (1u << (F_VERSION_1 - 32))))
      fail("modern device without VIRTIO_F_VERSION_1");
    vio_wr(VIO_DRIVER_FEAT_SEL, 0);
    vio_wr(VIO_DRIVER_FEATURES, accept_lo);
    vio_wr(VIO_DRIVER_FEAT_SEL, 1);
    vio_wr(VIO_DRIVER_FEATURES, 1u << (F_VERSION_1 - 32));
    set_status(ST_FEATURES_OK);
    if (!(vio_rd(VIO_STATUS) & ST_FEATURES_OK))
      fail("device refused FEATURES_OK");
  }
  flush_accepted = accept_lo != 0;
  puts("features: VIRTIO_BLK_F_FLUSH ");
  puts(accept_lo ? "accepted" : "not offered");
  puts(version == 2 ? ", VIRTIO_F_VERSION_1 accepted\n" : "\n");

  vio_wr(VIO_QUEUE_SEL, 0);
  if (version == 1 ? vio_rd(VIO_QUEUE_PFN) != 0 : vio_rd(VIO_QUEUE_READY) != 0)
    fail("queue 0 already in use");
  u32 max = vio_rd(VIO_QUEUE_NUM_MAX);
  if (max < QSIZE)
    fail("queue 0 is too small");
  vio_wr(VIO_QUEUE_NUM, QSIZE);
  u64 desc = (u64)DESC, avail = (u64)AVAIL, used = (u64)USED;
  if (version == 1) {
    vio_wr(VIO_QUEUE_ALIGN, PAGE);
    vio_wr(VIO_QUEUE_PFN, (u32)(desc / PAGE));
  } else {
    vio_wr(VIO_QUEUE_DESC_LOW, (u32)desc);
    vio_wr(VIO_QUEUE_DESC_HIGH, (u32)(desc >> 32));
    vio_wr(VIO_QUEUE_DRIVER_LOW, (u32)avail);
    vio_wr(VIO_QUEUE_DRIVER_HIGH, (u32)(avail >> 32));
    vio_wr(VIO_QUEUE_DEVICE_LOW, (u32)used);
    vio_wr(VIO_QUEUE_DEVICE_HIGH, (u32)(used >> 32));
    vio_wr(VIO_QUEUE_READY, 1);
  }
  for (int i = 0; i < QSIZE; i++)
    desc_free[i] = 1;
  set_status(ST_DRIVER_OK);
  puts("queue 0: ");
  putdec(QSIZE);
  puts(" entries; status ");
  puthex(vio_rd(VIO_STATUS));
  putc('\n');

  /* Capacity (le64 at config offset 0), read as two 32-bit words; the
   * modern interface's generation counter guards against a torn read. */
  u64 capacity;
  for (;;) {
    u32 gen = version == 2 ? vio_rd(VIO_CONFIG_GENERATION) : 0;
    capacity = (u64)vio_rd(VIO_CONFIG + 4) << 32 | vio_rd(VIO_CONFIG);
    if (version == 1 || vio_rd(VIO_CONFIG_GENERATION) == gen)
      break;
  }
  puts("capacity: ");
  putdec(capacity);
  puts(" sectors (");
  putdec(capacity * SECTOR);
  puts(" bytes)\n");
  return capacity;
}

static void supervisor_main(void)
{
  puts("virtio_blk: S-mode, PLIC source 1 on context 1\n");
  csr_write(stvec, (u64)s_trap);
  wr32(PLIC_PRIORITY(VIRTIO_IRQ), 1);
  wr32(PLIC_ENABLE(1), 1u << VIRTIO_IRQ);
  wr32(PLIC_THRESHOLD(1), 0);
  csr_set(sie, MIP_SEIP);

  u64 capacity = setup();
  u8 st;

  st = request(T_IN, 0, buf[0], SECTOR, 1);
  report("read sector 0", st);
  show_data(buf[0], SECTOR);
  puts(matches_image(buf[0], 0, SECTOR) ? "  as generated\n" : "  NOT as generated\n");

  st = request(T_IN, 7, buf[0], SECTOR, 1);
  report("read sector 7", st);
  show_data(buf[0], SECTOR);
  puts(matches_image(buf[0], 7, SECTOR) ? "  as generated\n" : "  NOT as generated\n");

  static const char msg[] = "written by virtio_blk, sector 3\n";
  for (u32 i = 0; i < SECTOR; i++)
    wbuf[i] = i < sizeof msg - 1 ? (u8)msg[i] : (u8)(i * 13 + 0x5a);
  st = request(T_OUT, 3, wbuf, SECTOR, 1);
  report("write sector 3", st);
  memset(buf[0], 0, SECTOR);
  st = request(T_IN, 3, buf[0], SECTOR, 1);
  report("read sector 3 back", st);
  show_data(buf[0], SECTOR);
  puts(same(buf[0], wbuf, SECTOR) ? "  same as written\n" : "  NOT as written\n");

  for (u32 i = 0; i < 2 * SECTOR; i++)
    wbuf[i] = (u8)(255 - i * 3 - (i >> 8));
  st = request(T_OUT, 10, wbuf, 2 * SECTOR, 2);
  report("write sectors 10-11 (two data descriptors)", st);
  memset(buf[0], 0, 2 * SECTOR);
  st = request(T_IN, 10, buf[0], 2 * SECTOR, 1);
  report("read sectors 10-11 back (one data descriptor)", st);
  show_data(buf[0], 2 * SECTOR);
  puts(same(buf[0], wbuf, 2 * SECTOR) ? "  same as written\n" : "  NOT as written\n");

  queue_request(0, T_IN, 2, buf[0], SECTOR, 1);
  queue_request(1, T_IN, 4, buf[1], SECTOR, 1);
  notify();
  wait_idle();
  puts("two requests in flight: sector 2 status ");
  putdec(status[0]);
  puts(", used len ");
  putdec(used_len[0]);
  puts(matches_image(buf[0], 2, SECTOR) ? ", as generated" : ", NOT as generated");
  puts("; sector 4 status ");
  putdec(status[1]);
  puts(", used len ");
  putdec(used_len[1]);
  puts(matches_image(buf[1], 4, SECTOR) ? ", as generated\n" : ", NOT as generated\n");

  /* The whole disk, two sectors per request, two requests in flight. */
  u32 hash = FNV_INIT, generated = 0, errors = 0;
  for (u64 s = 0; s < capacity; s += 4) {
    int n = 0;
    for (int k = 0; k < SLOTS && s + 2 * k < capacity; k++, n++)
      queue_request(k, T_IN, s + 2 * k, buf[k], 2 * SECTOR, 1);
    notify();
    wait_idle();
    for (int k = 0; k < n; k++) {
      if (status[k] != S_OK || used_len[k] != 2 * SECTOR + 1)
        errors++;
      hash = fnv1a(buf[k], 2 * SECTOR, hash);
      for (int h = 0; h < 2; h++)
        generated += matches_image(buf[k] + h * SECTOR, s + 2 * k + h, SECTOR);
    }
  }
  puts("scan of ");
  putdec(capacity);
  puts(" sectors: ");
  putdec(errors);
  puts(" failed requests, ");
  putdec(generated);
  puts(" sectors as generated, fnv-1a ");
  puthex_n(hash, 8);
  putc('\n');

  /* Enough requests for the 16-bit ring indices to wrap around. */
  u16 start = AVAIL->idx;
  u32 bad = 0;
  const u32 pairs = 32800;
  for (u32 i = 0; i < pairs; i++) {
    queue_request(0, T_IN, (2 * i) % capacity, buf[0], SECTOR, 1);
    queue_request(1, T_IN, (2 * i + 1) % capacity, buf[1], SECTOR, 1);
    notify();
    wait_idle();
    for (int k = 0; k < SLOTS; k++)
      if (status[k] != S_OK || used_len[k] != SECTOR + 1)
        bad++;
  }
  puts("ring indices: ");
  putdec(2 * pairs);
  puts(" more requests, ");
  putdec(bad);
  puts(" failed; avail.idx went from ");
  putdec(start);
  puts(" to ");
  putdec(AVAIL->idx);
  puts(", used.idx is ");
  putdec(USED->idx);
  putc('\n');
  puts(matches_image(buf[1], (2 * pairs - 1) % capacity, SECTOR) ? "  last sector read as generated\n" : "  last sector read NOT as generated\n");

  st = request(T_IN, capacity, buf[0], SECTOR, 1);
  puts("read past the end (sector ");
  putdec(capacity);
  puts("): status ");
  putdec(st);
  puts(st == S_IOERR ? " (IOERR)\n" : "\n");
  st = request(T_BOGUS, 0, 0, 0, 0);
  puts("unknown request type: status ");
  putdec(st);
  puts(st == S_UNSUPP ? " (UNSUPP)\n" : "\n");
  if (flush_accepted)
    report("flush", request(T_FLUSH, 0, 0, 0, 0));
  puts(used_interrupts ? "used-buffer interrupts: seen" : "used-buffer interrupts: NONE");
  puts(", InterruptStatus now ");
  putdec(vio_rd(VIO_INTERRUPT_STATUS));
  putc('\n');

  vio_wr(VIO_STATUS, 0);
  puts("reset: status ");
  putdec(vio_rd(VIO_STATUS));
  puts(version == 1 ? ", QueuePFN " : ", QueueReady ");
  putdec(vio_rd(version == 1 ? VIO_QUEUE_PFN : VIO_QUEUE_READY));
  putc('\n');
  puts("virtio_blk: done\n");
  poweroff(0);
}

int main(void)
{
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_8N1);
  csr_write(mideleg, MIP_SEIP);
  pmp_allow_all();
  csr_clear(mstatus, MSTATUS_SIE);
  enter_supervisor(supervisor_main);
}
