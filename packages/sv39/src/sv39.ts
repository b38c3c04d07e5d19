/**
 * Sv39 (and Sv48) translation as the RISC-V privileged spec describes it, with hardware A/D updates
 * (as QEMU does): A is set on every access, D on every store, written back to the PTE in memory.
 */

/** Physical memory that holds page tables: RAM at `base`, seen as 32-bit words. */
export interface PhysicalMemory {
  readonly base: number;
  readonly size: number;
  readonly i32: Int32Array;
  /**
   * Tells the owner that `len` bytes at RAM offset `off` were written (caches, reservations);
   * `walker` is set for the MMU's own A/D updates.
   */
  noteStore(off: number, len: number, walker?: boolean): void;
  /**
   * Optional page-table tracking (rv-cpu's Ram has it): the MMU marks each RAM page it reads a PTE
   * from, and the memory counts later stores to marked pages in `ptEpoch`. With it, sfence.vma
   * keeps the cached translations when no page table has changed since they were cached.
   */
  markPageTable?(page: number): void;
  readonly ptEpoch?: number;
  /**
   * Optional (rv-cpu's Ram has it): reads `size` bytes at RAM offset `off` in one access, returning
   * the low 32 bits and leaving the high 32 in `loadedHi`. A PTE is then read whole even while a
   * hart on another thread stores to it (an aligned store is single-copy atomic).
   */
  loadAligned?(off: number, size: number): number;
  readonly loadedHi?: number;
}

/** The low half of the PTE at RAM offset `off` (a multiple of 8), read whole; its high half in pteHigh. */
function readPte(mem: PhysicalMemory, off: number): number {
  if (mem.loadAligned === undefined) {
    pteHigh = mem.i32[off / 4 + 1];
    return mem.i32[off / 4];
  }
  const lo = mem.loadAligned(off, 8);
  pteHigh = mem.loadedHi ?? 0;
  return lo;
}
/** The high half of the PTE readPte read last. */
let pteHigh = 0;

/** What a hart asks (the shape of rv-cpu's TranslateRequest). */
export interface TranslateRequest {
  lo: number;
  hi: number;
  /** 0 fetch, 1 load, 2 store/AMO. */
  access: number;
  /** 0 U, 1 S. */
  priv: number;
  sum: boolean;
  mxr: boolean;
  satpLo: number;
  satpHi: number;
}

export const PAGE_FAULT = -1;
export const ACCESS_FAULT = -2;

export const MODE_SV39 = 8;
export const MODE_SV48 = 9;

const PTE_V = 1;
const PTE_R = 2;
const PTE_W = 4;
const PTE_X = 8;
const PTE_U = 16;
const PTE_A = 64;
const PTE_D = 128;

const FETCH = 0;
const STORE = 2;
const TWO32 = 4294967296;
/**
 * Entries of the translation cache. Big enough for a kernel's and a process's working sets at once
 * (xv6 switches between the two on every trap): with 256, `usertests` walked 30 M times.
 */
const TLB_BITS = 12;
const TLB_SIZE = 1 << TLB_BITS;

export interface Sv39Options {
  /** Also accept satp MODE 9 (Sv48). Default true. */
  sv48?: boolean;
}

/** Checks an access against a leaf PTE's permission bits. */
export function permitted(flags: number, access: number, priv: number, sum: boolean, mxr: boolean): boolean {
  if (flags & PTE_U) {
    if (priv === 1 && (access === FETCH || !sum)) return false;
  } else if (priv === 0) {
    return false;
  }
  if (access === FETCH) return (flags & PTE_X) !== 0;
  if (access === STORE) return (flags & PTE_W) !== 0;
  return (flags & PTE_R) !== 0 || (mxr && (flags & PTE_X) !== 0);
}

export class Sv39Mmu {
  private readonly mem: PhysicalMemory;
  private readonly sv48: boolean;
  // TLB of 4 KiB translations, tagged with the whole satp so address spaces never mix.
  private readonly tagLo = new Int32Array(TLB_SIZE).fill(1);
  private readonly tagHi = new Int32Array(TLB_SIZE);
  private readonly satpLo = new Int32Array(TLB_SIZE);
  private readonly satpHi = new Int32Array(TLB_SIZE);
  private readonly flags = new Int32Array(TLB_SIZE);
  private readonly page = new Float64Array(TLB_SIZE);
  /** Page-table walks done (for tests and benchmarks). */
  walks = 0;

  constructor(mem: PhysicalMemory, opts: Sv39Options = {}) {
    this.mem = mem;
    this.sv48 = opts.sv48 ?? true;
  }

  supportsMode(mode: number): boolean {
    return mode === MODE_SV39 || (this.sv48 && mode === MODE_SV48);
  }

  /** The memory's ptEpoch when the cache was last emptied. */
  private fencedAt: number | undefined = undefined;
  /** sfence.vma calls that found no page table changed, and kept the cache. */
  fencesKept = 0;

  /**
   * sfence.vma: any form flushes everything, which the spec always allows; unless the memory
   * tracks page tables and none was written since the cache was last emptied, when every cached
   * translation (tagged with its whole satp) still says what a walk would.
   */
  fence(): void {
    const epoch = this.mem.ptEpoch;
    if (epoch !== undefined && epoch === this.fencedAt) {
      this.fencesKept++;
      return;
    }
    this.fencedAt = epoch;
    this.tagLo.fill(1);
  }

  translate(r: TranslateRequest): number {
    const lo = r.lo;
    const hi = r.hi;
    // A multiplicative hash of the page number and the root: strided pages (a malloc free list of
    // 64 KiB chunks) and the same page of two address spaces spread over the whole cache.
    const t = Math.imul((lo >>> 12) ^ Math.imul(r.satpLo, 0x2545f491), 0x9e3779b1) >>> (32 - TLB_BITS);
    if (
      this.tagLo[t] === (lo & -4096) &&
      this.tagHi[t] === hi &&
      this.satpLo[t] === r.satpLo &&
      this.satpHi[t] === r.satpHi
    ) {
      const f = this.flags[t];
      // A store to a clean page walks again so that D gets set in memory.
      if (r.access !== STORE || f & PTE_D) {
        if (!permitted(f, r.access, r.priv, r.sum, r.mxr)) return PAGE_FAULT;
        return this.page[t] + (lo & 4095);
      }
    }
    return this.walk(r, t);
  }

  private walk(r: TranslateRequest, t: number): number {
    this.walks++;
    const lo = r.lo;
    const hi = r.hi;
    const levels = r.satpHi >>> 28 === MODE_SV48 ? 4 : 3;
    // Bits above the top of the virtual address must copy its top bit.
    const keep = levels === 3 ? 25 : 16;
    if ((hi << keep) >> keep !== hi) return PAGE_FAULT;
    const mem = this.mem;
    let table = ((r.satpHi & 0xfff) * TWO32 + (r.satpLo >>> 0)) * 4096;
    for (let level = levels - 1; level >= 0; level--) {
      const vpn = vpnOf(lo, hi, level);
      const pteAddr = table + vpn * 8;
      const off = pteAddr - mem.base;
      if (off < 0 || off + 8 > mem.size) return ACCESS_FAULT;
      const i = off / 4;
      mem.markPageTable?.(off >>> 12);
      let pteLo = readPte(mem, off);
      const pteHi = pteHigh;
      if (!(pteLo & PTE_V) || (pteLo & (PTE_R | PTE_W)) === PTE_W) return PAGE_FAULT;
      // Bits 63:54 (N, PBMT and reserved) must be zero: none of those extensions are implemented.
      if (pteHi >>> 22 !== 0) return PAGE_FAULT;
      const ppn = (pteHi & 0x3fffff) * 4194304 + (pteLo >>> 10);
      if (!(pteLo & (PTE_R | PTE_X))) {
        if (level === 0) return PAGE_FAULT;
        table = ppn * 4096;
        continue;
      }
      // A superpage's PPN must be aligned to its size.
      if (level > 0 && ppn % 2 ** (9 * level) !== 0) return PAGE_FAULT;
      if (!permitted(pteLo, r.access, r.priv, r.sum, r.mxr)) return PAGE_FAULT;
      const want = r.access === STORE ? PTE_A | PTE_D : PTE_A;
      if ((pteLo & want) !== want) {
        // Atomic, as the spec asks: a hart on another thread may be writing this PTE. If it
        // changed since it was read, the walk starts again from the root.
        if (Atomics.compareExchange(mem.i32, i, pteLo, pteLo | want) !== pteLo) return this.walk(r, t);
        pteLo |= want;
        mem.noteStore(off, 4, true);
      }
      // The 4 KiB page inside a superpage takes its lower VPN bits from the address.
      const inSuper = level === 0 ? 0 : lowVpn(lo, hi, level);
      const pageBase = (ppn + inSuper) * 4096;
      this.tagLo[t] = lo & -4096;
      this.tagHi[t] = hi;
      this.satpLo[t] = r.satpLo;
      this.satpHi[t] = r.satpHi;
      this.flags[t] = pteLo & 0xff;
      this.page[t] = pageBase;
      return pageBase + (lo & 4095);
    }
    return PAGE_FAULT;
  }
}

function vpnOf(lo: number, hi: number, level: number): number {
  switch (level) {
    case 0:
      return (lo >>> 12) & 511;
    case 1:
      return (lo >>> 21) & 511;
    case 2:
      return ((lo >>> 30) | (hi << 2)) & 511;
    default:
      return (hi >>> 7) & 511;
  }
}

/** VPN[level-1:0] of the address, as a page count. */
function lowVpn(lo: number, hi: number, level: number): number {
  const pages = (hi & 0x7f) * 1048576 + (lo >>> 12); // va bits 38:12 as a page number
  return pages % 2 ** (9 * level);
}

/**
 * Translates a virtual address as a debugger looks at memory: the same walk as a hart's, but
 * without permission checks, A/D updates, page-table marks or caching. Returns the physical
 * address, or PAGE_FAULT when nothing valid maps it (ACCESS_FAULT when a walk leaves RAM).
 */
export function peekTranslate(mem: PhysicalMemory, satp: bigint, va: bigint): number {
  const mode = Number(BigInt.asUintN(64, satp) >> 60n);
  const levels = mode === MODE_SV48 ? 4 : 3;
  const v = BigInt.asUintN(64, va);
  const top = levels * 9 + 12;
  // The bits above the top of the address must all equal its top bit.
  const upper = v >> BigInt(top - 1);
  if (upper !== 0n && upper !== (1n << BigInt(65 - top)) - 1n) return PAGE_FAULT;
  let table = Number(satp & 0xfff_ffff_ffffn) * 4096;
  for (let level = levels - 1; level >= 0; level--) {
    const vpn = Number((v >> BigInt(12 + 9 * level)) & 511n);
    const off = table + vpn * 8 - mem.base;
    if (off < 0 || off + 8 > mem.size) return ACCESS_FAULT;
    const pteLo = readPte(mem, off);
    const pteHi = pteHigh;
    if (!(pteLo & PTE_V) || (pteLo & (PTE_R | PTE_W)) === PTE_W) return PAGE_FAULT;
    const ppn = (pteHi & 0x3fffff) * 4194304 + (pteLo >>> 10);
    if (pteLo & (PTE_R | PTE_X)) {
      const span = 2 ** (12 + 9 * level);
      return ppn * 4096 + Number(v % BigInt(span));
    }
    table = ppn * 4096;
  }
  return PAGE_FAULT;
}
