/**
 * Every F and D instruction, executed from its raw bits (decode leaves them in one Op.FP slot, so
 * the meaning of each lives here only). fast.ts takes the common cases on the host's doubles; the
 * rest, and everything it declines, goes through softfloat here.
 */
import type { Hart } from "../hart.js";
import { CAUSE_ILLEGAL, MSTATUS_FS } from "../state.js";
import { DONE, fastExecute, TRAPPED } from "./fast.js";
import * as sf from "./softfloat.js";

const BOX = 0xffffffffn << 32n;
const MASK32 = 0xffffffffn;

function getF(h: Hart, r: number): bigint {
  return (BigInt(h.f[2 * r + 1] >>> 0) << 32n) | BigInt(h.f[2 * r] >>> 0);
}

function setF(h: Hart, r: number, v: bigint): void {
  h.f[2 * r] = Number(v & MASK32) | 0;
  h.f[2 * r + 1] = Number((v >> 32n) & MASK32) | 0;
  h.mstatus |= MSTATUS_FS;
}

/** A single-precision operand: a value not NaN-boxed reads as the canonical NaN. */
function getS(h: Hart, r: number): bigint {
  const v = getF(h, r);
  return (v & BOX) === BOX ? v & MASK32 : sf.F32.canonicalNaN;
}

function setS(h: Hart, r: number, v: bigint): void {
  setF(h, r, BOX | (v & MASK32));
}

function getX(h: Hart, r: number): bigint {
  return BigInt.asIntN(64, (BigInt(h.x[2 * r + 1] >>> 0) << 32n) | BigInt(h.x[2 * r] >>> 0));
}

function setX(h: Hart, r: number, v: bigint): void {
  if (r === 0) return;
  const u = BigInt.asUintN(64, v);
  h.x[2 * r] = Number(u & MASK32) | 0;
  h.x[2 * r + 1] = Number(u >> 32n) | 0;
}

/** The rounding mode an instruction asks for, or -1 if it is reserved (illegal). */
function roundingMode(h: Hart, rm: number): number {
  const m = rm === 7 ? h.frm : rm;
  return m > 4 ? -1 : m;
}

function illegal(h: Hart, raw: number): false {
  h.exception(CAUSE_ILLEGAL, raw, 0);
  return false;
}

/** The 32-bit FLD/FSD a compressed FP load or store stands for. */
export function expand(b: number): number {
  const q = b & 3;
  const f3 = b >>> 13;
  if (q === 0) {
    const rs1 = ((b >>> 7) & 7) + 8;
    const r = ((b >>> 2) & 7) + 8;
    const imm = (((b >>> 10) & 7) << 3) | (((b >>> 5) & 3) << 6);
    return f3 === 1 ? itype(imm, rs1, 3, r, 0x07) : stype(imm, r, rs1, 3, 0x27);
  }
  if (f3 === 1) {
    const imm = (((b >>> 12) & 1) << 5) | (((b >>> 5) & 3) << 3) | (((b >>> 2) & 7) << 6);
    return itype(imm, 2, 3, (b >>> 7) & 31, 0x07);
  }
  const imm = (((b >>> 10) & 7) << 3) | (((b >>> 7) & 7) << 6);
  return stype(imm, (b >>> 2) & 31, 2, 3, 0x27);
}

function itype(imm: number, rs1: number, f3: number, rd: number, op: number): number {
  return (imm << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op | 0;
}

function stype(imm: number, rs2: number, rs1: number, f3: number, op: number): number {
  return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | op | 0;
}

/**
 * Executes the F/D instruction `raw` at the hart's pc (the caller has set it). Returns false if it
 * trapped (the trap is taken; `trapped` may be set by a memory access).
 */
export function fpExecute(h: Hart, raw: number): boolean {
  if ((h.mstatus & MSTATUS_FS) === 0) return illegal(h, (raw & 3) === 3 ? raw >>> 0 : raw & 0xffff);
  const r = fastExecute(h, (raw & 3) === 3 ? raw : expand(raw & 0xffff));
  if (r === DONE) return true;
  if (r === TRAPPED) return false;
  return slowExecute(h, raw);
}

/** fpExecute by softfloat alone (FS already checked): the reference fast.ts is tested against. */
export function slowExecute(h: Hart, raw: number): boolean {
  const bits = (raw & 3) === 3 ? raw : expand(raw & 0xffff);
  const opcode = bits & 0x7f;
  const rd = (bits >>> 7) & 31;
  const f3 = (bits >>> 12) & 7;
  const rs1 = (bits >>> 15) & 31;
  const rs2 = (bits >>> 20) & 31;
  const fmt = (bits >>> 25) & 3;
  const tval = (raw & 3) === 3 ? raw >>> 0 : raw & 0xffff;
  sf.fp.flags = 0;
  switch (opcode) {
    case 0x07:
    case 0x27: {
      if (f3 !== 2 && f3 !== 3) return illegal(h, tval);
      const imm = opcode === 0x07 ? bits >> 20 : ((bits >> 25) << 5) | ((bits >>> 7) & 31);
      const a = BigInt.asUintN(64, getX(h, rs1) + BigInt(imm));
      const lo = Number(a & MASK32) | 0;
      const hi = Number(a >> 32n) | 0;
      const size = f3 === 2 ? 4 : 8;
      if (opcode === 0x07) {
        const vlo = h.loadSlow(lo, hi, size);
        if (h.trapped) return false;
        const v = size === 4 ? BigInt(vlo >>> 0) : (BigInt(h.tmpHi >>> 0) << 32n) | BigInt(vlo >>> 0);
        if (size === 4) setS(h, rd, v);
        else setF(h, rd, v);
        return true;
      }
      const v = getF(h, rs2);
      h.storeSlow(lo, hi, size, Number(v & MASK32) | 0, Number(v >> 32n) | 0);
      return !h.trapped;
    }
    case 0x43:
    case 0x47:
    case 0x4b:
    case 0x4f: {
      if (fmt > 1) return illegal(h, tval);
      const rm = roundingMode(h, f3);
      if (rm < 0) return illegal(h, tval);
      const rs3 = bits >>> 27;
      const negProduct = opcode === 0x4b || opcode === 0x4f;
      const negAddend = opcode === 0x47 || opcode === 0x4f;
      if (fmt === 0)
        setS(h, rd, sf.fma(sf.F32, getS(h, rs1), getS(h, rs2), getS(h, rs3), negProduct, negAddend, rm));
      else setF(h, rd, sf.fma(sf.F64, getF(h, rs1), getF(h, rs2), getF(h, rs3), negProduct, negAddend, rm));
      break;
    }
    case 0x53:
      if (!opFp(h, bits, rd, f3, rs1, rs2, fmt)) return illegal(h, tval);
      break;
    default:
      return illegal(h, tval);
  }
  if (sf.fp.flags !== 0) {
    h.fflags |= sf.fp.flags;
    h.mstatus |= MSTATUS_FS;
  }
  return true;
}

/** OP-FP; false if the encoding is reserved. */
function opFp(h: Hart, bits: number, rd: number, f3: number, rs1: number, rs2: number, fmt: number): boolean {
  const funct5 = bits >>> 27;
  if (fmt > 1) return false;
  const d = fmt === 1;
  const F = d ? sf.F64 : sf.F32;
  const get = (r: number) => (d ? getF(h, r) : getS(h, r));
  const put = (v: bigint) => (d ? setF(h, rd, v) : setS(h, rd, v));
  const rm = () => roundingMode(h, f3);
  switch (funct5) {
    case 0x00:
    case 0x01:
    case 0x02:
    case 0x03: {
      const m = rm();
      if (m < 0) return false;
      const ops = [sf.add, sf.sub, sf.mul, sf.div];
      put(ops[funct5](F, get(rs1), get(rs2), m));
      return true;
    }
    case 0x0b: {
      const m = rm();
      if (m < 0 || rs2 !== 0) return false;
      put(sf.sqrt(F, get(rs1), m));
      return true;
    }
    case 0x04: {
      if (f3 > 2) return false;
      const width = d ? 64n : 32n;
      const sign = 1n << (width - 1n);
      const a = get(rs1);
      const b = get(rs2);
      const s = f3 === 0 ? b & sign : f3 === 1 ? ~b & sign : (a ^ b) & sign;
      put((a & ~sign) | s);
      return true;
    }
    case 0x05:
      if (f3 > 1) return false;
      put(sf.minMax(F, get(rs1), get(rs2), f3 === 1));
      return true;
    case 0x08: {
      // fcvt.s.d (fmt 0, rs2 1) and fcvt.d.s (fmt 1, rs2 0)
      const m = rm();
      if (m < 0 || rs2 !== (d ? 0 : 1)) return false;
      if (d) put(sf.convert(sf.F32, sf.F64, getS(h, rs1), m));
      else put(sf.convert(sf.F64, sf.F32, getF(h, rs1), m));
      return true;
    }
    case 0x14: {
      if (f3 > 2) return false;
      const op = f3 === 2 ? "eq" : f3 === 1 ? "lt" : "le";
      setX(h, rd, BigInt(sf.compare(F, get(rs1), get(rs2), op)));
      return true;
    }
    case 0x18: {
      const m = rm();
      if (m < 0 || rs2 > 3) return false;
      const v = sf.toInt(F, get(rs1), rs2 < 2 ? 32 : 64, (rs2 & 1) === 0, m);
      // 32-bit results are sign-extended into the register, even for the unsigned conversions.
      setX(h, rd, rs2 < 2 ? BigInt.asIntN(32, v) : v);
      return true;
    }
    case 0x1a: {
      const m = rm();
      if (m < 0 || rs2 > 3) return false;
      let v = getX(h, rs1);
      if (rs2 === 0) v = BigInt.asIntN(32, v);
      else if (rs2 === 1) v = BigInt.asUintN(32, v);
      else if (rs2 === 3) v = BigInt.asUintN(64, v);
      put(sf.fromInt(F, v, m));
      return true;
    }
    case 0x1c:
      if (rs2 !== 0) return false;
      if (f3 === 0) setX(h, rd, d ? getF(h, rs1) : BigInt.asIntN(32, getF(h, rs1) & MASK32));
      else if (f3 === 1) setX(h, rd, BigInt(sf.classify(F, get(rs1))));
      else return false;
      return true;
    case 0x1e:
      if (rs2 !== 0 || f3 !== 0) return false;
      if (d) setF(h, rd, BigInt.asUintN(64, getX(h, rs1)));
      else setS(h, rd, getX(h, rs1) & MASK32);
      return true;
    default:
      return false;
  }
}
