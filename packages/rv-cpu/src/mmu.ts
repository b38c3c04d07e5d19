/**
 * The seam between a hart and address translation. A hart asks its MMU to translate only when
 * translation is on (satp.MODE != Bare and the effective privilege is below M); the MMU walks page
 * tables, checks permissions and updates A/D bits, and returns a physical address.
 */

export const Access = { Fetch: 0, Load: 1, Store: 2 } as const;
export type Access = (typeof Access)[keyof typeof Access];

/** Returned by translate() instead of an address. */
export const PAGE_FAULT = -1;
export const ACCESS_FAULT = -2;

export interface TranslateRequest {
  /** Virtual address as a (lo, hi) pair of Int32 halves. */
  lo: number;
  hi: number;
  access: Access;
  /** Effective privilege of the access: 0 U, 1 S (never M). */
  priv: number;
  sum: boolean;
  mxr: boolean;
  /** satp as a (lo, hi) pair. */
  satpLo: number;
  satpHi: number;
}

export interface Mmu {
  /** Whether satp may hold this MODE (0 Bare is always allowed and never reaches the MMU). */
  supportsMode(mode: number): boolean;
  /**
   * A physical address (a non-negative number), PAGE_FAULT or ACCESS_FAULT (a page-table walk hit
   * no memory). The request object is reused by the caller; do not keep it.
   */
  translate(req: TranslateRequest): number;
  /** sfence.vma: forget cached translations (all, or for one address and/or one ASID). */
  fence(addrLo: number, addrHi: number, hasAddr: boolean, asid: number, hasAsid: boolean): void;
}

/** An MMU that only knows Bare mode: satp writes of any other MODE are ignored. */
export class BareMmu implements Mmu {
  supportsMode(mode: number): boolean {
    return mode === 0;
  }
  translate(): number {
    return ACCESS_FAULT;
  }
  fence(): void {}
}
