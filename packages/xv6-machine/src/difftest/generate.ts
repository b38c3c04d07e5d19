/**
 * Random RV64GC programs for differential testing: a body of items (one instruction, or a few that
 * belong together such as an address computation and the AMO that uses it) over an initial state.
 * Branches and jumps only go forward, so every program ends; a trap handler skips faulting
 * instructions. Kept out on purpose (they differ legitimately, or hit known QEMU 7.2 departures from
 * the specification; see the README): time-dependent CSRs, misa, the vendor/arch/impl IDs,
 * misaligned AMOs and SCs, misaligned accesses that fault, wfi and xRET.
 */
import * as E from "./encode.js";
import { BASE_GP, BASE_S0, BASE_SP, INIT_SCRATCH, SCRATCH, SCRATCH_SIZE } from "./layout.js";
import { Rng } from "./rng.js";

export interface Item {
  /** What it is, for reports. */
  name: string;
  size: number;
  /** Index of the item a branch goes to (the end of the body when past it). */
  target?: number;
  /** Halfwords, given the item's address and its target's. */
  enc: (pc: number, to: number) => number[];
}

export interface Program {
  seed: number;
  body: Item[];
  /** x0-x31 (x0 ignored) and f0-f31 as 64-bit patterns. */
  x: bigint[];
  f: bigint[];
  fcsr: number;
  mstatus: number;
  scratch: Uint8Array;
}

const halves = (...ws: number[]) => ws.flatMap((w) => [w & 0xffff, w >>> 16]);
/** An item of whole 32-bit instructions. */
export const fixed = (name: string, ...ws: number[]): Item => ({
  name,
  size: ws.length * 4,
  enc: () => halves(...ws),
});
const short = (name: string, h: number): Item => ({ name, size: 2, enc: () => [h & 0xffff] });

/** Registers the body may write: all but x0 and the scratch pointers (x0 is added now and then). */
const WRITABLE = [
  1, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
];
const C_WRITABLE = [9, 10, 11, 12, 13, 14, 15];

const M64 = (1n << 64n) - 1n;
const EDGE_X: bigint[] = [
  0n,
  1n,
  2n,
  M64,
  M64 - 1n,
  0x7fff_ffff_ffff_ffffn,
  0x8000_0000_0000_0000n,
  0x7fff_ffffn,
  0x8000_0000n,
  0xffff_ffff_8000_0000n,
  0xffff_ffffn,
  0x1_0000_0000n,
  31n,
  32n,
  63n,
  64n,
];

const D_SPECIAL: bigint[] = [
  0n,
  0x8000_0000_0000_0000n,
  0x3ff0_0000_0000_0000n, // 1.0
  0xbff0_0000_0000_0000n, // -1.0
  0x7ff0_0000_0000_0000n, // +inf
  0xfff0_0000_0000_0000n, // -inf
  0x7ff8_0000_0000_0000n, // canonical qNaN
  0x7ff0_0000_0000_0001n, // sNaN
  0xfff8_0000_0000_1234n, // negative qNaN with payload
  0x0000_0000_0000_0001n, // smallest subnormal
  0x000f_ffff_ffff_ffffn, // largest subnormal
  0x0010_0000_0000_0000n, // smallest normal
  0x7fef_ffff_ffff_ffffn, // largest finite
  0x43e0_0000_0000_0000n, // 2^63
  0xc3e0_0000_0000_0000n, // -2^63
  0x41e0_0000_0000_0000n, // 2^31
  0x3fe0_0000_0000_0000n, // 0.5
  0x3ff8_0000_0000_0000n, // 1.5
  0x4004_0000_0000_0000n, // 2.5
];
const S_SPECIAL: number[] = [
  0, 0x8000_0000, 0x3f80_0000, 0xbf80_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0x7f80_0001, 0xffc0_1234,
  1, 0x007f_ffff, 0x0080_0000, 0x7f7f_ffff, 0x5f00_0000, 0xdf00_0000, 0x4f00_0000, 0x3f00_0000, 0x3fc0_0000,
  0x4020_0000,
];
const BOX = 0xffff_ffff_0000_0000n;

function xValue(r: Rng): bigint {
  switch (r.int(4)) {
    case 0:
      return r.u64();
    case 1:
      return BigInt.asUintN(64, BigInt(r.range(-100, 100)));
    default:
      return r.pick(EDGE_X);
  }
}

function fValue(r: Rng): bigint {
  switch (r.int(6)) {
    case 0:
      return r.pick(D_SPECIAL);
    case 1:
      return r.u64();
    case 2:
      // A random double near 1 (so that sums and products round, not overflow).
      return (0x3fen << 52n) | (r.u64() & 0x1f_ffff_ffff_ffffn);
    case 3:
      return BOX | BigInt(r.pick(S_SPECIAL));
    case 4:
      return BOX | BigInt((0x3f00_0000 | (r.u32() & 0x00ff_ffff)) >>> 0);
    default:
      // Not NaN-boxed: a single-precision read of it sees the canonical NaN.
      return BigInt(r.u32()) << (r.bool() ? 0n : 16n);
  }
}

const reg = (r: Rng) => r.int(32);
const rdOf = (r: Rng) => (r.bool(0.05) ? 0 : r.pick(WRITABLE));
const imm12 = (r: Rng) => r.pick([0, 1, -1, 2047, -2048, r.range(-2048, 2047), r.range(-16, 16)]);

const ALU_R: [string, number, number, number][] = [
  ["add", 0x33, 0, 0],
  ["sub", 0x33, 0, 0x20],
  ["sll", 0x33, 1, 0],
  ["slt", 0x33, 2, 0],
  ["sltu", 0x33, 3, 0],
  ["xor", 0x33, 4, 0],
  ["srl", 0x33, 5, 0],
  ["sra", 0x33, 5, 0x20],
  ["or", 0x33, 6, 0],
  ["and", 0x33, 7, 0],
  ["mul", 0x33, 0, 1],
  ["mulh", 0x33, 1, 1],
  ["mulhsu", 0x33, 2, 1],
  ["mulhu", 0x33, 3, 1],
  ["div", 0x33, 4, 1],
  ["divu", 0x33, 5, 1],
  ["rem", 0x33, 6, 1],
  ["remu", 0x33, 7, 1],
  ["addw", 0x3b, 0, 0],
  ["subw", 0x3b, 0, 0x20],
  ["sllw", 0x3b, 1, 0],
  ["srlw", 0x3b, 5, 0],
  ["sraw", 0x3b, 5, 0x20],
  ["mulw", 0x3b, 0, 1],
  ["divw", 0x3b, 4, 1],
  ["divuw", 0x3b, 5, 1],
  ["remw", 0x3b, 6, 1],
  ["remuw", 0x3b, 7, 1],
];

function aluR(r: Rng): Item {
  const [name, op, f3, f7] = r.pick(ALU_R);
  return fixed(name, E.rType(op, f3, f7, rdOf(r), reg(r), reg(r)));
}

function aluI(r: Rng): Item {
  const rd = rdOf(r);
  const rs = reg(r);
  switch (r.int(12)) {
    case 0:
      return fixed("slli", E.iType(0x13, 1, rd, rs, r.int(64)));
    case 1:
      return fixed("srli", E.iType(0x13, 5, rd, rs, r.int(64)));
    case 2:
      return fixed("srai", E.iType(0x13, 5, rd, rs, 0x400 | r.int(64)));
    case 3:
      return fixed("slliw", E.iType(0x1b, 1, rd, rs, r.int(32)));
    case 4:
      return fixed("srliw", E.iType(0x1b, 5, rd, rs, r.int(32)));
    case 5:
      return fixed("sraiw", E.iType(0x1b, 5, rd, rs, 0x400 | r.int(32)));
    case 6:
      return fixed("addiw", E.iType(0x1b, 0, rd, rs, imm12(r)));
    case 7:
      return fixed(r.bool() ? "lui" : "auipc", E.uType(r.bool() ? 0x37 : 0x17, rd, r.u32()));
    default: {
      const [name, f3] = r.pick([
        ["addi", 0],
        ["slti", 2],
        ["sltiu", 3],
        ["xori", 4],
        ["ori", 6],
        ["andi", 7],
      ] as const);
      return fixed(name, E.iType(0x13, f3, rd, rs, imm12(r)));
    }
  }
}

/** An offset from base `b` (pointing `delta` into the scratch area) for a `size`-byte access. */
function offset(r: Rng, delta: number, size: number, misaligned: boolean): number {
  const o = r.int(SCRATCH_SIZE - size + 1);
  return (misaligned ? o : o & ~(size - 1)) - delta;
}

const LOADS: [string, number, number][] = [
  ["lb", 0, 1],
  ["lh", 1, 2],
  ["lw", 2, 4],
  ["ld", 3, 8],
  ["lbu", 4, 1],
  ["lhu", 5, 2],
  ["lwu", 6, 4],
];
const STORES: [string, number, number][] = [
  ["sb", 0, 1],
  ["sh", 1, 2],
  ["sw", 2, 4],
  ["sd", 3, 8],
];

function memory(r: Rng): Item {
  const [base, delta] = r.pick([
    [BASE_SP, 0],
    [BASE_GP, 256],
    [BASE_S0, 128],
  ] as const);
  const mis = r.bool(0.1);
  switch (r.int(4)) {
    case 0:
    case 1: {
      const [name, f3, size] = r.pick(LOADS);
      return fixed(name, E.iType(0x03, f3, rdOf(r), base, offset(r, delta, size, mis)));
    }
    case 2: {
      const [name, f3, size] = r.pick(STORES);
      return fixed(name, E.sType(0x23, f3, base, reg(r), offset(r, delta, size, mis)));
    }
    default: {
      const dbl = r.bool();
      const size = dbl ? 8 : 4;
      if (r.bool())
        return fixed(
          dbl ? "fld" : "flw",
          E.iType(0x07, dbl ? 3 : 2, reg(r), base, offset(r, delta, size, mis)),
        );
      return fixed(
        dbl ? "fsd" : "fsw",
        E.sType(0x27, dbl ? 3 : 2, base, reg(r), offset(r, delta, size, mis)),
      );
    }
  }
}

/** Aligned accesses to addresses where nothing answers: access faults. */
function badAccess(r: Rng): Item {
  const t = r.pick(WRITABLE);
  const [f3, size] = r.pick([
    [0, 1],
    [1, 2],
    [2, 4],
    [3, 8],
  ] as const);
  const hi = r.pick([0, 0xfffff, 0x80000]);
  const off = r.pick([0, 8, 64]) & ~(size - 1);
  const load = r.bool();
  const access = load ? E.iType(0x03, f3, rdOf(r), t, off) : E.sType(0x23, f3, t, reg(r), off);
  return fixed(load ? "load-fault" : "store-fault", E.lui(t, hi), access);
}

const AMOS: [string, number][] = [
  ["amoadd", 0],
  ["amoswap", 1],
  ["amoxor", 4],
  ["amoor", 8],
  ["amoand", 0xc],
  ["amomin", 0x10],
  ["amomax", 0x14],
  ["amominu", 0x18],
  ["amomaxu", 0x1c],
];

function aligned(r: Rng, size: number): number {
  return r.int(SCRATCH_SIZE / size) * size - 256;
}

function atomic(r: Rng): Item {
  const dbl = r.bool();
  const size = dbl ? 8 : 4;
  const f3 = dbl ? 3 : 2;
  const t = r.pick(WRITABLE);
  const addr = E.addi(t, BASE_GP, aligned(r, size));
  const aqrl = r.int(4);
  const sfx = dbl ? ".d" : ".w";
  const kind = r.int(4);
  if (kind < 2) {
    const [name, f5] = r.pick(AMOS);
    return fixed(name + sfx, addr, E.rType(0x2f, f3, (f5 << 2) | aqrl, rdOf(r), t, reg(r)));
  }
  const sc = E.rType(0x2f, f3, (3 << 2) | aqrl, rdOf(r), t, reg(r));
  if (kind === 2) return fixed(`sc${sfx}-alone`, addr, sc);
  const lr = E.rType(0x2f, f3, (2 << 2) | aqrl, r.pick(WRITABLE.filter((x) => x !== t)), t, 0);
  const between: number[] = [];
  for (let i = r.int(3); i > 0; i--) {
    const rd = r.pick(WRITABLE.filter((x) => x !== t));
    between.push(E.rType(0x33, r.pick([0, 4, 6]), 0, rd, reg(r), reg(r)));
  }
  return fixed(`lr/sc${sfx}`, addr, lr, ...between, sc);
}

/** Composite `li`: a 32-bit value, sign-extended, into `rd`. */
function li32(rd: number, v: number): number[] {
  const lo = (v << 20) >> 20;
  const hi = ((v - lo) >>> 12) & 0xfffff;
  return [E.lui(rd, hi), E.iType(0x1b, 0, rd, rd, lo)];
}

const bitList = (...ns: number[]) => ns.map((n) => 2 ** n);
/** mstatus bits a program may set: not MIE (interrupts) or MPRV; MPP is chosen apart (no 2). */
const MSTATUS_SAFE = bitList(1, 5, 7, 8, 13, 14, 18, 19, 20, 21, 22);
const SSTATUS_SAFE = bitList(1, 5, 8, 13, 14, 18, 19);
const IRQ_BITS = bitList(1, 3, 5, 7, 9, 11);
/** CSRs any value may be written to (and read back through rd). */
const FREE_CSRS = [0x001, 0x002, 0x003, 0x342, 0x105, 0x140, 0x142, 0x143];
/** mepc and sepc: written even values only (QEMU 7.2 keeps bit 0, which the specification has read zero). */
const EPCS = [0x341, 0x141];
/**
 * CSRs written with values made of the given bits only (csrrc may clear anything): bits that
 * exist in QEMU 7.2 but not in the specification without H (mideleg's VS bits, medeleg's 10 and
 * 11, which is read-only zero), bits of the
 * 32-bit counter-enable registers that QEMU keeps above bit 31, and mip's read of the timer.
 */
const CONTROLLED: [number, number[], boolean][] = [
  [0x302, bitList(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 15), true],
  [0x303, IRQ_BITS, true],
  [0x304, IRQ_BITS, true],
  [0x104, IRQ_BITS, true],
  [0x306, bitList(0, 1, 2, 3, 4, 5, 17, 30), true],
  [0x106, bitList(0, 1, 2, 3, 4, 5, 17, 30), true],
  [0x344, IRQ_BITS, false],
  [0x144, IRQ_BITS, true],
  [0x30a, bitList(0), true],
  [0x10a, bitList(0), true],
];
/** Read-only here: reading is deterministic; writing would break the harness or is ignored. */
const READ_CSRS = [
  0x341, 0x141, 0x300, 0x100, 0x144, 0x180, 0x30a, 0x10a, 0x340, 0x305, 0xf14, 0xf15, 0x302, 0x303, 0x304,
  0x306, 0x106,
];
/** Writes to these trap (read-only CSRs) or they do not exist. */
const BAD_CSRS = [0xf11, 0xf12, 0xf13, 0xf14, 0xc00, 0xc01, 0xc02, 0x004, 0x5ff, 0x7ff];

function bits(r: Rng, safe: number[]): number {
  let v = 0;
  for (const b of safe) if (r.bool(0.3)) v |= b;
  return v;
}

/**
 * Whether the body may read mstatus/sstatus: not when FS starts Initial or Clean, where our hart
 * and QEMU may legitimately disagree on when it becomes Dirty (see compare.ts).
 */
let statusReads = true;

function csrItem(r: Rng): Item {
  const k = r.int(10);
  const op = r.range(1, 3);
  const rd = rdOf(r);
  if (k === 2) {
    const t = r.pick(WRITABLE);
    return fixed(`csr${op} epc`, E.andi(t, reg(r), -2), E.csr(op, rd, t, r.pick(EPCS)));
  }
  if (k <= 1) {
    const num = r.pick(FREE_CSRS);
    if (r.bool(0.3)) return fixed(`csr${op}i ${num.toString(16)}`, E.csr(op + 4, rd, r.int(32), num));
    return fixed(`csr${op} ${num.toString(16)}`, E.csr(op, rd, reg(r), num));
  }
  if (k === 3) {
    const num = r.pick(READ_CSRS.filter((c) => statusReads || (c !== 0x300 && c !== 0x100)));
    return fixed(`csrr ${num.toString(16)}`, E.csr(2, rd, 0, num));
  }
  if (k === 4) {
    const num = r.pick(BAD_CSRS);
    // csrrs/csrrc through a register that holds 0 do not trap on QEMU 7.2: use immediates there.
    if (op === 1) return fixed(`csrrw ${num.toString(16)} (bad)`, E.csr(1, 0, reg(r), num));
    return fixed(`csr${op}i ${num.toString(16)} (bad)`, E.csr(op + 4, 0, r.range(1, 31), num));
  }
  const t = r.pick(WRITABLE);
  if (k <= 6) {
    const sup = r.bool(0.3);
    const num = sup ? 0x100 : 0x300;
    let v = bits(r, sup ? SSTATUS_SAFE : MSTATUS_SAFE);
    // MPP never becomes 2 (reserved; QEMU 7.2 keeps it): csrrc clears both of its bits or neither.
    if (!sup) v |= r.pick(op === 3 ? [0, 3] : [0, 1, 3]) << 11;
    // csrrs/csrrc move FS by both bits (its old value, Dirty or not, may legitimately differ);
    // where the body reads the status, FS only moves between Off and Dirty.
    if (statusReads || op !== 1) v = (v & ~(3 << 13)) | (r.bool() ? 3 << 13 : 0);
    const out = statusReads ? rd : 0;
    return fixed(`csr${op} ${sup ? "sstatus" : "mstatus"}`, ...li32(t, v), E.csr(op, out, t, num));
  }
  if (k <= 8) {
    const [num, safe, readable] = r.pick(CONTROLLED);
    const out = readable ? rd : 0;
    if (op === 3 && r.bool()) return fixed(`csrc ${num.toString(16)}`, E.csr(3, out, reg(r), num));
    return fixed(`csr${op} ${num.toString(16)}`, ...li32(t, bits(r, safe)), E.csr(op, out, t, num));
  }
  // satp: Bare, or Sv39 with a random root page (no effect on M-mode fetches and accesses).
  if (r.bool(0.3)) return fixed("csrw satp 0", E.csr(1, rd, 0, 0x180));
  const u = r.pick(WRITABLE.filter((x) => x !== t));
  return fixed(
    "csrw satp sv39",
    ...li32(t, r.u32() & 0x7fff_ffff),
    E.addi(u, 0, 1),
    E.slli(u, u, 63),
    E.rType(0x33, 6, 0, t, t, u),
    E.csr(1, rd, t, 0x180),
  );
}

const RMS = [0, 1, 2, 3, 4, 7];

function fp(r: Rng): Item {
  const fmt = r.bool(0.01) ? r.range(2, 3) : r.int(2);
  const sfx = fmt === 1 ? ".d" : ".s";
  const rm = r.bool(0.02) ? r.range(5, 6) : r.pick(RMS);
  const rd = reg(r);
  const rs1 = reg(r);
  const rs2 = reg(r);
  const op = (f5: number, f3: number, d: number, a: number, b: number) =>
    E.rType(0x53, f3, (f5 << 2) | fmt, d, a, b);
  switch (r.int(15)) {
    case 0:
    case 1: {
      const [name, f5] = r.pick([
        ["fadd", 0],
        ["fsub", 1],
        ["fmul", 2],
        ["fdiv", 3],
      ] as const);
      return fixed(name + sfx, op(f5, rm, rd, rs1, rs2));
    }
    case 2:
      return fixed(`fsqrt${sfx}`, op(0xb, rm, rd, rs1, 0));
    case 3:
      return fixed(`fsgnj${sfx}`, op(4, r.int(3), rd, rs1, rs2));
    case 4:
      return fixed(`fminmax${sfx}`, op(5, r.int(2), rd, rs1, rs2));
    case 5:
      return fixed(`fcvt${sfx}.${fmt === 1 ? "s" : "d"}`, op(8, rm, rd, rs1, fmt === 1 ? 0 : 1));
    case 6:
      return fixed(`fcmp${sfx}`, op(0x14, r.int(3), rdOf(r), rs1, rs2));
    case 7:
      return fixed(`fcvt.int${sfx}`, op(0x18, rm, rdOf(r), rs1, r.int(4)));
    case 8:
      return fixed(`fcvt${sfx}.int`, op(0x1a, rm, rd, rs1, r.int(4)));
    case 9:
      return fixed(`fmv.x/fclass${sfx}`, op(0x1c, r.int(2), rdOf(r), rs1, 0));
    case 10:
      return fixed(`fmv${sfx}.x`, op(0x1e, 0, rd, rs1, 0));
    default: {
      const opc = r.pick([0x43, 0x47, 0x4b, 0x4f]);
      const w = (reg(r) << 27) | (fmt << 25) | (rs2 << 20) | (rs1 << 15) | (rm << 12) | (rd << 7) | opc;
      return fixed(`fma${sfx}`, w >>> 0);
    }
  }
}

function compressed(r: Rng): Item {
  const cr = () => r.pick(C_WRITABLE);
  const w = () => r.pick(WRITABLE);
  const imm6 = () => r.pick([0, 1, 31, 32, 63, r.int(64)]);
  switch (r.int(20)) {
    case 0:
      return short("c.addi", E.cI(0, w(), imm6(), 1));
    case 1:
      return short("c.addiw", E.cI(1, w(), imm6(), 1));
    case 2:
      return short("c.li", E.cI(2, w(), imm6(), 1));
    case 3: {
      const rd = r.pick(WRITABLE.filter((x) => x !== 2));
      return short("c.lui", E.cI(3, rd, r.range(1, 63), 1));
    }
    case 4:
      return short("c.srli/srai/andi", E.cB(r.int(3), cr(), imm6()));
    case 5:
      return short("c.sub/xor/or/and", E.cA(0, r.int(4), cr(), r.range(8, 15)));
    case 6:
      return short("c.subw/addw", E.cA(1, r.int(2), cr(), r.range(8, 15)));
    case 7:
      return short("c.slli", E.cI(0, w(), imm6(), 2));
    case 8:
      return short("c.mv", E.cR(0b1000, w(), r.range(1, 31)));
    case 9:
      return short("c.add", E.cR(0b1001, w(), r.range(1, 31)));
    case 10: {
      const dbl = r.bool();
      const off = dbl ? r.int(32) * 8 : r.int(32) * 4;
      return short(dbl ? "c.ld" : "c.lw", E.cMem(dbl ? 3 : 2, cr(), BASE_S0, off, dbl));
    }
    case 11: {
      const dbl = r.bool();
      const off = dbl ? r.int(32) * 8 : r.int(32) * 4;
      return short(dbl ? "c.sd" : "c.sw", E.cMem(dbl ? 7 : 6, r.range(8, 15), BASE_S0, off, dbl));
    }
    case 12: {
      const off = r.int(32) * 8;
      return r.bool()
        ? short("c.fld", E.cMem(1, r.range(8, 15), BASE_S0, off, true))
        : short("c.fsd", E.cMem(5, r.range(8, 15), BASE_S0, off, true));
    }
    case 13: {
      const kind = r.int(3);
      const dbl = kind !== 0;
      const off = dbl ? r.int(64) * 8 : r.int(64) * 4;
      const f3 = [2, 3, 1][kind];
      return short(["c.lwsp", "c.ldsp", "c.fldsp"][kind], E.cLoadSp(f3, kind === 2 ? reg(r) : w(), off, dbl));
    }
    case 14: {
      const kind = r.int(3);
      const dbl = kind !== 0;
      const off = dbl ? r.int(64) * 8 : r.int(64) * 4;
      return short(["c.swsp", "c.sdsp", "c.fsdsp"][kind], E.cStoreSp([6, 7, 5][kind], reg(r), off, dbl));
    }
    case 15:
      return short("c.addi4spn", E.cAddi4spn(cr(), r.range(1, 255) * 4));
    case 16:
      return short("c.nop", 0x0001);
    default:
      return short("c.mv", E.cR(0b1000, w(), r.range(1, 31)));
  }
}

function branch(r: Rng, i: number): Item {
  const target = i + r.range(1, 12);
  switch (r.int(8)) {
    case 0: {
      const rd = rdOf(r);
      return { name: "jal", size: 4, target, enc: (pc, to) => halves(E.jal(rd, to - pc)) };
    }
    case 1:
      return { name: "c.j", size: 2, target, enc: (pc, to) => [E.cJ(to - pc)] };
    case 2: {
      const f3 = r.pick([6, 7]);
      const rs = r.range(8, 15);
      return {
        name: f3 === 6 ? "c.beqz" : "c.bnez",
        size: 2,
        target,
        enc: (pc, to) => [E.cBranch(f3, rs, to - pc)],
      };
    }
    case 3: {
      const t = r.pick(WRITABLE);
      const rd = rdOf(r);
      return {
        name: "jalr",
        size: 8,
        target,
        enc: (pc, to) => halves(E.auipc(t, 0), E.jalr(rd, t, to - pc)),
      };
    }
    case 4: {
      const t = r.pick(WRITABLE);
      const link = r.bool();
      return {
        name: link ? "c.jalr" : "c.jr",
        size: 10,
        target,
        enc: (pc, to) => [
          ...halves(E.auipc(t, 0), E.addi(t, t, to - pc)),
          E.cR(link ? 0b1001 : 0b1000, t, 0),
        ],
      };
    }
    default: {
      const f3 = r.pick([0, 1, 4, 5, 6, 7]);
      const a = reg(r);
      const b = r.bool(0.2) ? a : reg(r);
      return { name: "branch", size: 4, target, enc: (pc, to) => halves(E.bType(f3, a, b, to - pc)) };
    }
  }
}

const ILLEGAL32 = [
  0xffff_ffff, // all ones
  E.rType(0x33, 0, 0x02, 5, 6, 7), // OP with an unassigned funct7
  E.iType(0x03, 7, 5, 2, 0), // LOAD funct3 7
  E.sType(0x23, 4, 2, 5, 0), // STORE funct3 4
  E.rType(0x3b, 1, 0x20, 5, 6, 7), // OP-32 sllw with funct7 0x20
  E.iType(0x1b, 1, 5, 6, 0x20), // slliw with shamt bit 5
  0x0000_007f, // a 64-bit-or-longer encoding's first word
  0x3020_0073 | (1 << 7), // mret with rd != 0
];

/** c.addi16sp 0, c.lui x5 0, c.addiw x0, c.lwsp x0, c.jr x0: reserved. */
const C_RESERVED = [0x6101, 0x6281, 0x2001, 0x4002, 0x8002];

function trap(r: Rng): Item {
  switch (r.int(7)) {
    case 0:
      return fixed("ecall", 0x73);
    case 1:
      return r.bool() ? fixed("ebreak", 0x0010_0073) : short("c.ebreak", 0x9002);
    case 2:
      return short("c.unimp", 0x0000);
    case 3:
      return short("c.reserved", r.pick(C_RESERVED));
    case 4:
      return fixed(
        "fence",
        r.pick([0x0ff0_000f, 0x0000_100f, 0x1200_0073 /* sfence.vma */, 0x8330_000f /* fence.tso */]),
      );
    default: {
      const w = r.pick(ILLEGAL32);
      return fixed(`illegal ${w.toString(16)}`, w >>> 0);
    }
  }
}

export interface GenOptions {
  /** Body length in items (a range). */
  minItems?: number;
  maxItems?: number;
}

export function generate(seed: number, opts: GenOptions = {}): Program {
  const r = new Rng(seed);
  const n = r.range(opts.minItems ?? 10, opts.maxItems ?? 80);
  const fs = r.pick([1, 2, 3, 3, 3, r.bool(0.1) ? 0 : 3]);
  statusReads = fs === 0 || fs === 3;
  const body: Item[] = [];
  // Each program leans on a few kinds of instruction, so that their interactions come up often.
  const weights = [
    r.range(1, 6),
    r.range(0, 4),
    r.range(0, 5),
    r.range(0, 3),
    r.range(0, 3),
    r.range(0, 6),
    r.range(0, 4),
    r.range(0, 3),
    r.int(2),
  ];
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  for (let i = 0; i < n; i++) {
    let k = r.int(total);
    let kind = 0;
    while (k >= weights[kind]) {
      k -= weights[kind];
      kind++;
    }
    body.push(makeItem(r, kind, i));
  }
  const x: bigint[] = [];
  for (let i = 0; i < 32; i++) x.push(xValue(r));
  x[0] = 0n;
  x[BASE_SP] = BigInt(SCRATCH);
  x[BASE_GP] = BigInt(SCRATCH + 256);
  x[BASE_S0] = BigInt(SCRATCH + 128);
  const f: bigint[] = [];
  for (let i = 0; i < 32; i++) f.push(fValue(r));
  const scratch = new Uint8Array(SCRATCH_SIZE);
  for (let i = 0; i < SCRATCH_SIZE; i += 4) {
    const v = r.bool(0.3) ? Number(r.pick(D_SPECIAL) >> 32n) : r.u32();
    scratch[i] = v & 0xff;
    scratch[i + 1] = (v >>> 8) & 0xff;
    scratch[i + 2] = (v >>> 16) & 0xff;
    scratch[i + 3] = v >>> 24;
  }
  const frm = r.bool(0.03) ? r.range(5, 7) : r.int(5);
  const mstatus = (fs << 13) | (3 << 11) | bits(r, [1 << 1, 1 << 5, 1 << 7, 1 << 8, 1 << 18, 1 << 19]);
  return { seed, body, x, f, fcsr: (frm << 5) | r.int(32), mstatus, scratch };
}

function makeItem(r: Rng, kind: number, i: number): Item {
  switch (kind) {
    case 0:
      return r.bool(0.6) ? aluR(r) : aluI(r);
    case 1:
      return r.bool(0.9) ? memory(r) : badAccess(r);
    case 2:
      return fp(r);
    case 3:
      return atomic(r);
    case 4:
      return csrItem(r);
    case 5:
      return compressed(r);
    case 6:
      return branch(r, i);
    case 7:
      return r.bool(0.7) ? aluR(r) : memory(r);
    default:
      return trap(r);
  }
}

/** The initial-state block the program's prologue loads (see INIT_* in layout.ts). */
export function initBlock(p: Program, out: DataView, at: number): void {
  for (let i = 0; i < 32; i++) out.setBigUint64(at + i * 8, p.x[i], true);
  for (let i = 0; i < 32; i++) out.setBigUint64(at + 256 + i * 8, p.f[i], true);
  out.setBigUint64(at + 512, BigInt(p.fcsr), true);
  out.setBigUint64(at + 520, BigInt(p.mstatus), true);
  new Uint8Array(out.buffer, out.byteOffset + at + INIT_SCRATCH, SCRATCH_SIZE).set(p.scratch);
}
