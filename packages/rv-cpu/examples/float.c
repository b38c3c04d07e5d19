/*
 * float and double in an ordinary C program: printf (picolibc's, on the guest) of values computed
 * in both precisions, in every rounding mode, with the IEEE exception flags each step raises.
 * Built with -DHOST the same file runs natively, and the tests compare the two outputs line by
 * line: both must be IEEE 754 arithmetic, so they must agree to the last bit.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef HOST
extern volatile uint64_t tohost;
void exit_pass(void);

static int htif_putc(char c, FILE *f) {
  (void)f;
  while (tohost != 0) {
  }
  tohost = (1ull << 56) | (1ull << 48) | (uint8_t)c;
  return (unsigned char)c;
}

static FILE htif = FDEV_SETUP_STREAM(htif_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &htif;
FILE *const stderr = &htif;
FILE *const stdin = &htif;
#endif

/* Operands the compiler cannot fold: every operation below happens at run time. */
static volatile double one = 1.0, two = 2.0, three = 3.0, ten = 10.0, tenth = 0.1, zero = 0.0;
static volatile float onef = 1.0f, threef = 3.0f, tenthf = 0.1f;

static uint64_t bits_d(double v) {
  uint64_t b;
  memcpy(&b, &v, sizeof b);
  return b;
}

static uint32_t bits_f(float v) {
  uint32_t b;
  memcpy(&b, &v, sizeof b);
  return b;
}

static void show_d(const char *name, double v) {
  if (isnan(v))
    printf("%-22s nan\n", name); /* a NaN's sign and payload are the machine's own */
  else
    printf("%-22s %.17g  %016llx\n", name, v, (unsigned long long)bits_d(v));
}

static void show_f(const char *name, float v) {
  if (isnan(v))
    printf("%-22s nan\n", name);
  else
    printf("%-22s %.9g  %08lx\n", name, (double)v, (unsigned long)bits_f(v));
}

static void show_flags(const char *what) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf("%-22s %s%s%s%s%s\n", what, f & FE_INVALID ? " NV" : "", f & FE_DIVBYZERO ? " DZ" : "",
         f & FE_OVERFLOW ? " OF" : "", f & FE_UNDERFLOW ? " UF" : "", f & FE_INEXACT ? " NX" : "");
  feclearexcept(FE_ALL_EXCEPT);
}

static void series(void) {
  double h = 0;
  float hf = 0;
  for (int i = 1; i <= 1000; i++) {
    h += one / i;
    hf += onef / (float)i;
  }
  show_d("harmonic(1000)", h);
  show_f("harmonic(1000) float", hf);
  double pi = 0;
  for (int k = 0; k < 100000; k++) pi += (k & 1 ? -4.0 : 4.0) / (2 * k + 1);
  show_d("leibniz pi", pi);
  /* Newton's method for sqrt(2), then the library's (a single fsqrt on the guest). */
  double x = one;
  for (int i = 0; i < 6; i++) x = (x + two / x) / 2;
  show_d("newton sqrt2", x);
  show_d("sqrt(2)", sqrt(two));
  show_f("sqrtf(3)", sqrtf(threef));
  show_d("0.1 + 0.2", tenth + 2 * tenth);
  show_f("0.1f * 3", tenthf * threef);
  show_d("fma(0.1, 10, -1)", fma(tenth, ten, -one));
  show_d("0.1 * 10 - 1", tenth * ten - one);
  show_f("fmaf(0.1f, 10, -1)", fmaf(tenthf, 10.0f, -onef));
}

/*
 * The mode is set for the arithmetic only: printing happens back in round-to-nearest. The results
 * are volatile because GCC, even with -frounding-math, moves arithmetic across fesetround.
 */
static void rounding(void) {
  static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  static const char *const names[] = {"nearest", "upward", "downward", "toward zero"};
  for (int m = 0; m < 4; m++) {
    fesetround(modes[m]);
    volatile double third = one / three, minus_third = -one / three, root = sqrt(three);
    volatile double big = 1.7976931348623157e308 * two, tiny = 4.9406564584124654e-324 / two;
    volatile float third_f = onef / threef, big_f = 3.40282347e38f * (float)two;
    volatile long r1 = lrint(2.5 * one), r2 = lrint(-2.5 * one), r3 = lrint(3.5 * one);
    volatile float wide = (float)(16777217 * (int)one), narrow = (float)tenth;
    fesetround(FE_TONEAREST);
    printf("-- rounding %s\n", names[m]);
    show_d("1/3", third);
    show_d("-1/3", minus_third);
    show_f("1/3 float", third_f);
    show_d("sqrt(3)", root);
    show_d("DBL_MAX * 2", big);
    show_f("FLT_MAX * 2", big_f);
    show_d("2^-1074 / 2", tiny);
    printf("%-22s %ld %ld %ld\n", "lrint 2.5 -2.5 3.5", r1, r2, r3);
    show_f("(float)(2^24 + 1)", wide);
    show_f("(float)0.1", narrow);
  }
  feclearexcept(FE_ALL_EXCEPT);
}

static void flags(void) {
  printf("-- flags\n");
  feclearexcept(FE_ALL_EXCEPT);
  volatile double r = one / three;
  show_flags("1/3");
  r = one / zero;
  show_flags("1/0");
  r = zero / zero;
  show_flags("0/0");
  r = sqrt(-one);
  show_flags("sqrt(-1)");
  r = 1e308 * ten;
  show_flags("1e308 * 10");
  r = 1e-308 * one / 1e10;
  show_flags("1e-308 / 1e10");
  r = one + two;
  show_flags("1 + 2");
  volatile float rf = (float)tenth;
  show_flags("(float)0.1");
  (void)r;
  (void)rf;
}

static void conversions(void) {
  printf("-- conversions\n");
  printf("%-22s %d %d %d\n", "(int) 2.7 -2.7 -0.5", (int)(2.7 * one), (int)(-2.7 * one),
         (int)(-0.5 * one));
  printf("%-22s %u\n", "(unsigned) 3.9e9", (unsigned)(3.9e9 * one));
  printf("%-22s %lld\n", "(long long) -1e18", (long long)(-1e18 * one));
  printf("%-22s %llu\n", "(unsigned ll) 1.8e19", (unsigned long long)(1.8e19 * one));
  show_d("(double) 2^53 + 1", (double)(9007199254740993LL * (long long)one));
  show_d("(double) -7", (double)(-7 * (int)one));
  show_d("(double)(float)0.1", (double)(float)tenth);
  show_d("subnormal DBL_MIN/3", 2.2250738585072014e-308 / three);
  show_f("subnormal FLT_MIN/3", 1.17549435e-38f / threef);
  show_d("-0.0 * 5", -zero * 5);
  show_d("copysign(3, -0.0)", copysign(three, -zero));
  printf("%-22s %d %d %d\n", "0/0 == 0/0, <, isnan", zero / zero == zero / zero, zero / zero < one,
         isnan(zero / zero) != 0);
}

__attribute__((noinline)) static void run_all(void) {
  series();
  rounding();
  flags();
  conversions();
}

#ifdef HOST
int main(void) {
  run_all();
  return 0;
}
#else
/* No FP here: the FP registers this function's prologue would save are off until FS is set. */
void start_c(void) {
  __asm__ volatile("csrs mstatus, %0" ::"r"(1 << 13)); /* FS = Initial: F and D on */
  run_all();
  while (tohost != 0) {
  }
  exit_pass();
}
#endif
