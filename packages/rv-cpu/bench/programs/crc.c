/* (c) A compiled C workload: CRC-32 over a buffer, then an insertion sort, checked for correctness. */
#include <stdint.h>

#define N 4096
static uint8_t buf[N];
static uint32_t keys[1024];
static uint32_t table[256];

void exit_pass(void);
void exit_fail(void);

static void make_table(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
}

static uint32_t crc32(const uint8_t *p, int n) {
  uint32_t c = 0xFFFFFFFFu;
  while (n-- > 0) c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

static void sort(uint32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    uint32_t v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

void start_c(void) {
  make_table();
  uint32_t seed = 12345;
  for (int i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    buf[i] = (uint8_t)(seed >> 16);
  }
  /* The CRC-32 of "123456789" is 0xCBF43926: a check that the workload computed what it should. */
  static const uint8_t check[] = "123456789";
  if (crc32(check, 9) != 0xCBF43926u) exit_fail();
  uint32_t acc = 0;
  for (int r = 0; r < 300; r++) {
    buf[r % N] ^= (uint8_t)acc;
    acc ^= crc32(buf, N);
  }
  for (int r = 0; r < 4; r++) {
    for (int i = 0; i < 1024; i++) {
      seed = seed * 1103515245u + 12345u + acc;
      keys[i] = seed;
    }
    sort(keys, 1024);
    for (int i = 1; i < 1024; i++)
      if (keys[i - 1] > keys[i]) exit_fail();
  }
  exit_pass();
}
