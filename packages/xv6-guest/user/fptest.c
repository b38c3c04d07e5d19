// fptest: float and double in user programs, and FP registers kept per
// process across traps, context switches and fork.
//
// Prints computed values (bits in hex and a decimal rendering done with
// FP arithmetic) one per line, then checks that processes running FP
// loops side by side each get their own registers back. Built with
// -DHOST, the same file runs natively on the host, which is how the tests
// compare its output with the host's IEEE arithmetic.

#ifdef HOST
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
typedef uint64_t uint64;
typedef uint32_t uint32;
#else
#include "kernel/types.h"
#include "user/user.h"
#endif

static void
out(const char *s)
{
  int n = 0;
  while(s[n])
    n++;
  write(1, s, n);
}

static void
out_hex(uint64 v, int digits)
{
  char b[17];
  for(int i = digits - 1; i >= 0; i--){
    b[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  b[digits] = 0;
  out(b);
}

static void
out_dec(uint64 v)
{
  char b[21];
  int i = 20;
  b[i] = 0;
  do {
    b[--i] = '0' + v % 10;
    v /= 10;
  } while(v);
  out(b + i);
}

// Nine digits after the point, truncated: each digit comes from a
// multiply by ten and a conversion, so the text itself is FP work.
static void
out_fixed(double v)
{
  if(v != v){
    out("nan");
    return;
  }
  if(v < 0 || (v == 0 && 1 / v < 0)){
    out("-");
    v = -v;
  }
  if(v > 1e18){
    out("inf-or-huge");
    return;
  }
  uint64 whole = (uint64)v;
  out_dec(whole);
  out(".");
  double frac = v - (double)whole;
  for(int i = 0; i < 9; i++){
    frac *= 10;
    int d = (int)frac;
    char c[2] = { (char)('0' + d), 0 };
    out(c);
    frac -= d;
  }
}

static void
show_d(const char *name, double v)
{
  union { double d; uint64 u; } b = { v };
  out(name);
  out(" = ");
  out_hex(b.u, 16);
  out(" ");
  out_fixed(v);
  out("\n");
}

static void
show_f(const char *name, float v)
{
  union { float f; uint32 u; } b = { v };
  out(name);
  out(" = ");
  out_hex(b.u, 8);
  out(" ");
  out_fixed(v);
  out("\n");
}

static void
show_i(const char *name, long v)
{
  out(name);
  out(" = ");
  out_hex((uint64)v, 16);
  out("\n");
}

// Inputs the compiler cannot fold: every operation happens at run time.
static volatile double vd[] = { 1.0, 3.0, 0.1, 1e308, 2.5e-308, -7.75, 0.0, 2.0 };
static volatile float vf[] = { 1.0f, 3.0f, 0.1f, 3e38f, 1e-38f, -7.75f, 0.0f, 2.0f };
static volatile long vi[] = { 123456789012345L, -42, 1L << 53 | 1 };

static void
values(void)
{
  double one = vd[0], three = vd[1], tenth = vd[2], big = vd[3];
  double tiny = vd[4], neg = vd[5], zero = vd[6], two = vd[7];
  show_d("d 1/3", one / three);
  show_d("d 0.1*3", tenth * three);
  show_d("d 0.1+0.1+0.1", tenth + tenth + tenth);
  show_d("d sqrt 2", __builtin_sqrt(two));
  show_d("d fma(0.1,3,-0.3)", __builtin_fma(tenth, three, -(tenth * three)));
  show_d("d big*10", big * 10);
  show_d("d tiny/1e10", tiny / 1e10);
  show_d("d -7.75/0", neg / zero);
  show_d("d 0/0", zero / zero);
  show_d("d -0*1", -zero * one);
  show_d("d (double)long", (double)vi[0]);
  show_d("d (double)(2^53+1)", (double)vi[2]);
  show_i("l (long)-7.75", (long)neg);
  show_i("l (long)(1e10/3)", (long)(1e10 / three));
  show_i("d < ", (long)(tenth * three < 0.3));
  show_i("d ==", (long)(tenth + tenth == 0.2));

  float fone = vf[0], fthree = vf[1], ftenth = vf[2], fbig = vf[3];
  float ftiny = vf[4], fneg = vf[5], fzero = vf[6], ftwo = vf[7];
  show_f("f 1/3", fone / fthree);
  show_f("f 0.1*3", ftenth * fthree);
  show_f("f sqrt 2", __builtin_sqrtf(ftwo));
  show_f("f fma(0.1,3,-0.3)", __builtin_fmaf(ftenth, fthree, -(ftenth * fthree)));
  show_f("f big*10", fbig * 10);
  show_f("f tiny/1e6", ftiny / 1e6f);
  show_f("f -7.75/0", fneg / fzero);
  show_f("f (float)long", (float)vi[0]);
  show_f("f (float)(1/3.0)", (float)(one / three));
  show_d("d (double)(1/3.0f)", (double)(fone / fthree));
  show_i("i (int)-7.75f", (int)fneg);
  show_i("u (unsigned)(3e9f)", (long)(unsigned)(3e9f + fzero));

  // A short series: many dependent operations, one printed result.
  double pi = 0;
  for(int k = 0; k < 100000; k++)
    pi += (k & 1 ? -4.0 : 4.0) / (2 * k + 1);
  show_d("d leibniz(1e5)", pi);
  float e = 1, term = 1;
  for(int k = 1; k < 20; k++){
    term /= k;
    e += term;
  }
  show_f("f e", e);
}

// Each process runs a recurrence that keeps values in FP registers for
// its whole length, with system calls inside and time slices ending
// wherever they end; the result must not depend on what ran between.
static double
churn(int seed, int rounds)
{
  double a = 1.0 + seed / 8.0, b = 0.5 / (seed + 1), c = seed;
  float s = (float)seed;
  for(int i = 0; i < rounds; i++){
    a = a * 1.0000001 + b;
    b = __builtin_sqrt(a) * 0.001 + c * 1e-9;
    c = c - b / (a + 1);
    s = s * 0.999f + (float)b;
    if(i % 2000 == 0)
      getpid();
  }
  return a + b + c + s;
}

static int
contexts(void)
{
  enum { KIDS = 5, ROUNDS = 60000 };
  int fds[KIDS][2];
  for(int k = 0; k < KIDS; k++){
    if(pipe(fds[k]) < 0)
      return -1;
    int pid = fork();
    if(pid < 0)
      return -1;
    if(pid == 0){
      double r = churn(k, ROUNDS);
      write(fds[k][1], &r, sizeof(r));
      exit(0);
    }
  }
  int bad = 0;
  for(int k = 0; k < KIDS; k++){
    double got = 0;
    if(read(fds[k][0], &got, sizeof(got)) != sizeof(got))
      bad++;
    else if(got != churn(k, ROUNDS))
      bad++;
    close(fds[k][0]);
    close(fds[k][1]);
  }
  for(int k = 0; k < KIDS; k++)
    wait(0);
  return bad;
}

// Registers set before fork are the child's too.
static int
inherited(void)
{
  volatile double keep = vd[2] * vd[1];
  register double live = keep;
  int pid = fork();
  if(pid == 0)
    exit(live == vd[2] * vd[1] ? 0 : 1);
  int status = -1;
  wait(&status);
#ifdef HOST
  status = WEXITSTATUS(status);
#endif
  return status;
}

int
main(void)
{
  values();
  int bad = contexts();
  out(bad == 0 ? "fp contexts: ok\n" : "fp contexts: FAILED\n");
  int inh = inherited();
  out(inh == 0 ? "fp fork: ok\n" : "fp fork: FAILED\n");
  exit(bad == 0 && inh == 0 ? 0 : 1);
}
