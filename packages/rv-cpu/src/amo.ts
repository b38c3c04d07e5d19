import type { Hart } from "./hart.js";
import { Access } from "./mmu.js";

/**
 * AMO funct5 values (the decoder leaves them in the immediate). Each AMO is a read-modify-write of
 * RAM done in one step: harts on one thread run one at a time, so nothing can come between the read
 * and the write; harts on several threads use Atomics (see atomicAmo).
 */
const SWAP = 0b00001;
const ADD = 0b00000;
const XOR = 0b00100;
const AND = 0b01100;
const OR = 0b01000;
const MIN = 0b10000;
const MAX = 0b10100;
const MINU = 0b11000;

function less(al: number, ah: number, bl: number, bh: number, signed: boolean): boolean {
  if (ah !== bh) return signed ? ah < bh : ah >>> 0 < bh >>> 0;
  return al >>> 0 < bl >>> 0;
}

/** The value an AMO writes, from the old value (al, ah) and the operand (bl, bh); low half returned, high in OUT[0]. */
const OUT = new Int32Array(1);

export function runAmo(h: Hart, w: number, f5: number, size: number): void {
  const x = h.x;
  const rs1 = (w >>> 15) & 63;
  const rs2 = (w >>> 21) & 63;
  const rd = (w >>> 8) & 127;
  const pa = h.atomicAddress(x[rs1], x[rs1 + 1], size, Access.Store);
  if (pa < 0) return;
  const ram = h.ram;
  const off = pa - ram.base;
  if (ram.shared) {
    atomicAmo(h, off, f5, size, rd, x[rs2], x[rs2 + 1]);
    ram.noteStore(off, size);
    return;
  }
  const i = off >>> 2;
  const m = ram.i32;
  const al = m[i];
  // A word AMO works on 32-bit values, sign-extended for the comparisons.
  const ah = size === 8 ? m[i + 1] : al >> 31;
  const bl = x[rs2];
  const bh = size === 8 ? x[rs2 + 1] : bl >> 31;
  const rl = combine(f5, al, ah, bl, bh);
  const rh = OUT[0];
  m[i] = rl;
  if (size === 8) m[i + 1] = rh;
  ram.noteStore(off, size);
  x[rd] = al;
  x[rd + 1] = ah;
}

function combine(f5: number, al: number, ah: number, bl: number, bh: number): number {
  switch (f5) {
    case SWAP:
      OUT[0] = bh;
      return bl;
    case ADD: {
      const rl = (al + bl) | 0;
      OUT[0] = ah + bh + (rl >>> 0 < al >>> 0 ? 1 : 0);
      return rl;
    }
    case XOR:
      OUT[0] = ah ^ bh;
      return al ^ bl;
    case AND:
      OUT[0] = ah & bh;
      return al & bl;
    case OR:
      OUT[0] = ah | bh;
      return al | bl;
    default: {
      const aLess = less(al, ah, bl, bh, f5 === MIN || f5 === MAX);
      const pickA = f5 === MIN || f5 === MINU ? aLess : !aLess;
      OUT[0] = pickA ? ah : bh;
      return pickA ? al : bl;
    }
  }
}

/**
 * An AMO on RAM that harts on other threads use too: one Atomics read-modify-write (word AMOs map
 * onto Atomics' own operations; min/max and doublewords swap in a loop until no other store came
 * between the read and the swap).
 */
function atomicAmo(h: Hart, off: number, f5: number, size: number, rd: number, bl: number, bh: number): void {
  const x = h.x;
  let al: number;
  let ah: number;
  if (size === 4) {
    const m = h.ram.i32;
    const i = off >>> 2;
    switch (f5) {
      case SWAP:
        al = Atomics.exchange(m, i, bl);
        break;
      case ADD:
        al = Atomics.add(m, i, bl);
        break;
      case XOR:
        al = Atomics.xor(m, i, bl);
        break;
      case AND:
        al = Atomics.and(m, i, bl);
        break;
      case OR:
        al = Atomics.or(m, i, bl);
        break;
      default:
        do al = Atomics.load(m, i);
        while (Atomics.compareExchange(m, i, al, combine(f5, al, al >> 31, bl, bl >> 31)) !== al);
    }
    ah = al >> 31;
  } else {
    const m = h.ram.i64;
    const i = off >>> 3;
    let old: bigint;
    let now: bigint;
    do {
      old = Atomics.load(m, i);
      al = Number(BigInt.asIntN(32, old));
      ah = Number(old >> 32n);
      const rl = combine(f5, al, ah, bl, bh);
      now = (BigInt(OUT[0]) << 32n) | BigInt(rl >>> 0);
    } while (Atomics.compareExchange(m, i, old, now) !== old);
  }
  x[rd] = al;
  x[rd + 1] = ah;
}
