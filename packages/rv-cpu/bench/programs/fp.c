/* (d) Compiled C with double and float: a five-body orbit simulation (sqrt, division, fused
 * multiply-adds as GCC contracts them) and a float a*x+y loop. Checked for correctness: the
 * energy after the run must match the host's figure for the same code to 1e-9. */
#include <stdint.h>

void exit_pass(void);
void exit_fail(void);

#define BODIES 5
#define STEPS 20000
static double pos[BODIES][3], vel[BODIES][3], mass[BODIES];
static float xs[2048], ys[2048];

static void init(void) {
  static const double p[BODIES][3] = {{0, 0, 0}, {4.84, -1.16, -0.10}, {8.34, 4.12, -0.40},
                                      {12.89, -15.11, -0.22}, {15.37, -25.91, 0.17}};
  static const double v[BODIES][3] = {{0, 0, 0}, {0.606, 2.81, -0.02}, {-1.01, 1.82, 0.008},
                                      {1.08, 0.868, -0.010}, {0.979, 0.594, -0.034}};
  static const double m[BODIES] = {39.47, 0.0377, 0.0113, 0.00172, 0.00203};
  for (int i = 0; i < BODIES; i++) {
    mass[i] = m[i];
    for (int k = 0; k < 3; k++) {
      pos[i][k] = p[i][k];
      vel[i][k] = v[i][k];
    }
  }
}

static double sqrt_d(double x) {
  double r;
  __asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(x));
  return r;
}

static void advance(double dt) {
  for (int i = 0; i < BODIES; i++)
    for (int j = i + 1; j < BODIES; j++) {
      double d[3], d2 = 0;
      for (int k = 0; k < 3; k++) {
        d[k] = pos[i][k] - pos[j][k];
        d2 += d[k] * d[k];
      }
      double mag = dt / (d2 * sqrt_d(d2));
      for (int k = 0; k < 3; k++) {
        vel[i][k] -= d[k] * mass[j] * mag;
        vel[j][k] += d[k] * mass[i] * mag;
      }
    }
  for (int i = 0; i < BODIES; i++)
    for (int k = 0; k < 3; k++) pos[i][k] += dt * vel[i][k];
}

static double energy(void) {
  double e = 0;
  for (int i = 0; i < BODIES; i++) {
    e += 0.5 * mass[i] * (vel[i][0] * vel[i][0] + vel[i][1] * vel[i][1] + vel[i][2] * vel[i][2]);
    for (int j = i + 1; j < BODIES; j++) {
      double d2 = 0;
      for (int k = 0; k < 3; k++) d2 += (pos[i][k] - pos[j][k]) * (pos[i][k] - pos[j][k]);
      e -= mass[i] * mass[j] / sqrt_d(d2);
    }
  }
  return e;
}

static float saxpy(void) {
  for (int i = 0; i < 2048; i++) {
    xs[i] = (float)i * 0.5f;
    ys[i] = 1.0f / (float)(i + 1);
  }
  for (int r = 0; r < 100; r++)
    for (int i = 0; i < 2048; i++) ys[i] = 0.999f * xs[i] + ys[i] * 0.5f;
  float s = 0;
  for (int i = 0; i < 2048; i++) s += ys[i];
  return s;
}

__attribute__((noinline)) static void run(void) {
  init();
  for (int s = 0; s < STEPS; s++) advance(0.001);
  double e = energy();
  float s = saxpy();
  /* The host (x86-64, gcc -O2, no fused multiply-adds) gives these. */
  double de = e - -0.16973741060221248;
  float ds = s - 2094031.5f;
  if (de > 1e-9 || de < -1e-9 || ds > 20.0f || ds < -20.0f) exit_fail();
}

void start_c(void) {
  __asm__ volatile("csrs mstatus, %0" ::"r"(1 << 13)); /* FS = Initial: F and D on */
  run();
  exit_pass();
}
