/*
 * sv39 "pg" environment: page-table helpers, called from the tests (M- or
 * S-mode; all of RAM is identity mapped, so physical = virtual here).
 * Follows the privileged spec's PTE format: PPN in bits 53:10, flags 7:0;
 * a PTE is a leaf when any of R, W, X is set.
 */
#include <stdint.h>

typedef uint64_t u64;

#define PTE_V 1u
#define PTE_R 2u
#define PTE_W 4u
#define PTE_X 8u
#define PTE_G 0x20u
#define PTE_A 0x40u
#define PTE_D 0x80u
#define PTE_PPN_MASK 0x003ffffffffffc00ull
#define SATP_MODE_SHIFT 60
#define TABLES 64

extern void pg_env_error(void) __attribute__((noreturn));

/* page-table pool, zeroed by the boot code */
static u64 pg_pool[TABLES][512] __attribute__((aligned(4096), section(".pages")));
/* test data pages, zeroed by the boot code */
u64 pg_test_pages[32][512] __attribute__((aligned(4096), section(".pages")));

static unsigned pool_used;
/* the tables pg_map works on: root (physical) and 3 (Sv39) or 4 (Sv48) */
u64 *pg_root;
unsigned pg_levels;

/* a fresh zeroed table */
u64 *pg_alloc_table(void)
{
  if (pool_used >= TABLES)
    pg_env_error();
  volatile u64 *t = pg_pool[pool_used++];
  for (int i = 0; i < 512; i++)
    t[i] = 0;
  return (u64 *)t;
}

static u64 pte_table(u64 *t)
{
  return (((u64)t >> 12) << 10) | PTE_V;
}

static u64 *pte_to_table(u64 pte)
{
  return (u64 *)(((pte & PTE_PPN_MASK) >> 10) << 12);
}

/* Address of the PTE that maps va at the given level (0 = 4 KiB, 1 = 2 MiB,
 * 2 = 1 GiB, 3 = 512 GiB), creating the tables above it as needed. A
 * missing or leaf PTE on the way is replaced by a pointer to a new table. */
u64 *pg_pte(u64 va, unsigned level)
{
  u64 *t = pg_root;
  for (unsigned i = pg_levels - 1; i > level; i--) {
    u64 *p = &t[(va >> (12 + 9 * i)) & 511];
    if (!(*p & PTE_V) || (*p & (PTE_R | PTE_W | PTE_X)))
      *p = pte_table(pg_alloc_table());
    t = pte_to_table(*p);
  }
  return &t[(va >> (12 + 9 * level)) & 511];
}

/* Map va -> pa with flags at a level; returns the PTE's address. */
u64 *pg_map(u64 va, u64 pa, u64 flags, unsigned level)
{
  u64 *p = pg_pte(va, level);
  *p = ((pa >> 12) << 10) | flags;
  return p;
}

/* Write a raw PTE value for va at a level; returns its address. */
u64 *pg_set_pte(u64 va, u64 pte, u64 unused, unsigned level)
{
  (void)unused;
  u64 *p = pg_pte(va, level);
  *p = pte;
  return p;
}

/* Address of the next-level table under the non-leaf PTE for va at
 * level (> 0), e.g. to make it point elsewhere. */
u64 *pg_table_of(u64 va, unsigned level)
{
  return pte_to_table(*pg_pte(va, level));
}

/* New tables with 3 (Sv39) or 4 (Sv48) levels holding only the identity
 * 1 GiB page 0x80000000 (R|W|X|A|D, global); they become the tables pg_map
 * works on. Returns the satp value that selects them (ASID 0). */
u64 pg_new_root(unsigned levels)
{
  pg_levels = levels;
  pg_root = pg_alloc_table();
  pg_map(0x80000000ull, 0x80000000ull, PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D, 2);
  return ((u64)(levels == 4 ? 9 : 8) << SATP_MODE_SHIFT) | ((u64)pg_root >> 12);
}

/* Make the tables selected by a satp value the ones pg_map works on. */
void pg_use_root(u64 satp)
{
  pg_levels = (satp >> SATP_MODE_SHIFT) == 9 ? 4 : 3;
  pg_root = (u64 *)((satp & 0xfffffffffffull) << 12);
}
