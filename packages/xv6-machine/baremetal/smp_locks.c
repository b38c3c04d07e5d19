/* Locks and ordering across every hart of the board (run with -smp 2 or
 * more): a spinlock built from amoswap, a ticket lock built from amoadd, a
 * counter updated with lr/sc, and a message-passing litmus test with
 * fence rw,rw. Plain loads and stores inside the locks must never lose an
 * update; a reader that sees the flag after its fence must see the data
 * written before the writer's fence. Then hart 0 rewrites a function that
 * the others keep calling, handing it over as a lock would (fences, no
 * fence.i on the callers, as xv6's exec loads a program that another hart
 * then runs): they must run the new code. Last, every hart stores to and
 * loads one doubleword: no load may see halves of two stores. Prints the
 * same lines for any number of harts; fails with the phase's number. */
#include "rt.h"

#define ITER 20000
#define ROUNDS 2000

#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_END 9

volatile u32 smp_go __attribute__((section(".data"))) = 0; /* not .bss: see smp_start.S */

static u32 be32(const u8 *p) { return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3]; }

static int starts_with(const char *s, const char *prefix)
{
  while (*prefix)
    if (*s++ != *prefix++)
      return 0;
  return 1;
}

/* The number of cpu@ nodes under /cpus. */
static int count_cpus(const u8 *fdt)
{
  const u8 *p = fdt + be32(fdt + 8);
  const u8 *end = fdt + be32(fdt + 4);
  int depth = -1, in_cpus = 0, cpus = 0;
  while (p < end) {
    u32 token = be32(p);
    p += 4;
    if (token == FDT_BEGIN_NODE) {
      const char *name = (const char *)p;
      depth++;
      if (depth == 1)
        in_cpus = streq(name, "cpus");
      else if (depth == 2 && in_cpus && starts_with(name, "cpu@"))
        cpus++;
      while (*p)
        p++;
      p = (const u8 *)(((uptr)p + 1 + 3) & ~3UL);
    } else if (token == FDT_END_NODE) {
      depth--;
    } else if (token == FDT_PROP) {
      p += 8 + ((be32(p) + 3) & ~3U);
    } else if (token == FDT_END) {
      break;
    }
  }
  return cpus;
}

static inline u32 amoswap_aq(volatile u32 *a, u32 v)
{
  u32 old;
  __asm__ volatile("amoswap.w.aq %0, %2, %1" : "=r"(old), "+A"(*a) : "r"(v) : "memory");
  return old;
}

static inline u32 amoadd32(volatile u32 *a, u32 v)
{
  u32 old;
  __asm__ volatile("amoadd.w.aqrl %0, %2, %1" : "=r"(old), "+A"(*a) : "r"(v) : "memory");
  return old;
}

static inline void amoadd64(volatile u64 *a, u64 v)
{
  __asm__ volatile("amoadd.d zero, %1, %0" : "+A"(*a) : "r"(v) : "memory");
}

static inline void amomax32(volatile u32 *a, u32 v)
{
  __asm__ volatile("amomax.w zero, %1, %0" : "+A"(*a) : "r"(v) : "memory");
}

/* Each on its own 4 KiB page: lock words, counters and litmus data apart. */
union page { u64 v64[512]; u32 v32[1024]; } __attribute__((aligned(4096)));
static union page pages[13];
#define P32(n) (&pages[n].v32[0])
#define P64(n) (&pages[n].v64[0])

static int ncpus;

/* All harts meet here: a sense-reversing barrier on amoadd. */
static void barrier(void)
{
  static volatile u32 count, sense;
  u32 my = !sense;
  if (amoadd32(&count, 1) == (u32)ncpus - 1) {
    count = 0;
    fence();
    sense = my;
  } else {
    while (sense != my)
      ;
  }
  fence();
}

static void check(int phase, const char *what, u64 got, u64 want)
{
  if (got == want) {
    puts(what);
    puts(": ok\n");
    return;
  }
  puts("FAIL ");
  puts(what);
  puts(": got ");
  putdec(got);
  puts(", want ");
  putdec(want);
  putc('\n');
  poweroff(phase);
}

/* A spinlock as xv6 builds one: amoswap.w.aq to take it, fence and a store of 0 to give it back. */
static void spinlock_phase(void)
{
  volatile u32 *lock = P32(0);
  volatile u64 *count = P64(1);
  for (int i = 0; i < ITER; i++) {
    while (amoswap_aq(lock, 1) != 0)
      ;
    *count = *count + 1;
    fence();
    *lock = 0;
  }
}

static void ticket_phase(void)
{
  volatile u32 *next = P32(2);
  volatile u32 *serving = P32(3);
  volatile u64 *count = P64(4);
  for (int i = 0; i < ITER; i++) {
    u32 me = amoadd32(next, 1);
    while (*serving != me)
      ;
    fence();
    *count = *count + 1;
    fence();
    *serving = me + 1;
  }
}

static void lrsc_phase(void)
{
  volatile u64 *count = P64(5);
  for (int i = 0; i < ITER; i++) {
    u64 v, failed;
    do {
      __asm__ volatile("lr.d.aq %0, %2\n\taddi %0, %0, 1\n\tsc.d.rl %1, %0, %2"
                       : "=&r"(v), "=&r"(failed), "+A"(*count) : : "memory");
    } while (failed);
  }
}

static void amo_phase(int hart)
{
  for (int i = 0; i < ITER; i++) {
    amoadd64(P64(6), 3);
    amomax32(P32(7), (u32)(hart * ITER + i));
  }
}

/* Hart 0 writes data then (after fence rw,rw) the round's flag; every other hart waits for the
 * flag, fences, and reads data, which must be the round's value. The writer waits for every
 * reader's acknowledgement before the next round. */
static u64 litmus_phase(int hart)
{
  volatile u64 *data = P64(8);
  volatile u64 *flag = P64(9);
  volatile u32 *acks = P32(10);
  u64 stale = 0;
  for (u64 r = 1; r <= ROUNDS; r++) {
    if (hart == 0) {
      *data = r * 0x9e3779b97f4a7c15UL;
      fence();
      *flag = r;
      while (*acks != (u32)(ncpus - 1) * r)
        ;
    } else {
      while (*flag != r)
        ;
      fence();
      if (*data != r * 0x9e3779b97f4a7c15UL)
        stale++;
      amoadd32(acks, 1);
    }
  }
  return stale;
}

#define CODE_ROUNDS 300
#define CALLS 50

/* A page of code that hart 0 rewrites: `li a0, k; ret`. */
static u32 code[1024] __attribute__((aligned(4096)));

static void write_function(u32 k)
{
  code[0] = 0x00000513 | (k << 20); /* addi a0, zero, k */
  code[1] = 0x00008067;             /* jalr zero, 0(ra) */
}

static u64 code_phase(int hart)
{
  volatile u64 *flag = P64(11);
  volatile u32 *acks = P32(10);
  u64 (*fn)(void) = (u64 (*)(void))(uptr)code;
  u64 wrong = 0;
  for (u64 r = 1; r <= CODE_ROUNDS; r++) {
    if (hart == 0) {
      while (*acks != (u32)(ncpus - 1) * (r - 1))
        ;
      fence();
      write_function((u32)r);
      fence();
      *flag = r;
    } else {
      while (*flag != r)
        ;
      fence();
      for (int i = 0; i < CALLS; i++)
        if (fn() != r)
          wrong++;
      amoadd32(acks, 1);
    }
  }
  return wrong;
}

#define TEAR_ITER 400000

/* Every hart stores to and loads from one doubleword, each value's high half the complement of
 * its low half. Naturally aligned loads and stores are single-copy atomic (the ISA manual,
 * "Load and Store Instructions"), so no load may see halves of two different stores. */
static u64 tear_phase(int hart)
{
  volatile u64 *word = P64(12);
  u64 torn = 0;
  for (u32 i = 0; i < TEAR_ITER; i++) {
    u32 lo = i * 2654435761u + (u32)hart * 40503u;
    *word = (u64)(~lo) << 32 | lo;
    u64 v = *word;
    if ((u32)(v >> 32) != ~(u32)v)
      torn++;
  }
  return torn;
}

static volatile u64 stale_total;

/* Adds this hart's count of failures to the total; once every hart has, hart 0 checks that it is
 * zero and clears it for the next phase. */
static void expect_none(int hart, int phase, const char *what, u64 mine)
{
  amoadd64(&stale_total, mine);
  barrier();
  if (hart == 0) {
    check(phase, what, stale_total, 0);
    stale_total = 0;
  }
  barrier();
}

int smp_main(u64 hart, const u8 *dtb)
{
  if (hart == 0) {
    ncpus = count_cpus(dtb);
    fence();
    smp_go = 2;
  }
  while (smp_go != 2)
    ;
  fence();
  barrier();

  spinlock_phase();
  barrier();
  if (hart == 0)
    check(1, "spinlock (amoswap.w.aq, fence, sw)", *P64(1), (u64)ncpus * ITER);
  barrier();

  ticket_phase();
  barrier();
  if (hart == 0)
    check(2, "ticket lock (amoadd.w)", *P64(4), (u64)ncpus * ITER);
  barrier();

  lrsc_phase();
  barrier();
  if (hart == 0)
    check(3, "counter (lr.d/sc.d)", *P64(5), (u64)ncpus * ITER);
  barrier();

  amo_phase((int)hart);
  barrier();
  if (hart == 0) {
    check(4, "amoadd.d", *P64(6), (u64)ncpus * ITER * 3);
    check(5, "amomax.w", *P32(7), (u64)(ncpus - 1) * ITER + ITER - 1);
  }
  barrier();

  expect_none((int)hart, 6, "message passing with fence rw,rw: stale reads", litmus_phase((int)hart));

  if (hart == 0) {
    *P32(10) = 0;
    fence();
  }
  barrier();
  expect_none((int)hart, 7, "code rewritten by another hart: stale calls", code_phase((int)hart));

  if (hart == 0) {
    *P64(12) = 0xffffffffUL;
    fence();
  }
  barrier();
  expect_none((int)hart, 8, "aligned doubleword stores and loads: torn values", tear_phase((int)hart));

  if (hart != 0)
    for (;;)
      wfi();
  return 0;
}
