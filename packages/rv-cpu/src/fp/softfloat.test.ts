import { describe, expect, it } from "vitest";
import {
  add,
  classify,
  compare,
  convert,
  DZ,
  div,
  F32,
  F64,
  type Format,
  fma,
  fp,
  fromInt,
  minMax,
  mul,
  NV,
  NX,
  OF,
  RDN,
  RMM,
  RNE,
  RTZ,
  RUP,
  sqrt,
  sub,
  toInt,
  UF,
} from "./softfloat.js";

// The host's doubles are IEEE binary64 with round-to-nearest-even: a reference for RNE in binary64,
// and (through Math.fround, since 53 >= 2·24 + 2 makes double rounding harmless) for binary32's
// add, sub, mul, div and sqrt.
const dv = new DataView(new ArrayBuffer(8));
function bits64(x: number): bigint {
  dv.setFloat64(0, x);
  return dv.getBigUint64(0);
}
function num64(b: bigint): number {
  dv.setBigUint64(0, b);
  return dv.getFloat64(0);
}
function bits32(x: number): bigint {
  dv.setFloat32(0, x);
  return BigInt(dv.getUint32(0));
}
function num32(b: bigint): number {
  dv.setUint32(0, Number(b));
  return dv.getFloat32(0);
}

/** A seeded generator of interesting bit patterns: specials, boundaries and random values. */
function patterns(f: Format, seed: number, n: number): bigint[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  const width = f === F64 ? 64 : 32;
  const out: bigint[] = [];
  const sign = 1n << BigInt(width - 1);
  const specials = [
    0n,
    1n,
    (1n << BigInt(f.fracBits)) - 1n,
    1n << BigInt(f.fracBits),
    f.canonicalNaN,
    (f.canonicalNaN ^ (1n << BigInt(f.fracBits - 1))) | 1n,
  ];
  specials.push(((1n << BigInt(f.expBits)) - 1n) << BigInt(f.fracBits)); // inf
  specials.push((((1n << BigInt(f.expBits)) - 2n) << BigInt(f.fracBits)) | ((1n << BigInt(f.fracBits)) - 1n)); // max
  specials.push(BigInt(f.bias) << BigInt(f.fracBits)); // 1.0
  for (const v of specials) out.push(v, v | sign);
  while (out.length < n) {
    let v = (BigInt(next()) << 32n) | BigInt(next());
    v &= (1n << BigInt(width)) - 1n;
    // Half the time, exponents near 1.0 so that operations are mostly exact or close.
    if (next() & 1) {
      const e = BigInt(f.bias - 30 + (next() % 60));
      v = (v & (sign | ((1n << BigInt(f.fracBits)) - 1n))) | (e << BigInt(f.fracBits));
    }
    out.push(v);
  }
  return out;
}

function sameNumber(got: bigint, want: number, f: Format) {
  if (Number.isNaN(want)) expect(got).toBe(f.canonicalNaN);
  else expect(got).toBe(f === F64 ? bits64(want) : bits32(want));
}

describe("softfloat against the host (round to nearest even)", () => {
  const ops: [string, (f: Format, a: bigint, b: bigint) => bigint, (a: number, b: number) => number][] = [
    ["add", (f, a, b) => add(f, a, b, RNE), (a, b) => a + b],
    ["sub", (f, a, b) => sub(f, a, b, RNE), (a, b) => a - b],
    ["mul", (f, a, b) => mul(f, a, b, RNE), (a, b) => a * b],
    ["div", (f, a, b) => div(f, a, b, RNE), (a, b) => a / b],
    ["sqrt", (f, a) => sqrt(f, a, RNE), (a) => Math.sqrt(a)],
  ];
  for (const [name, soft, host] of ops) {
    it(`binary64 ${name}`, () => {
      const xs = patterns(F64, 1, 120);
      const ys = patterns(F64, 2, 120);
      for (const a of xs) for (const b of ys) sameNumber(soft(F64, a, b), host(num64(a), num64(b)), F64);
    });
    it(`binary32 ${name}`, () => {
      const xs = patterns(F32, 3, 120);
      const ys = patterns(F32, 4, 120);
      for (const a of xs)
        for (const b of ys) sameNumber(soft(F32, a, b), Math.fround(host(num32(a), num32(b))), F32);
    });
  }
});

describe("directed rounding brackets the exact result", () => {
  it("RDN ≤ RNE ≤ RUP, RTZ toward zero, and all equal when exact (binary64 div and add)", () => {
    const xs = patterns(F64, 5, 60).filter((v) => Number.isFinite(num64(v)));
    const ys = patterns(F64, 6, 60).filter((v) => Number.isFinite(num64(v)) && num64(v) !== 0);
    for (const op of [div, add]) {
      for (const a of xs) {
        for (const b of ys) {
          fp.flags = 0;
          const near = num64(op(F64, a, b, RNE));
          const inexact = (fp.flags & NX) !== 0;
          const down = num64(op(F64, a, b, RDN));
          const up = num64(op(F64, a, b, RUP));
          const zero = num64(op(F64, a, b, RTZ));
          const away = num64(op(F64, a, b, RMM));
          if (Number.isNaN(near)) continue;
          expect(down <= near && near <= up).toBe(true);
          // (An exact zero sum is −0 when rounding down: compare as numbers.)
          if (!inexact) expect([down, up, zero, away].every((v) => v === near)).toBe(true);
          else {
            expect(down).toBeLessThan(up);
            expect(Math.abs(zero)).toBe(Math.min(Math.abs(down), Math.abs(up)));
            expect(Math.abs(away) === Math.abs(down) || Math.abs(away) === Math.abs(up)).toBe(true);
          }
        }
      }
    }
  });
});

describe("flags and special cases", () => {
  const one = bits64(1);
  const three = bits64(3);
  const flagsOf = (fn: () => bigint): [bigint, number] => {
    fp.flags = 0;
    const r = fn();
    return [r, fp.flags];
  };

  it("NX for an inexact quotient, none for an exact one", () => {
    expect(flagsOf(() => div(F64, one, three, RNE))[1]).toBe(NX);
    expect(flagsOf(() => div(F64, three, three, RNE))).toEqual([one, 0]);
  });

  it("DZ for x/0, NV for 0/0, ∞−∞, 0·∞, sqrt(−1), and a signalling NaN operand", () => {
    const zero = bits64(0);
    const infinity = bits64(Number.POSITIVE_INFINITY);
    expect(flagsOf(() => div(F64, one, zero, RNE))).toEqual([infinity, DZ]);
    expect(flagsOf(() => div(F64, zero, zero, RNE))).toEqual([F64.canonicalNaN, NV]);
    expect(flagsOf(() => sub(F64, infinity, infinity, RNE))).toEqual([F64.canonicalNaN, NV]);
    expect(flagsOf(() => mul(F64, zero, infinity, RNE))).toEqual([F64.canonicalNaN, NV]);
    expect(flagsOf(() => sqrt(F64, bits64(-1), RNE))).toEqual([F64.canonicalNaN, NV]);
    const snan = 0x7ff0_0000_0000_0001n;
    expect(flagsOf(() => add(F64, snan, one, RNE))).toEqual([F64.canonicalNaN, NV]);
    expect(flagsOf(() => add(F64, F64.canonicalNaN, one, RNE))).toEqual([F64.canonicalNaN, 0]);
  });

  it("overflow gives ∞ or the largest finite value by rounding mode, with OF and NX", () => {
    const max = bits64(Number.MAX_VALUE);
    const big = bits64(2 ** 1000);
    expect(flagsOf(() => mul(F64, max, big, RNE))).toEqual([bits64(Number.POSITIVE_INFINITY), OF | NX]);
    expect(flagsOf(() => mul(F64, max, big, RTZ))).toEqual([max, OF | NX]);
    expect(flagsOf(() => mul(F64, max, big, RDN))).toEqual([max, OF | NX]);
    expect(flagsOf(() => mul(F64, max, big, RUP))).toEqual([bits64(Number.POSITIVE_INFINITY), OF | NX]);
    const negMax = bits64(-Number.MAX_VALUE);
    expect(flagsOf(() => mul(F64, negMax, big, RDN))).toEqual([bits64(Number.NEGATIVE_INFINITY), OF | NX]);
    expect(flagsOf(() => mul(F64, negMax, big, RUP))).toEqual([negMax, OF | NX]);
  });

  it("underflow: UF only when the tiny result is inexact (tininess after rounding)", () => {
    const tiny = bits64(2 ** -1074);
    const half = bits64(0.5);
    expect(flagsOf(() => mul(F64, tiny, half, RNE))).toEqual([0n, UF | NX]); // ties to even 0
    expect(flagsOf(() => mul(F64, tiny, bits64(2), RNE))).toEqual([bits64(2 ** -1073), 0]); // exact
    // Just below the smallest normal, rounding up to it: not tiny after rounding, so no UF.
    const justBelow = bits64(2 ** -1022 * (1 - 2 ** -54));
    const r = flagsOf(() => mul(F64, justBelow, one, RNE));
    expect(r[0]).toBe(justBelow); // already representable (a subnormal), exact
    const [v, f] = flagsOf(() => mul(F64, bits64(2 ** -1022 * (1 - 2 ** -52)), bits64(1 + 2 ** -52), RUP));
    expect(v).toBe(bits64(2 ** -1022));
    expect(f).toBe(NX);
  });

  it("x − x is +0, except −0 when rounding down", () => {
    expect(sub(F64, three, three, RNE)).toBe(0n);
    expect(sub(F64, three, three, RDN)).toBe(1n << 63n);
  });

  it("fused multiply-add rounds once", () => {
    // (1 + 2^-52)·(1 − 2^-52) − 1 = −2^-104 exactly; a separate product would round to 1 and give 0.
    const a = bits64(1 + 2 ** -52);
    const b = bits64(1 - 2 ** -52);
    expect(num64(fma(F64, a, b, bits64(-1), false, false, RNE))).toBe(-(2 ** -104));
    expect(num64(add(F64, mul(F64, a, b, RNE), bits64(-1), RNE))).toBe(0);
    // 0·∞ + qNaN is invalid.
    fp.flags = 0;
    fma(F64, 0n, bits64(Number.POSITIVE_INFINITY), F64.canonicalNaN, false, false, RNE);
    expect(fp.flags).toBe(NV);
  });
});

describe("the other F/D operations", () => {
  const flagsOf = <T>(fn: () => T): [T, number] => {
    fp.flags = 0;
    const r = fn();
    return [r, fp.flags];
  };
  const qnan = F64.canonicalNaN;
  const snan = 0x7ff0_0000_0000_0001n;
  const negZero = 1n << 63n;

  it("fmin/fmax: a quiet NaN gives way, two NaNs give the canonical NaN, sNaN raises NV, −0 < +0", () => {
    expect(flagsOf(() => minMax(F64, qnan, bits64(2), false))).toEqual([bits64(2), 0]);
    expect(flagsOf(() => minMax(F64, snan, bits64(2), true))).toEqual([bits64(2), NV]);
    expect(flagsOf(() => minMax(F64, snan, qnan, true))).toEqual([qnan, NV]);
    expect(minMax(F64, 0n, negZero, false)).toBe(negZero);
    expect(minMax(F64, negZero, 0n, true)).toBe(0n);
    expect(minMax(F64, bits64(-3), bits64(2), false)).toBe(bits64(-3));
  });

  it("feq is quiet, flt and fle signal on any NaN", () => {
    expect(flagsOf(() => compare(F64, qnan, bits64(1), "eq"))).toEqual([0, 0]);
    expect(flagsOf(() => compare(F64, snan, bits64(1), "eq"))).toEqual([0, NV]);
    expect(flagsOf(() => compare(F64, qnan, bits64(1), "lt"))).toEqual([0, NV]);
    expect(flagsOf(() => compare(F64, 0n, negZero, "eq"))).toEqual([1, 0]);
    expect(compare(F64, bits64(-1), bits64(1), "lt")).toBe(1);
    expect(compare(F64, bits64(1), bits64(1), "le")).toBe(1);
    expect(compare(F64, bits64(1), bits64(1), "lt")).toBe(0);
  });

  it("fclass sets the one bit of each class", () => {
    const cases: [number, number][] = [
      [Number.NEGATIVE_INFINITY, 0],
      [-1, 1],
      [-(2 ** -1074), 2],
      [-0, 3],
      [0, 4],
      [2 ** -1074, 5],
      [1, 6],
      [Number.POSITIVE_INFINITY, 7],
    ];
    for (const [v, bit] of cases) expect(classify(F64, bits64(v))).toBe(1 << bit);
    expect(classify(F64, snan)).toBe(1 << 8);
    expect(classify(F64, qnan)).toBe(1 << 9);
    expect(classify(F32, 0x0000_0001n)).toBe(1 << 5);
  });

  it("float to integer rounds by mode, saturates with NV, and NaN gives the largest value", () => {
    expect(flagsOf(() => toInt(F64, bits64(2.5), 32, true, RNE))).toEqual([2n, NX]);
    expect(toInt(F64, bits64(2.5), 32, true, RMM)).toBe(3n);
    expect(toInt(F64, bits64(-2.5), 32, true, RDN)).toBe(-3n);
    expect(toInt(F64, bits64(-2.5), 32, true, RTZ)).toBe(-2n);
    expect(flagsOf(() => toInt(F64, bits64(3e9), 32, true, RNE))).toEqual([2147483647n, NV]);
    expect(flagsOf(() => toInt(F64, bits64(-1), 64, false, RNE))).toEqual([0n, NV]);
    expect(flagsOf(() => toInt(F64, bits64(-0.25), 64, false, RNE))).toEqual([0n, NX]); // rounds to 0: in range
    expect(flagsOf(() => toInt(F64, qnan, 64, true, RNE))).toEqual([(1n << 63n) - 1n, NV]);
    expect(flagsOf(() => toInt(F64, bits64(Number.NEGATIVE_INFINITY), 64, true, RNE))).toEqual([
      -(1n << 63n),
      NV,
    ]);
    expect(flagsOf(() => toInt(F64, bits64(2 ** 63), 64, false, RNE))).toEqual([1n << 63n, 0]);
  });

  it("integer to float rounds by mode and raises NX when inexact", () => {
    const big = (1n << 53n) + 1n;
    expect(flagsOf(() => fromInt(F64, big, RNE))).toEqual([bits64(2 ** 53), NX]);
    expect(fromInt(F64, big, RUP)).toBe(bits64(2 ** 53 + 2));
    expect(fromInt(F64, -big, RDN)).toBe(bits64(-(2 ** 53) - 2));
    expect(flagsOf(() => fromInt(F32, 16777217n, RNE))).toEqual([bits32(16777216), NX]);
    expect(fromInt(F32, -7n, RNE)).toBe(bits32(-7));
  });

  it("binary64 to binary32 rounds, overflows and canonicalises NaNs; binary32 to binary64 is exact", () => {
    expect(flagsOf(() => convert(F64, F32, bits64(1 / 3), RNE))).toEqual([bits32(Math.fround(1 / 3)), NX]);
    expect(flagsOf(() => convert(F64, F32, bits64(1e300), RTZ))).toEqual([0x7f7f_ffffn, OF | NX]);
    expect(flagsOf(() => convert(F64, F32, snan, RNE))).toEqual([F32.canonicalNaN, NV]);
    expect(flagsOf(() => convert(F32, F64, bits32(Math.fround(0.1)), RNE))).toEqual([
      bits64(Math.fround(0.1)),
      0,
    ]);
    expect(flagsOf(() => convert(F64, F32, bits64(1e-50), RNE))).toEqual([0n, UF | NX]);
  });
});
