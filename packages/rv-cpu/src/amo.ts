import type { Hart } from "./hart.js";
import { Access } from "./mmu.js";

/**
 * AMO funct5 values (the decoder leaves them in the immediate). Each AMO is a read-modify-write of
 * RAM done in one step: harts run one at a time, so nothing can come between the read and the write.
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

export function runAmo(h: Hart, w: number, f5: number, size: number): void {
  const x = h.x;
  const rs1 = (w >>> 15) & 63;
  const rs2 = (w >>> 21) & 63;
  const rd = (w >>> 8) & 127;
  const pa = h.atomicAddress(x[rs1], x[rs1 + 1], size, Access.Store);
  if (pa < 0) return;
  const ram = h.ram;
  const off = pa - ram.base;
  const i = off >>> 2;
  const m = ram.i32;
  const al = m[i];
  // A word AMO works on 32-bit values, sign-extended for the comparisons.
  const ah = size === 8 ? m[i + 1] : al >> 31;
  const bl = x[rs2];
  const bh = size === 8 ? x[rs2 + 1] : bl >> 31;
  let rl: number;
  let rh: number;
  switch (f5) {
    case SWAP:
      rl = bl;
      rh = bh;
      break;
    case ADD:
      rl = (al + bl) | 0;
      rh = (ah + bh + (rl >>> 0 < al >>> 0 ? 1 : 0)) | 0;
      break;
    case XOR:
      rl = al ^ bl;
      rh = ah ^ bh;
      break;
    case AND:
      rl = al & bl;
      rh = ah & bh;
      break;
    case OR:
      rl = al | bl;
      rh = ah | bh;
      break;
    default: {
      const signed = f5 === MIN || f5 === MAX;
      const aLess = less(al, ah, bl, bh, signed);
      const pickA = f5 === MIN || f5 === MINU ? aLess : !aLess;
      rl = pickA ? al : bl;
      rh = pickA ? ah : bh;
    }
  }
  m[i] = rl;
  if (size === 8) m[i + 1] = rh;
  ram.noteStore(off, size);
  x[rd] = al;
  x[rd + 1] = ah;
}
