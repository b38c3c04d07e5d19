/**
 * IEEE 754 binary32 and binary64 arithmetic as the RISC-V F and D extensions define it: every
 * operation is computed exactly (as integers scaled by powers of two) and rounded once, in any of
 * the five rounding modes, with exact exception flags. NaN results are the canonical NaN; tininess
 * is detected after rounding, as RISC-V specifies. Values are raw bit patterns in BigInts (the low
 * 32 or 64 bits). This is the reference and the slow path: the engines may take faster routes
 * where they give the same bits and flags.
 */

/** fflags bits. */
export const NX = 1;
export const UF = 2;
export const OF = 4;
export const DZ = 8;
export const NV = 16;

/** Rounding modes (frm encodings). */
export const RNE = 0;
export const RTZ = 1;
export const RDN = 2;
export const RUP = 3;
export const RMM = 4;

export interface Format {
  /** Significand precision in bits (hidden bit included). */
  readonly p: number;
  readonly emax: number;
  readonly emin: number;
  readonly fracBits: number;
  readonly expBits: number;
  readonly bias: number;
  readonly canonicalNaN: bigint;
}

function format(p: number, expBits: number): Format {
  const bias = 2 ** (expBits - 1) - 1;
  const fracBits = p - 1;
  return {
    p,
    emax: bias,
    emin: 1 - bias,
    fracBits,
    expBits,
    bias,
    canonicalNaN: ((2n ** BigInt(expBits) - 1n) << BigInt(fracBits)) | (1n << BigInt(fracBits - 1)),
  };
}

export const F32 = format(24, 8);
export const F64 = format(53, 11);

/** Accumulated exception flags of the operations since the caller last cleared them. */
export const fp = { flags: 0 };

/** An unpacked value: NaN, infinity, or finite (-1)^sign · sig · 2^exp with sig an integer. */
interface Unpacked {
  sign: number;
  kind: "nan" | "inf" | "finite";
  /** For NaNs: true if signalling. */
  signalling: boolean;
  sig: bigint;
  exp: number;
}

function unpack(f: Format, bits: bigint): Unpacked {
  const fracMask = (1n << BigInt(f.fracBits)) - 1n;
  const frac = bits & fracMask;
  const e = Number((bits >> BigInt(f.fracBits)) & ((1n << BigInt(f.expBits)) - 1n));
  const sign = Number((bits >> BigInt(f.fracBits + f.expBits)) & 1n);
  if (e === 2 * f.bias + 1) {
    if (frac === 0n) return { sign, kind: "inf", signalling: false, sig: 0n, exp: 0 };
    return { sign, kind: "nan", signalling: frac >> BigInt(f.fracBits - 1) === 0n, sig: 0n, exp: 0 };
  }
  if (e === 0) return { sign, kind: "finite", signalling: false, sig: frac, exp: f.emin - f.fracBits };
  return {
    sign,
    kind: "finite",
    signalling: false,
    sig: frac | (1n << BigInt(f.fracBits)),
    exp: e - f.bias - f.fracBits,
  };
}

function signBit(f: Format, sign: number): bigint {
  return BigInt(sign) << BigInt(f.fracBits + f.expBits);
}

function inf(f: Format, sign: number): bigint {
  return signBit(f, sign) | (((1n << BigInt(f.expBits)) - 1n) << BigInt(f.fracBits));
}

function maxFinite(f: Format, sign: number): bigint {
  return (
    signBit(f, sign) |
    (((1n << BigInt(f.expBits)) - 2n) << BigInt(f.fracBits)) |
    ((1n << BigInt(f.fracBits)) - 1n)
  );
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * Rounds (-1)^sign · (sig + sticky·ε) · 2^exp to the format, where `sticky` says the exact value
 * lies strictly above sig (by less than one unit of sig's last bit). Sets flags; returns the bits.
 */
export function round(
  f: Format,
  sign: number,
  sig: bigint,
  exp: number,
  sticky: boolean,
  rm: number,
): bigint {
  if (sig === 0n && !sticky) return signBit(f, sign);
  // Keep two bits below any rounding point so that the sticky bit sits under them.
  if (sticky) {
    sig = (sig << 2n) | 1n;
    exp -= 2;
  }
  const top = exp + bitLength(sig) - 1; // exponent of the leading bit
  const lsb = Math.max(top - (f.p - 1), f.emin - (f.p - 1));
  const rounded = roundAt(sig, exp, lsb, sign, rm);
  let r = rounded.value;
  let q = lsb;
  if (r >> BigInt(f.p) !== 0n) {
    r >>= 1n;
    q += 1;
  }
  if (rounded.inexact) {
    fp.flags |= NX;
    // Tiny after rounding: rounded with an unbounded exponent, the result is below 2^emin.
    const unbounded = roundAt(sig, exp, top - (f.p - 1), sign, rm);
    const topAfter = top + (bitLength(unbounded.value) > f.p ? 1 : 0);
    if (topAfter < f.emin) fp.flags |= UF;
  }
  if (r === 0n) return signBit(f, sign);
  const lead = q + bitLength(r) - 1;
  if (lead > f.emax) {
    fp.flags |= OF | NX;
    const toInf = rm === RNE || rm === RMM || (rm === RDN && sign === 1) || (rm === RUP && sign === 0);
    return toInf ? inf(f, sign) : maxFinite(f, sign);
  }
  if (r >> BigInt(f.fracBits) === 0n) return signBit(f, sign) | r; // subnormal
  const biased = BigInt(q + f.fracBits + f.bias);
  return signBit(f, sign) | (biased << BigInt(f.fracBits)) | (r & ((1n << BigInt(f.fracBits)) - 1n));
}

/** sig·2^exp rounded to a multiple of 2^lsb (in units of 2^lsb), and whether that lost anything. */
function roundAt(
  sig: bigint,
  exp: number,
  lsb: number,
  sign: number,
  rm: number,
): { value: bigint; inexact: boolean } {
  const shift = lsb - exp;
  if (shift <= 0) return { value: sig << BigInt(-shift), inexact: false };
  const s = BigInt(shift);
  const r = sig >> s;
  const rem = sig & ((1n << s) - 1n);
  if (rem === 0n) return { value: r, inexact: false };
  const half = 1n << (s - 1n);
  let up: boolean;
  switch (rm) {
    case RNE:
      up = rem > half || (rem === half && (r & 1n) === 1n);
      break;
    case RTZ:
      up = false;
      break;
    case RDN:
      up = sign === 1;
      break;
    case RUP:
      up = sign === 0;
      break;
    default:
      up = rem >= half;
  }
  return { value: up ? r + 1n : r, inexact: true };
}

/** The result of an operation with a NaN operand: canonical NaN, NV for a signalling one. */
function nanResult(f: Format, ...xs: Unpacked[]): bigint {
  if (xs.some((x) => x.signalling)) fp.flags |= NV;
  return f.canonicalNaN;
}

function invalid(f: Format): bigint {
  fp.flags |= NV;
  return f.canonicalNaN;
}

/** The sign of an exact zero sum: +0 unless both are -0, or -0 when rounding down. */
function zeroSumSign(a: number, b: number, rm: number): number {
  if (a === b) return a;
  return rm === RDN ? 1 : 0;
}

function addUnpacked(f: Format, x: Unpacked, y: Unpacked, rm: number): bigint {
  if (x.kind === "nan" || y.kind === "nan") return nanResult(f, x, y);
  if (x.kind === "inf" || y.kind === "inf") {
    if (x.kind === "inf" && y.kind === "inf" && x.sign !== y.sign) return invalid(f);
    return inf(f, x.kind === "inf" ? x.sign : y.sign);
  }
  const e = Math.min(x.exp, y.exp);
  const a = (x.sig << BigInt(x.exp - e)) * (x.sign ? -1n : 1n);
  const b = (y.sig << BigInt(y.exp - e)) * (y.sign ? -1n : 1n);
  const sum = a + b;
  if (sum === 0n) return signBit(f, zeroSumSign(x.sign, y.sign, rm));
  return round(f, sum < 0n ? 1 : 0, sum < 0n ? -sum : sum, e, false, rm);
}

export function add(f: Format, a: bigint, b: bigint, rm: number): bigint {
  return addUnpacked(f, unpack(f, a), unpack(f, b), rm);
}

export function sub(f: Format, a: bigint, b: bigint, rm: number): bigint {
  const y = unpack(f, b);
  if (y.kind !== "nan") y.sign ^= 1;
  return addUnpacked(f, unpack(f, a), y, rm);
}

export function mul(f: Format, a: bigint, b: bigint, rm: number): bigint {
  const x = unpack(f, a);
  const y = unpack(f, b);
  if (x.kind === "nan" || y.kind === "nan") return nanResult(f, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === "inf" || y.kind === "inf") {
    if ((x.kind === "finite" && x.sig === 0n) || (y.kind === "finite" && y.sig === 0n)) return invalid(f);
    return inf(f, sign);
  }
  return round(f, sign, x.sig * y.sig, x.exp + y.exp, false, rm);
}

/** x·y + z with one rounding; `negProduct` and `negAddend` give fmsub, fnmsub and fnmadd. */
export function fma(
  f: Format,
  a: bigint,
  b: bigint,
  c: bigint,
  negProduct: boolean,
  negAddend: boolean,
  rm: number,
): bigint {
  const x = unpack(f, a);
  const y = unpack(f, b);
  const z = unpack(f, c);
  const productInvalid =
    (x.kind === "inf" && y.kind === "finite" && y.sig === 0n) ||
    (y.kind === "inf" && x.kind === "finite" && x.sig === 0n);
  // 0·∞ is invalid even when the addend is a quiet NaN (the spec leaves this to the implementation;
  // RISC-V follows IEEE's option of signalling it).
  if (productInvalid) {
    if (z.kind === "nan" && z.signalling) fp.flags |= NV;
    return invalid(f);
  }
  if (x.kind === "nan" || y.kind === "nan" || z.kind === "nan") return nanResult(f, x, y, z);
  const psign = x.sign ^ y.sign ^ (negProduct ? 1 : 0);
  const zsign = z.sign ^ (negAddend ? 1 : 0);
  if (x.kind === "inf" || y.kind === "inf") {
    if (z.kind === "inf" && zsign !== psign) return invalid(f);
    return inf(f, psign);
  }
  if (z.kind === "inf") return inf(f, zsign);
  const product: Unpacked = {
    sign: psign,
    kind: "finite",
    signalling: false,
    sig: x.sig * y.sig,
    exp: x.exp + y.exp,
  };
  const addend: Unpacked = { ...z, sign: zsign };
  if (product.sig === 0n && addend.sig === 0n) return signBit(f, zeroSumSign(psign, zsign, rm));
  return addUnpacked(f, product, addend, rm);
}

export function div(f: Format, a: bigint, b: bigint, rm: number): bigint {
  const x = unpack(f, a);
  const y = unpack(f, b);
  if (x.kind === "nan" || y.kind === "nan") return nanResult(f, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === "inf") return y.kind === "inf" ? invalid(f) : inf(f, sign);
  if (y.kind === "inf") return signBit(f, sign);
  if (y.sig === 0n) {
    if (x.sig === 0n) return invalid(f);
    fp.flags |= DZ;
    return inf(f, sign);
  }
  if (x.sig === 0n) return signBit(f, sign);
  // Enough quotient bits for the precision plus guard bits, whatever the operands' scales.
  const extra = BigInt(f.p + 3 + bitLength(y.sig));
  const n = x.sig << extra;
  const q = n / y.sig;
  return round(f, sign, q, x.exp - y.exp - Number(extra), q * y.sig !== n, rm);
}

export function sqrt(f: Format, a: bigint, rm: number): bigint {
  const x = unpack(f, a);
  if (x.kind === "nan") return nanResult(f, x);
  if (x.kind === "finite" && x.sig === 0n) return a; // ±0
  if (x.sign === 1) return invalid(f);
  if (x.kind === "inf") return a;
  // sqrt(sig·2^exp) with an even exponent and enough bits for the precision plus guard bits.
  let sig = x.sig;
  let exp = x.exp;
  const want = 2 * (f.p + 3);
  let shift = Math.max(0, want - bitLength(sig));
  if ((exp - shift) % 2 !== 0) shift++;
  sig <<= BigInt(shift);
  exp -= shift;
  const r = isqrt(sig);
  return round(f, 0, r, exp / 2, r * r !== sig, rm);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Converts between binary32 and binary64 (NaNs become the target's canonical NaN). */
export function convert(from: Format, to: Format, a: bigint, rm: number): bigint {
  const x = unpack(from, a);
  if (x.kind === "nan") return nanResult(to, x);
  if (x.kind === "inf") return inf(to, x.sign);
  if (x.sig === 0n) return signBit(to, x.sign);
  return round(to, x.sign, x.sig, x.exp, false, rm);
}

/**
 * fmin/fmax (IEEE 754-2019 minimumNumber/maximumNumber): a quiet NaN gives way to a number, two
 * NaNs give the canonical NaN, a signalling NaN raises NV; −0 is below +0.
 */
export function minMax(f: Format, a: bigint, b: bigint, max: boolean): bigint {
  const x = unpack(f, a);
  const y = unpack(f, b);
  if (x.signalling || y.signalling) fp.flags |= NV;
  if (x.kind === "nan" && y.kind === "nan") return f.canonicalNaN;
  if (x.kind === "nan") return b;
  if (y.kind === "nan") return a;
  const c = compareUnpacked(x, y);
  if (c === 0) return max ? (x.sign === 0 ? a : b) : x.sign === 1 ? a : b; // ±0
  return c < 0 !== max ? a : b;
}

/** Orders two non-NaN values (−0 and +0 equal): −1, 0 or 1. */
function compareUnpacked(x: Unpacked, y: Unpacked): number {
  const xZero = x.kind === "finite" && x.sig === 0n;
  const yZero = y.kind === "finite" && y.sig === 0n;
  if (xZero && yZero) return 0;
  if (x.sign !== y.sign) return x.sign === 1 ? -1 : 1;
  const mag = magnitudeCompare(x, y);
  return x.sign === 1 ? -mag : mag;
}

function magnitudeCompare(x: Unpacked, y: Unpacked): number {
  if (x.kind === "inf") return y.kind === "inf" ? 0 : 1;
  if (y.kind === "inf") return -1;
  const e = Math.min(x.exp, y.exp);
  const a = x.sig << BigInt(x.exp - e);
  const b = y.sig << BigInt(y.exp - e);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * feq (quiet: NV only for a signalling NaN), flt and fle (signalling: NV for any NaN). Returns 1
 * or 0.
 */
export function compare(f: Format, a: bigint, b: bigint, op: "eq" | "lt" | "le"): number {
  const x = unpack(f, a);
  const y = unpack(f, b);
  if (x.kind === "nan" || y.kind === "nan") {
    if (op !== "eq" || x.signalling || y.signalling) fp.flags |= NV;
    return 0;
  }
  const c = compareUnpacked(x, y);
  if (op === "eq") return c === 0 ? 1 : 0;
  if (op === "lt") return c < 0 ? 1 : 0;
  return c <= 0 ? 1 : 0;
}

/** fclass: one bit set of ten (−∞, −normal, −subnormal, −0, +0, +subnormal, +normal, +∞, sNaN, qNaN). */
export function classify(f: Format, a: bigint): number {
  const x = unpack(f, a);
  if (x.kind === "nan") return x.signalling ? 1 << 8 : 1 << 9;
  const neg = x.sign === 1;
  if (x.kind === "inf") return neg ? 1 << 0 : 1 << 7;
  if (x.sig === 0n) return neg ? 1 << 3 : 1 << 4;
  const subnormal = x.sig >> BigInt(f.fracBits) === 0n;
  if (subnormal) return neg ? 1 << 2 : 1 << 5;
  return neg ? 1 << 1 : 1 << 6;
}

/**
 * fcvt.{w,wu,l,lu}.{s,d}: the value rounded to an integer of `bits` bits (signed or not), as a
 * BigInt. Out of range (NaN included) raises NV and gives the nearest bound (the largest value for
 * NaN); an in-range non-integer raises NX.
 */
export function toInt(f: Format, a: bigint, bits: 32 | 64, signed: boolean, rm: number): bigint {
  const x = unpack(f, a);
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  if (x.kind === "nan") {
    fp.flags |= NV;
    return hi;
  }
  if (x.kind === "inf") {
    fp.flags |= NV;
    return x.sign ? lo : hi;
  }
  const r = roundAt(x.sig, x.exp, 0, x.sign, rm);
  const v = x.sign ? -r.value : r.value;
  if (v < lo || v > hi) {
    fp.flags |= NV;
    return x.sign ? lo : hi;
  }
  if (r.inexact) fp.flags |= NX;
  return v;
}

/** fcvt.{s,d}.{w,wu,l,lu}: an integer (a BigInt in range for its type) rounded to the format. */
export function fromInt(f: Format, v: bigint, rm: number): bigint {
  if (v === 0n) return 0n;
  return round(f, v < 0n ? 1 : 0, v < 0n ? -v : v, 0, false, rm);
}
