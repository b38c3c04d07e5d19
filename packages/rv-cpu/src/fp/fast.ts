/**
 * Fast paths for the F and D instructions programs use most: loads, stores, moves and sign
 * injection as integer operations, and arithmetic in round-to-nearest-even on the host's doubles,
 * with the exact flags derived from error-free transformations (TwoSum, Dekker's product) and
 * single precision as a binary64 result rounded once more (innocuous for +, -, ×, ÷ and √, since
 * 53 ≥ 2·24 + 2). Anything outside what these prove — other rounding modes, NaN operands,
 * results near overflow or underflow, operands outside [2^-400, 2^400] — returns NOT_HANDLED
 * before changing any state, and exec.ts takes softfloat's exact route. fast.test.ts checks every
 * path here against softfloat, bit for bit and flag for flag.
 *
 * Registers are read and written through Float64Array/Float32Array views of the hart's `f`
 * (little-endian, as every JavaScript host is): f64[r] is f_r, f32[2r] its low 32 bits.
 */
import type { Hart } from "../hart.js";
import { MSTATUS_FS } from "../state.js";

export const NOT_HANDLED = 0;
export const DONE = 1;
export const TRAPPED = 2;

const NX = 1;

/** Bounds inside which Dekker's product and the quotient and root checks cannot underflow or overflow. */
const LOW = 2 ** -400;
const HIGH = 2 ** 400;
/** Smallest normal binary32 with margin for tininess after rounding, and the overflow bound. */
const F32_LOW = 2 ** -125;
const F32_HIGH = 2 ** 127;
const SPLIT = 134217729; // 2^27 + 1

/**
 * The error term of the last twoSum or twoProduct, in a typed array: a module-level `let` holding
 * a double would box every write into a new heap number.
 */
const scratch = new Float64Array(1);

function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  scratch[0] = a - (s - bb) + (b - bb);
  return s;
}

function twoProduct(a: number, b: number): number {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  scratch[0] = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}

function inRange(v: number): boolean {
  const m = v < 0 ? -v : v;
  return m >= LOW && m <= HIGH;
}

const bits = new Float64Array(1);
const bitsLo = new Int32Array(bits.buffer);

/**
 * Round to odd of x + e, where x = RN(exact) and e = exact − x: x itself if exact or if its last
 * significand bit is already 1, else the neighbour of x on e's side.
 */
function roundOdd(x: number, e: number): number {
  if (e === 0) return x;
  bits[0] = x;
  if ((bitsLo[0] & 1) === 1) return x;
  // Even significand: one step of the integer encoding moves one ulp (x is normal and nonzero).
  const up = e > 0 === x > 0;
  const lo = bitsLo[0];
  if (up) {
    bitsLo[0] = (lo + 1) | 0;
    if (lo === -1) bitsLo[1] = (bitsLo[1] + 1) | 0;
  } else {
    bitsLo[0] = (lo - 1) | 0;
    if (lo === 0) bitsLo[1] = (bitsLo[1] - 1) | 0;
  }
  return bits[0];
}

/** Views of each hart's FP registers, made once per hart. */
const views = new WeakMap<Int32Array, [Float64Array, Float32Array]>();
let lastF: Int32Array | undefined;
let lastD: Float64Array = new Float64Array(0);
let lastS: Float32Array = new Float32Array(0);

function select(f: Int32Array): void {
  if (f === lastF) return;
  let v = views.get(f);
  if (v === undefined) {
    v = [new Float64Array(f.buffer, f.byteOffset, 32), new Float32Array(f.buffer, f.byteOffset, 64)];
    views.set(f, v);
  }
  lastF = f;
  [lastD, lastS] = v;
}

/** The rm field names a rounding mode (not a reserved encoding, nor dyn with frm reserved). */
function validRm(h: Hart, rm: number): boolean {
  return rm < 5 || (rm === 7 && h.frm < 5);
}

/** The rounding mode an instruction's rm field selects is round-to-nearest-even. */
function nearest(h: Hart, rm: number): boolean {
  return rm === 0 || (rm === 7 && h.frm === 0);
}

/**
 * Executes the 32-bit F/D instruction `raw` if a fast path covers it. NOT_HANDLED leaves every
 * register, flag and memory byte as it was.
 */
export function fastExecute(h: Hart, raw: number): number {
  const opcode = raw & 0x7f;
  const rd = (raw >>> 7) & 31;
  const f3 = (raw >>> 12) & 7;
  const rs1 = (raw >>> 15) & 31;
  const f = h.f;
  if (opcode === 0x07 || opcode === 0x27) return loadStore(h, raw, opcode, rd, f3, rs1);
  select(f);
  const rs2 = (raw >>> 20) & 31;
  if (opcode === 0x53) {
    const funct7 = raw >>> 25;
    switch (funct7) {
      case 0x01: // fadd.d
      case 0x05: // fsub.d
      case 0x09: // fmul.d
      case 0x0d: // fdiv.d
        if (!nearest(h, f3)) return NOT_HANDLED;
        return arithD(h, funct7 >>> 2, rd, rs1, rs2);
      case 0x00:
      case 0x04:
      case 0x08:
      case 0x0c:
        if (!nearest(h, f3) || f[2 * rs1 + 1] !== -1 || f[2 * rs2 + 1] !== -1) return NOT_HANDLED;
        return arithS(h, funct7 >>> 2, rd, rs1, rs2);
      case 0x2d: // fsqrt.d
        if (rs2 !== 0 || !nearest(h, f3)) return NOT_HANDLED;
        return sqrtD(h, rd, rs1);
      case 0x2c:
        if (rs2 !== 0 || !nearest(h, f3) || f[2 * rs1 + 1] !== -1) return NOT_HANDLED;
        return sqrtS(h, rd, rs1);
      case 0x11: // fsgnj.d, fsgnjn.d, fsgnjx.d
        if (f3 > 2) return NOT_HANDLED;
        f[2 * rd] = f[2 * rs1];
        f[2 * rd + 1] = signInject(f3, f[2 * rs1 + 1], f[2 * rs2 + 1]);
        h.mstatus |= MSTATUS_FS;
        return DONE;
      case 0x10:
        if (f3 > 2 || f[2 * rs1 + 1] !== -1 || f[2 * rs2 + 1] !== -1) return NOT_HANDLED;
        f[2 * rd] = signInject(f3, f[2 * rs1], f[2 * rs2]);
        f[2 * rd + 1] = -1;
        h.mstatus |= MSTATUS_FS;
        return DONE;
      case 0x51: // feq.d, flt.d, fle.d
        return compare(h, f3, rd, rs1, rs2, false);
      case 0x50:
        if (f[2 * rs1 + 1] !== -1 || f[2 * rs2 + 1] !== -1) return NOT_HANDLED;
        return compare(h, f3, rd, rs1, rs2, true);
      case 0x71: // fmv.x.d
        if (rs2 !== 0 || f3 !== 0) return NOT_HANDLED;
        setX(h, rd, f[2 * rs1], f[2 * rs1 + 1]);
        return DONE;
      case 0x70: // fmv.x.w
        if (rs2 !== 0 || f3 !== 0) return NOT_HANDLED;
        setX(h, rd, f[2 * rs1], f[2 * rs1] >> 31);
        return DONE;
      case 0x79: // fmv.d.x
        if (rs2 !== 0 || f3 !== 0) return NOT_HANDLED;
        f[2 * rd] = h.x[2 * rs1];
        f[2 * rd + 1] = h.x[2 * rs1 + 1];
        h.mstatus |= MSTATUS_FS;
        return DONE;
      case 0x78: // fmv.w.x
        if (rs2 !== 0 || f3 !== 0) return NOT_HANDLED;
        f[2 * rd] = h.x[2 * rs1];
        f[2 * rd + 1] = -1;
        h.mstatus |= MSTATUS_FS;
        return DONE;
      case 0x69: // fcvt.d.w, fcvt.d.wu, fcvt.d.l, fcvt.d.lu
        return fromInt(h, rs2, f3, rd, rs1, false);
      case 0x68:
        return fromInt(h, rs2, f3, rd, rs1, true);
      case 0x61: // fcvt.w.d, fcvt.wu.d, fcvt.l.d, fcvt.lu.d
        return toInt(h, rs2, f3, rd, rs1, false);
      case 0x60:
        if (f[2 * rs1 + 1] !== -1) return NOT_HANDLED;
        return toInt(h, rs2, f3, rd, rs1, true);
      case 0x21: // fcvt.d.s
        if (rs2 !== 0 || f[2 * rs1 + 1] !== -1 || !validRm(h, f3)) return NOT_HANDLED;
        return widen(h, rd, rs1);
      case 0x20: // fcvt.s.d
        if (rs2 !== 1 || !nearest(h, f3)) return NOT_HANDLED;
        return narrow(h, rd, rs1);
      default:
        return NOT_HANDLED;
    }
  }
  if (opcode >= 0x43 && opcode <= 0x4f) {
    const fmt = (raw >>> 25) & 3;
    const rs3 = raw >>> 27;
    if (fmt > 1 || !nearest(h, f3)) return NOT_HANDLED;
    const negProduct = opcode === 0x4b || opcode === 0x4f;
    const negAddend = opcode === 0x47 || opcode === 0x4f;
    if (fmt === 1) return fmaD(h, rd, rs1, rs2, rs3, negProduct, negAddend);
    if (f[2 * rs1 + 1] !== -1 || f[2 * rs2 + 1] !== -1 || f[2 * rs3 + 1] !== -1) return NOT_HANDLED;
    return fmaS(h, rd, rs1, rs2, rs3, negProduct, negAddend);
  }
  return NOT_HANDLED;
}

function signInject(f3: number, a: number, b: number): number {
  const s = f3 === 0 ? b : f3 === 1 ? ~b : a ^ b;
  return (a & 0x7fffffff) | (s & -0x80000000);
}

function setX(h: Hart, rd: number, lo: number, hi: number): void {
  if (rd === 0) return;
  h.x[2 * rd] = lo;
  h.x[2 * rd + 1] = hi;
}

function accrue(h: Hart, flags: number): void {
  h.mstatus |= MSTATUS_FS;
  if (flags !== 0) h.fflags |= flags;
}

/** Writes a finite binary64 result (never NaN, so the view stores its exact bits). */
function finishD(h: Hart, rd: number, v: number, flags: number): number {
  if (Number.isNaN(v)) return NOT_HANDLED;
  lastD[rd] = v;
  accrue(h, flags);
  return DONE;
}

/**
 * Rounds v (a binary64 value, `flags` already known for that step) to binary32 and writes it, if
 * the result is a normal number far enough from overflow and underflow for the flags to be NX only.
 */
function roundS(h: Hart, rd: number, v: number, flags: number): number {
  const r = Math.fround(v);
  const m = r < 0 ? -r : r;
  if (r !== 0 && !(m >= F32_LOW && m < F32_HIGH)) return NOT_HANDLED;
  if (r === 0 && v !== 0) return NOT_HANDLED;
  if (Number.isNaN(v)) return NOT_HANDLED;
  lastS[2 * rd] = r;
  h.f[2 * rd + 1] = -1;
  accrue(h, r === v ? flags : flags | NX);
  return DONE;
}

/** op: 0 add, 1 sub, 2 mul, 3 div. */
function arithD(h: Hart, op: number, rd: number, rs1: number, rs2: number): number {
  const a = lastD[rs1];
  let b = lastD[rs2];
  if (op === 0 || op === 1) {
    if (op === 1) b = -b;
    // Any finite sum: TwoSum is exact without overflow, and sums in the subnormal range are exact.
    const s = twoSum(a, b);
    // Overflow, infinities and NaNs go the slow way, and so do sums so large that TwoSum's own
    // intermediate steps could overflow.
    if (!(s < 2 ** 1020 && s > -(2 ** 1020))) return NOT_HANDLED;
    return finishD(h, rd, s, scratch[0] === 0 ? 0 : NX);
  }
  // A zero times or over a finite, nonzero number is an exact zero with the sign JavaScript gives.
  if (a === 0 && inRange(b)) return finishD(h, rd, op === 2 ? a * b : a / b, 0);
  if (op === 2 && b === 0 && inRange(a)) return finishD(h, rd, a * b, 0);
  if (!inRange(a) || !inRange(b)) return NOT_HANDLED;
  if (op === 2) {
    const p = twoProduct(a, b);
    return finishD(h, rd, p, scratch[0] === 0 ? 0 : NX);
  }
  const q = a / b;
  const p = twoProduct(q, b);
  return finishD(h, rd, q, p === a && scratch[0] === 0 ? 0 : NX);
}

/** Both operands binary32 values (exact in doubles); op as in arithD. */
function arithS(h: Hart, op: number, rd: number, rs1: number, rs2: number): number {
  const a = lastS[2 * rs1];
  const b = lastS[2 * rs2];
  if (a - a !== 0 || b - b !== 0) return NOT_HANDLED; // NaNs and infinities
  if (op === 0 || op === 1) {
    const s = twoSum(a, op === 1 ? -b : b);
    return roundS(h, rd, s, scratch[0] === 0 ? 0 : NX);
  }
  if (op === 2) return roundS(h, rd, a * b, 0); // 24 + 24 bits: exact in binary64
  if (b === 0) return NOT_HANDLED;
  const q = a / b;
  const r = Math.fround(q);
  // If the quotient is a binary32 value, r·b is exact in binary64 and says whether it was exact.
  return roundS(h, rd, q, r === q && r * b === a ? 0 : NX);
}

function sqrtD(h: Hart, rd: number, rs1: number): number {
  const a = lastD[rs1];
  if (!inRange(a) || a < 0) return NOT_HANDLED;
  const r = Math.sqrt(a);
  const p = twoProduct(r, r);
  return finishD(h, rd, r, p === a && scratch[0] === 0 ? 0 : NX);
}

function sqrtS(h: Hart, rd: number, rs1: number): number {
  const a = lastS[2 * rs1];
  if (!(a > 0) || a - a !== 0) return NOT_HANDLED;
  const q = Math.sqrt(a);
  const r = Math.fround(q);
  return roundS(h, rd, q, r === q && r * r === a ? 0 : NX);
}

function compare(h: Hart, f3: number, rd: number, rs1: number, rs2: number, single: boolean): number {
  const a = single ? lastS[2 * rs1] : lastD[rs1];
  const b = single ? lastS[2 * rs2] : lastD[rs2];
  if (Number.isNaN(a) || Number.isNaN(b) || f3 > 2) return NOT_HANDLED;
  const v = f3 === 2 ? a === b : f3 === 1 ? a < b : a <= b;
  setX(h, rd, v ? 1 : 0, 0);
  return DONE;
}

/**
 * fcvt.{s,d}.{w,wu,l,lu}: the integer is exact in a double when it fits in 53 bits, so a double
 * result is exact and a single one is rounded once, by Math.fround (to nearest even; other modes
 * only when nothing is lost).
 */
function fromInt(h: Hart, kind: number, rm: number, rd: number, rs1: number, single: boolean): number {
  if (!validRm(h, rm)) return NOT_HANDLED;
  const lo = h.x[2 * rs1];
  const hi = h.x[2 * rs1 + 1];
  let v: number;
  if (kind === 0) v = lo;
  else if (kind === 1) v = lo >>> 0;
  else if (kind === 2 || kind === 3) {
    const top = kind === 2 ? hi : hi >>> 0;
    if (top < -0x200000 || top >= 0x200000) return NOT_HANDLED;
    v = top * 4294967296 + (lo >>> 0);
  } else return NOT_HANDLED;
  if (!single) {
    lastD[rd] = v;
    h.mstatus |= MSTATUS_FS;
    return DONE;
  }
  const r = Math.fround(v);
  if (r !== v && !nearest(h, rm)) return NOT_HANDLED;
  lastS[2 * rd] = r;
  h.f[2 * rd + 1] = -1;
  accrue(h, r === v ? 0 : NX);
  return DONE;
}

/**
 * fcvt.d.s: every binary32 value but NaN is exact in binary64. (The helpers here take register
 * numbers, not values: a double passed to a call V8 does not inline is boxed on the heap.)
 */
function widen(h: Hart, rd: number, rs1: number): number {
  return finishD(h, rd, lastS[2 * rs1], 0);
}

/** fcvt.s.d in round-to-nearest-even. */
function narrow(h: Hart, rd: number, rs1: number): number {
  return roundS(h, rd, lastD[rs1], 0);
}

/** fcvt.{w,wu,l,lu}.{s,d} in RTZ or RNE for values that convert without saturating. */
function toInt(h: Hart, kind: number, rm: number, rd: number, rs1: number, single: boolean): number {
  const v = single ? lastS[2 * rs1] : lastD[rs1];
  if (kind > 3) return NOT_HANDLED;
  let r: number;
  if (rm === 1 || (rm === 7 && h.frm === 1)) r = Math.trunc(v);
  else if (nearest(h, rm)) {
    r = Math.round(v);
    // Math.round breaks ties upward; RNE breaks them to even.
    if (r - v === 0.5 && r % 2 !== 0) r -= 1;
  } else return NOT_HANDLED;
  // NaNs, and negative values for the unsigned conversions (-0.5 → 0 with NX, or NV): the slow way.
  if (Number.isNaN(r) || ((kind & 1) === 1 && v < 0)) return NOT_HANDLED;
  const lo = kind === 0 ? -2147483648 : kind === 2 ? -(2 ** 53) : 0;
  const hi = kind === 0 ? 2147483647 : kind === 1 ? 4294967295 : 2 ** 53;
  if (!(r >= lo && r <= hi)) return NOT_HANDLED;
  if (rd !== 0) {
    if (kind < 2) {
      // 32-bit results are sign-extended, the unsigned ones too.
      h.x[2 * rd] = r | 0;
      h.x[2 * rd + 1] = (r | 0) >> 31;
    } else {
      const neg = r < 0;
      const m = neg ? -r : r;
      let l = m % 4294967296;
      let u = (m - l) / 4294967296;
      if (neg) {
        l = -l;
        u = ~u + (l === 0 ? 1 : 0);
      }
      h.x[2 * rd] = l | 0;
      h.x[2 * rd + 1] = u | 0;
    }
  }
  // Only an x register was written: FS changes only if a flag accrues.
  if (r !== v) {
    h.fflags |= NX;
    h.mstatus |= MSTATUS_FS;
  }
  return DONE;
}

/**
 * RN(a·b + c) with one rounding: the product split exactly (uh + ul), then Boldo and Melquiond's
 * sum: (th, tl) = TwoSum(c, uh), v = RO(tl + ul), result RN(th + v).
 */
function fmaD(
  h: Hart,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  negProduct: boolean,
  negAddend: boolean,
): number {
  const a = negProduct ? -lastD[rs1] : lastD[rs1];
  const b = lastD[rs2];
  const c = negAddend ? -lastD[rs3] : lastD[rs3];
  if (!inRange(a) || !inRange(b) || !(c === 0 || inRange(c))) return NOT_HANDLED;
  const uh = twoProduct(a, b);
  const ul = scratch[0];
  const th = twoSum(c, uh);
  const tl = scratch[0];
  const s = twoSum(tl, ul);
  const inexactLow = scratch[0] !== 0;
  const v = roundOdd(s, scratch[0]);
  const z = twoSum(th, v);
  if (z === 0 && (inexactLow || scratch[0] !== 0)) return NOT_HANDLED;
  return finishD(h, rd, z, inexactLow || scratch[0] !== 0 ? NX : 0);
}

/** Binary32: a·b is exact in binary64, so c + a·b = th + tl exactly; RO to 53 bits, then RN to 24. */
function fmaS(
  h: Hart,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  negProduct: boolean,
  negAddend: boolean,
): number {
  const a = negProduct ? -lastS[2 * rs1] : lastS[2 * rs1];
  const b = lastS[2 * rs2];
  const c = negAddend ? -lastS[2 * rs3] : lastS[2 * rs3];
  if (a - a !== 0 || b - b !== 0 || c - c !== 0) return NOT_HANDLED; // NaNs and infinities
  const th = twoSum(c, a * b);
  if (th === 0) return NOT_HANDLED; // signed zeros: softfloat decides
  const v = roundOdd(th, scratch[0]);
  return roundS(h, rd, v, scratch[0] === 0 ? 0 : NX);
}

function loadStore(h: Hart, raw: number, opcode: number, rd: number, f3: number, rs1: number): number {
  if (f3 !== 2 && f3 !== 3) return NOT_HANDLED;
  const imm = opcode === 0x07 ? raw >> 20 : ((raw >> 25) << 5) | ((raw >>> 7) & 31);
  const a = h.x[2 * rs1];
  const lo = (a + imm) | 0;
  const hi = (h.x[2 * rs1 + 1] + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
  const size = f3 === 2 ? 4 : 8;
  const f = h.f;
  const t = ((lo >>> 12) & 255) + h.dBase;
  const ram = h.ram;
  if (opcode === 0x07) {
    let vlo: number;
    let vhi: number;
    if (h.ltagLo[t] === (lo & -4096) && h.ltagHi[t] === hi && (lo & (size - 1)) === 0) {
      vlo = ram.loadAligned(h.loff[t] + (lo & 4095), size);
      vhi = size === 8 ? ram.loadedHi : -1;
    } else {
      vlo = h.loadSlow(lo, hi, size);
      if (h.trapped) return TRAPPED;
      vhi = size === 8 ? h.tmpHi : -1;
    }
    f[2 * rd] = vlo;
    f[2 * rd + 1] = vhi;
    h.mstatus |= MSTATUS_FS;
    return DONE;
  }
  const rs2 = (raw >>> 20) & 31;
  const vlo = f[2 * rs2];
  const vhi = f[2 * rs2 + 1];
  if (h.stagLo[t] === (lo & -4096) && h.stagHi[t] === hi && (lo & (size - 1)) === 0) {
    ram.storeAligned(h.soff[t] + (lo & 4095), size, vlo, vhi);
    return DONE;
  }
  if (h.storeTracked(lo, hi, size, vlo, vhi)) return DONE;
  h.storeSlow(lo, hi, size, vlo, vhi);
  return h.trapped ? TRAPPED : DONE;
}
