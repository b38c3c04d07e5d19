/**
 * What the devices need from a machine, as structural types: a bus slot, an interrupt line, a hart's
 * interrupt pins, and memory a device can reach by DMA. rv-cpu's `Hart`, `Ram` and `SimpleBus` fit.
 */

/** A device in a bus slot: offsets are relative to the slot's base. */
export interface Device {
  /** Returns an unsigned value of `size` bytes (1, 2 or 4), or -1 for a bus error. */
  read(offset: number, size: number): number;
  /** Returns false for a bus error. */
  write(offset: number, size: number, value: number): boolean;
}

/** A hart's interrupt pins: `bit` is one of the MIP_* bits below. */
export interface InterruptTarget {
  setInterrupt(bit: number, level: boolean): void;
}

/** Bits of the mip CSR that devices drive (privileged spec: MSIP 3, MTIP 7, SEIP 9, MEIP 11). */
export const MIP_MSIP = 1 << 3;
export const MIP_MTIP = 1 << 7;
export const MIP_SEIP = 1 << 9;
export const MIP_MEIP = 1 << 11;
