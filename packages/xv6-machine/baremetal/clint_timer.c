/* clint_timer: M-mode interrupts from the CLINT.
 *
 * First a machine software interrupt: msip[0] = 1 raises it, the handler
 * clears it. Then five machine timer interrupts, 10 ms of mtime apart
 * (mtime runs at 10 MHz): each handler checks mtime has reached mtimecmp,
 * prints "tick k" and moves mtimecmp on; the fifth switches the timer off.
 * Finally mip.MTIP is checked to follow mtimecmp with the interrupt
 * disabled. Nothing printed depends on speed. */
#include "rt.h"

#define INTERVAL 100000 /* 10 ms at 10 MHz */
#define TICKS 5

static volatile int ticks;
static volatile int soft;

M_TRAP static void m_trap(void)
{
  u64 cause = csr_read(mcause);
  if (cause == (CAUSE_INTR | 3)) {
    puts("software interrupt: msip = ");
    putdec(rd32(CLINT_MSIP(0)));
    wr32(CLINT_MSIP(0), 0);
    puts(", cleared to ");
    putdec(rd32(CLINT_MSIP(0)));
    puts(", mip.MSIP = ");
    putdec((csr_read(mip) & MIP_MSIP) != 0);
    putc('\n');
    soft = 1;
  } else if (cause == (CAUSE_INTR | 7)) {
    u64 now = rd64(CLINT_MTIME);
    u64 cmp = rd64(CLINT_MTIMECMP(0));
    int k = ++ticks;
    puts("tick ");
    putdec(k);
    puts(now >= cmp ? " (mtime >= mtimecmp)\n" : " EARLY: mtime < mtimecmp\n");
    if (k < TICKS) {
      wr64(CLINT_MTIMECMP(0), cmp + INTERVAL);
    } else {
      wr64(CLINT_MTIMECMP(0), ~0UL);
      csr_clear(mie, MIP_MTIP);
    }
  } else {
    puts("unexpected trap: mcause ");
    puthex(cause);
    putc('\n');
    poweroff(3);
  }
}

/* Waits (bounded) for the mip bit to become `want`; returns whether it did. */
static int mip_becomes(u64 bit, int want)
{
  for (int i = 0; i < 100000; i++)
    if (((csr_read(mip) & bit) != 0) == want)
      return 1;
  return 0;
}

int main(void)
{
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_8N1);
  puts("clint_timer: M-mode interrupts from the CLINT\n");

  u64 t0 = rd64(CLINT_MTIME);
  int advances = 0;
  for (int i = 0; i < 1000000 && !advances; i++)
    advances = rd64(CLINT_MTIME) != t0;
  puts(advances ? "mtime advances\n" : "mtime is stuck\n");
  u64 a = rd64(CLINT_MTIME), t = csr_read(time), b = rd64(CLINT_MTIME);
  puts(a <= t && t <= b ? "time CSR agrees with mtime\n" : "time CSR disagrees with mtime\n");

  csr_write(mtvec, (u64)m_trap);
  csr_set(mie, MIP_MSIP);
  wr32(CLINT_MSIP(0), 1);
  /* Sleep with interrupts masked, take them between sleeps: no wakeup is
   * lost between the test and the wfi. */
  while (!soft) {
    wfi();
    csr_set(mstatus, MSTATUS_MIE);
    csr_clear(mstatus, MSTATUS_MIE);
  }
  csr_clear(mie, MIP_MSIP);

  puts("timer: 5 ticks, 10 ms apart\n");
  wr64(CLINT_MTIMECMP(0), rd64(CLINT_MTIME) + INTERVAL);
  csr_set(mie, MIP_MTIP);
  while (ticks < TICKS) {
    wfi();
    csr_set(mstatus, MSTATUS_MIE);
    csr_clear(mstatus, MSTATUS_MIE);
  }
  puts("timer off after ");
  putdec(ticks);
  puts(" ticks\n");

  /* With MTIE off, mip.MTIP still shows mtime >= mtimecmp. */
  wr64(CLINT_MTIMECMP(0), 0);
  puts(mip_becomes(MIP_MTIP, 1) ? "mtimecmp = 0: mip.MTIP set\n" : "mtimecmp = 0: mip.MTIP NOT set\n");
  wr64(CLINT_MTIMECMP(0), ~0UL);
  puts(mip_becomes(MIP_MTIP, 0) ? "mtimecmp = max: mip.MTIP clear\n" : "mtimecmp = max: mip.MTIP NOT clear\n");

  /* RV32-style access in 32-bit halves. */
  wr32(CLINT_MTIMECMP(0) + 4, 0xffffffff);
  wr32(CLINT_MTIMECMP(0), 0x89abcdef);
  wr32(CLINT_MTIMECMP(0) + 4, 0x01234567);
  puts("mtimecmp written in halves reads ");
  puthex(rd64(CLINT_MTIMECMP(0)));
  puts(" (lo ");
  puthex(rd32(CLINT_MTIMECMP(0)));
  puts(", hi ");
  puthex(rd32(CLINT_MTIMECMP(0) + 4));
  puts(")\n");
  wr64(CLINT_MTIMECMP(0), ~0UL);
  puts("clint_timer: done\n");
  return 0;
}
