import type { Hart } from "./hart.js";
import {
  hiOf,
  MEDELEG_WRITABLE,
  MENVCFG_STCE_HI,
  MIE_WRITABLE,
  MIP_SEIP,
  MIP_SSIP,
  MIP_STIP,
  MISA_HI,
  MISA_LO,
  MSTATUS_FS,
  MSTATUS_HI,
  MSTATUS_MPP,
  MSTATUS_MPRV,
  MSTATUS_MXR,
  MSTATUS_SUM,
  MSTATUS_TVM,
  MSTATUS_WRITABLE,
  PRIV_M,
  PRIV_S,
  PRIV_U,
  S_INTERRUPTS,
  SSTATUS_HI,
  SSTATUS_VISIBLE,
  STATUS_SD_HI,
} from "./state.js";

const MASK64 = (1n << 64n) - 1n;

/** SD in the high word of mstatus/sstatus: set while FS is Dirty. */
function sd(h: Hart): number {
  return (h.mstatus & MSTATUS_FS) === MSTATUS_FS ? STATUS_SD_HI : 0;
}

function pair(h: Hart, lo: number, hi: number): true {
  h.tmpLo = lo | 0;
  h.tmpHi = hi | 0;
  return true;
}

function fromBig(h: Hart, v: bigint): true {
  const u = BigInt.asUintN(64, v);
  return pair(h, Number(u & 0xffffffffn), Number(u >> 32n));
}

function counter(base: bigint, count: number): bigint {
  return (base + BigInt(count)) & MASK64;
}

/** True if the privilege/enable rules let the current mode touch counter CSR `csr` (0xC00-0xC1F). */
function counterAllowed(h: Hart, csr: number): boolean {
  const bit = 1 << (csr & 31);
  if (h.priv < PRIV_M && !(h.mcounteren & bit)) return false;
  if (h.priv === PRIV_U && !(h.scounteren & bit)) return false;
  return true;
}

/**
 * Reads CSR `csr` into h.tmpLo/tmpHi. Returns false when the access is illegal: unknown CSR, too
 * little privilege, a write to a read-only CSR (`willWrite`), or a gate (counteren, TVM, STCE) closed.
 */
export function readCsr(h: Hart, csr: number, willWrite: boolean): boolean {
  if (h.priv < ((csr >>> 8) & 3)) return false;
  if (willWrite && csr >>> 10 === 3) return false;
  if (csr >= 0xc00 && csr <= 0xc1f) {
    if (!counterAllowed(h, csr)) return false;
    if (csr === 0xc00) return fromBig(h, counter(h.cycleBase, h.instret));
    if (csr === 0xc01) {
      const t = h.clock.now();
      return pair(h, t % 4294967296, hiOf(t));
    }
    if (csr === 0xc02) return fromBig(h, counter(h.instretBase, h.instret));
    return pair(h, 0, 0);
  }
  if (csr >= 0x3a0 && csr <= 0x3ef) return readPmp(h, csr);
  // mhpmcounter3-31 and mhpmevent3-31 exist and read zero.
  if ((csr >= 0xb03 && csr <= 0xb1f) || (csr >= 0x323 && csr <= 0x33f)) return pair(h, 0, 0);
  switch (csr) {
    case 0x001:
    case 0x002:
    case 0x003:
      if ((h.mstatus & MSTATUS_FS) === 0) return false;
      return pair(h, csr === 0x001 ? h.fflags : csr === 0x002 ? h.frm : (h.frm << 5) | h.fflags, 0);
    case 0x100:
      return pair(h, h.mstatus & SSTATUS_VISIBLE, SSTATUS_HI | sd(h));
    case 0x104:
      return pair(h, h.mie & h.mideleg, 0);
    case 0x105:
      return pair(h, h.stvecLo, h.stvecHi);
    case 0x106:
      return pair(h, h.scounteren, 0);
    case 0x10a:
      return pair(h, h.senvcfg, 0);
    case 0x140:
      return pair(h, h.sscratchLo, h.sscratchHi);
    case 0x141:
      return pair(h, h.sepcLo, h.sepcHi);
    case 0x142:
      return pair(h, h.scauseLo, h.scauseHi);
    case 0x143:
      return pair(h, h.stvalLo, h.stvalHi);
    case 0x144:
      return pair(h, h.readMip() & h.mideleg, 0);
    case 0x14d:
      if (h.priv === PRIV_S && (!(h.menvcfgHi & MENVCFG_STCE_HI) || !(h.mcounteren & 2))) return false;
      return pair(h, h.stimecmpLo, h.stimecmpHi);
    case 0x180:
      if (h.priv === PRIV_S && h.mstatus & MSTATUS_TVM) return false;
      return pair(h, h.satpLo, h.satpHi);
    case 0x300:
      return pair(h, h.mstatus, MSTATUS_HI | sd(h));
    case 0x301:
      return pair(h, MISA_LO, MISA_HI);
    case 0x302:
      return pair(h, h.medeleg, 0);
    case 0x303:
      return pair(h, h.mideleg, 0);
    case 0x304:
      return pair(h, h.mie, 0);
    case 0x305:
      return pair(h, h.mtvecLo, h.mtvecHi);
    case 0x306:
      return pair(h, h.mcounteren, 0);
    case 0x30a:
      return pair(h, h.menvcfgLo, h.menvcfgHi);
    case 0x320:
      return pair(h, 0, 0);
    case 0x340:
      return pair(h, h.mscratchLo, h.mscratchHi);
    case 0x341:
      return pair(h, h.mepcLo, h.mepcHi);
    case 0x342:
      return pair(h, h.mcauseLo, h.mcauseHi);
    case 0x343:
      return pair(h, h.mtvalLo, h.mtvalHi);
    case 0x344:
      return pair(h, h.readMip(), 0);
    case 0xb00:
      return fromBig(h, counter(h.cycleBase, h.instret));
    case 0xb02:
      return fromBig(h, counter(h.instretBase, h.instret));
    case 0xf11:
    case 0xf12:
    case 0xf13:
    case 0xf15:
      return pair(h, 0, 0);
    case 0xf14:
      return pair(h, h.id, 0);
    // Debug triggers: tselect exists, but no trigger is implemented (tdata1.type reads 0).
    case 0x7a0:
    case 0x7a1:
    case 0x7a2:
    case 0x7a3:
      return pair(h, 0, 0);
    case 0x7a4:
      return pair(h, 1, 0);
    default:
      return false;
  }
}

function readPmp(h: Hart, csr: number): boolean {
  if (csr < 0x3b0) {
    const n = csr - 0x3a0;
    // RV64 has only the even pmpcfg registers; 16 entries means pmpcfg0 and pmpcfg2.
    if (n & 1) return false;
    if (n >= 4) return pair(h, 0, 0);
    const c = h.pmpcfg;
    const b = n * 4;
    return pair(
      h,
      c[b] | (c[b + 1] << 8) | (c[b + 2] << 16) | (c[b + 3] << 24),
      c[b + 4] | (c[b + 5] << 8) | (c[b + 6] << 16) | (c[b + 7] << 24),
    );
  }
  const n = csr - 0x3b0;
  if (n >= 16) return pair(h, 0, 0);
  return pair(h, h.pmpaddr[n * 2], h.pmpaddr[n * 2 + 1]);
}

function writePmp(h: Hart, csr: number, lo: number, hi: number): void {
  if (csr < 0x3b0) {
    const n = csr - 0x3a0;
    if (n >= 4) return;
    for (let i = 0; i < 8; i++) {
      const e = n * 4 + i;
      if (h.pmpcfg[e] & 0x80) continue; // locked
      let v = (i < 4 ? lo >>> (8 * i) : hi >>> (8 * (i - 4))) & 0x9f;
      // R=0 with W=1 is reserved: keep such an entry's old value.
      if ((v & 3) === 2) v = h.pmpcfg[e];
      h.pmpcfg[e] = v;
    }
    return;
  }
  const n = csr - 0x3b0;
  if (n >= 16) return;
  const locked = (h.pmpcfg[n] & 0x80) !== 0;
  // A locked TOR entry also locks the address below it.
  const nextLockedTor = n + 1 < 16 && (h.pmpcfg[n + 1] & 0x98) === 0x88;
  if (locked || nextLockedTor) return;
  h.pmpaddr[n * 2] = lo;
  h.pmpaddr[n * 2 + 1] = hi & 0x3fffff; // pmpaddr holds bits 55:2 of an address: 54 bits
}

/** Writes CSR `csr` (readCsr has already checked the access). Returns false if illegal. */
export function writeCsr(h: Hart, csr: number, lo: number, hi: number): boolean {
  if (csr >= 0x3a0 && csr <= 0x3ef) {
    writePmp(h, csr, lo, hi);
    return true;
  }
  if ((csr >= 0xb03 && csr <= 0xb1f) || (csr >= 0x323 && csr <= 0x33f)) return true;
  switch (csr) {
    case 0x001:
    case 0x002:
    case 0x003:
      if (csr !== 0x002) h.fflags = lo & 31;
      if (csr !== 0x001) h.frm = (csr === 0x002 ? lo : lo >>> 5) & 7;
      h.mstatus |= MSTATUS_FS;
      return true;
    case 0x100:
      setMstatus(h, (h.mstatus & ~SSTATUS_VISIBLE) | (lo & SSTATUS_VISIBLE));
      return true;
    case 0x104: {
      const m = h.mideleg & S_INTERRUPTS;
      h.mie = (h.mie & ~m) | (lo & m);
      return true;
    }
    case 0x105:
      return tvec(h, lo, hi, false);
    case 0x106:
      h.scounteren = lo;
      return true;
    case 0x10a:
      h.senvcfg = lo & 1;
      return true;
    case 0x140:
      h.sscratchLo = lo;
      h.sscratchHi = hi;
      return true;
    case 0x141:
      h.sepcLo = lo & ~1;
      h.sepcHi = hi;
      return true;
    case 0x142:
      h.scauseLo = lo;
      h.scauseHi = hi;
      return true;
    case 0x143:
      h.stvalLo = lo;
      h.stvalHi = hi;
      return true;
    case 0x144:
      if (h.mideleg & MIP_SSIP) h.mipSw = (h.mipSw & ~MIP_SSIP) | (lo & MIP_SSIP);
      return true;
    case 0x14d:
      h.stimecmpLo = lo;
      h.stimecmpHi = hi;
      return true;
    case 0x180:
      return satp(h, lo, hi);
    case 0x300: {
      let v = (h.mstatus & ~MSTATUS_WRITABLE) | (lo & MSTATUS_WRITABLE);
      // MPP = 2 is reserved (no H extension): keep the previous mode.
      if ((v & MSTATUS_MPP) >>> 11 === 2) v = (v & ~MSTATUS_MPP) | (h.mstatus & MSTATUS_MPP);
      setMstatus(h, v);
      return true;
    }
    case 0x301:
      return true; // misa is read-only here: C, M, A and S cannot be turned off
    case 0x302:
      h.medeleg = lo & MEDELEG_WRITABLE;
      return true;
    case 0x303:
      h.mideleg = lo & S_INTERRUPTS;
      return true;
    case 0x304:
      h.mie = lo & MIE_WRITABLE;
      return true;
    case 0x305:
      return tvec(h, lo, hi, true);
    case 0x306:
      h.mcounteren = lo;
      return true;
    case 0x30a:
      h.menvcfgLo = lo & 1;
      h.menvcfgHi = hi & MENVCFG_STCE_HI;
      return true;
    case 0x320:
    case 0x7a0:
    case 0x7a1:
    case 0x7a2:
    case 0x7a3:
    case 0x7a4:
      return true;
    case 0x340:
      h.mscratchLo = lo;
      h.mscratchHi = hi;
      return true;
    case 0x341:
      h.mepcLo = lo & ~1;
      h.mepcHi = hi;
      return true;
    case 0x342:
      h.mcauseLo = lo;
      h.mcauseHi = hi;
      return true;
    case 0x343:
      h.mtvalLo = lo;
      h.mtvalHi = hi;
      return true;
    case 0x344: {
      let m = MIP_SSIP | MIP_SEIP;
      if (!(h.menvcfgHi & MENVCFG_STCE_HI)) m |= MIP_STIP;
      h.mipSw = (h.mipSw & ~m) | (lo & m);
      return true;
    }
    case 0xb00:
      h.cycleBase = toBig(lo, hi) - BigInt(h.instret + 1);
      return true;
    case 0xb02:
      // The csrw itself retires after the write, so start one below the written value.
      h.instretBase = toBig(lo, hi) - BigInt(h.instret + 1);
      return true;
    default:
      return false;
  }
}

/** Bits of mstatus that change how loads and stores translate. */
const TRANSLATION_BITS = MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPRV | MSTATUS_MPP;

function setMstatus(h: Hart, v: number): void {
  const changed = h.mstatus ^ v;
  h.mstatus = v;
  // xv6 toggles SIE around every lock: only flush translations when it matters.
  if (changed & TRANSLATION_BITS) h.translationChanged();
}

function toBig(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function tvec(h: Hart, lo: number, hi: number, machine: boolean): true {
  // Modes 2 and 3 are reserved: such a write leaves the register as it was.
  if ((lo & 3) >= 2) return true;
  if (machine) {
    h.mtvecLo = lo;
    h.mtvecHi = hi;
  } else {
    h.stvecLo = lo;
    h.stvecHi = hi;
  }
  return true;
}

function satp(h: Hart, lo: number, hi: number): true {
  const mode = hi >>> 28;
  // A write with an unsupported MODE has no effect at all.
  if (mode !== 0 && !h.mmu.supportsMode(mode)) return true;
  h.satpLo = lo;
  h.satpHi = hi;
  h.translationChanged();
  return true;
}
