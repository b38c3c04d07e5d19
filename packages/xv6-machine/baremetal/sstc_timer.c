/* sstc_timer: the S-mode timer of the Sstc extension.
 *
 * M-mode enables it (menvcfg.STCE), lets S-mode read time (mcounteren.TM),
 * delegates the supervisor timer and software interrupts (mideleg STIP,
 * SSIP), opens physical memory with PMP entry 0 and drops to S-mode.
 * S-mode takes a software interrupt it raises itself (sip.SSIP), then five
 * timer interrupts programmed through stimecmp (CSR 0x14d), 10 ms of time
 * apart, and asks M-mode to power off with an ecall (not delegated). */
#include "rt.h"

#define CSR_STIMECMP "0x14d"
#define CSR_MENVCFG  "0x30a"
#define MENVCFG_STCE (1UL << 63)
#define MCOUNTEREN_TM (1UL << 1)
#define INTERVAL 100000 /* 10 ms at 10 MHz */
#define TICKS 5

static inline u64 read_stimecmp(void)
{
  u64 v;
  __asm__ volatile("csrr %0, " CSR_STIMECMP : "=r"(v));
  return v;
}

static inline void write_stimecmp(u64 v)
{
  __asm__ volatile("csrw " CSR_STIMECMP ", %0" : : "r"(v));
}

static volatile int ticks;
static volatile int soft;
static volatile int exit_code = -1; /* set by S-mode before its ecall */

S_TRAP static void s_trap(void)
{
  u64 cause = csr_read(scause);
  if (cause == (CAUSE_INTR | 1)) {
    csr_clear(sip, MIP_SSIP);
    puts("S-mode: supervisor software interrupt\n");
    soft = 1;
  } else if (cause == (CAUSE_INTR | 5)) {
    u64 now = csr_read(time);
    u64 cmp = read_stimecmp();
    int k = ++ticks;
    puts("S-mode: tick ");
    putdec(k);
    puts(now >= cmp ? " (time >= stimecmp)\n" : " EARLY: time < stimecmp\n");
    /* Writing stimecmp is what clears STIP. */
    write_stimecmp(k < TICKS ? cmp + INTERVAL : ~0UL);
  } else {
    puts("S-mode: unexpected trap: scause ");
    puthex(cause);
    puts(" sepc ");
    puthex(csr_read(sepc));
    putc('\n');
    poweroff(3);
  }
}

M_TRAP static void m_trap(void)
{
  u64 cause = csr_read(mcause);
  if (cause == 9) { /* environment call from S-mode */
    puts("M-mode: ecall from S-mode, exit code ");
    putdec(exit_code);
    puts(", mstatus.MPP = ");
    putdec((csr_read(mstatus) & MSTATUS_MPP_MASK) >> 11);
    putc('\n');
    puts("sstc_timer: done\n");
    poweroff(exit_code);
  }
  puts("M-mode: unexpected trap: mcause ");
  puthex(cause);
  puts(" mepc ");
  puthex(csr_read(mepc));
  puts(" mtval ");
  puthex(csr_read(mtval));
  putc('\n');
  poweroff(2);
}

/* Sleep with interrupts masked and take them between sleeps, so no wakeup
 * is lost between the test and the wfi. */
static void s_wait(volatile int *flag, int until)
{
  while (*flag < until) {
    wfi();
    csr_set(sstatus, MSTATUS_SIE);
    csr_clear(sstatus, MSTATUS_SIE);
  }
}

static void supervisor_main(void)
{
  puts("S-mode: running\n");
  csr_write(stvec, (u64)s_trap);

  csr_set(sie, MIP_SSIP);
  csr_set(sip, MIP_SSIP);
  s_wait(&soft, 1);

  write_stimecmp(~0UL);
  puts("S-mode: stimecmp = max, sip.STIP = ");
  putdec((csr_read(sip) & MIP_STIP) != 0);
  putc('\n');
  u64 t = csr_read(time);
  write_stimecmp(t + INTERVAL);
  puts(read_stimecmp() == t + INTERVAL ? "S-mode: stimecmp reads back\n" : "S-mode: stimecmp does NOT read back\n");
  puts("S-mode: 5 ticks, 10 ms apart\n");
  csr_set(sie, MIP_STIP);
  s_wait(&ticks, TICKS);
  csr_clear(sie, MIP_STIP);
  puts("S-mode: timer off after ");
  putdec(ticks);
  puts(" ticks\n");

  exit_code = 0;
  __asm__ volatile("ecall" : : : "memory");
  fail("ecall returned");
}

int main(void)
{
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_8N1);
  puts("sstc_timer: the Sstc supervisor timer\n");
  csr_write(mtvec, (u64)m_trap);

  u64 envcfg;
  __asm__ volatile("csrs " CSR_MENVCFG ", %1\n\tcsrr %0, " CSR_MENVCFG : "=r"(envcfg) : "r"(MENVCFG_STCE));
  puts("menvcfg.STCE = ");
  putdec(envcfg >> 63);
  putc('\n');
  csr_write(mcounteren, MCOUNTEREN_TM);
  csr_write(mideleg, MIP_SSIP | MIP_STIP);
  csr_write(medeleg, 0);
  puts("mideleg (supervisor bits) = ");
  puthex(csr_read(mideleg) & (MIP_SSIP | MIP_STIP | MIP_SEIP));
  putc('\n');
  csr_write(mie, 0);
  pmp_allow_all();
  csr_clear(mstatus, MSTATUS_SIE);
  enter_supervisor(supervisor_main);
}
