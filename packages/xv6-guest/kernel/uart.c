// The 16550 UART: interrupt-driven output through a small ring, and
// received bytes handed to the console.

#include "kernel.h"

#define UREG(r) ((volatile uchar *)(UART0 + (r)))
#define RHR 0        // receive holding (read)
#define THR 0        // transmit holding (write)
#define DLL 0        // divisor latch low (DLAB=1)
#define IER 1        // interrupt enable
#define DLM 1        // divisor latch high (DLAB=1)
#define FCR 2        // FIFO control (write)
#define LCR 3        // line control
#define LSR 5        // line status

#define IER_RX       0x01
#define IER_TX       0x02
#define FCR_ENABLE   0x01
#define FCR_CLEAR    0x06
#define LCR_8BIT     0x03
#define LCR_DLAB     0x80
#define LSR_RXREADY  0x01
#define LSR_TXIDLE   0x20

#define rd(r)     (*UREG(r))
#define wr(r, v)  (*UREG(r) = (v))

static struct spinlock tx_lock;
#define TXSIZE 64
static char tx_ring[TXSIZE];
static uint64 tx_head;   // next byte to send
static uint64 tx_tail;   // next free slot

static void uart_kick(void);

void
uart_init(void)
{
  wr(IER, 0);
  wr(LCR, LCR_DLAB);
  wr(DLL, 3);            // 38400 baud
  wr(DLM, 0);
  wr(LCR, LCR_8BIT);
  wr(FCR, FCR_ENABLE | FCR_CLEAR);
  wr(IER, IER_RX | IER_TX);
  lock_init(&tx_lock, "uart");
}

// Queue one byte for output, sleeping while the ring is full. Not for
// interrupt handlers.
void
uart_putc(int c)
{
  acquire(&tx_lock);
  if(panicked)
    for(;;)
      ;
  while(tx_tail - tx_head == TXSIZE)
    sleep(&tx_head, &tx_lock);
  tx_ring[tx_tail++ % TXSIZE] = c;
  uart_kick();
  release(&tx_lock);
}

// Send one byte right now, busy-waiting; for printf and echo.
void
uart_putc_sync(int c)
{
  push_off();
  if(panicked)
    for(;;)
      ;
  while((rd(LSR) & LSR_TXIDLE) == 0)
    ;
  wr(THR, c);
  pop_off();
}

// Move bytes from the ring to the transmitter while it has room.
// Caller holds tx_lock.
static void
uart_kick(void)
{
  while(tx_head != tx_tail && (rd(LSR) & LSR_TXIDLE)){
    wr(THR, tx_ring[tx_head++ % TXSIZE]);
    wakeup(&tx_head);
  }
}

// The UART interrupted: input arrived, or it is ready for more output.
void
uart_intr(void)
{
  while(rd(LSR) & LSR_RXREADY)
    console_intr(rd(RHR));
  acquire(&tx_lock);
  uart_kick();
  release(&tx_lock);
}
