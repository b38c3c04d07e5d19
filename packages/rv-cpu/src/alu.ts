/**
 * 64-bit multiply and divide on (lo, hi) Int32 pairs. Results go to `out` (lo, hi) so nothing is
 * allocated on the common paths; divisions of values that need more than 32 bits use BigInt.
 */
export const out = new Int32Array(2);

const TWO32 = 4294967296;

/** Stores a safe-integer double as a 64-bit pair. */
function fromNumber(q: number): void {
  out[0] = (q % TWO32) | 0;
  out[1] = Math.floor(q / TWO32) | 0;
}

function fromBigInt(v: bigint): void {
  out[0] = Number(BigInt.asIntN(32, v));
  out[1] = Number(BigInt.asIntN(32, v >> 32n));
}

function toBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo >>> 0);
}

function toBigUint(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

const limbs = new Float64Array(8);

/** Full unsigned 128-bit product as 16-bit limbs in `limbs`. */
function mulLimbs(al: number, ah: number, bl: number, bh: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const a2 = ah & 0xffff;
  const a3 = ah >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const b2 = bh & 0xffff;
  const b3 = bh >>> 16;
  let c = a0 * b0;
  limbs[0] = c % 65536;
  c = Math.floor(c / 65536) + a0 * b1 + a1 * b0;
  limbs[1] = c % 65536;
  c = Math.floor(c / 65536) + a0 * b2 + a1 * b1 + a2 * b0;
  limbs[2] = c % 65536;
  c = Math.floor(c / 65536) + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
  limbs[3] = c % 65536;
  c = Math.floor(c / 65536) + a1 * b3 + a2 * b2 + a3 * b1;
  limbs[4] = c % 65536;
  c = Math.floor(c / 65536) + a2 * b3 + a3 * b2;
  limbs[5] = c % 65536;
  c = Math.floor(c / 65536) + a3 * b3;
  limbs[6] = c % 65536;
  limbs[7] = Math.floor(c / 65536);
}

/** Unsigned high 32 bits of a 32x32 product. */
function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const mid = ((a0 * b0) >>> 16) + a1 * b0;
  const mid2 = (mid & 0xffff) + a0 * b1;
  return (a1 * b1 + Math.floor(mid / 65536) + Math.floor(mid2 / 65536)) | 0;
}

export function mul(al: number, ah: number, bl: number, bh: number): void {
  out[0] = Math.imul(al, bl);
  out[1] = (mulhu32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
}

export function mulhu(al: number, ah: number, bl: number, bh: number): void {
  mulLimbs(al, ah, bl, bh);
  out[0] = limbs[4] + limbs[5] * 65536;
  out[1] = limbs[6] + limbs[7] * 65536;
}

/** High 64 bits of signed(a) * signed(b), or of signed(a) * unsigned(b) when `bSigned` is false. */
export function mulhSigned(al: number, ah: number, bl: number, bh: number, bSigned: boolean): void {
  mulhu(al, ah, bl, bh);
  let lo = out[0];
  let hi = out[1];
  // Two's complement correction: hi(a*b) = hiu(a*b) - (a<0 ? b : 0) - (b<0 ? a : 0)
  if (ah < 0) {
    const nlo = (lo - bl) | 0;
    hi = (hi - bh - (lo >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
    lo = nlo;
  }
  if (bSigned && bh < 0) {
    const nlo = (lo - al) | 0;
    hi = (hi - ah - (lo >>> 0 < al >>> 0 ? 1 : 0)) | 0;
    lo = nlo;
  }
  out[0] = lo;
  out[1] = hi;
}

/** Signed division (rem = false) or remainder, with RISC-V's results for /0 and overflow. */
export function divSigned(al: number, ah: number, bl: number, bh: number, rem: boolean): void {
  if (bl === 0 && bh === 0) {
    if (rem) {
      out[0] = al;
      out[1] = ah;
    } else {
      out[0] = -1;
      out[1] = -1;
    }
    return;
  }
  if (ah === al >> 31 && bh === bl >> 31) {
    // Both fit in 32 bits: exact in doubles (including -2^31 / -1 = 2^31).
    if (rem) {
      const r = (al % bl) | 0;
      out[0] = r;
      out[1] = r >> 31;
    } else fromNumber(Math.trunc(al / bl));
    return;
  }
  const a = toBigInt(al, ah);
  const b = toBigInt(bl, bh);
  if (b === -1n && a === -(1n << 63n)) {
    if (rem) {
      out[0] = 0;
      out[1] = 0;
    } else {
      out[0] = al;
      out[1] = ah;
    }
    return;
  }
  fromBigInt(rem ? a % b : a / b);
}

/** Unsigned division or remainder, with RISC-V's results for /0. */
export function divUnsigned(al: number, ah: number, bl: number, bh: number, rem: boolean): void {
  if (bl === 0 && bh === 0) {
    if (rem) {
      out[0] = al;
      out[1] = ah;
    } else {
      out[0] = -1;
      out[1] = -1;
    }
    return;
  }
  if (ah === 0 && bh === 0) {
    const a = al >>> 0;
    const b = bl >>> 0;
    out[0] = rem ? a % b : Math.floor(a / b);
    out[1] = 0;
    return;
  }
  const a = toBigUint(al, ah);
  const b = toBigUint(bl, bh);
  fromBigInt(rem ? a % b : a / b);
}

/** 32-bit signed division/remainder (DIVW/REMW); returns the 32-bit result. */
export function divw(a: number, b: number, rem: boolean): number {
  if (b === 0) return rem ? a : -1;
  if (b === -1 && a === -2147483648) return rem ? 0 : a;
  return rem ? (a % b) | 0 : (a / b) | 0;
}

/** 32-bit unsigned division/remainder (DIVUW/REMUW); returns the 32-bit result. */
export function divuw(a: number, b: number, rem: boolean): number {
  const ua = a >>> 0;
  const ub = b >>> 0;
  if (ub === 0) return rem ? a : -1;
  return rem ? (ua % ub) | 0 : Math.floor(ua / ub) | 0;
}
