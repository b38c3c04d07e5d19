/* uart_irq_out: interrupt-driven output with the 16550's THR-empty
 * interrupt (IER bit 1), taken in M-mode through PLIC context 0.
 *
 * Phase 1, FIFOs off: the handler writes one byte per interrupt.
 * Phase 2, FIFOs on: the handler writes up to 16 bytes per interrupt (the
 * transmit FIFO's depth, which the datasheet allows once THRE is
 * signalled). After the last byte the handler turns the interrupt off.
 * Output is polled only while the THR interrupt is off.
 *
 * First, with interrupts off at the hart, it checks the PLIC by hand: a
 * claim with nothing pending, a threshold that masks the source, and a
 * claim and completion by polling. */
#include "rt.h"

#define CTX_M 0

static const char text[] =
  "It is a truth universally acknowledged, that a bare-metal program in\n"
  "possession of a UART must be in want of an interrupt handler.\n"
  "  0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\n"
  "  !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n"
  "Each byte of these lines left the transmitter holding register\n"
  "because an interrupt said that it was empty.\n";

static const char *next;
static int burst;
static volatile int done;

M_TRAP static void m_trap(void)
{
  if (csr_read(mcause) != (CAUSE_INTR | 11))
    fail("unexpected trap");
  u32 irq = rd32(PLIC_CLAIM(CTX_M));
  if (irq == UART_IRQ) {
    u8 iir = uart_rd(UART_IIR);
    if ((iir & IIR_ID_MASK) == IIR_THRE && !done) {
      for (int i = 0; i < burst && *next; i++)
        uart_wr(UART_THR, (u8)*next++);
      if (!*next) {
        uart_wr(UART_IER, 0);
        done = 1;
      }
    }
  } else if (irq != 0) {
    fail("unexpected PLIC source");
  }
  if (irq)
    wr32(PLIC_CLAIM(CTX_M), irq);
}

static u32 pending10(void) { return (rd32(PLIC_PENDING(0)) >> UART_IRQ) & 1; }
static u32 meip(void) { return (csr_read(mip) & MIP_MEIP) != 0; }

/* Waits (bounded) for mip.MEIP to become `want`. */
static u32 meip_becomes(u32 want)
{
  for (int i = 0; i < 100000; i++)
    if (meip() == want)
      break;
  return meip();
}

/* Every value is taken first and printed afterwards: printing writes the
 * THR, which would raise the THR-empty interrupt again. */
static void plic_by_hand(void)
{
  u32 v[12] = {0};
  wr32(PLIC_PRIORITY(UART_IRQ), 1);
  wr32(PLIC_ENABLE(CTX_M), 1u << UART_IRQ);
  wr32(PLIC_THRESHOLD(CTX_M), 1);
  v[0] = rd32(PLIC_CLAIM(CTX_M));
  uart_wr(UART_IER, IER_THRE);
  v[1] = pending10();
  v[2] = meip_becomes(0);
  /* (Whether lowering the line clears the pending bit is left alone: the
   * PLIC spec says only a claim does, and QEMU changed to that in 2024.) */
  uart_wr(UART_IER, 0);
  wr32(PLIC_THRESHOLD(CTX_M), 0);
  uart_wr(UART_IER, IER_THRE);
  v[4] = pending10();
  v[5] = meip_becomes(1);
  v[6] = rd32(PLIC_CLAIM(CTX_M));
  v[7] = pending10();
  v[8] = meip_becomes(0);
  /* Reading IIR reports THR empty and clears that interrupt (datasheet). */
  v[9] = uart_rd(UART_IIR);
  v[10] = uart_rd(UART_IIR);
  wr32(PLIC_CLAIM(CTX_M), v[6]);
  v[11] = meip_becomes(0);
  uart_wr(UART_IER, 0);

  puts("plic: claim with nothing pending: ");
  putdec(v[0]);
  puts("\nplic: priority 1, threshold 1, THR-empty raised: pending ");
  putdec(v[1]);
  puts(", mip.MEIP ");
  putdec(v[2]);
  puts("\nplic: threshold 0, THR-empty raised: pending ");
  putdec(v[4]);
  puts(", mip.MEIP ");
  putdec(v[5]);
  puts("\nplic: claim ");
  putdec(v[6]);
  puts(", then pending ");
  putdec(v[7]);
  puts(", mip.MEIP ");
  putdec(v[8]);
  puts("\nuart: iir ");
  puthex(v[9]);
  puts(", then ");
  puthex(v[10]);
  puts("\nplic: completed, mip.MEIP ");
  putdec(v[11]);
  putc('\n');
}

static void send(int per_interrupt)
{
  next = text;
  burst = per_interrupt;
  done = 0;
  uart_wr(UART_IER, IER_THRE); /* THR is empty: this raises the interrupt */
  while (!done) {
    wfi();
    csr_set(mstatus, MSTATUS_MIE);
    csr_clear(mstatus, MSTATUS_MIE);
  }
  while (!(uart_rd(UART_LSR) & LSR_TEMT))
    ;
}

int main(void)
{
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_8N1);
  uart_wr(UART_FCR, 0);
  puts("uart_irq_out: THR-empty interrupts through PLIC context 0\n");
  plic_by_hand();

  puts("uart_irq_out: phase 1, no FIFO, one byte per THR-empty interrupt\n");
  wr32(PLIC_THRESHOLD(CTX_M), 0);
  csr_write(mtvec, (u64)m_trap);
  csr_set(mie, MIP_MEIP);
  send(1);

  puts("uart_irq_out: phase 2, FIFO on, 16 bytes per THR-empty interrupt\n");
  uart_wr(UART_FCR, 0x07); /* enable, clear both FIFOs */
  send(16);
  puts("iir with FIFO on and no interrupt: ");
  puthex(uart_rd(UART_IIR));
  putc('\n');
  uart_wr(UART_FCR, 0);
  puts("uart_irq_out: done\n");
  return 0;
}
