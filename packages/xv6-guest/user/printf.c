// printf for user programs. Output is gathered in a buffer and written
// with as few write() calls as possible.

#include "kernel/types.h"
#include "kernel/stat.h"
#include "user/user.h"
#include <stdarg.h>

struct out {
  int fd;
  int n;
  char buf[128];
};

static void
flush(struct out *o)
{
  if(o->n > 0)
    write(o->fd, o->buf, o->n);
  o->n = 0;
}

static void
put(struct out *o, char c)
{
  if(o->n == sizeof(o->buf))
    flush(o);
  o->buf[o->n++] = c;
}

static const char ldigits[] = "0123456789abcdef";

static void
put_number(struct out *o, uint64 x, int base, int is_signed)
{
  char tmp[24];
  int n = 0, neg = 0;
  if(is_signed && (long)x < 0){
    neg = 1;
    x = -(long)x;
  }
  do {
    tmp[n++] = ldigits[x % base];
    x /= base;
  } while(x);
  if(neg)
    tmp[n++] = '-';
  while(n > 0)
    put(o, tmp[--n]);
}

// %d %u %x %p %s %c %%, with l / ll on the integer conversions.
static void
vprintf(int fd, const char *fmt, va_list ap)
{
  struct out o;
  o.fd = fd;
  o.n = 0;
  for(int i = 0; fmt[i]; i++){
    char c = fmt[i];
    if(c != '%'){
      put(&o, c);
      continue;
    }
    int lng = 0;
    while(fmt[i + 1] == 'l'){
      lng = 1;
      i++;
    }
    c = fmt[++i];
    if(c == 0)
      break;
    switch(c){
    case 'd':
      put_number(&o, lng ? va_arg(ap, long) : va_arg(ap, int), 10, 1);
      break;
    case 'u':
      put_number(&o, lng ? va_arg(ap, uint64) : va_arg(ap, uint), 10, 0);
      break;
    case 'x':
      put_number(&o, lng ? va_arg(ap, uint64) : va_arg(ap, uint), 16, 0);
      break;
    case 'p': {
      uint64 p = va_arg(ap, uint64);
      put(&o, '0');
      put(&o, 'x');
      for(int k = 60; k >= 0; k -= 4)
        put(&o, ldigits[(p >> k) & 0xf]);
      break;
    }
    case 'c':
      put(&o, va_arg(ap, int));
      break;
    case 's': {
      const char *s = va_arg(ap, const char *);
      if(s == 0)
        s = "(null)";
      while(*s)
        put(&o, *s++);
      break;
    }
    case '%':
      put(&o, '%');
      break;
    default:
      put(&o, '%');
      put(&o, c);
      break;
    }
  }
  flush(&o);
}

void
fprintf(int fd, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vprintf(fd, fmt, ap);
  va_end(ap);
}

void
printf(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vprintf(1, fmt, ap);
  va_end(ap);
}
