import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "../bus.js";
import { Hart } from "../hart.js";
import { slowExecute } from "./exec.js";
import { DONE, fastExecute, NOT_HANDLED } from "./fast.js";

// Every fast path against softfloat: the same instruction on the same state must give the same
// registers and flags, bit for bit, whenever the fast path takes it.

function hart(): Hart {
  const h = new Hart({ bus: new SimpleBus(new Ram(4096, 0x8000_0000)), resetPc: 0x8000_0000 });
  h.mstatus |= 1 << 13; // FS Initial
  return h;
}

let seed = 0x9e3779b9;
function rand32(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return seed >>> 0;
}
const pick = <T>(xs: readonly T[]): T => xs[rand32() % xs.length];

const dv = new DataView(new ArrayBuffer(8));
function bitsOf(d: number): [number, number] {
  dv.setFloat64(0, d, true);
  return [dv.getInt32(0, true), dv.getInt32(4, true)];
}
function bitsOfS(s: number): number {
  dv.setFloat32(0, s, true);
  return dv.getInt32(0, true);
}

const SPECIAL_D = [
  0,
  -0,
  1,
  -1,
  0.1,
  -0.1,
  3,
  1e-300,
  1e300,
  2 ** -400,
  2 ** 400,
  2 ** -401,
  2 ** 401,
  2 ** 1023,
  1.7976931348623157e308,
  2 ** -1022,
  2 ** -1074,
  2 ** -1060,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  -(2 ** 63),
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  0.5,
  1.5,
  2.5,
  -2.5,
  -0.5,
  4294967295.5,
  2147483647.5,
  -2147483648.5,
  1 + 2 ** -52,
  1 - 2 ** -53,
];
const SPECIAL_S = [
  0,
  -0,
  1,
  -1,
  3,
  0.5,
  2.5,
  -2.5,
  2 ** -126,
  2 ** -149,
  2 ** -125,
  2 ** 127,
  2 ** -100,
  2 ** 100,
  3.4028234663852886e38,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  16777216,
  16777217,
  2147483648,
  4294967296,
  -2147483648,
  1 + 2 ** -23,
].map(Math.fround);

/** A double: special, few significant bits (exact and tie cases), anything, or a NaN. */
function randD(): [number, number] {
  switch (rand32() % 6) {
    case 0:
      return bitsOf(pick(SPECIAL_D) * (rand32() & 1 ? -1 : 1));
    case 1:
      return bitsOf((rand32() % 4096) * 2 ** ((rand32() % 120) - 60) * (rand32() & 1 ? -1 : 1));
    case 2:
      return [rand32() | 0, rand32() | 0];
    case 3:
      return [rand32() | 0, 0x7ff00000 | (rand32() & 0xfffff) | (rand32() & 0x80000000) | 0]; // inf/NaN
    default: {
      // Typical magnitudes: exponent within ±70 of 1.
      const hi = (((rand32() % 140) + 1023 - 70) << 20) | (rand32() & 0xfffff) | (rand32() & 0x80000000);
      return [rand32() | 0, hi | 0];
    }
  }
}

function randS(): number {
  switch (rand32() % 6) {
    case 0:
      return bitsOfS(pick(SPECIAL_S) * (rand32() & 1 ? -1 : 1));
    case 1:
      return bitsOfS(Math.fround((rand32() % 4096) * 2 ** ((rand32() % 60) - 30)) * (rand32() & 1 ? -1 : 1));
    case 2:
      return rand32() | 0;
    case 3:
      return 0x7f800000 | (rand32() & 0x7fffff) | (rand32() & 0x80000000) | 0;
    default:
      return (((rand32() % 80) + 127 - 40) << 23) | (rand32() & 0x7fffff) | (rand32() & 0x80000000) | 0;
  }
}

function setOperands(h: Hart, regs: number[], single: boolean, boxedOnly: boolean): void {
  for (const r of regs) {
    if (single) {
      h.f[2 * r] = randS();
      h.f[2 * r + 1] = boxedOnly || rand32() % 16 !== 0 ? -1 : rand32() | 0;
    } else {
      const [lo, hi] = randD();
      h.f[2 * r] = lo;
      h.f[2 * r + 1] = hi;
    }
  }
}

const rtype = (f7: number, rs2: number, rs1: number, rm: number, rd: number) =>
  (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | 0x53 | 0;
const r4 = (op: number, rs3: number, fmt: number, rs2: number, rs1: number, rm: number, rd: number) =>
  (rs3 << 27) | (fmt << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | op | 0;

/** Runs `raw` on two copies of one random state, fast and slow; returns whether the fast path took it. */
function compareOne(raw: number, single: boolean, frm: number): boolean {
  const a = hart();
  setOperands(a, [1, 2, 3], single, false);
  a.x[2 * 5] = rand32() | 0;
  a.x[2 * 5 + 1] = rand32() % 3 === 0 ? rand32() % 8 : rand32() | 0;
  a.frm = frm;
  a.fflags = rand32() & 31 & (rand32() % 2 === 0 ? 0 : 31);
  const b = hart();
  b.f.set(a.f);
  b.x.set(a.x);
  b.frm = a.frm;
  b.fflags = a.fflags;
  const r = fastExecute(a, raw);
  if (r === NOT_HANDLED) {
    // Declining must leave everything as it was.
    expect([...a.f]).toEqual([...b.f]);
    expect([...a.x]).toEqual([...b.x]);
    expect(a.fflags).toBe(b.fflags);
    return false;
  }
  expect(r).toBe(DONE);
  slowExecute(b, raw);
  const what = `${raw.toString(16)} on f1=${hex(a, 1)} f2=${hex(a, 2)} f3=${hex(a, 3)} x5=${b.x[11]}:${b.x[10]} frm=${frm}`;
  expect(hex(a, 4), what).toBe(hex(b, 4));
  expect(a.x[2 * 6], what).toBe(b.x[2 * 6]);
  expect(a.x[2 * 6 + 1], what).toBe(b.x[2 * 6 + 1]);
  expect(a.fflags, what).toBe(b.fflags);
  expect(a.mstatus, what).toBe(b.mstatus);
  return true;
}

function hex(h: Hart, r: number): string {
  return `${(h.f[2 * r + 1] >>> 0).toString(16)}_${(h.f[2 * r] >>> 0).toString(16).padStart(8, "0")}`;
}

const N = 4000;

describe("F/D fast paths agree with softfloat", () => {
  const cases: [string, (rm: number) => number, boolean][] = [];
  for (const [name, f7] of [
    ["add", 0],
    ["sub", 4],
    ["mul", 8],
    ["div", 12],
  ] as const) {
    cases.push([`f${name}.s`, (rm) => rtype(f7, 2, 1, rm, 4), true]);
    cases.push([`f${name}.d`, (rm) => rtype(f7 | 1, 2, 1, rm, 4), false]);
  }
  cases.push(["fsqrt.s", (rm) => rtype(0x2c, 0, 1, rm, 4), true]);
  cases.push(["fsqrt.d", (rm) => rtype(0x2d, 0, 1, rm, 4), false]);
  for (const [op, name] of [
    [0x43, "fmadd"],
    [0x47, "fmsub"],
    [0x4b, "fnmsub"],
    [0x4f, "fnmadd"],
  ] as const) {
    cases.push([`${name}.s`, (rm) => r4(op, 3, 0, 2, 1, rm, 4), true]);
    cases.push([`${name}.d`, (rm) => r4(op, 3, 1, 2, 1, rm, 4), false]);
  }
  for (const j of [0, 1, 2]) {
    cases.push([`fsgnj${["", "n", "x"][j]}.s`, () => rtype(0x10, 2, 1, j, 4), true]);
    cases.push([`fsgnj${["", "n", "x"][j]}.d`, () => rtype(0x11, 2, 1, j, 4), false]);
    cases.push([`f${["le", "lt", "eq"][j]}.s`, () => rtype(0x50, 2, 1, j, 6), true]);
    cases.push([`f${["le", "lt", "eq"][j]}.d`, () => rtype(0x51, 2, 1, j, 6), false]);
  }
  for (const k of [0, 1, 2, 3]) {
    const t = ["w", "wu", "l", "lu"][k];
    cases.push([`fcvt.${t}.s`, (rm) => rtype(0x60, k, 1, rm, 6), true]);
    cases.push([`fcvt.${t}.d`, (rm) => rtype(0x61, k, 1, rm, 6), false]);
    cases.push([`fcvt.d.${t}`, (rm) => rtype(0x69, k, 5, rm, 4), false]);
  }
  cases.push(["fcvt.s.d", (rm) => rtype(0x20, 1, 1, rm, 4), false]);
  cases.push(["fcvt.d.s", (rm) => rtype(0x21, 0, 1, rm, 4), true]);
  cases.push(["fmv.x.w", () => rtype(0x70, 0, 1, 0, 6), true]);
  cases.push(["fmv.x.d", () => rtype(0x71, 0, 1, 0, 6), false]);
  cases.push(["fmv.w.x", () => rtype(0x78, 0, 5, 0, 4), true]);
  cases.push(["fmv.d.x", () => rtype(0x79, 0, 5, 0, 4), false]);

  for (const [name, enc, single] of cases) {
    it(`${name}: same bits and flags (${N} random states, every rm)`, () => {
      let taken = 0;
      for (let i = 0; i < N; i++) {
        const rm = pick([0, 0, 0, 7, 7, 1, 2, 3, 4, 5, 6]);
        const frm = pick([0, 0, 0, 1, 2, 3, 4, 5]);
        if (compareOne(enc(rm), single, frm)) taken++;
      }
      // The comparison means something only if the fast path takes a good share of the cases.
      expect(taken).toBeGreaterThan(N / 20);
    });
  }

  it("fused multiply-add near ties and cancellations rounds once", () => {
    let taken = 0;
    for (let i = 0; i < 20000; i++) {
      const h = hart();
      // a·b with up to 60 significant bits, c cancelling most of it or sitting half an ulp away.
      const a = (1 + (rand32() % 2 ** 26) * 2 ** -26) * 2 ** ((rand32() % 40) - 20);
      const b = (1 + (rand32() % 2 ** 26) * 2 ** -26) * (rand32() & 1 ? -1 : 1);
      const p = a * b;
      const ulp = 2 ** (Math.floor(Math.log2(Math.abs(p))) - 52);
      const c = pick([
        -p,
        -p + ulp / 2,
        -p - ulp * 3,
        ulp / 2,
        -ulp / 2,
        ulp * 1.5,
        p * 2 ** -54,
        -p * (1 + 2 ** -52),
      ]);
      for (const [r, v] of [
        [1, a],
        [2, b],
        [3, c],
      ] as const) {
        const [lo, hi] = bitsOf(v);
        h.f[2 * r] = lo;
        h.f[2 * r + 1] = hi;
      }
      const raw = r4(pick([0x43, 0x47, 0x4b, 0x4f]), 3, 1, 2, 1, 0, 4);
      const g = hart();
      g.f.set(h.f);
      if (fastExecute(h, raw) !== DONE) continue;
      taken++;
      slowExecute(g, raw);
      expect(hex(h, 4), `${a} * ${b} + ${c}`).toBe(hex(g, 4));
      expect(h.fflags, `${a} * ${b} + ${c}`).toBe(g.fflags);
    }
    expect(taken).toBeGreaterThan(15000);
  });
});
