/**
 * What a hart needs from the machine around it: RAM it may touch directly, and everything else
 * (MMIO, ROM) through `read`/`write` with physical addresses as plain numbers.
 */

/** An MMIO device mapped at some base; offsets are relative to that base. */
export interface Device {
  /** Returns an unsigned value of `size` bytes (1, 2 or 4), or -1 for a bus error. */
  read(offset: number, size: number): number;
  /** Returns false for a bus error. */
  write(offset: number, size: number, value: number): boolean;
}

/** Decoded-instruction cache slots per 4 KiB page: one per halfword, plus a sentinel. */
export const PAGE_SLOTS = 2049;

/** Told when stored bytes overwrite decoded code (the compiling engine's cache listens). */
export interface CodeWatcher {
  /** A store touched decoded slots `first`..`last` of RAM page `page`. */
  codeWritten(page: number, first: number, last: number): void;
  /** Page `page` stopped holding code. */
  codeDropped(page: number): void;
}

/** Fetch-page entries (by any hart) after which an unvisited code page counts as stale. */
const STALE_CODE = 1 << 16;
/**
 * Stores to a code page since a hart last started fetching from it after which it stops being
 * code, unless a hart is fetching from it right now: a page being filled or copied (a freed program
 * page reused by kalloc's memset or exec's copy) then returns to the store fast path after 256 slow
 * stores instead of 4,096.
 */
const CODE_STORES = 256;

/**
 * Guest RAM, shared by every hart and every DMA-capable device. Stores through `write*` (devices,
 * loaders) keep the harts' decoded-instruction caches and LR/SC reservations coherent; the harts'
 * own fast paths do the same inline.
 */
export class Ram {
  readonly base: number;
  readonly size: number;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** Per 4 KiB page: decoded instructions (op word and immediate), or undefined if never executed. */
  readonly codeOps: (Int32Array | undefined)[];
  readonly codeImms: (Int32Array | undefined)[];
  /** 1 where codeOps holds something to invalidate on a store. */
  readonly codeFlag: Uint8Array;
  /** Per page: the value of `entries` when a hart last started fetching from it. */
  readonly codeEntry: Float64Array;
  /** Per page: stores to it since a hart last started fetching from it. */
  readonly codeStores: Uint16Array;
  /** Counts fetch-page entries by any hart: a clock for how recently a code page was used. */
  entries = 0;
  /** Reservation addresses (RAM offsets of the 8-byte granule) per hart id, -1 when none. */
  readonly reservations: Float64Array;
  /** Per hart id: the RAM page it is fetching from (-1 when none): such a page is not dropped. */
  readonly fetchPage: Int32Array;
  /** How many entries of `reservations` are valid; stores skip the check when 0. */
  reserved = 0;
  /**
   * Bumped whenever a page starts holding decoded code or a reservation: harts then drop the pages
   * their store fast path may write without checking.
   */
  epoch = 0;
  /**
   * Per page: 1 while a translation cache may hold a translation read from a page-table entry in
   * it. Stores to such a page take the slow way, clear the mark and bump `ptEpoch`; an MMU whose
   * cached translations predate the last bump must drop them at its next sfence.vma, and need not
   * otherwise (its page tables are unchanged).
   */
  readonly ptFlag: Uint8Array;
  /** Counts stores to marked page-table pages. */
  ptEpoch = 0;
  /** The compiled-code cache over this RAM, if a hart compiles. */
  codeWatcher: CodeWatcher | undefined;

  /**
   * `buffer`, when given, holds the RAM's bytes (exactly `size` of them): a SharedArrayBuffer lets
   * another thread fault its pages in ahead of the guest (see xv6-machine's CLI).
   */
  constructor(size: number, base = 0x8000_0000, maxHarts = 8, buffer?: ArrayBufferLike) {
    if (!Number.isInteger(size) || size <= 0 || size % 4096 !== 0) {
      throw new RangeError(`RAM size must be a positive multiple of 4096 bytes, got ${size}`);
    }
    if (buffer !== undefined && buffer.byteLength !== size) {
      throw new RangeError(`RAM buffer holds ${buffer.byteLength} bytes, not ${size}`);
    }
    this.base = base;
    this.size = size;
    this.u8 = buffer === undefined ? new Uint8Array(size) : new Uint8Array(buffer);
    this.u16 = new Uint16Array(this.u8.buffer);
    this.i32 = new Int32Array(this.u8.buffer);
    const pages = size / 4096;
    this.codeOps = new Array(pages).fill(undefined);
    this.codeImms = new Array(pages).fill(undefined);
    this.codeFlag = new Uint8Array(pages);
    this.codeEntry = new Float64Array(pages);
    this.codeStores = new Uint16Array(pages);
    this.ptFlag = new Uint8Array(pages);
    this.reservations = new Float64Array(maxHarts).fill(-1);
    this.fetchPage = new Int32Array(maxHarts).fill(-1);
  }

  /** True if [pa, pa+len) lies in RAM. */
  contains(pa: number, len = 1): boolean {
    return pa >= this.base && pa + len <= this.base + this.size;
  }

  /**
   * Forgets decoded instructions that overlap the `len` stored bytes at RAM offset `off` (within
   * one page): their slots, and the slot before, whose 32-bit instruction may reach into them.
   */
  invalidateCode(off: number, len: number): void {
    const ops = this.codeOps[off >>> 12];
    if (ops === undefined) return;
    const first = (off & 4095) >>> 1;
    const last = ((off & 4095) + len - 1) >>> 1;
    const from = first === 0 ? 0 : first - 1;
    const to = Math.min(last + 1, PAGE_SLOTS - 1);
    // Data that shares a page with code is written often and its slots were never decoded.
    let decoded = false;
    for (let i = from; i < to; i++) {
      if (ops[i] !== 0) {
        ops[i] = 0;
        decoded = true;
      }
    }
    // Compiled code covers only decoded slots (and the halfwords of their instructions).
    if (decoded) this.codeWatcher?.codeWritten(off >>> 12, from, last);
  }

  /**
   * Stops treating page `page` as code (a store found it unused for long: typically a freed
   * program page now holding data), so stores to it take the fast path again. Its decoded slots
   * are cleared, so a hart still fetching from it decodes afresh and registers the page again.
   */
  dropCode(page: number): void {
    this.codeWatcher?.codeDropped(page);
    this.codeOps[page]?.fill(0, 0, PAGE_SLOTS - 1);
    this.codeOps[page] = undefined;
    this.codeImms[page] = undefined;
    this.codeFlag[page] = 0;
  }

  /**
   * True unless a hart is fetching from page `p` (a loop that stores to data beside its own code
   * has not left its page, so the page counts as in use; its store count starts again).
   */
  private idle(p: number): boolean {
    if (!this.fetchPage.includes(p)) return true;
    this.codeStores[p] = 0;
    return false;
  }

  /** Called for every store to RAM offset `off`; breaks reservations on its 8-byte granule. */
  breakReservations(off: number): void {
    const granule = Math.floor(off / 8) * 8;
    const r = this.reservations;
    for (let i = 0; i < r.length; i++) {
      if (r[i] === granule) {
        r[i] = -1;
        this.reserved--;
      }
    }
  }

  /** Records hart `id`'s LR reservation on the granule holding RAM offset `off`. */
  reserve(id: number, off: number): void {
    if (this.reservations[id] === -1) this.reserved++;
    this.reservations[id] = Math.floor(off / 8) * 8;
    this.epoch++;
  }

  /** Drops hart `id`'s reservation, if any. */
  unreserve(id: number): void {
    if (this.reservations[id] !== -1) {
      this.reservations[id] = -1;
      this.reserved--;
    }
  }

  /** True if some reservation lies in RAM page `page`. */
  reservedPage(page: number): boolean {
    if (this.reserved === 0) return false;
    for (const g of this.reservations) if (g !== -1 && Math.floor(g / 4096) === page) return true;
    return false;
  }

  /** Marks RAM page `page` as holding page-table entries an MMU has read (see ptFlag). */
  markPageTable(page: number): void {
    if (this.ptFlag[page] !== 0) return;
    this.ptFlag[page] = 1;
    // Harts drop the page from their store fast paths.
    this.epoch++;
  }

  /**
   * Bookkeeping every store to RAM must do, for writers outside a hart's fast path. `walker`: the
   * store is an MMU's own A/D update, which leaves its cached translations as good as they were.
   */
  noteStore(off: number, len: number, walker = false): void {
    const end = off + len;
    for (let p = off >>> 12; p <= (end - 1) >>> 12; p++) {
      if (this.ptFlag[p] !== 0 && !walker) {
        this.ptFlag[p] = 0;
        this.ptEpoch++;
      }
      if (!this.codeFlag[p]) continue;
      if (
        this.entries - this.codeEntry[p] > STALE_CODE ||
        (++this.codeStores[p] > CODE_STORES && this.idle(p))
      ) {
        this.dropCode(p);
      } else {
        const from = Math.max(off, p * 4096);
        this.invalidateCode(from, Math.min(end, (p + 1) * 4096) - from);
      }
    }
    if (this.reserved !== 0) {
      for (let g = Math.floor(off / 8) * 8; g < off + len; g += 8) this.breakReservations(g);
    }
  }

  /** Copies bytes into RAM at physical address `pa` (DMA, loaders). */
  writeBytes(pa: number, bytes: Uint8Array): void {
    if (!this.contains(pa, bytes.length)) {
      throw new RangeError(`write of ${bytes.length} bytes at 0x${pa.toString(16)} is outside RAM`);
    }
    const off = pa - this.base;
    this.u8.set(bytes, off);
    this.noteStore(off, bytes.length);
  }

  /** Copies bytes out of RAM at physical address `pa`. */
  readBytes(pa: number, len: number): Uint8Array {
    if (!this.contains(pa, len)) {
      throw new RangeError(`read of ${len} bytes at 0x${pa.toString(16)} is outside RAM`);
    }
    const off = pa - this.base;
    return this.u8.slice(off, off + len);
  }
}

/** The physical address space as a hart sees it. */
export interface Bus {
  readonly ram: Ram;
  /** Unsigned value of `size` (1, 2, 4) bytes at physical address `pa` outside RAM, or -1 for a bus error. */
  read(pa: number, size: number): number;
  /** Returns false for a bus error. */
  write(pa: number, size: number, value: number): boolean;
}

interface Mapping {
  base: number;
  size: number;
  device: Device;
}

/** A bus of RAM plus devices mapped at fixed ranges. */
export class SimpleBus implements Bus {
  readonly ram: Ram;
  private readonly maps: Mapping[] = [];

  constructor(ram: Ram) {
    this.ram = ram;
  }

  map(base: number, size: number, device: Device): this {
    for (const m of this.maps) {
      if (base < m.base + m.size && m.base < base + size) {
        throw new RangeError(`device at 0x${base.toString(16)} overlaps one at 0x${m.base.toString(16)}`);
      }
    }
    this.maps.push({ base, size, device });
    return this;
  }

  private find(pa: number, size: number): Mapping | undefined {
    for (const m of this.maps) {
      if (pa >= m.base && pa + size <= m.base + m.size) return m;
    }
    return undefined;
  }

  read(pa: number, size: number): number {
    const m = this.find(pa, size);
    return m === undefined ? -1 : m.device.read(pa - m.base, size);
  }

  write(pa: number, size: number, value: number): boolean {
    const m = this.find(pa, size);
    return m === undefined ? false : m.device.write(pa - m.base, size, value);
  }
}
