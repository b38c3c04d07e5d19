/* uart_out: polled UART output, a look at the 16550's registers and at the
 * device tree the board passes in a1, the receiver in loopback mode, then
 * power-off (pass). */
#include "rt.h"

static u32 be32(const u8 *p)
{
  return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/* Flattened device tree (devicetree specification v0.4, chapter 5). */
#define FDT_MAGIC      0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9

static int starts_with(const char *s, const char *prefix)
{
  while (*prefix)
    if (*s++ != *prefix++)
      return 0;
  return 1;
}

static const char *node_names[8];

/* Prints the properties this program checks, as it meets them. */
static void walk_fdt(const u8 *fdt)
{
  const u8 *structs = fdt + be32(fdt + 8);
  const char *strings = (const char *)fdt + be32(fdt + 12);
  u32 total = be32(fdt + 4);
  const u8 *p = structs;
  int depth = -1;
  int cpus = 0;
  for (;;) {
    if (p >= fdt + total) {
      puts("device tree: runs past its end\n");
      return;
    }
    u32 token = be32(p);
    p += 4;
    if (token == FDT_BEGIN_NODE) {
      const char *name = (const char *)p;
      depth++;
      if (depth < 8)
        node_names[depth] = name;
      if (depth == 2 && streq(node_names[1], "cpus") && starts_with(name, "cpu@"))
        cpus++;
      while (*p)
        p++;
      p = (const u8 *)(((uptr)p + 1 + 3) & ~3UL);
    } else if (token == FDT_END_NODE) {
      depth--;
    } else if (token == FDT_PROP) {
      u32 len = be32(p);
      const char *pname = strings + be32(p + 4);
      const u8 *val = p + 8;
      p = (const u8 *)(((uptr)val + len + 3) & ~3UL);
      if (depth == 0 && streq(pname, "model")) {
        puts("device tree: model ");
        puts((const char *)val);
        putc('\n');
      } else if (depth == 1 && starts_with(node_names[1], "memory@") && streq(pname, "reg") && len == 16) {
        puts("device tree: memory at ");
        puthex((u64)be32(val) << 32 | be32(val + 4));
        puts(", size ");
        puthex((u64)be32(val + 8) << 32 | be32(val + 12));
        putc('\n');
      } else if (depth == 1 && streq(node_names[1], "cpus") && streq(pname, "timebase-frequency")) {
        puts("device tree: timebase-frequency ");
        putdec(be32(val));
        putc('\n');
      } else if (depth == 2 && starts_with(node_names[2], "serial@10000000") && streq(pname, "interrupts")) {
        puts("device tree: serial@10000000 interrupt ");
        putdec(be32(val));
        putc('\n');
      }
    } else if (token == FDT_NOP) {
    } else if (token == FDT_END) {
      break;
    } else {
      puts("device tree: bad token\n");
      return;
    }
  }
  puts("device tree: ");
  putdec(cpus);
  puts(cpus == 1 ? " cpu\n" : " cpus\n");
}

#define MCR_DTR  0x01
#define MCR_RTS  0x02
#define MCR_OUT1 0x04
#define MCR_OUT2 0x08
#define MCR_LOOP 0x10
#define LSR_OE   0x02

/* Reads the receiver dry (at most 32 bytes) into buf. */
static void drain(char *buf)
{
  int n = 0;
  while (n < 32 && (uart_rd(UART_LSR) & LSR_DR))
    buf[n++] = (char)uart_rd(UART_RBR);
  buf[n] = 0;
}

static void show(const char *what, u8 lsr, const char *got)
{
  puts(what);
  puts(": lsr ");
  puthex(lsr);
  if (got) {
    puts(", received \"");
    puts(got);
    putc('"');
  }
  putc('\n');
}

/* In loopback mode the transmitter feeds the receiver and the modem
 * control outputs feed the modem status inputs (datasheet: CTS <- RTS,
 * DSR <- DTR, RI <- OUT1, DCD <- OUT2); nothing reaches the line, so the
 * results are printed after leaving it. */
static void loopback(void)
{
  u8 lsr[6], msr[4];
  char got[3][33];

  uart_wr(UART_FCR, 0);
  uart_wr(UART_MCR, MCR_LOOP);
  uart_wr(UART_THR, 'x');
  lsr[0] = uart_rd(UART_LSR);
  drain(got[0]);
  uart_wr(UART_THR, 'a');
  uart_wr(UART_THR, 'b');
  lsr[1] = uart_rd(UART_LSR);
  lsr[2] = uart_rd(UART_LSR); /* reading LSR cleared OE */
  drain(got[1]);

  uart_wr(UART_FCR, 0x07); /* enable, clear both FIFOs */
  for (const char *s = "0123456789abcdefXY"; *s; s++)
    uart_wr(UART_THR, (u8)*s);
  lsr[3] = uart_rd(UART_LSR);
  drain(got[2]);
  uart_wr(UART_THR, 'q');
  lsr[4] = uart_rd(UART_LSR);
  uart_wr(UART_FCR, 0); /* leaving FIFO mode clears the FIFOs */
  lsr[5] = uart_rd(UART_LSR);

  static const u8 outputs[] = {MCR_DTR, MCR_RTS, MCR_OUT1, MCR_OUT2};
  for (int i = 0; i < 4; i++) {
    uart_wr(UART_MCR, MCR_LOOP | outputs[i]);
    msr[i] = uart_rd(UART_MSR) & 0xf0;
  }
  uart_wr(UART_MCR, 0);
  while (uart_rd(UART_LSR) & LSR_DR)
    (void)uart_rd(UART_RBR);

  show("loopback, no FIFO, 'x' sent", lsr[0], got[0]);
  show("loopback, no FIFO, 'a' and 'b' sent (overrun)", lsr[1], 0);
  show("  read again", lsr[2], got[1]);
  show("loopback, FIFO on, 18 bytes sent (overrun)", lsr[3], got[2]);
  show("loopback, FIFO on, 'q' sent", lsr[4], 0);
  show("  FIFO turned off", lsr[5], 0);
  static const char *const names[] = {"DTR", "RTS", "OUT1", "OUT2"};
  for (int i = 0; i < 4; i++) {
    puts("loopback, MCR ");
    puts(names[i]);
    puts(": msr high nibble ");
    puthex(msr[i]);
    putc('\n');
  }
}

int main(u64 hartid, const u8 *dtb)
{
  /* 8 data bits, no parity, one stop bit; the divisor latch holds 3 (38400
   * baud from a 1.8432 MHz clock); no FIFO, no interrupts. */
  uart_wr(UART_IER, 0);
  uart_wr(UART_LCR, LCR_DLAB);
  uart_wr(UART_DLL, 3);
  uart_wr(UART_DLM, 0);
  uart_wr(UART_LCR, LCR_8N1);
  uart_wr(UART_FCR, 0);

  puts("uart_out: hello from bare metal\n");
  puts("hart ");
  putdec(hartid);
  putc('\n');

  uart_wr(UART_LCR, LCR_DLAB | LCR_8N1);
  u8 dll = uart_rd(UART_DLL), dlm = uart_rd(UART_DLM);
  uart_wr(UART_LCR, LCR_8N1);
  puts("divisor latch: ");
  putdec(dlm << 8 | dll);
  puts(", lcr ");
  puthex(uart_rd(UART_LCR));
  putc('\n');
  uart_wr(UART_SCR, 0x5a);
  u8 scr1 = uart_rd(UART_SCR);
  uart_wr(UART_SCR, 0xa5);
  u8 scr2 = uart_rd(UART_SCR);
  puts("scratch: ");
  puthex(scr1);
  puts(" ");
  puthex(scr2);
  putc('\n');
  puts("ier ");
  puthex(uart_rd(UART_IER));
  puts(", iir ");
  puthex(uart_rd(UART_IIR));
  puts(", lsr ");
  puthex(uart_rd(UART_LSR));
  putc('\n');

  if (dtb && be32(dtb) == FDT_MAGIC)
    walk_fdt(dtb);
  else
    puts("device tree: none\n");

  loopback();

  puts("printable:");
  for (int c = 0x20; c < 0x7f; c++) {
    if ((c & 31) == 0)
      puts("\n  ");
    putc((char)c);
  }
  putc('\n');
  for (int i = 1; i <= 3; i++) {
    puts("line ");
    putdec(i);
    puts(" of 3\n");
  }
  puts("uart_out: done\n");
  return 0;
}
