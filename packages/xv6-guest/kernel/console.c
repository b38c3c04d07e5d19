// The console: a line discipline over the UART, and device major 1.
// Input is edited a line at a time (backspace, ^U erases the line, ^D
// ends input, ^P lists processes); reads return whole lines.

#include "kernel.h"

#define CTRL(x) ((x) - '@')
#define BACKSPACE 0x100     // console_putc: erase the last character

static struct {
  struct spinlock lock;
#define LINEBUF 128
  char buf[LINEBUF];
  uint rd;    // next byte for read()
  uint done;  // end of the committed (readable) input
  uint edit;  // end of the line being edited
} in;

void
console_putc(int c)
{
  if(c == BACKSPACE){
    uart_putc_sync('\b');
    uart_putc_sync(' ');
    uart_putc_sync('\b');
  } else {
    uart_putc_sync(c);
  }
}

static int
console_write(int user_src, uint64 src, int n)
{
  int i;
  for(i = 0; i < n; i++){
    char c;
    if(either_copyin(&c, user_src, src + i, 1) < 0)
      break;
    uart_putc(c);
  }
  return i;
}

static int
console_read(int user_dst, uint64 dst, int n)
{
  int want = n;
  acquire(&in.lock);
  while(n > 0){
    while(in.rd == in.done){
      if(killed(myproc())){
        release(&in.lock);
        return -1;
      }
      sleep(&in.rd, &in.lock);
    }
    char c = in.buf[in.rd++ % LINEBUF];
    if(c == CTRL('D')){
      // End of file. If this read already got bytes, leave the ^D for
      // the next one, so that it returns 0.
      if(n < want)
        in.rd--;
      break;
    }
    if(either_copyout(user_dst, dst, &c, 1) < 0)
      break;
    dst++;
    n--;
    if(c == '\n')
      break;
  }
  release(&in.lock);
  return want - n;
}

// A byte arrived from the UART.
void
console_intr(int c)
{
  acquire(&in.lock);
  switch(c){
  case CTRL('P'):
    procdump();
    break;
  case CTRL('U'):
    while(in.edit != in.done && in.buf[(in.edit - 1) % LINEBUF] != '\n'){
      in.edit--;
      console_putc(BACKSPACE);
    }
    break;
  case CTRL('H'):
  case 0x7f:
    if(in.edit != in.done){
      in.edit--;
      console_putc(BACKSPACE);
    }
    break;
  default:
    if(c != 0 && in.edit - in.rd < LINEBUF){
      if(c == '\r')
        c = '\n';
      console_putc(c);
      in.buf[in.edit++ % LINEBUF] = c;
      if(c == '\n' || c == CTRL('D') || in.edit - in.rd == LINEBUF){
        in.done = in.edit;
        wakeup(&in.rd);
      }
    }
    break;
  }
  release(&in.lock);
}

void
console_init(void)
{
  lock_init(&in.lock, "console");
  uart_init();
  devsw[CONSOLE].read = console_read;
  devsw[CONSOLE].write = console_write;
}
