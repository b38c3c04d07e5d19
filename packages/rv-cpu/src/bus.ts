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
  /**
   * The RAM as doublewords, for aligned 8-byte accesses when other threads' harts share it
   * (`shared`): an aligned RISC-V load or store must be single-copy atomic, and a pair of 32-bit
   * accesses is not (another thread can land between them). A Float64Array element is moved by
   * one 8-byte host access on 64-bit hosts, and bits pass through unchanged, NaN patterns too
   * (V8 does not canonicalize NaNs moved between typed arrays); `pairF64`/`pairI32` split it.
   */
  readonly f64: Float64Array;
  /** One doubleword's scratch, seen as a double and as its two 32-bit halves (low first). */
  readonly pairF64: Float64Array = new Float64Array(1);
  readonly pairI32: Int32Array = new Int32Array(this.pairF64.buffer);
  /** Per 4 KiB page: decoded instructions (op word and immediate), or undefined if never executed. */
  readonly codeOps: (Int32Array | undefined)[];
  readonly codeImms: (Int32Array | undefined)[];
  /**
   * Per page, a bit per holder of decoded code there that a store must invalidate: `codeBit` is
   * this Ram's own. Harts sharing one Ram share its code caches and its one bit; parallel harts
   * (see RamShare) each have their own Ram, cache and bit over the same shared bytes.
   */
  readonly codeFlag: Uint8Array;
  /** The bit in codeFlag that stands for this Ram's own code caches (0 for a thread without harts). */
  readonly codeBit: number;
  /** Per page: the value of `entries` when a hart last started fetching from it. */
  readonly codeEntry: Float64Array;
  /** Per page: stores to it since a hart last started fetching from it. */
  readonly codeStores: Uint16Array;
  /** Counts fetch-page entries by any hart: a clock for how recently a code page was used. */
  entries = 0;
  /** Reservation addresses (RAM offsets of the 8-byte granule) per hart id, -1 when none. */
  readonly reservations: Int32Array;
  /** Per hart id: the RAM page it is fetching from (-1 when none): such a page is not dropped. */
  readonly fetchPage: Int32Array;
  /** epoch, ptEpoch and reserved, in shared memory when the harts run in parallel. */
  private readonly counters: Int32Array;
  /** The bookkeeping other threads see, when harts run in parallel (see RamShare). */
  private readonly share: SharedBook | null;
  /** True when other threads' harts use these bytes too: atomics and cross-thread invalidation. */
  readonly shared: boolean;
  /**
   * Per page: 1 while a translation cache may hold a translation read from a page-table entry in
   * it. Stores to such a page take the slow way, clear the mark and bump `ptEpoch`; an MMU whose
   * cached translations predate the last bump must drop them at its next sfence.vma, and need not
   * otherwise (its page tables are unchanged).
   */
  readonly ptFlag: Uint8Array;
  /** The compiled-code cache over this RAM, if a hart compiles. */
  codeWatcher: CodeWatcher | undefined;

  /**
   * `buffer`, when given, holds the RAM's bytes (exactly `size` of them): a SharedArrayBuffer lets
   * another thread fault its pages in ahead of the guest (see xv6-machine's CLI).
   */
  constructor(size: number, base = 0x8000_0000, maxHarts = 8, buffer?: ArrayBufferLike, share?: RamShare) {
    if (!Number.isInteger(size) || size <= 0 || size % 4096 !== 0) {
      throw new RangeError(`RAM size must be a positive multiple of 4096 bytes, got ${size}`);
    }
    if (buffer !== undefined && buffer.byteLength !== size) {
      throw new RangeError(`RAM buffer holds ${buffer.byteLength} bytes, not ${size}`);
    }
    if (!Number.isInteger(maxHarts) || maxHarts < 1 || maxHarts > 8) {
      throw new RangeError(`a RAM serves 1 to 8 harts, not ${maxHarts}`);
    }
    this.base = base;
    this.size = size;
    this.u8 = buffer === undefined ? new Uint8Array(size) : new Uint8Array(buffer);
    this.u16 = new Uint16Array(this.u8.buffer);
    this.i32 = new Int32Array(this.u8.buffer);
    this.f64 = new Float64Array(this.u8.buffer);
    const pages = size / 4096;
    this.codeOps = new Array(pages).fill(undefined);
    this.codeImms = new Array(pages).fill(undefined);
    this.codeEntry = new Float64Array(pages);
    this.codeStores = new Uint16Array(pages);
    if (share === undefined) {
      this.share = null;
      this.shared = false;
      this.codeBit = 1;
      this.codeFlag = new Uint8Array(pages);
      this.ptFlag = new Uint8Array(pages);
      this.reservations = new Int32Array(maxHarts).fill(-1);
      this.fetchPage = new Int32Array(maxHarts).fill(-1);
      this.counters = new Int32Array(COUNTERS);
    } else {
      if (!(this.u8.buffer instanceof SharedArrayBuffer)) {
        throw new RangeError("RAM shared between threads needs its bytes in a SharedArrayBuffer");
      }
      const book = openBook(share.state, pages, maxHarts);
      if (!Number.isInteger(share.hart) || share.hart < -1 || share.hart >= maxHarts) {
        throw new RangeError(`hart ${share.hart} is outside the shared RAM's ${maxHarts} harts`);
      }
      this.share = { ...book, self: share.hart, i64: new BigInt64Array(this.u8.buffer) };
      this.shared = true;
      this.codeBit = share.hart < 0 ? 0 : 1 << share.hart;
      this.codeFlag = book.codeFlag;
      this.ptFlag = book.ptFlag;
      this.reservations = book.reservations;
      this.fetchPage = book.fetchPage;
      this.counters = book.counters;
    }
  }

  /**
   * Bumped whenever a page starts holding decoded code, a reservation or a page-table mark: harts
   * then drop the pages their store fast path may write without checking.
   */
  get epoch(): number {
    return this.counters[EPOCH];
  }

  /** Counts stores to marked page-table pages. */
  get ptEpoch(): number {
    return this.counters[PT_EPOCH];
  }

  /** How many entries of `reservations` are valid; stores skip the check when 0. */
  get reserved(): number {
    return this.counters[RESERVED];
  }

  private bump(counter: number, by: number): void {
    if (this.shared) Atomics.add(this.counters, counter, by);
    else this.counters[counter] += by;
  }

  /**
   * Stores to page `page` must now invalidate this Ram's decoded code there (a hart started
   * fetching from it). Harts drop their store fast paths when they next look at `epoch`.
   */
  holdCode(page: number): void {
    if (this.shared) Atomics.or(this.codeFlag, page, this.codeBit);
    else this.codeFlag[page] |= this.codeBit;
    this.bump(EPOCH, 1);
  }

  /** The high 32 bits of the last doubleword loadAligned read. */
  loadedHi = 0;

  /**
   * Reads `size` (1, 2, 4 or 8) bytes at RAM offset `off`, a multiple of `size`, in one access:
   * returns the low 32 bits (zero-extended for 1 and 2) and leaves the high 32 in loadedHi.
   */
  loadAligned(off: number, size: number): number {
    if (size === 1) return this.u8[off];
    if (size === 2) return this.u16[off >>> 1];
    if (size === 4) return this.i32[off >>> 2];
    if (this.shared) {
      this.pairF64[0] = this.f64[off >>> 3];
      this.loadedHi = this.pairI32[1];
      return this.pairI32[0];
    }
    this.loadedHi = this.i32[(off >>> 2) + 1];
    return this.i32[off >>> 2];
  }

  /** Writes `size` (1, 2, 4 or 8) bytes of (vlo, vhi) at RAM offset `off`, a multiple of `size`. */
  storeAligned(off: number, size: number, vlo: number, vhi: number): void {
    if (size === 1) this.u8[off] = vlo;
    else if (size === 2) this.u16[off >>> 1] = vlo;
    else if (size === 4) this.i32[off >>> 2] = vlo;
    else if (this.shared) {
      this.pairI32[0] = vlo;
      this.pairI32[1] = vhi;
      this.f64[off >>> 3] = this.pairF64[0];
    } else {
      this.i32[off >>> 2] = vlo;
      this.i32[(off >>> 2) + 1] = vhi;
    }
  }

  /** A BigInt64Array over shared RAM, for 64-bit atomics (parallel harts only). */
  get i64(): BigInt64Array {
    const s = this.share;
    if (s === null) throw new RangeError("64-bit atomics are for RAM shared between threads");
    return s.i64;
  }

  /**
   * Where another thread's hart may store: an acquire point (fence, AMO, LR/SC, trap return).
   * A full barrier, then drops the code pages other threads stored to since the last one.
   */
  acquire(): void {
    const s = this.share;
    if (s === null) return;
    // A locked read-modify-write: the barrier a fence needs, and the flag in one step.
    if (Atomics.exchange(s.pending, s.self, 0) === 0) return;
    const words = s.words;
    const at = s.self * words;
    for (let w = 0; w < words; w++) {
      if (s.drops[at + w] === 0) continue;
      let bits = Atomics.exchange(s.drops, at + w, 0);
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        this.dropCode(w * 32 + b);
      }
    }
  }

  /** Tells the harts in `holders` (codeFlag bits) that page `page` changed under their code. */
  private postDrop(page: number, holders: number): void {
    const s = this.share as SharedBook;
    for (let h = 0; holders !== 0; h++, holders >>>= 1) {
      if ((holders & 1) === 0) continue;
      Atomics.or(s.drops, h * s.words + (page >>> 5), 1 << (page & 31));
      Atomics.and(this.codeFlag, page, ~(1 << h));
      Atomics.store(s.pending, h, 1);
    }
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
    if (this.shared) Atomics.and(this.codeFlag, page, ~this.codeBit);
    else this.codeFlag[page] = 0;
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
    const granule = off & -8;
    const r = this.reservations;
    for (let i = 0; i < r.length; i++) {
      if (r[i] === granule && this.clearReservation(i, granule)) this.bump(RESERVED, -1);
    }
  }

  private clearReservation(id: number, granule: number): boolean {
    if (!this.shared) {
      this.reservations[id] = -1;
      return true;
    }
    return Atomics.compareExchange(this.reservations, id, granule, -1) === granule;
  }

  /** Records hart `id`'s LR reservation on the granule holding RAM offset `off`. */
  reserve(id: number, off: number): void {
    const g = off & -8;
    let old: number;
    if (this.shared) old = Atomics.exchange(this.reservations, id, g);
    else {
      old = this.reservations[id];
      this.reservations[id] = g;
    }
    if (old === -1) this.bump(RESERVED, 1);
    this.bump(EPOCH, 1);
  }

  /** Drops hart `id`'s reservation; true if it was on the granule holding RAM offset `off`. */
  unreserve(id: number, off = -1): boolean {
    const g = this.reservations[id];
    if (g === -1 || !this.clearReservation(id, g)) return false;
    this.bump(RESERVED, -1);
    return g === (off & -8);
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
    this.bump(EPOCH, 1);
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
        this.bump(PT_EPOCH, 1);
      }
      const holders = this.codeFlag[p];
      if (holders === 0) continue;
      if ((holders & ~this.codeBit) !== 0) this.postDrop(p, holders & ~this.codeBit);
      if ((holders & this.codeBit) === 0) continue;
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
      for (let g = off & -8; g < off + len; g += 8) this.breakReservations(g);
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

const EPOCH = 0;
const PT_EPOCH = 1;
const RESERVED = 2;
const COUNTERS = 4;

/**
 * How a Ram joins others over the same shared bytes, one per thread: `state` comes from
 * Ram.shareState (the same buffer for all), `hart` is the id of the one hart that uses this Ram,
 * or -1 for a thread without harts (devices, loaders).
 */
export interface RamShare {
  state: SharedArrayBuffer;
  hart: number;
}

interface Book {
  counters: Int32Array;
  codeFlag: Uint8Array;
  ptFlag: Uint8Array;
  reservations: Int32Array;
  fetchPage: Int32Array;
  /** Per hart: 1 when `drops` holds pages for it. */
  pending: Int32Array;
  /** Per hart, a bit per page: code there was stored to by another thread. */
  drops: Int32Array;
  words: number;
}

interface SharedBook extends Book {
  self: number;
  i64: BigInt64Array;
}

function bookLayout(pages: number, harts: number) {
  const words = Math.ceil(pages / 32);
  const counters = 0;
  const reservations = counters + COUNTERS * 4;
  const fetchPage = reservations + harts * 4;
  const pending = fetchPage + harts * 4;
  const drops = pending + harts * 4;
  const codeFlag = drops + harts * words * 4;
  const ptFlag = codeFlag + pages;
  return { words, counters, reservations, fetchPage, pending, drops, codeFlag, ptFlag, size: ptFlag + pages };
}

function openBook(state: SharedArrayBuffer, pages: number, harts: number): Book {
  const l = bookLayout(pages, harts);
  if (!(state instanceof SharedArrayBuffer) || state.byteLength !== l.size) {
    throw new RangeError("the shared RAM state was made for another RAM size or hart count");
  }
  return {
    counters: new Int32Array(state, l.counters, COUNTERS),
    reservations: new Int32Array(state, l.reservations, harts),
    fetchPage: new Int32Array(state, l.fetchPage, harts),
    pending: new Int32Array(state, l.pending, harts),
    drops: new Int32Array(state, l.drops, harts * l.words),
    codeFlag: new Uint8Array(state, l.codeFlag, pages),
    ptFlag: new Uint8Array(state, l.ptFlag, pages),
    words: l.words,
  };
}

/**
 * The bookkeeping that Rams on several threads share over one SharedArrayBuffer of RAM bytes
 * (code-cache holders, page-table marks, reservations, invalidations): pass it to each Ram as
 * `{ state, hart }`.
 */
export function shareRamState(size: number, maxHarts: number): SharedArrayBuffer {
  const l = bookLayout(size / 4096, maxHarts);
  const state = new SharedArrayBuffer(l.size);
  const b = openBook(state, size / 4096, maxHarts);
  b.reservations.fill(-1);
  b.fetchPage.fill(-1);
  return state;
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
