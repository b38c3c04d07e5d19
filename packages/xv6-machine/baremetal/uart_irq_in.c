/* uart_irq_in: interrupt-driven console input through the PLIC.
 *
 * Phase 1 takes UART interrupts (PLIC source 10) in M-mode through hart 0's
 * M context (0). The line "next" ends it: the handler turns the UART's RX
 * interrupt off, leaving any further input waiting in the UART. Phase 2
 * routes source 10 to the S context (1), delegates supervisor external
 * interrupts (mideleg.SEIP) and continues in S-mode, where the handler
 * echoes lines until "quit"; then it powers off from S-mode.
 *
 * Each handler reads every byte the UART holds (LSR.DR) before completing
 * the claim, so the interrupt line is low when the claim completes. Lines
 * end at CR or LF; empty lines are ignored. */
#include "rt.h"

#define CTX_M 0
#define CTX_S 1

static char line[80];
static int len;
static volatile int phase = 1;
static volatile int done;

/* Takes the bytes waiting in the UART; returns 1 when the phase's last
 * line ("next" or "quit") has been taken (the rest stay in the UART). */
static int take_input(const char *who, const char *last)
{
  while (uart_rd(UART_LSR) & LSR_DR) {
    char c = (char)uart_rd(UART_RBR);
    if (c == '\r' || c == '\n') {
      if (len == 0)
        continue;
      line[len] = 0;
      len = 0;
      puts(who);
      puts(" echo: ");
      puts(line);
      putc('\n');
      if (streq(line, last)) {
        uart_wr(UART_IER, 0);
        return 1;
      }
    } else if (len < (int)sizeof line - 1) {
      line[len++] = c;
    }
  }
  return 0;
}

M_TRAP static void m_trap(void)
{
  u64 cause = csr_read(mcause);
  if (cause != (CAUSE_INTR | 11))
    fail("M-mode: unexpected trap");
  u32 irq = rd32(PLIC_CLAIM(CTX_M));
  if (irq == UART_IRQ) {
    if (take_input("M-mode", "next"))
      phase = 2;
  } else if (irq != 0) {
    fail("M-mode: unexpected PLIC source");
  }
  if (irq)
    wr32(PLIC_CLAIM(CTX_M), irq);
}

S_TRAP static void s_trap(void)
{
  u64 cause = csr_read(scause);
  if (cause != (CAUSE_INTR | 9))
    fail("S-mode: unexpected trap");
  u32 irq = rd32(PLIC_CLAIM(CTX_S));
  if (irq == UART_IRQ) {
    if (take_input("S-mode", "quit"))
      done = 1;
  } else if (irq != 0) {
    fail("S-mode: unexpected PLIC source");
  }
  if (irq)
    wr32(PLIC_CLAIM(CTX_S), irq);
}

static void supervisor_main(void)
{
  puts("phase 2: S-mode, PLIC context 1, until \"quit\"\n");
  csr_write(stvec, (u64)s_trap);
  csr_set(sie, MIP_SEIP);
  /* Sleep with interrupts masked, take them between sleeps: no wakeup is
   * lost between the test and the wfi. */
  while (!done) {
    wfi();
    csr_set(sstatus, MSTATUS_SIE);
    csr_clear(sstatus, MSTATUS_SIE);
  }
  puts("uart_irq_in: done\n");
  poweroff(0);
}

int main(void)
{
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_8N1);
  puts("uart_irq_in: echoes typed lines\n");
  puts("phase 1: M-mode, PLIC context 0, until \"next\"\n");

  wr32(PLIC_PRIORITY(UART_IRQ), 1);
  wr32(PLIC_ENABLE(CTX_M), 1u << UART_IRQ);
  wr32(PLIC_THRESHOLD(CTX_M), 0);
  wr32(PLIC_ENABLE(CTX_S), 0);
  csr_write(mtvec, (u64)m_trap);
  csr_set(mie, MIP_MEIP);
  uart_wr(UART_IER, IER_RDA);
  while (phase == 1) {
    wfi();
    csr_set(mstatus, MSTATUS_MIE);
    csr_clear(mstatus, MSTATUS_MIE);
  }

  /* Hand source 10 to the S context and the interrupt to S-mode. */
  csr_clear(mie, MIP_MEIP);
  wr32(PLIC_ENABLE(CTX_M), 0);
  wr32(PLIC_ENABLE(CTX_S), 1u << UART_IRQ);
  wr32(PLIC_THRESHOLD(CTX_S), 0);
  csr_write(mideleg, MIP_SEIP);
  pmp_allow_all();
  /* Input waiting since "next" raises the interrupt as soon as RX
   * interrupts are on again; S-mode takes it once it enables SIE. */
  uart_wr(UART_IER, IER_RDA);
  csr_clear(mstatus, MSTATUS_SIE);
  enter_supervisor(supervisor_main);
}
