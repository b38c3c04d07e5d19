#include "rt.h"

void putc(char c)
{
  while (!(uart_rd(UART_LSR) & LSR_THRE))
    ;
  uart_wr(UART_THR, (u8)c);
}

void puts(const char *s)
{
  while (*s)
    putc(*s++);
}

void putdec(u64 v)
{
  char buf[24];
  int i = 0;
  do {
    buf[i++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (i)
    putc(buf[--i]);
}

static const char hexdigits[] = "0123456789abcdef";

void puthex_n(u64 v, int digits)
{
  for (int i = digits - 1; i >= 0; i--)
    putc(hexdigits[(v >> (4 * i)) & 15]);
}

void puthex(u64 v)
{
  int digits = 1;
  while (digits < 16 && (v >> (4 * digits)))
    digits++;
  puts("0x");
  puthex_n(v, digits);
}

void put_bytes(const u8 *p, int n)
{
  for (int i = 0; i < n; i++) {
    if (i)
      putc(' ');
    puthex_n(p[i], 2);
  }
}

int streq(const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

/* gcc may emit calls to these two even in freestanding code. */
void *memset(void *d, int c, unsigned long n)
{
  u8 *p = d;
  while (n--)
    *p++ = (u8)c;
  return d;
}

void *memcpy(void *d, const void *s, unsigned long n)
{
  u8 *p = d;
  const u8 *q = s;
  while (n--)
    *p++ = *q++;
  return d;
}

void pmp_allow_all(void)
{
  /* NAPOT with all address bits set covers the whole physical space. */
  csr_write(pmpaddr0, ~0UL >> 10);
  csr_write(pmpcfg0, 0x1f); /* A = NAPOT (3 << 3), X, W, R */
}

void enter_supervisor(void (*fn)(void))
{
  u64 s = csr_read(mstatus);
  s = (s & ~MSTATUS_MPP_MASK) | MSTATUS_MPP_S;
  csr_write(mstatus, s);
  csr_write(mepc, (u64)fn);
  __asm__ volatile("mret");
  __builtin_unreachable();
}

void poweroff(int code)
{
  while (!(uart_rd(UART_LSR) & LSR_TEMT))
    ;
  wr32(FINISHER, code == 0 ? 0x5555 : 0x3333 | ((u32)code << 16));
  for (;;)
    wfi();
}

void fail(const char *why)
{
  puts("FAIL: ");
  puts(why);
  putc('\n');
  poweroff(1);
}

/* mtvec until a program installs its own: any trap is a failure. */
M_TRAP void default_trap(void)
{
  puts("unexpected trap: mcause ");
  puthex(csr_read(mcause));
  puts(" mepc ");
  puthex(csr_read(mepc));
  puts(" mtval ");
  puthex(csr_read(mtval));
  putc('\n');
  poweroff(2);
}
