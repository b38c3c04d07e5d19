import { divSigned, divUnsigned, divuw, divw, mul, mulhSigned, mulhu, out } from "./alu.js";
import { runAmo } from "./amo.js";
import { type Bus, PAGE_SLOTS, type Ram } from "./bus.js";
import { readCsr, writeCsr } from "./csr.js";
import { type DebugPoints, HALT_BREAK, HALT_NONE, HALT_WATCH, pageKey, type Watchpoint } from "./debug.js";
import { type Decoded, decode, isWide } from "./decode.js";
import { fpExecute } from "./fp/exec.js";
import { BLOCK_MAX, CodeCache, decodeSlot } from "./jit.js";
import { SPIN_CHECK } from "./jit-emit.js";
import { ACCESS_FAULT, Access, BareMmu, type Mmu, PAGE_FAULT, type TranslateRequest } from "./mmu.js";
import { Op } from "./ops.js";
import {
  CAUSE_BREAKPOINT,
  CAUSE_ECALL_U,
  CAUSE_FETCH_ACCESS,
  CAUSE_FETCH_PAGE,
  CAUSE_ILLEGAL,
  CAUSE_LOAD_ACCESS,
  CAUSE_LOAD_MISALIGNED,
  CAUSE_LOAD_PAGE,
  CAUSE_STORE_ACCESS,
  CAUSE_STORE_MISALIGNED,
  CAUSE_STORE_PAGE,
  IRQ_MEI,
  IRQ_MSI,
  IRQ_MTI,
  IRQ_SEI,
  IRQ_SSI,
  IRQ_STI,
  MENVCFG_STCE_HI,
  MIP_SEIP,
  MIP_STIP,
  MSTATUS_MIE,
  MSTATUS_MPIE,
  MSTATUS_MPP,
  MSTATUS_MPRV,
  MSTATUS_MXR,
  MSTATUS_SIE,
  MSTATUS_SPIE,
  MSTATUS_SPP,
  MSTATUS_SUM,
  MSTATUS_TSR,
  MSTATUS_TVM,
  MSTATUS_TW,
  numOf,
  PRIV_M,
  PRIV_S,
  PRIV_U,
  physOf,
} from "./state.js";

/** The machine's time base, in ticks of mtime (10 MHz on QEMU's virt board). */
export interface Clock {
  now(): number;
}

export interface HartOptions {
  bus: Bus;
  /** mhartid; also the slot this hart uses in the RAM's reservation table. */
  id?: number;
  mmu?: Mmu;
  clock?: Clock;
  /** Reset pc; 0x1000 on QEMU's virt board, 0x8000_0000 for bare test programs. */
  resetPc?: number;
  /**
   * "jit" (the default) compiles hot code into JavaScript functions; "interp" only interprets.
   * Both give the same architectural results, step for step.
   */
  engine?: Engine;
  /**
   * Entries of a jump target before the compiler translates it (default 1000; 1 compiles every block
   * the first time it runs, which differential tests use). Applies to the RAM's shared code cache.
   */
  jitThreshold?: number;
  /**
   * Fewest instructions in a trace the compiler translates unless it loops (default 12); shorter
   * ones are interpreted, which costs less than calling a unit for them. 1 compiles every trace,
   * which differential tests use with `jitThreshold: 1`. Applies to the RAM's shared code cache.
   */
  jitMinLength?: number;
}

/** The execution engines a hart can use. */
export type Engine = "interp" | "jit";

const TLB_SIZE = 256;
const FETCH_TLB_SIZE = 64;
const INTERRUPT_ORDER = [IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI];

function filled(n: number, v: number): Int32Array {
  return new Int32Array(n).fill(v);
}

/** Decoded slots that raise a fetch fault wherever they are entered. */
const faultOps = filled(PAGE_SLOTS, Op.FETCH_FAULT);
/** Decoded slots that fetch each instruction through the bus (pages outside RAM). */
const slowOps = filled(PAGE_SLOTS, Op.SLOW_FETCH);
const noImms = new Int32Array(PAGE_SLOTS);
faultOps[PAGE_SLOTS - 1] = Op.PAGE_END;
slowOps[PAGE_SLOTS - 1] = Op.PAGE_END;

/**
 * One RV64IMAC hart with M, S and U modes. Registers are (lo, hi) Int32 pairs; instructions are
 * decoded once per physical page and cached in the RAM object (shared by all harts).
 */
/** Hart fields that saveState keeps by name (64-bit CSRs as their Lo and Hi halves). */
const STATE_FIELDS = [
  "fflags",
  "frm",
  "mstatus",
  "mie",
  "mipSw",
  "mipHw",
  "mideleg",
  "medeleg",
  "mtvecLo",
  "mtvecHi",
  "stvecLo",
  "stvecHi",
  "mepcLo",
  "mepcHi",
  "sepcLo",
  "sepcHi",
  "mcauseLo",
  "mcauseHi",
  "scauseLo",
  "scauseHi",
  "mtvalLo",
  "mtvalHi",
  "stvalLo",
  "stvalHi",
  "mscratchLo",
  "mscratchHi",
  "sscratchLo",
  "sscratchHi",
  "mcounteren",
  "scounteren",
  "menvcfgLo",
  "menvcfgHi",
  "senvcfg",
  "stimecmpLo",
  "stimecmpHi",
  "satpLo",
  "satpHi",
] as const;

/** What Hart.saveState returns: plain data, JSON-safe. */
export interface HartState {
  /** x0..x31 as (lo, hi) pairs, and f0..f31 likewise. */
  x: number[];
  f: number[];
  pc: [number, number];
  priv: number;
  csr: Record<string, number>;
  pmpcfg: number[];
  pmpaddr: number[];
  instret: number;
  instretBase: string;
  cycleBase: string;
  waiting: boolean;
  /** The LR reservation: the RAM offset of its granule and the value LR read. */
  reservation: { granule: number; lo: number; hi: number } | null;
  spin: { regs: number[]; page: number; idx: number };
}

export class Hart {
  readonly id: number;
  readonly engine: Engine;
  readonly bus: Bus;
  readonly ram: Ram;
  mmu: Mmu;
  clock: Clock;

  /** x0..x31 as (lo, hi) pairs, plus pair 32 that swallows writes to x0. */
  readonly x: Int32Array = new Int32Array(66);
  pcLo = 0;
  pcHi = 0;
  /** f0..f31 as (lo, hi) pairs of their 64 bits (single precision NaN-boxed). */
  readonly f: Int32Array = new Int32Array(64);
  /** fcsr: accrued exception flags and the dynamic rounding mode. */
  fflags = 0;
  frm = 0;
  private level = PRIV_M;
  /**
   * Offsets of the translation-cache sets in use: one set per privilege, so that traps and
   * returns switch sets instead of flushing (satp, sfence.vma and mstatus's SUM/MXR/MPRV/MPP
   * still flush them all). dBase follows the effective data privilege (MPRV), fBase the fetch one.
   */
  /** @internal */
  dBase = PRIV_M * TLB_SIZE;
  private fBase = PRIV_M * FETCH_TLB_SIZE;

  /** The privilege mode (0 U, 1 S, 3 M). */
  get priv(): number {
    return this.level;
  }
  set priv(p: number) {
    this.level = p;
    this.dBase = this.dataPriv() * TLB_SIZE;
    this.fBase = p * FETCH_TLB_SIZE;
  }

  // Privileged state. 64-bit CSRs are (lo, hi) pairs.
  mstatus = 0;
  mie = 0;
  /** Software-written pending bits (SSIP, STIP without Sstc, SEIP). */
  mipSw = 0;
  /** Pending bits driven by devices (MSIP, MTIP, MEIP, SEIP). */
  mipHw = 0;
  mideleg = 0;
  medeleg = 0;
  mtvecLo = 0;
  mtvecHi = 0;
  stvecLo = 0;
  stvecHi = 0;
  mepcLo = 0;
  mepcHi = 0;
  sepcLo = 0;
  sepcHi = 0;
  mcauseLo = 0;
  mcauseHi = 0;
  scauseLo = 0;
  scauseHi = 0;
  mtvalLo = 0;
  mtvalHi = 0;
  stvalLo = 0;
  stvalHi = 0;
  mscratchLo = 0;
  mscratchHi = 0;
  sscratchLo = 0;
  sscratchHi = 0;
  mcounteren = 0;
  scounteren = 0;
  menvcfgLo = 0;
  menvcfgHi = 0;
  senvcfg = 0;
  stimecmpLo = -1;
  stimecmpHi = -1;
  satpLo = 0;
  satpHi = 0;
  readonly pmpcfg: Uint8Array = new Uint8Array(16);
  readonly pmpaddr: Int32Array = new Int32Array(32);
  /** Retired instructions, and the offsets software wrote into minstret/mcycle. */
  instret = 0;
  /** @internal */
  instretBase = 0n;
  /** @internal */
  cycleBase = 0n;
  /** Set by wfi; cleared when an interrupt is pending and enabled. */
  waiting = false;
  /**
   * When true, run() ends early once the hart is seen spinning: a backward branch that keeps
   * returning to the same place with an identical register file, which only another hart, a device
   * or an interrupt can change. Machines with several harts set it so that spinners give way.
   */
  yieldOnSpin = false;
  /** Set by run() when it ended early because the hart was spinning. */
  spun = false;
  /** The debugger's breakpoints and watchpoints (shared by a machine's harts), when one is attached. */
  debug: DebugPoints | null = null;
  /**
   * Why run() stopped for the debugger (HALT_BREAK at a breakpoint, HALT_WATCH before a watched
   * access, with `haltWatch` and `haltAddress`); run() does nothing until the debugger clears it.
   */
  halt = HALT_NONE;
  haltWatch: Watchpoint | undefined;
  haltAddress = 0;
  /** Set by a debugger while it steps: interrupts stay pending and are not taken. */
  holdInterrupts = false;
  private readonly spinRegs = new Int32Array(64);
  /** The RAM page and slot of the loop head seen at the last spin check (-1: none). */
  private spinPage = -1;
  private spinIdx = -1;

  // Fetch state: the decoded page being executed, and the virtual address of its slot 0.
  /** @internal */
  fOps: Int32Array = faultOps;
  /** @internal */
  fImms: Int32Array = noImms;
  /** @internal */
  fPageLo = 0;
  /** @internal */
  fPageHi = 0;
  /** @internal */
  fIdx = 0;
  /** @internal */
  fLim = 0;
  private fetchFaultCause = CAUSE_FETCH_ACCESS;
  /** RAM page number of the fetch page (when it is in RAM). */
  private fRamPage = 0;
  /** Heat counters of the fetch page when the compiler may run its code, else null. */
  private fHeat: Uint16Array | null = null;
  /** The compiled-code cache (shared by the harts on this RAM), when the engine is "jit". */
  readonly jit: CodeCache | undefined;
  /** Set by a compiled unit when its last step was a trap (it did not retire). */
  /** @internal */
  jitFault = 0;
  /** The interpreter's spin countdown, handed to and back from compiled units. */
  /** @internal */
  spinLeft = SPIN_CHECK;
  private readonly scratchOps = new Int32Array(PAGE_SLOTS);
  private readonly scratchImms = new Int32Array(PAGE_SLOTS);

  // Translation caches: virtual page -> RAM offset of the page, per access kind.
  /** @internal */
  readonly ltagLo: Int32Array = filled(4 * TLB_SIZE, 1);
  /** @internal */
  readonly ltagHi: Int32Array = new Int32Array(4 * TLB_SIZE);
  /** @internal */
  readonly loff: Int32Array = new Int32Array(4 * TLB_SIZE);
  /** @internal */
  readonly stagLo: Int32Array = filled(4 * TLB_SIZE, 1);
  /** @internal */
  readonly stagHi: Int32Array = new Int32Array(4 * TLB_SIZE);
  /** @internal */
  readonly soff: Int32Array = new Int32Array(4 * TLB_SIZE);
  /**
   * Stores to pages that hold decoded code or a reservation: translated here too, but every such
   * store does the RAM's bookkeeping (invalidating code, breaking reservations).
   */
  /** @internal */
  readonly ctagLo: Int32Array = filled(4 * TLB_SIZE, 1);
  /** @internal */
  readonly ctagHi: Int32Array = new Int32Array(4 * TLB_SIZE);
  /** @internal */
  readonly coff: Int32Array = new Int32Array(4 * TLB_SIZE);
  private readonly ftagLo = filled(4 * FETCH_TLB_SIZE, 1);
  private readonly ftagHi = new Int32Array(4 * FETCH_TLB_SIZE);
  private readonly fpage = new Int32Array(4 * FETCH_TLB_SIZE);
  private seenEpoch = -1;

  /** The value the last LR read, which SC swaps from when harts run on several threads. */
  private lrLo = 0;
  private lrHi = 0;

  /** Set when an exception was taken inside a helper; the executor re-reads the fetch state. */
  /** @internal */
  trapped = false;
  /** Results of CSR reads and 64-bit slow loads. */
  /** @internal */
  tmpLo = 0;
  /** @internal */
  tmpHi = 0;
  private readonly req: TranslateRequest = {
    lo: 0,
    hi: 0,
    access: Access.Load,
    priv: 0,
    sum: false,
    mxr: false,
    satpLo: 0,
    satpHi: 0,
  };
  private readonly dec: Decoded = { word: 0, imm: 0 };

  constructor(opts: HartOptions) {
    // instret passes 2^30 within seconds. V8 keeps a field that has only held small integers apart
    // from one that holds doubles, and the change would give every Hart a new shape mid-run,
    // throwing out all the code compiled against the old one (every compiled unit at once): the
    // field holds a double from the start.
    this.instret = 2 ** 31;
    this.instret = 0;
    this.bus = opts.bus;
    this.ram = opts.bus.ram;
    this.id = opts.id ?? 0;
    this.engine = opts.engine ?? "jit";
    if (this.engine !== "interp" && this.engine !== "jit")
      throw new RangeError(`unknown engine ${String(this.engine)}`);
    if (this.engine === "jit") {
      const w = this.ram.codeWatcher;
      if (w instanceof CodeCache) this.jit = w;
      else if (w === undefined) {
        this.jit = new CodeCache(this.ram);
        this.ram.codeWatcher = this.jit;
      }
      if (this.jit !== undefined && opts.jitThreshold !== undefined) {
        this.jit.hot = Math.min(60000, Math.max(1, Math.floor(opts.jitThreshold)));
      }
      if (this.jit !== undefined && opts.jitMinLength !== undefined) {
        this.jit.minLength = Math.max(1, Math.floor(opts.jitMinLength));
      }
    }
    if (this.id < 0 || this.id >= this.ram.reservations.length) {
      throw new RangeError(`hart id ${this.id} is outside the RAM's reservation table`);
    }
    this.mmu = opts.mmu ?? new BareMmu();
    this.clock = opts.clock ?? { now: () => this.instret };
    this.reset(opts.resetPc ?? 0x8000_0000);
  }

  /** Puts the hart in its reset state at `pc` (M-mode, interrupts off, registers zero). */
  reset(pc: number): void {
    this.x.fill(0);
    this.priv = PRIV_M;
    this.mstatus = 0;
    this.mie = 0;
    this.mipSw = 0;
    this.waiting = false;
    this.satpLo = 0;
    this.satpHi = 0;
    this.menvcfgLo = 0;
    this.menvcfgHi = 0;
    this.flushTlb();
    this.priv = PRIV_M;
    this.setPc(pc | 0, Math.floor(pc / 4294967296));
  }

  /** Sets the pc (as a 64-bit pair) and points fetch at it. */
  setPc(lo: number, hi: number): void {
    this.pcLo = lo & ~1;
    this.pcHi = hi | 0;
    this.syncFetch();
  }

  /** The pc as an unsigned number (exact below 2^53). */
  get pc(): number {
    return numOf(this.pcLo, this.pcHi);
  }

  /** Drives a device interrupt line into mip (MSIP, MTIP, MEIP or SEIP bit). */
  setInterrupt(bit: number, level: boolean): void {
    if (level) this.mipHw |= bit;
    else this.mipHw &= ~bit;
  }

  /** The value of mip as software reads it. */
  readMip(): number {
    let v = this.mipSw | this.mipHw;
    if (this.menvcfgHi & MENVCFG_STCE_HI) {
      v &= ~MIP_STIP;
      if (this.stimecmpReached()) v |= MIP_STIP;
    }
    return v;
  }

  private stimecmpReached(): boolean {
    return this.clock.now() >= numOf(this.stimecmpLo, this.stimecmpHi);
  }

  /** The next time (in mtime ticks) at which this hart's own timer (Sstc) fires, or Infinity. */
  nextDeadline(): number {
    if (!(this.menvcfgHi & MENVCFG_STCE_HI)) return Number.POSITIVE_INFINITY;
    return numOf(this.stimecmpLo, this.stimecmpHi);
  }

  /** The highest-priority interrupt that would be taken now, or -1. */
  pendingInterrupt(): number {
    if (this.holdInterrupts) return -1;
    const pending = this.readMip() & this.mie;
    if (pending === 0) return -1;
    const m = pending & ~this.mideleg;
    if (m !== 0 && (this.priv < PRIV_M || this.mstatus & MSTATUS_MIE)) return highest(m);
    const s = pending & this.mideleg;
    if (s !== 0 && (this.priv < PRIV_S || (this.priv === PRIV_S && this.mstatus & MSTATUS_SIE))) {
      return highest(s);
    }
    return -1;
  }

  /** Forget every cached translation (satp, privilege or mstatus changed, or sfence.vma). */
  flushTlb(): void {
    this.ltagLo.fill(1);
    this.stagLo.fill(1);
    this.ctagLo.fill(1);
    this.ftagLo.fill(1);
  }

  /**
   * The hart's architectural state (and what decides its next spin check) as plain JSON-safe
   * data, for machine snapshots; take it between runs. Caches are not part of it.
   */
  saveState(): HartState {
    const csr: Record<string, number> = {};
    for (const k of STATE_FIELDS) csr[k] = this[k];
    const g = this.ram.reservations[this.id] ?? -1;
    return {
      x: Array.from(this.x.subarray(0, 64)),
      f: Array.from(this.f),
      pc: [this.pcLo, this.pcHi],
      priv: this.level,
      csr,
      pmpcfg: Array.from(this.pmpcfg),
      pmpaddr: Array.from(this.pmpaddr),
      instret: this.instret,
      instretBase: this.instretBase.toString(),
      cycleBase: this.cycleBase.toString(),
      waiting: this.waiting,
      reservation: g === -1 ? null : { granule: g, lo: this.lrLo, hi: this.lrHi },
      spin: { regs: Array.from(this.spinRegs), page: this.spinPage, idx: this.spinIdx },
    };
  }

  /** Puts back a state from saveState (of a hart on a machine like this one). */
  loadState(s: HartState): void {
    const ints = (a: unknown, n: number, what: string): number[] => {
      if (!Array.isArray(a) || a.length !== n || !a.every((v) => Number.isInteger(v)))
        throw new RangeError(`hart state: ${what} is not ${n} integers`);
      return a as number[];
    };
    this.x.set(ints(s.x, 64, "x"));
    this.f.set(ints(s.f, 64, "f"));
    const [lo, hi] = ints(s.pc, 2, "pc");
    for (const k of STATE_FIELDS) {
      const v = s.csr?.[k];
      if (!Number.isInteger(v)) throw new RangeError(`hart state: ${k} is missing`);
      this[k] = v as number;
    }
    this.pmpcfg.set(ints(s.pmpcfg, 16, "pmpcfg"));
    this.pmpaddr.set(ints(s.pmpaddr, 32, "pmpaddr"));
    if (![0, 1, 3].includes(s.priv)) throw new RangeError("hart state: bad privilege mode");
    this.instret = ints([s.instret], 1, "instret")[0];
    this.instretBase = BigInt(s.instretBase);
    this.cycleBase = BigInt(s.cycleBase);
    this.waiting = s.waiting === true;
    this.ram.unreserve(this.id);
    if (s.reservation !== null) {
      this.ram.reserve(this.id, s.reservation.granule);
      this.lrLo = s.reservation.lo | 0;
      this.lrHi = s.reservation.hi | 0;
    }
    this.spinRegs.set(ints(s.spin?.regs, 64, "spin registers"));
    this.spinPage = s.spin.page | 0;
    this.spinIdx = s.spin.idx | 0;
    this.halt = HALT_NONE;
    this.priv = s.priv;
    this.translationChanged();
    this.setPc(lo, hi);
  }

  /** Set when a CSR write changed how addresses translate; the executor then re-reads fetch state. */
  private fetchStale = false;

  /** A CSR write changed satp or the translation bits of mstatus. */
  /** @internal */
  translationChanged(): void {
    this.flushTlb();
    this.dBase = this.dataPriv() * TLB_SIZE;
    this.fetchStale = true;
  }

  private flushStoreTlb(): void {
    this.stagLo.fill(1);
  }

  /**
   * An acquire point when harts on other threads share the RAM (fence, AMO, LR/SC): a barrier,
   * their stores to this hart's code are taken in, and pages that became code, reserved or page
   * tables there leave this hart's store fast path.
   */
  private acquireShared(): void {
    const ram = this.ram;
    ram.acquire();
    if (ram.epoch !== this.seenEpoch) {
      this.seenEpoch = ram.epoch;
      this.flushStoreTlb();
    }
  }

  /** Effective privilege for loads and stores (MPRV applies MPP in M-mode). */
  private dataPriv(): number {
    if (this.priv === PRIV_M && this.mstatus & MSTATUS_MPRV) return (this.mstatus & MSTATUS_MPP) >>> 11;
    return this.priv;
  }

  private translating(priv: number): boolean {
    return priv !== PRIV_M && this.satpHi >>> 28 !== 0;
  }

  /** Translates a virtual address; a physical address, or PAGE_FAULT / ACCESS_FAULT. */
  private translate(lo: number, hi: number, access: Access, priv: number): number {
    if (!this.translating(priv)) {
      const pa = physOf(lo, hi);
      return pa < 0 ? ACCESS_FAULT : pa;
    }
    const r = this.req;
    r.lo = lo;
    r.hi = hi;
    r.access = access;
    r.priv = priv;
    r.sum = (this.mstatus & MSTATUS_SUM) !== 0;
    r.mxr = (this.mstatus & MSTATUS_MXR) !== 0;
    r.satpLo = this.satpLo;
    r.satpHi = this.satpHi;
    const pa = this.mmu.translate(r);
    // The walk may have marked a page-table page: stores to it must now take the slow way.
    if (this.ram.epoch !== this.seenEpoch) {
      this.seenEpoch = this.ram.epoch;
      this.flushStoreTlb();
    }
    return pa;
  }

  /** Points the fetch state at the page holding pc. Never throws; faults surface when executed. */
  /** @internal */
  syncFetch(): void {
    const lo = this.pcLo;
    const hi = this.pcHi;
    const pageLo = lo & -4096;
    this.fPageLo = pageLo;
    this.fPageHi = hi;
    this.fIdx = (lo & 4095) >>> 1;
    this.fLim = 2048;
    const ram = this.ram;
    const t = ((lo >>> 12) & (FETCH_TLB_SIZE - 1)) + this.fBase;
    let page: number;
    if (this.ftagLo[t] === pageLo && this.ftagHi[t] === hi) {
      page = this.fpage[t];
    } else {
      const pa = this.translate(pageLo, hi, Access.Fetch, this.priv);
      if (pa < 0) {
        this.fetchFaultCause = pa === PAGE_FAULT ? CAUSE_FETCH_PAGE : CAUSE_FETCH_ACCESS;
        this.fOps = faultOps;
        this.fImms = noImms;
        this.fHeat = null;
        return;
      }
      if (!ram.contains(pa, 4096)) {
        this.fOps = slowOps;
        this.fImms = noImms;
        this.fHeat = null;
        return;
      }
      page = (pa - ram.base) >>> 12;
      this.ftagLo[t] = pageLo;
      this.ftagHi[t] = hi;
      this.fpage[t] = page;
    }
    let ops = ram.codeOps[page];
    if (ops === undefined) {
      ops = new Int32Array(PAGE_SLOTS);
      ops[PAGE_SLOTS - 1] = Op.PAGE_END;
      ram.codeOps[page] = ops;
      ram.codeImms[page] = new Int32Array(PAGE_SLOTS);
    }
    if ((ram.codeFlag[page] & ram.codeBit) === 0) {
      // Stores to this page must now go the slow way, so that they invalidate what we decode.
      ram.holdCode(page);
      this.flushStoreTlb();
    }
    ram.codeEntry[page] = ram.entries++;
    ram.codeStores[page] = 0;
    ram.fetchPage[this.id] = page;
    this.fOps = ops;
    this.fImms = ram.codeImms[page] as Int32Array;
    this.fRamPage = page;
    this.fHeat = this.jit?.enabled ? this.jit.heatOf(page) : null;
    if (this.debug !== null) this.markBreakpoints(ops);
  }

  /** Gives the breakpoints of the fetch page BREAKPOINT ops, and keeps the page out of compiled code. */
  private markBreakpoints(ops: Int32Array): void {
    const d = this.debug as DebugPoints;
    const slots = d.pages.get(pageKey(this.fPageLo, this.fPageHi));
    if (slots === undefined) return;
    this.fHeat = null;
    for (const idx of slots) {
      if (ops[idx] === Op.BREAKPOINT) continue;
      ops[idx] = Op.BREAKPOINT;
      d.marked.push({ ops, idx });
    }
  }

  /**
   * At a BREAKPOINT op in slot idx: true (with `halt` set) if the pc is a breakpoint; false if the
   * instruction is to run (another virtual page maps the same code, or the debugger steps over it).
   */
  private breakHere(idx: number): boolean {
    const d = this.debug;
    this.pcAt(idx * 2);
    if (d === null || d.suspended || !d.breaksAt(pageKey(this.pcLo, this.pcHi), (this.pcLo & 4095) >>> 1))
      return false;
    this.halt = HALT_BREAK;
    return true;
  }

  /** Stops before a watched access (pc is the instruction's): true if it did. */
  private watchStop(lo: number, hi: number, size: number, read: boolean, write: boolean): boolean {
    const w = (this.debug as DebugPoints).watchHit(lo, hi, size, read, write);
    if (w === undefined) return false;
    this.halt = HALT_WATCH;
    this.haltWatch = w;
    this.haltAddress = (hi >>> 0) * 4294967296 + (lo >>> 0);
    this.syncFetch();
    this.trapped = true;
    return true;
  }

  /**
   * The debugger changed breakpoints or watchpoints (while the hart was stopped): mark the fetch
   * page again and drop cached translations of pages that may now be watched.
   */
  debugChanged(): void {
    this.flushTlb();
    this.syncFetch();
  }

  /** A CSR's value as a debugger reads it (at any privilege), or undefined if there is none. */
  debugReadCsr(csr: number): bigint | undefined {
    const saved = this.level;
    this.level = PRIV_M;
    const ok = readCsr(this, csr, false);
    this.priv = saved;
    if (!ok) return undefined;
    return (BigInt(this.tmpHi >>> 0) << 32n) | BigInt(this.tmpLo >>> 0);
  }

  /** Writes a CSR for a debugger (at any privilege); false if it has none such or is read-only. */
  debugWriteCsr(csr: number, value: bigint): boolean {
    const saved = this.level;
    this.level = PRIV_M;
    const u = BigInt.asUintN(64, value);
    const ok =
      readCsr(this, csr, true) && writeCsr(this, csr, Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
    this.priv = saved;
    this.debugChanged();
    return ok;
  }

  /** Sets pc to the fetch page base plus a byte offset (may leave the page). */
  /** @internal */
  pcAt(off: number): void {
    const base = this.fPageLo;
    const lo = (base + off) | 0;
    this.pcHi = (this.fPageHi + (off >> 31) + (lo >>> 0 < base >>> 0 ? 1 : 0)) | 0;
    this.pcLo = lo;
  }

  /** Reads one halfword of instruction memory at a virtual address; -1 after raising a fault. */
  private fetchHalf(lo: number, hi: number): number {
    const pa = this.translate(lo, hi, Access.Fetch, this.priv);
    let v = -1;
    if (pa >= 0) {
      if (this.ram.contains(pa, 2)) v = this.ram.u16[(pa - this.ram.base) >>> 1];
      else v = this.bus.read(pa, 2);
    }
    if (v < 0) {
      this.exception(pa === PAGE_FAULT ? CAUSE_FETCH_PAGE : CAUSE_FETCH_ACCESS, lo, hi);
      return -1;
    }
    return v;
  }

  /**
   * Fetches and decodes the instruction at fetch slot `idx` the slow way (outside RAM, or straddling
   * a page boundary) into a one-instruction scratch page, and points the fetch state at it.
   */
  private slowFetch(idx: number): void {
    this.pcAt(idx * 2);
    const lo = this.pcLo;
    const hi = this.pcHi;
    const low = this.fetchHalf(lo, hi);
    if (low < 0) return;
    let bits = low;
    if (isWide(low)) {
      const hlo = (lo + 2) | 0;
      const high = this.fetchHalf(hlo, hlo === 0 ? (hi + 1) | 0 : hi);
      if (high < 0) return;
      bits = low | (high << 16);
    }
    decode(bits, this.dec);
    const ops = this.scratchOps;
    ops[0] = this.dec.word;
    const d = this.debug;
    if (d !== null && !d.suspended && d.breaksAt(pageKey(lo, hi), (lo & 4095) >>> 1)) ops[0] = Op.BREAKPOINT;
    ops[1] = Op.PAGE_END;
    ops[2] = Op.PAGE_END;
    this.scratchImms[0] = this.dec.imm;
    this.fOps = ops;
    this.fImms = this.scratchImms;
    this.fPageLo = lo;
    this.fPageHi = hi;
    this.fIdx = 0;
    this.fLim = 0;
    this.fHeat = null;
  }

  /** Decodes the instruction in RAM at slot `idx` of the current fetch page into the cache. */
  private decodeSlot(idx: number): void {
    decodeSlot(this.ram, this.fRamPage, this.fOps, this.fImms, idx, this.dec);
  }

  /** Raw bits of the instruction at fetch slot `idx` (for illegal-instruction tval). */
  private instructionBits(idx: number): number {
    const w = this.fOps[idx];
    if ((w & 255) === Op.ILLEGAL) return this.fImms[idx] >>> 0;
    this.pcAt(idx * 2);
    const low = this.fetchHalf(this.pcLo, this.pcHi);
    this.trapped = false;
    if (low < 0 || !isWide(low)) return Math.max(low, 0);
    const hlo = (this.pcLo + 2) | 0;
    const high = this.fetchHalf(hlo, hlo === 0 ? (this.pcHi + 1) | 0 : this.pcHi);
    this.trapped = false;
    return (low | (Math.max(high, 0) << 16)) >>> 0;
  }

  /**
   * Takes a synchronous exception at the current pc (this.pcLo/pcHi must hold the faulting
   * instruction's address) with the given tval, and points fetch at the handler.
   */
  /** @internal */
  exception(cause: number, tvalLo: number, tvalHi: number): void {
    this.takeTrap(cause, 0, tvalLo, tvalHi, (this.medeleg >>> cause) & 1);
  }

  /** Takes interrupt `cause` at the current pc. */
  /** @internal */
  interrupt(cause: number): void {
    this.takeTrap(cause, 1 << 31, 0, 0, (this.mideleg >>> cause) & 1);
  }

  private takeTrap(cause: number, causeHi: number, tvalLo: number, tvalHi: number, deleg: number): void {
    this.trapped = true;
    this.waiting = false;
    const from = this.priv;
    let s = this.mstatus;
    let baseLo: number;
    let baseHi: number;
    if (deleg !== 0 && from <= PRIV_S) {
      this.scauseLo = cause;
      this.scauseHi = causeHi;
      this.sepcLo = this.pcLo;
      this.sepcHi = this.pcHi;
      this.stvalLo = tvalLo;
      this.stvalHi = tvalHi;
      s = (s & ~(MSTATUS_SPIE | MSTATUS_SPP)) | (s & MSTATUS_SIE ? MSTATUS_SPIE : 0) | (from << 8);
      s &= ~MSTATUS_SIE;
      this.priv = PRIV_S;
      baseLo = this.stvecLo;
      baseHi = this.stvecHi;
    } else {
      this.mcauseLo = cause;
      this.mcauseHi = causeHi;
      this.mepcLo = this.pcLo;
      this.mepcHi = this.pcHi;
      this.mtvalLo = tvalLo;
      this.mtvalHi = tvalHi;
      s = (s & ~(MSTATUS_MPIE | MSTATUS_MPP)) | (s & MSTATUS_MIE ? MSTATUS_MPIE : 0) | (from << 11);
      s &= ~MSTATUS_MIE;
      this.priv = PRIV_M;
      baseLo = this.mtvecLo;
      baseHi = this.mtvecHi;
    }
    this.mstatus = s;
    this.dBase = this.dataPriv() * TLB_SIZE;
    let lo = baseLo & ~3;
    if ((baseLo & 3) === 1 && causeHi !== 0) lo += 4 * cause;
    this.setPc(lo, baseHi);
  }

  /** mret/sret: returns to the privilege saved by the trap. */
  private trapReturn(fromM: boolean): void {
    let s = this.mstatus;
    let to: number;
    if (fromM) {
      to = (s & MSTATUS_MPP) >>> 11;
      s = (s & ~(MSTATUS_MIE | MSTATUS_MPP)) | (s & MSTATUS_MPIE ? MSTATUS_MIE : 0) | MSTATUS_MPIE;
      this.pcLo = this.mepcLo;
      this.pcHi = this.mepcHi;
    } else {
      to = (s & MSTATUS_SPP) >>> 8;
      s = (s & ~(MSTATUS_SIE | MSTATUS_SPP)) | (s & MSTATUS_SPIE ? MSTATUS_SIE : 0) | MSTATUS_SPIE;
      this.pcLo = this.sepcLo;
      this.pcHi = this.sepcHi;
    }
    if (to !== PRIV_M) s &= ~MSTATUS_MPRV;
    this.mstatus = s;
    this.priv = to;
    this.setPc(this.pcLo, this.pcHi);
  }

  /** Raises illegal instruction for the instruction at slot idx. */
  private illegal(idx: number): void {
    const bits = this.instructionBits(idx);
    this.pcAt(idx * 2);
    this.exception(CAUSE_ILLEGAL, bits | 0, 0);
  }

  /** Translates a data access the slow way; the physical address, or -1 after raising the fault. */
  private dataAddress(lo: number, hi: number, access: Access): number {
    const pa = this.translate(lo, hi, access, this.dataPriv());
    if (pa >= 0) return pa;
    const store = access === Access.Store;
    let cause: number;
    if (pa === PAGE_FAULT) cause = store ? CAUSE_STORE_PAGE : CAUSE_LOAD_PAGE;
    else cause = store ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
    this.exception(cause, lo, hi);
    return -1;
  }

  private tlbFill(lo: number, hi: number, pa: number, store: boolean): void {
    // Accesses to a watched page must all come through the slow path.
    if (this.debug !== null && this.debug.watches.length > 0 && this.debug.watchesPage(lo, hi)) return;
    const ram = this.ram;
    const page = (pa - ram.base) >>> 12;
    if (store) {
      const t = ((lo >>> 12) & (TLB_SIZE - 1)) + this.dBase;
      if (ram.codeFlag[page] !== 0 || ram.ptFlag[page] !== 0 || ram.reservedPage(page)) {
        this.ctagLo[t] = lo & -4096;
        this.ctagHi[t] = hi;
        this.coff[t] = page << 12;
        return;
      }
      this.stagLo[t] = lo & -4096;
      this.stagHi[t] = hi;
      this.soff[t] = page << 12;
    } else {
      const t = ((lo >>> 12) & (TLB_SIZE - 1)) + this.dBase;
      this.ltagLo[t] = lo & -4096;
      this.ltagHi[t] = hi;
      this.loff[t] = page << 12;
    }
  }

  /**
   * Loads `size` bytes (1, 2, 4, 8) the slow way: TLB miss, misaligned, or MMIO. Returns the low 32
   * bits (zero-extended for 1 and 2) and leaves the high 32 in tmpHi for size 8. Sets `trapped`.
   */
  /** @internal */
  loadSlow(lo: number, hi: number, size: number): number {
    if (this.debug !== null && this.watchStop(lo, hi, size, true, false)) return 0;
    if ((lo & 4095) + size > 4096) return this.loadSplit(lo, hi, size);
    const pa = this.dataAddress(lo, hi, Access.Load);
    if (pa < 0) return 0;
    const ram = this.ram;
    if (ram.contains(pa, size)) {
      this.tlbFill(lo, hi, pa, false);
      const off = pa - ram.base;
      if ((off & (size - 1)) === 0) {
        const v = ram.loadAligned(off, size);
        this.tmpHi = ram.loadedHi;
        return v;
      }
      // Misaligned: byte by byte (such accesses need not be atomic).
      const u8 = ram.u8;
      if (size === 1) return u8[off];
      if (size === 2) return u8[off] | (u8[off + 1] << 8);
      const v = u8[off] | (u8[off + 1] << 8) | (u8[off + 2] << 16) | (u8[off + 3] << 24);
      if (size === 8)
        this.tmpHi = u8[off + 4] | (u8[off + 5] << 8) | (u8[off + 6] << 16) | (u8[off + 7] << 24);
      return v;
    }
    if (size === 8) {
      const a = (pa & 7) === 0 ? this.bus.read(pa, 4) : -1;
      const b = a < 0 ? -1 : this.bus.read(pa + 4, 4);
      if (b < 0) {
        this.exception(CAUSE_LOAD_ACCESS, lo, hi);
        return 0;
      }
      this.tmpHi = b | 0;
      return a | 0;
    }
    const v = (pa & (size - 1)) === 0 ? this.bus.read(pa, size) : -1;
    if (v < 0) {
      this.exception(CAUSE_LOAD_ACCESS, lo, hi);
      return 0;
    }
    return v | 0;
  }

  /** A misaligned load that crosses a page: byte by byte, each translated. */
  private loadSplit(lo: number, hi: number, size: number): number {
    let vlo = 0;
    let vhi = 0;
    for (let i = 0; i < size; i++) {
      const alo = (lo + i) | 0;
      const ahi = alo >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      const b = this.loadSlow(alo, ahi, 1);
      if (this.trapped) return 0;
      if (i < 4) vlo |= b << (8 * i);
      else vhi |= b << (8 * (i - 4));
    }
    this.tmpHi = vhi;
    return vlo;
  }

  /**
   * An aligned store to a code or reserved page whose translation is cached: writes it, does the
   * RAM's bookkeeping and returns true; false if the slow way must be taken.
   */
  /** @internal */
  storeTracked(lo: number, hi: number, size: number, vlo: number, vhi: number): boolean {
    const t = ((lo >>> 12) & (TLB_SIZE - 1)) + this.dBase;
    if (this.ctagLo[t] !== (lo & -4096) || this.ctagHi[t] !== hi || (lo & (size - 1)) !== 0) return false;
    const off = this.coff[t] + (lo & 4095);
    const ram = this.ram;
    ram.storeAligned(off, size, vlo, vhi);
    ram.noteStore(off, size);
    // The store may have ended what kept the page out of the fast path (a page table's mark).
    const page = off >>> 12;
    if (ram.codeFlag[page] === 0 && ram.ptFlag[page] === 0 && !ram.reservedPage(page)) {
      this.stagLo[t] = this.ctagLo[t];
      this.stagHi[t] = hi;
      this.soff[t] = this.coff[t];
      this.ctagLo[t] = 1;
    }
    return true;
  }

  /** Stores `size` bytes the slow way; value (vlo, vhi). Sets `trapped` on a fault. */
  /** @internal */
  storeSlow(lo: number, hi: number, size: number, vlo: number, vhi: number): void {
    if (this.debug !== null && this.watchStop(lo, hi, size, false, true)) return;
    if ((lo & 4095) + size > 4096) {
      this.storeSplit(lo, hi, size, vlo, vhi);
      return;
    }
    const pa = this.dataAddress(lo, hi, Access.Store);
    if (pa < 0) return;
    const ram = this.ram;
    if (ram.contains(pa, size)) {
      const off = pa - ram.base;
      if ((off & (size - 1)) === 0) ram.storeAligned(off, size, vlo, vhi);
      else {
        const u8 = ram.u8;
        for (let i = 0; i < size; i++) u8[off + i] = i < 4 ? vlo >>> (8 * i) : vhi >>> (8 * (i - 4));
      }
      ram.noteStore(off, size);
      this.tlbFill(lo, hi, pa, true);
      return;
    }
    let ok: boolean;
    if (size === 8)
      ok = (pa & 7) === 0 && this.bus.write(pa, 4, vlo >>> 0) && this.bus.write(pa + 4, 4, vhi >>> 0);
    else
      ok =
        (pa & (size - 1)) === 0 &&
        this.bus.write(pa, size, size === 4 ? vlo >>> 0 : vlo & ((1 << (8 * size)) - 1));
    if (!ok) this.exception(CAUSE_STORE_ACCESS, lo, hi);
  }

  /** A misaligned store that crosses a page: all bytes are translated before any is written. */
  private storeSplit(lo: number, hi: number, size: number, vlo: number, vhi: number): void {
    for (let i = 0; i < size; i++) {
      const alo = (lo + i) | 0;
      const ahi = alo >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      if (this.dataAddress(alo, ahi, Access.Store) < 0) return;
    }
    for (let i = 0; i < size; i++) {
      const alo = (lo + i) | 0;
      const ahi = alo >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      this.storeSlow(alo, ahi, 1, i < 4 ? vlo >>> (8 * i) : vhi >>> (8 * (i - 4)), 0);
      if (this.trapped) return;
    }
  }

  /** Physical address for an atomic access, or -1 after raising the fault (misaligned or not RAM). */
  /** @internal */
  atomicAddress(lo: number, hi: number, size: number, access: Access): number {
    const store = access === Access.Store;
    if ((lo & (size - 1)) !== 0) {
      this.exception(store ? CAUSE_STORE_MISALIGNED : CAUSE_LOAD_MISALIGNED, lo, hi);
      return -1;
    }
    if (this.debug !== null && this.watchStop(lo, hi, size, true, store)) return -1;
    const pa = this.dataAddress(lo, hi, access);
    if (pa < 0) return -1;
    if (!this.ram.contains(pa, size)) {
      this.exception(store ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS, lo, hi);
      return -1;
    }
    return pa;
  }

  private loadReserved(w: number, size: number): void {
    const x = this.x;
    const rs1 = (w >>> 15) & 63;
    const pa = this.atomicAddress(x[rs1], x[rs1 + 1], size, Access.Load);
    if (pa < 0) return;
    const ram = this.ram;
    const off = pa - ram.base;
    const rd = (w >>> 8) & 127;
    let lo: number;
    let hi: number;
    if (!ram.shared) {
      lo = ram.i32[off >>> 2];
      hi = size === 8 ? ram.i32[(off >>> 2) + 1] : lo >> 31;
    } else if (size === 4) {
      lo = Atomics.load(ram.i32, off >>> 2);
      hi = lo >> 31;
    } else {
      // One 64-bit read, so that SC's compare-and-swap compares against a value that existed.
      const v = Atomics.load(ram.i64, off >>> 3);
      lo = Number(BigInt.asIntN(32, v));
      hi = Number(v >> 32n);
    }
    // Reserved first: a store by another thread after this load breaks it (or changes the value).
    ram.reserve(this.id, off);
    this.lrLo = lo;
    this.lrHi = hi;
    x[rd] = lo;
    x[rd + 1] = hi;
    this.flushStoreTlb();
    if (ram.shared) this.acquireShared();
  }

  private storeConditional(w: number, size: number): void {
    const x = this.x;
    const rs1 = (w >>> 15) & 63;
    const rs2 = (w >>> 21) & 63;
    const pa = this.atomicAddress(x[rs1], x[rs1 + 1], size, Access.Store);
    if (pa < 0) return;
    const ram = this.ram;
    const off = pa - ram.base;
    let ok = ram.unreserve(this.id, off);
    const rd = (w >>> 8) & 127;
    if (ok && !ram.shared) {
      ram.i32[off >>> 2] = x[rs2];
      if (size === 8) ram.i32[(off >>> 2) + 1] = x[rs2 + 1];
    } else if (ok && size === 4) {
      // Another thread's store between the reservation check and here changed the value (or
      // broke the reservation before the check): the swap fails then.
      ok = Atomics.compareExchange(ram.i32, off >>> 2, this.lrLo, x[rs2]) === this.lrLo;
    } else if (ok) {
      const old = (BigInt(this.lrHi) << 32n) | BigInt(this.lrLo >>> 0);
      const now = (BigInt(x[rs2 + 1]) << 32n) | BigInt(x[rs2] >>> 0);
      ok = Atomics.compareExchange(ram.i64, off >>> 3, old, now) === old;
    }
    if (ok) ram.noteStore(off, size);
    x[rd] = ok ? 0 : 1;
    x[rd + 1] = 0;
    if (ram.shared) this.acquireShared();
  }

  /** CSR instruction at slot idx. Returns false if it raised an exception. */
  private csrOp(w: number, idx: number, imm: number): boolean {
    const op = w & 255;
    const rd = (w >>> 8) & 127;
    const rs1 = (w >>> 15) & 63;
    const csr = imm & 0xfff;
    const immForm = op >= Op.CSRRWI;
    const kind = (op - Op.CSRRW) % 3; // 0 write, 1 set, 2 clear
    let srcLo: number;
    let srcHi: number;
    if (immForm) {
      srcLo = rs1 >>> 1;
      srcHi = 0;
    } else {
      srcLo = this.x[rs1];
      srcHi = this.x[rs1 + 1];
    }
    const writes = kind === 0 || (immForm ? srcLo !== 0 : rs1 !== 0);
    this.pcAt(idx * 2);
    if (!readCsr(this, csr, writes)) {
      this.illegal(idx);
      return false;
    }
    const oldLo = this.tmpLo;
    const oldHi = this.tmpHi;
    if (writes) {
      let nlo = srcLo;
      let nhi = srcHi;
      // mip.SEIP reads as the software bit OR the PLIC's line, but only the software bit takes
      // part in csrrs/csrrc (privileged spec, mip): the line must not be latched into it.
      const baseLo = csr === 0x344 ? (oldLo & ~MIP_SEIP) | (this.mipSw & MIP_SEIP) : oldLo;
      if (kind === 1) {
        nlo = baseLo | srcLo;
        nhi = oldHi | srcHi;
      } else if (kind === 2) {
        nlo = baseLo & ~srcLo;
        nhi = oldHi & ~srcHi;
      }
      if (!writeCsr(this, csr, nlo, nhi)) {
        this.illegal(idx);
        return false;
      }
    }
    this.x[rd] = oldLo;
    this.x[rd + 1] = oldHi;
    return true;
  }

  /**
   * Called every SPIN_CHECK taken backward branches: true (with pc set to the loop's head and
   * `spun` set) if this one goes to the same place as at the previous check and the registers are
   * the same — the loop makes no progress of its own.
   */
  /** @internal */
  spinning(ops: Int32Array, idx: number, from: number): boolean {
    if (!this.yieldOnSpin || this.loopStores(ops, idx, from)) return false;
    const x = this.x;
    const r = this.spinRegs;
    const page = ops === this.fOps && this.ram.codeOps[this.fRamPage] === ops ? this.fRamPage : -1;
    let same = page >= 0 && this.spinPage === page && this.spinIdx === idx;
    for (let i = 2; i < 64; i++) {
      if (r[i] !== x[i]) {
        same = false;
        r[i] = x[i];
      }
    }
    this.spinPage = page;
    this.spinIdx = idx;
    if (same) {
      // Stop at the loop's head; the next run starts there.
      this.fIdx = idx;
      this.pcAt(idx * 2);
      this.spun = true;
    }
    return same;
  }

  /**
   * True if the instructions from slot `target` up to the branch at slot `from` hold a store (or
   * an FP op): such a loop does work, it does not wait for another hart, and the compiled engine
   * leaves out the spin check there (see jit-emit's spinCheck), so both engines agree. Slots not
   * decoded yet are decoded here, so the answer depends on memory only, not on what ran before.
   */
  private loopStores(ops: Int32Array, target: number, from: number): boolean {
    const fetchable = ops === this.fOps && this.ram.codeOps[this.fRamPage] === ops;
    for (let i = target; i <= from; ) {
      if ((ops[i] & 255) === Op.UNDECODED) {
        if (!fetchable) return false;
        this.decodeSlot(i);
        if (this.debug !== null) this.markBreakpoints(ops);
      }
      const w = ops[i];
      if (((w & 255) >= Op.SB && (w & 255) <= Op.SD) || (w & 255) === Op.FP) return true;
      if (w >>> 27 === 0) return false;
      i += w >>> 27;
    }
    return false;
  }

  /**
   * Runs up to `budget` instructions. Returns how many steps were taken (traps count as steps).
   * Returns early after wfi and at a debugger's stop; a CSR write that makes an interrupt deliverable
   * takes it at once.
   */
  run(budget: number): number {
    const ram = this.ram;
    if (ram.shared) ram.acquire();
    if (ram.epoch !== this.seenEpoch) {
      this.seenEpoch = ram.epoch;
      this.flushStoreTlb();
    }
    if (this.halt !== HALT_NONE) return 0;
    const irq = this.pendingInterrupt();
    if (irq >= 0) {
      this.interrupt(irq);
    } else if (this.waiting) {
      if ((this.readMip() & this.mie) === 0) return 0;
      this.waiting = false;
    }
    this.trapped = false;
    const x = this.x;
    const u8 = ram.u8;
    const u16 = ram.u16;
    const i32 = ram.i32;
    const ltagLo = this.ltagLo;
    const ltagHi = this.ltagHi;
    const loff = this.loff;
    const stagLo = this.stagLo;
    const stagHi = this.stagHi;
    const soff = this.soff;
    let steps = 0;
    // Instructions retired = steps - notRetired (traps, and steps that were no instruction);
    // `counted` of them are already in this.instret.
    let notRetired = 0;
    let counted = 0;
    // Counts down taken backward branches; at zero the registers are compared for spinning.
    let spinCountdown = SPIN_CHECK;
    this.spun = false;
    outer: while (steps < budget) {
      // A debugger's stop (a breakpoint, a watched access) leaves fIdx at the instruction.
      if (this.halt !== HALT_NONE) break;
      const ops = this.fOps;
      const imms = this.fImms;
      const lim = this.fLim;
      const heat = this.fHeat;
      // Traps, xRET and translation-changing CSR writes all come back through here.
      const tb = this.dBase;
      let idx = this.fIdx;
      if (heat !== null && budget - steps >= BLOCK_MAX) {
        // A jump target: run its compiled unit if there is one (or it has just become hot).
        const unit = (this.jit as CodeCache).unitAt(this.fRamPage, ops, imms, heat, idx);
        if (unit !== undefined) {
          this.spinLeft = spinCountdown;
          steps += unit.fn(this, budget - steps);
          notRetired += this.jitFault;
          this.jitFault = 0;
          spinCountdown = this.spinLeft;
          if (this.spun) {
            this.instret += steps - notRetired - counted;
            return steps;
          }
          continue;
        }
      }
      while (steps < budget) {
        const w = ops[idx];
        const rd = (w >>> 8) & 127;
        const rs1 = (w >>> 15) & 63;
        const rs2 = (w >>> 21) & 63;
        steps++;
        switch (w & 255) {
          case Op.ADDI: {
            const a = x[rs1];
            const imm = imms[idx];
            const lo = (a + imm) | 0;
            x[rd + 1] = (x[rs1 + 1] + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            x[rd] = lo;
            idx += w >>> 27;
            continue;
          }
          case Op.BNE: {
            // BNE closes most loops, so it has its own case; its taken path repeats the one below
            // rather than paying for a shared one in every iteration.
            if (x[rs1] === x[rs2] && x[rs1 + 1] === x[rs2 + 1]) {
              idx += w >>> 27;
              continue;
            }
            const ni = idx + (imms[idx] >> 1);
            if (ni >>> 0 >= lim) {
              this.pcAt(ni * 2);
              this.syncFetch();
              continue outer;
            }
            if (ni < idx && --spinCountdown === 0) {
              spinCountdown = SPIN_CHECK;
              if (this.spinning(ops, ni, idx)) {
                this.instret += steps - notRetired - counted;
                return steps;
              }
            }
            if (heat !== null) {
              this.fIdx = ni;
              continue outer;
            }
            idx = ni;
            continue;
          }
          case Op.BEQ:
          case Op.BLT:
          case Op.BGE:
          case Op.BLTU:
          case Op.BGEU: {
            const ah = x[rs1 + 1];
            const bh = x[rs2 + 1];
            const al = x[rs1] >>> 0;
            const bl = x[rs2] >>> 0;
            let taken: boolean;
            switch (w & 255) {
              case Op.BEQ:
                taken = al === bl && ah === bh;
                break;
              case Op.BLT:
                taken = ah < bh || (ah === bh && al < bl);
                break;
              case Op.BGE:
                taken = ah > bh || (ah === bh && al >= bl);
                break;
              case Op.BLTU:
                taken = ah >>> 0 < bh >>> 0 || (ah === bh && al < bl);
                break;
              default:
                taken = ah >>> 0 > bh >>> 0 || (ah === bh && al >= bl);
            }
            if (!taken) {
              idx += w >>> 27;
              continue;
            }
            const ni = idx + (imms[idx] >> 1);
            if (ni >>> 0 >= lim) {
              this.pcAt(ni * 2);
              this.syncFetch();
              continue outer;
            }
            if (ni < idx && --spinCountdown === 0) {
              spinCountdown = SPIN_CHECK;
              if (this.spinning(ops, ni, idx)) {
                this.instret += steps - notRetired - counted;
                return steps;
              }
            }
            if (heat !== null) {
              this.fIdx = ni;
              continue outer;
            }
            idx = ni;
            continue;
          }
          case Op.SB: {
            // The byte store has a case of its own: it is the heart of memset loops.
            const a = x[rs1];
            const imm = imms[idx];
            const lo = (a + imm) | 0;
            const hi = (x[rs1 + 1] + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            const t = ((lo >>> 12) & (TLB_SIZE - 1)) + tb;
            if (stagLo[t] === (lo & -4096) && stagHi[t] === hi) {
              u8[soff[t] + (lo & 4095)] = x[rs2];
              idx += w >>> 27;
              continue;
            }
            if (this.storeTracked(lo, hi, 1, x[rs2], 0)) {
              idx += w >>> 27;
              continue;
            }
            this.fIdx = idx;
            this.pcAt(idx * 2);
            this.storeSlow(lo, hi, 1, x[rs2], 0);
            if (this.trapped) {
              this.trapped = false;
              notRetired++;
              continue outer;
            }
            idx += w >>> 27;
            continue;
          }
          case Op.SH:
          case Op.SW:
          case Op.SD: {
            const a = x[rs1];
            const imm = imms[idx];
            const lo = (a + imm) | 0;
            const hi = (x[rs1 + 1] + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            const t = ((lo >>> 12) & (TLB_SIZE - 1)) + tb;
            const op = w & 255;
            const size = 1 << (op - Op.SB);
            if (stagLo[t] === (lo & -4096) && stagHi[t] === hi && (lo & (size - 1)) === 0) {
              const off = soff[t] + (lo & 4095);
              if (op === Op.SB) u8[off] = x[rs2];
              else if (op === Op.SW) i32[off >>> 2] = x[rs2];
              else if (op === Op.SD) {
                // One access when other threads share the RAM (see Ram.f64).
                if (ram.shared) ram.storeAligned(off, 8, x[rs2], x[rs2 + 1]);
                else {
                  i32[off >>> 2] = x[rs2];
                  i32[(off >>> 2) + 1] = x[rs2 + 1];
                }
              } else u16[off >>> 1] = x[rs2];
            } else if (!this.storeTracked(lo, hi, size, x[rs2], x[rs2 + 1])) {
              this.fIdx = idx;
              this.pcAt(idx * 2);
              this.storeSlow(lo, hi, size, x[rs2], x[rs2 + 1]);
              if (this.trapped) {
                this.trapped = false;
                notRetired++;
                continue outer;
              }
            }
            idx += w >>> 27;
            continue;
          }
          case Op.LB:
          case Op.LH:
          case Op.LW:
          case Op.LD:
          case Op.LBU:
          case Op.LHU:
          case Op.LWU: {
            const a = x[rs1];
            const imm = imms[idx];
            const lo = (a + imm) | 0;
            const hi = (x[rs1 + 1] + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            const t = ((lo >>> 12) & (TLB_SIZE - 1)) + tb;
            const op = w & 255;
            const size = 1 << ((op - Op.LB) & 3);
            let vlo: number;
            let vhi = 0;
            if (ltagLo[t] === (lo & -4096) && ltagHi[t] === hi && (lo & (size - 1)) === 0) {
              const off = loff[t] + (lo & 4095);
              if (size === 4) vlo = i32[off >>> 2];
              else if (size === 8) {
                if (ram.shared) {
                  vlo = ram.loadAligned(off, 8);
                  vhi = ram.loadedHi;
                } else {
                  vlo = i32[off >>> 2];
                  vhi = i32[(off >>> 2) + 1];
                }
              } else if (size === 1) vlo = u8[off];
              else vlo = u16[off >>> 1];
            } else {
              this.pcAt(idx * 2);
              vlo = this.loadSlow(lo, hi, size);
              if (this.trapped) {
                this.trapped = false;
                notRetired++;
                continue outer;
              }
              vhi = this.tmpHi;
            }
            switch (op) {
              case Op.LB:
                vlo = (vlo << 24) >> 24;
                vhi = vlo >> 31;
                break;
              case Op.LH:
                vlo = (vlo << 16) >> 16;
                vhi = vlo >> 31;
                break;
              case Op.LW:
                vhi = vlo >> 31;
                break;
              case Op.LD:
                break;
              default:
                vhi = 0;
            }
            x[rd] = vlo;
            x[rd + 1] = vhi;
            idx += w >>> 27;
            continue;
          }
          case Op.ADD: {
            const a = x[rs1];
            const lo = (a + x[rs2]) | 0;
            x[rd + 1] = (x[rs1 + 1] + x[rs2 + 1] + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            x[rd] = lo;
            idx += w >>> 27;
            continue;
          }
          case Op.SUB: {
            const a = x[rs1];
            const b = x[rs2];
            x[rd + 1] = (x[rs1 + 1] - x[rs2 + 1] - (a >>> 0 < b >>> 0 ? 1 : 0)) | 0;
            x[rd] = (a - b) | 0;
            idx += w >>> 27;
            continue;
          }
          case Op.LUI: {
            const imm = imms[idx];
            x[rd] = imm;
            x[rd + 1] = imm >> 31;
            idx += w >>> 27;
            continue;
          }
          case Op.AUIPC: {
            this.pcAt(idx * 2);
            const imm = imms[idx];
            const a = this.pcLo;
            const lo = (a + imm) | 0;
            x[rd + 1] = (this.pcHi + (imm >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            x[rd] = lo;
            idx += w >>> 27;
            continue;
          }
          case Op.JAL: {
            this.pcAt((idx + (w >>> 27)) * 2);
            x[rd] = this.pcLo;
            x[rd + 1] = this.pcHi;
            const ni = idx + (imms[idx] >> 1);
            if (ni >>> 0 < lim) {
              if (heat !== null) {
                this.fIdx = ni;
                continue outer;
              }
              idx = ni;
              continue;
            }
            this.pcAt(ni * 2);
            this.syncFetch();
            continue outer;
          }
          case Op.JALR: {
            const a = x[rs1];
            const imm = imms[idx];
            const lo = ((a + imm) | 0) & ~1;
            const hi = (x[rs1 + 1] + (imm >> 31) + (((a + imm) | 0) >>> 0 < a >>> 0 ? 1 : 0)) | 0;
            this.pcAt((idx + (w >>> 27)) * 2);
            x[rd] = this.pcLo;
            x[rd + 1] = this.pcHi;
            if (hi === this.fPageHi && (lo & -4096) === this.fPageLo && lim !== 0) {
              idx = (lo & 4095) >>> 1;
              if (heat !== null) {
                this.fIdx = idx;
                continue outer;
              }
              continue;
            }
            this.pcLo = lo;
            this.pcHi = hi;
            this.syncFetch();
            continue outer;
          }
          case Op.SLTI:
          case Op.SLTIU: {
            const imm = imms[idx];
            const ih = imm >> 31;
            const ah = x[rs1 + 1];
            const al = x[rs1] >>> 0;
            const lt =
              (w & 255) === Op.SLTI
                ? ah < ih || (ah === ih && al < imm >>> 0)
                : ah >>> 0 < ih >>> 0 || (ah === ih && al < imm >>> 0);
            x[rd] = lt ? 1 : 0;
            x[rd + 1] = 0;
            idx += w >>> 27;
            continue;
          }
          case Op.XORI: {
            const imm = imms[idx];
            x[rd] = x[rs1] ^ imm;
            x[rd + 1] = x[rs1 + 1] ^ (imm >> 31);
            idx += w >>> 27;
            continue;
          }
          case Op.ORI: {
            const imm = imms[idx];
            x[rd] = x[rs1] | imm;
            x[rd + 1] = x[rs1 + 1] | (imm >> 31);
            idx += w >>> 27;
            continue;
          }
          case Op.ANDI: {
            const imm = imms[idx];
            x[rd] = x[rs1] & imm;
            x[rd + 1] = x[rs1 + 1] & (imm >> 31);
            idx += w >>> 27;
            continue;
          }
          case Op.SLLI:
          case Op.SRLI:
          case Op.SRAI:
          case Op.SLL:
          case Op.SRL:
          case Op.SRA: {
            const op = w & 255;
            const sh = op <= Op.SRAI ? imms[idx] : x[rs2] & 63;
            shift(
              x,
              rd,
              x[rs1],
              x[rs1 + 1],
              sh,
              op === Op.SLLI || op === Op.SLL ? 0 : op === Op.SRLI || op === Op.SRL ? 1 : 2,
            );
            idx += w >>> 27;
            continue;
          }
          case Op.SLT:
          case Op.SLTU: {
            const ah = x[rs1 + 1];
            const bh = x[rs2 + 1];
            const al = x[rs1] >>> 0;
            const bl = x[rs2] >>> 0;
            const lt =
              (w & 255) === Op.SLT
                ? ah < bh || (ah === bh && al < bl)
                : ah >>> 0 < bh >>> 0 || (ah === bh && al < bl);
            x[rd] = lt ? 1 : 0;
            x[rd + 1] = 0;
            idx += w >>> 27;
            continue;
          }
          case Op.XOR:
            x[rd] = x[rs1] ^ x[rs2];
            x[rd + 1] = x[rs1 + 1] ^ x[rs2 + 1];
            idx += w >>> 27;
            continue;
          case Op.OR:
            x[rd] = x[rs1] | x[rs2];
            x[rd + 1] = x[rs1 + 1] | x[rs2 + 1];
            idx += w >>> 27;
            continue;
          case Op.AND:
            x[rd] = x[rs1] & x[rs2];
            x[rd + 1] = x[rs1 + 1] & x[rs2 + 1];
            idx += w >>> 27;
            continue;
          case Op.ADDIW: {
            const v = (x[rs1] + imms[idx]) | 0;
            x[rd] = v;
            x[rd + 1] = v >> 31;
            idx += w >>> 27;
            continue;
          }
          case Op.SLLIW:
          case Op.SRLIW:
          case Op.SRAIW:
          case Op.SLLW:
          case Op.SRLW:
          case Op.SRAW: {
            const op = w & 255;
            const sh = op <= Op.SRAIW ? imms[idx] : x[rs2] & 31;
            const a = x[rs1];
            const v =
              op === Op.SLLIW || op === Op.SLLW
                ? a << sh
                : op === Op.SRLIW || op === Op.SRLW
                  ? (a >>> sh) | 0
                  : a >> sh;
            x[rd] = v;
            x[rd + 1] = v >> 31;
            idx += w >>> 27;
            continue;
          }
          case Op.ADDW:
          case Op.SUBW: {
            const v = (w & 255) === Op.ADDW ? (x[rs1] + x[rs2]) | 0 : (x[rs1] - x[rs2]) | 0;
            x[rd] = v;
            x[rd + 1] = v >> 31;
            idx += w >>> 27;
            continue;
          }
          case Op.MUL:
          case Op.MULH:
          case Op.MULHSU:
          case Op.MULHU:
          case Op.DIV:
          case Op.DIVU:
          case Op.REM:
          case Op.REMU: {
            const al = x[rs1];
            const ah = x[rs1 + 1];
            const bl = x[rs2];
            const bh = x[rs2 + 1];
            switch (w & 255) {
              case Op.MUL:
                mul(al, ah, bl, bh);
                break;
              case Op.MULH:
                mulhSigned(al, ah, bl, bh, true);
                break;
              case Op.MULHSU:
                mulhSigned(al, ah, bl, bh, false);
                break;
              case Op.MULHU:
                mulhu(al, ah, bl, bh);
                break;
              case Op.DIV:
                divSigned(al, ah, bl, bh, false);
                break;
              case Op.DIVU:
                divUnsigned(al, ah, bl, bh, false);
                break;
              case Op.REM:
                divSigned(al, ah, bl, bh, true);
                break;
              default:
                divUnsigned(al, ah, bl, bh, true);
            }
            x[rd] = out[0];
            x[rd + 1] = out[1];
            idx += w >>> 27;
            continue;
          }
          case Op.MULW:
          case Op.DIVW:
          case Op.DIVUW:
          case Op.REMW:
          case Op.REMUW: {
            const a = x[rs1];
            const b = x[rs2];
            let v: number;
            switch (w & 255) {
              case Op.MULW:
                v = Math.imul(a, b);
                break;
              case Op.DIVW:
                v = divw(a, b, false);
                break;
              case Op.DIVUW:
                v = divuw(a, b, false);
                break;
              case Op.REMW:
                v = divw(a, b, true);
                break;
              default:
                v = divuw(a, b, true);
            }
            x[rd] = v;
            x[rd + 1] = v >> 31;
            idx += w >>> 27;
            continue;
          }
          case Op.FENCE:
          case Op.FENCE_I:
            // Stores keep decoded code coherent already, so fence.i has nothing left to do on one
            // thread; with harts on other threads, it is a barrier and takes in their code stores.
            if (ram.shared) this.acquireShared();
            idx += w >>> 27;
            continue;
          case Op.UNDECODED:
            steps--;
            if (ram.codeOps[this.fRamPage] !== ops) {
              // The page stopped being code (see Ram.dropCode): register it again.
              this.pcAt(idx * 2);
              this.syncFetch();
              continue outer;
            }
            this.decodeSlot(idx);
            // A store rewrote a slot that held a breakpoint: mark it again.
            if (this.debug !== null) this.markBreakpoints(ops);
            continue;
          case Op.FP:
            this.pcAt(idx * 2);
            if (!fpExecute(this, imms[idx])) {
              this.trapped = false;
              notRetired++;
              continue outer;
            }
            idx += w >>> 27;
            continue;
          case Op.BREAKPOINT:
            steps--;
            if (this.breakHere(idx)) {
              this.fIdx = idx;
              break outer;
            }
            // Not a breakpoint here: run the instruction from memory, as a fetch outside RAM does.
            this.slowFetch(idx);
            if (this.trapped) {
              this.trapped = false;
              steps++;
              notRetired++;
            }
            continue outer;
          case Op.PAGE_END:
            steps--;
            this.pcAt(idx * 2);
            this.syncFetch();
            continue outer;
          case Op.FETCH_FAULT:
            notRetired++;
            this.pcAt(idx * 2);
            this.exception(this.fetchFaultCause, this.pcLo, this.pcHi);
            this.trapped = false;
            continue outer;
          case Op.SLOW_FETCH:
          case Op.CROSS:
            this.slowFetch(idx);
            if (this.trapped) {
              // A fetch fault is a step: a handler that faults too must not loop uncounted.
              this.trapped = false;
              notRetired++;
            } else steps--;
            continue outer;
          case Op.ILLEGAL:
            notRetired++;
            this.illegal(idx);
            this.trapped = false;
            continue outer;
          case Op.ECALL:
          case Op.EBREAK: {
            notRetired++;
            this.pcAt(idx * 2);
            if ((w & 255) === Op.ECALL) this.exception(CAUSE_ECALL_U + this.priv, 0, 0);
            else this.exception(CAUSE_BREAKPOINT, this.pcLo, this.pcHi);
            this.trapped = false;
            continue outer;
          }
          case Op.LR_W:
          case Op.LR_D:
          case Op.SC_W:
          case Op.SC_D:
          case Op.AMO_W:
          case Op.AMO_D: {
            this.pcAt(idx * 2);
            const op = w & 255;
            const size = op === Op.LR_D || op === Op.SC_D || op === Op.AMO_D ? 8 : 4;
            if (op === Op.LR_W || op === Op.LR_D) this.loadReserved(w, size);
            else if (op === Op.SC_W || op === Op.SC_D) this.storeConditional(w, size);
            else runAmo(this, w, imms[idx], size);
            // Other threads' harts: what they stored before their release is visible from here.
            if (ram.shared) this.acquireShared();
            if (this.trapped) {
              this.trapped = false;
              notRetired++;
              continue outer;
            }
            idx += w >>> 27;
            continue;
          }
          default: {
            // System instructions: rare, and most end the run so interrupts are looked at again.
            this.fIdx = idx;
            // Counters must be exact when CSRs read them: count all but this instruction.
            this.instret += steps - notRetired - 1 - counted;
            counted = steps - notRetired - 1;
            const next = this.system(w, idx, imms[idx]);
            if (next === 0) {
              this.trapped = false;
              notRetired++;
              continue outer;
            }
            if (next === 1) {
              idx += w >>> 27;
              continue;
            }
            if (next === 3) {
              this.trapped = false;
              continue outer;
            }
            if (!this.waiting) {
              // xRET or sfence.vma: look at interrupts again here, as a new run would (with the
              // clock counting this instruction), rather than ending the run.
              this.instret += steps - notRetired - counted;
              counted = steps - notRetired;
              if (ram.shared) ram.acquire();
              if (ram.epoch !== this.seenEpoch) {
                this.seenEpoch = ram.epoch;
                this.flushStoreTlb();
              }
              const irq = this.pendingInterrupt();
              if (irq >= 0) {
                this.interrupt(irq);
                this.trapped = false;
              }
              continue outer;
            }
            this.instret += steps - notRetired - counted;
            return steps;
          }
        }
      }
      this.fIdx = idx;
    }
    // Compiled units and in-page jumps leave only fIdx current: make pc agree with it.
    this.pcAt(this.fIdx * 2);
    this.instret += steps - notRetired - counted;
    return steps;
  }

  /**
   * Executes a system instruction at slot idx. Returns 0 if it trapped, 1 to go on in this page,
   * 2 to end the run, 3 to go on from the fetch state as it now is (the instruction retired).
   */
  private system(w: number, idx: number, imm: number): number {
    const op = w & 255;
    const len = w >>> 27;
    switch (op) {
      case Op.CSRRW:
      case Op.CSRRS:
      case Op.CSRRC:
      case Op.CSRRWI:
      case Op.CSRRSI:
      case Op.CSRRCI: {
        this.fetchStale = false;
        if (!this.csrOp(w, idx, imm)) return 0;
        let resync = false;
        if (this.fetchStale) {
          this.fetchStale = false;
          this.pcAt((idx + len) * 2);
          this.syncFetch();
          resync = true;
        }
        // The write may have made an interrupt deliverable (mstatus, mie, mip, mideleg, stimecmp…):
        // take it before the next instruction.
        const irq = this.pendingInterrupt();
        if (irq >= 0) {
          if (!resync) this.pcAt((idx + len) * 2);
          this.interrupt(irq);
          return 3;
        }
        return resync ? 3 : 1;
      }
      case Op.MRET:
        if (this.priv !== PRIV_M) {
          this.illegal(idx);
          return 0;
        }
        this.trapReturn(true);
        return 2;
      case Op.SRET:
        if (this.priv === PRIV_U || (this.priv === PRIV_S && this.mstatus & MSTATUS_TSR)) {
          this.illegal(idx);
          return 0;
        }
        this.trapReturn(false);
        return 2;
      case Op.WFI:
        if (this.priv === PRIV_U || (this.priv === PRIV_S && this.mstatus & MSTATUS_TW)) {
          this.illegal(idx);
          return 0;
        }
        this.pcAt((idx + len) * 2);
        this.syncFetch();
        // wfi may complete at any time; it does so at once if anything is pending, even masked.
        if (this.readMip() === 0) this.waiting = true;
        return 2;
      case Op.SFENCE_VMA: {
        if (this.priv === PRIV_U || (this.priv === PRIV_S && this.mstatus & MSTATUS_TVM)) {
          this.illegal(idx);
          return 0;
        }
        const x = this.x;
        const rs1 = (w >>> 15) & 63;
        const rs2 = (w >>> 21) & 63;
        this.mmu.fence(x[rs1], x[rs1 + 1], rs1 !== 0, x[rs2] & 0xffff, rs2 !== 0);
        this.flushTlb();
        this.pcAt((idx + len) * 2);
        this.syncFetch();
        return 2;
      }
      default:
        this.illegal(idx);
        return 0;
    }
  }
}

function highest(bits: number): number {
  for (const cause of INTERRUPT_ORDER) if (bits & (1 << cause)) return cause;
  return -1;
}

/** 64-bit shift of (lo, hi) by sh (0..63) into x[rd]: kind 0 left, 1 logical right, 2 arithmetic right. */
function shift(x: Int32Array, rd: number, lo: number, hi: number, sh: number, kind: number): void {
  if (sh === 0) {
    x[rd] = lo;
    x[rd + 1] = hi;
  } else if (kind === 0) {
    if (sh < 32) {
      x[rd + 1] = (hi << sh) | (lo >>> (32 - sh));
      x[rd] = lo << sh;
    } else {
      x[rd + 1] = lo << (sh - 32);
      x[rd] = 0;
    }
  } else if (sh < 32) {
    x[rd] = (lo >>> sh) | (hi << (32 - sh));
    x[rd + 1] = kind === 1 ? (hi >>> sh) | 0 : hi >> sh;
  } else {
    x[rd] = kind === 1 ? (hi >>> (sh - 32)) | 0 : hi >> (sh - 32);
    x[rd + 1] = kind === 1 ? 0 : hi >> 31;
  }
}
