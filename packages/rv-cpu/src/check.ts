/**
 * Differential checking of the two engines: two harts that ran the same program, one compiled and
 * one interpreted, must agree on every piece of architectural state.
 */
import type { Ram } from "./bus.js";
import type { Hart } from "./hart.js";

/** The engines disagreed; `message` says where. */
export class EngineMismatch extends Error {
  override name = "EngineMismatch";
}

const PAIRS = [
  "mtvec",
  "stvec",
  "mepc",
  "sepc",
  "mcause",
  "scause",
  "mtval",
  "stval",
  "mscratch",
  "sscratch",
  "menvcfg",
  "stimecmp",
  "satp",
] as const;
const SCALARS = [
  "priv",
  "mstatus",
  "mie",
  "mipSw",
  "mipHw",
  "mideleg",
  "medeleg",
  "mcounteren",
  "scounteren",
  "senvcfg",
  "instret",
  "waiting",
  "spun",
] as const;

function hex(lo: number, hi: number): string {
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString(16);
}

/** The first difference in architectural state between two harts, or undefined. */
export function hartDiff(a: Hart, b: Hart): string | undefined {
  if (a.pcLo !== b.pcLo || a.pcHi !== b.pcHi) return `pc ${hex(a.pcLo, a.pcHi)} vs ${hex(b.pcLo, b.pcHi)}`;
  for (let r = 1; r < 32; r++) {
    const [al, ah, bl, bh] = [a.x[2 * r], a.x[2 * r + 1], b.x[2 * r], b.x[2 * r + 1]];
    if (al !== bl || ah !== bh) return `x${r} ${hex(al, ah)} vs ${hex(bl, bh)}`;
  }
  for (let r = 0; r < 32; r++) {
    const [al, ah, bl, bh] = [a.f[2 * r], a.f[2 * r + 1], b.f[2 * r], b.f[2 * r + 1]];
    if (al !== bl || ah !== bh) return `f${r} ${hex(al, ah)} vs ${hex(bl, bh)}`;
  }
  if (a.fflags !== b.fflags || a.frm !== b.frm) return `fcsr ${a.frm}/${a.fflags} vs ${b.frm}/${b.fflags}`;
  for (const k of SCALARS) if (a[k] !== b[k]) return `${k} ${a[k]} vs ${b[k]}`;
  for (const k of PAIRS) {
    const lo = `${k}Lo` as const;
    const hi = `${k}Hi` as const;
    if (a[lo] !== b[lo] || a[hi] !== b[hi]) return `${k} ${hex(a[lo], a[hi])} vs ${hex(b[lo], b[hi])}`;
  }
  if (a.instretBase !== b.instretBase || a.cycleBase !== b.cycleBase) return "minstret/mcycle offsets";
  for (let i = 0; i < a.pmpaddr.length; i++) if (a.pmpaddr[i] !== b.pmpaddr[i]) return `pmpaddr word ${i}`;
  for (let i = 0; i < a.pmpcfg.length; i++) if (a.pmpcfg[i] !== b.pmpcfg[i]) return `pmpcfg byte ${i}`;
  return undefined;
}

/** Whether 4 KiB page `p` holds the same words in both arrays (small, so it is optimized early). */
function samePage(x: Int32Array, y: Int32Array, p: number): boolean {
  for (let i = p * 1024, end = i + 1024; i < end; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The first byte at which two RAMs differ, or undefined. */
export function ramDiff(a: Ram, b: Ram): string | undefined {
  if (a.size !== b.size || a.base !== b.base) return "RAM sizes differ";
  for (let p = 0; p < a.size / 4096; p++) {
    if (samePage(a.i32, b.i32, p)) continue;
    for (let j = p * 4096; j < p * 4096 + 4096; j++) {
      if (a.u8[j] !== b.u8[j]) return `RAM byte at 0x${(a.base + j).toString(16)}: ${a.u8[j]} vs ${b.u8[j]}`;
    }
  }
  return undefined;
}
