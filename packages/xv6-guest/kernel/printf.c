// Kernel printf and panic.

#include "kernel.h"
#include <stdarg.h>

volatile int panicked = 0;

static struct {
  struct spinlock lock;
  int use_lock;
} pr;

static const char hexdigits[] = "0123456789abcdef";

static void
print_number(uint64 x, int base, int is_signed)
{
  char tmp[24];
  int n = 0;
  int neg = 0;
  if(is_signed && (long)x < 0){
    neg = 1;
    x = -(long)x;
  }
  do {
    tmp[n++] = hexdigits[x % base];
    x /= base;
  } while(x != 0);
  if(neg)
    tmp[n++] = '-';
  while(n > 0)
    console_putc(tmp[--n]);
}

// Understands %d %u %x %p %s %c %%, with an optional l or ll on the
// integer conversions.
int
printf(const char *fmt, ...)
{
  va_list ap;
  int locked = pr.use_lock;
  if(locked)
    acquire(&pr.lock);

  va_start(ap, fmt);
  for(int i = 0; fmt[i]; i++){
    if(fmt[i] != '%'){
      console_putc(fmt[i]);
      continue;
    }
    i++;
    int lng = 0;
    while(fmt[i] == 'l'){
      lng = 1;
      i++;
    }
    char c = fmt[i];
    if(c == 0)
      break;
    switch(c){
    case 'd':
      print_number(lng ? va_arg(ap, long) : va_arg(ap, int), 10, 1);
      break;
    case 'u':
      print_number(lng ? va_arg(ap, uint64) : va_arg(ap, uint), 10, 0);
      break;
    case 'x':
      print_number(lng ? va_arg(ap, uint64) : va_arg(ap, uint), 16, 0);
      break;
    case 'p': {
      uint64 p = va_arg(ap, uint64);
      console_putc('0');
      console_putc('x');
      for(int k = 60; k >= 0; k -= 4)
        console_putc(hexdigits[(p >> k) & 0xf]);
      break;
    }
    case 'c':
      console_putc(va_arg(ap, int));
      break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      if(s == 0)
        s = "(null)";
      while(*s)
        console_putc(*s++);
      break;
    }
    case '%':
      console_putc('%');
      break;
    default:
      console_putc('%');
      console_putc(c);
      break;
    }
  }
  va_end(ap);

  if(locked)
    release(&pr.lock);
  return 0;
}

void
panic(const char *s)
{
  pr.use_lock = 0;
  printf("panic: %s\n", s);
  panicked = 1;   // freezes output from the other harts
  for(;;)
    ;
}

void
printf_init(void)
{
  lock_init(&pr.lock, "printf");
  pr.use_lock = 1;
}
