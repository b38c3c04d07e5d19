/** Architectural constants shared by the hart's modules. */

export const PRIV_U = 0;
export const PRIV_S = 1;
export const PRIV_M = 3;

// mstatus bits (low word)
export const MSTATUS_SIE = 1 << 1;
export const MSTATUS_MIE = 1 << 3;
export const MSTATUS_SPIE = 1 << 5;
export const MSTATUS_MPIE = 1 << 7;
export const MSTATUS_SPP = 1 << 8;
export const MSTATUS_MPP = 3 << 11;
export const MSTATUS_MPRV = 1 << 17;
export const MSTATUS_SUM = 1 << 18;
export const MSTATUS_MXR = 1 << 19;
export const MSTATUS_TVM = 1 << 20;
export const MSTATUS_TW = 1 << 21;
export const MSTATUS_TSR = 1 << 22;
/** FS (bits 14:13): the floating-point state, Off, Initial, Clean or Dirty. */
export const MSTATUS_FS = 3 << 13;
export const MSTATUS_WRITABLE =
  MSTATUS_SIE |
  MSTATUS_MIE |
  MSTATUS_SPIE |
  MSTATUS_MPIE |
  MSTATUS_SPP |
  MSTATUS_MPP |
  MSTATUS_MPRV |
  MSTATUS_SUM |
  MSTATUS_MXR |
  MSTATUS_TVM |
  MSTATUS_TW |
  MSTATUS_TSR |
  MSTATUS_FS;
export const SSTATUS_VISIBLE =
  MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_FS;
/** High word of mstatus: UXL = SXL = 2 (64-bit); of sstatus: UXL = 2. */
export const MSTATUS_HI = 0xa;
export const SSTATUS_HI = 0x2;

// interrupt bits in mip/mie
export const IRQ_SSI = 1;
export const IRQ_MSI = 3;
export const IRQ_STI = 5;
export const IRQ_MTI = 7;
export const IRQ_SEI = 9;
export const IRQ_MEI = 11;
export const MIP_SSIP = 1 << IRQ_SSI;
export const MIP_MSIP = 1 << IRQ_MSI;
export const MIP_STIP = 1 << IRQ_STI;
export const MIP_MTIP = 1 << IRQ_MTI;
export const MIP_SEIP = 1 << IRQ_SEI;
export const MIP_MEIP = 1 << IRQ_MEI;
export const MIE_WRITABLE = MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP;
export const S_INTERRUPTS = MIP_SSIP | MIP_STIP | MIP_SEIP;
/** Exceptions that medeleg can delegate (ecall from M, 11, cannot). */
export const MEDELEG_WRITABLE = 0xb3ff;

// exception causes
export const CAUSE_FETCH_MISALIGNED = 0;
export const CAUSE_FETCH_ACCESS = 1;
export const CAUSE_ILLEGAL = 2;
export const CAUSE_BREAKPOINT = 3;
export const CAUSE_LOAD_MISALIGNED = 4;
export const CAUSE_LOAD_ACCESS = 5;
export const CAUSE_STORE_MISALIGNED = 6;
export const CAUSE_STORE_ACCESS = 7;
export const CAUSE_ECALL_U = 8;
export const CAUSE_FETCH_PAGE = 12;
export const CAUSE_LOAD_PAGE = 13;
export const CAUSE_STORE_PAGE = 15;

/** misa: MXL = 2 (RV64) and extensions A, C, D, F, I, M, S, U (conformance/machine_info checks this). */
export const MISA_LO =
  (1 << 0) | (1 << 2) | (1 << 3) | (1 << 5) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20);
/** mstatus/sstatus SD (bit 63, in the high word): FS is Dirty. */
export const STATUS_SD_HI = 1 << 31;
export const MISA_HI = 2 << 30;

/** Bit 31 of menvcfg's high word: STCE (Sstc enable). */
export const MENVCFG_STCE_HI = 1 << 31;

const TWO32 = 4294967296;

/** A Bare-mode physical address for a 64-bit pair, or -1 if it lies beyond 2^53 or is negative. */
export function physOf(lo: number, hi: number): number {
  return hi >= 0 && hi < 0x200000 ? hi * TWO32 + (lo >>> 0) : -1;
}

/** Splits a non-negative safe integer into the high Int32 half. */
export function hiOf(v: number): number {
  return Math.floor(v / TWO32) | 0;
}

/** A 64-bit pair as an unsigned number (exact below 2^53). */
export function numOf(lo: number, hi: number): number {
  return (hi >>> 0) * TWO32 + (lo >>> 0);
}
