/* The CPU demo: prints through the HTIF console (device 1, command 1: putchar) and exits. */
#include <stdint.h>

extern volatile uint64_t tohost;
void exit_pass(void);

static void putchar_htif(char c) {
  while (tohost != 0) {
  }
  tohost = (1ull << 56) | (1ull << 48) | (uint8_t)c;
}

static void puts_htif(const char *s) {
  while (*s) putchar_htif(*s++);
}

static void put_number(uint64_t n) {
  char digits[24];
  int i = 0;
  do {
    digits[i++] = (char)('0' + n % 10);
    n /= 10;
  } while (n != 0);
  while (i > 0) putchar_htif(digits[--i]);
}

void start_c(void) {
  puts_htif("Hello from an emulated RV64IMAC hart!\n");
  puts_htif("The first primes, computed by the guest: ");
  int found = 0;
  for (uint64_t n = 2; found < 15; n++) {
    int prime = 1;
    for (uint64_t d = 2; d * d <= n; d++)
      if (n % d == 0) prime = 0;
    if (prime) {
      put_number(n);
      putchar_htif(++found < 15 ? ' ' : '\n');
    }
  }
  uint64_t cycles;
  __asm__ volatile("rdinstret %0" : "=r"(cycles));
  puts_htif("Instructions retired so far: ");
  put_number(cycles);
  puts_htif("\n(xv6 itself arrives with the machine and guest packages.)\n");
  while (tohost != 0) {
  }
  exit_pass();
}
