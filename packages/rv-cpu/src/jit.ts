/**
 * The compiling engine's code cache: hot entry points of decoded RAM pages are compiled into
 * JavaScript functions ("units") that the interpreter calls. A unit covers the blocks reachable from
 * its entry inside one physical page; it is shared by all harts, like the decoded-instruction cache
 * it is built from, and dies when a store touches any instruction it was compiled from.
 */
import { divSigned, divUnsigned, divuw, divw, mul, mulhSigned, mulhu, out } from "./alu.js";
import { type CodeWatcher, PAGE_SLOTS, type Ram } from "./bus.js";
import { type Decoded, decode, isWide } from "./decode.js";
import { fpExecute } from "./fp/exec.js";
import type { Hart } from "./hart.js";
import { type Block, emitUnit } from "./jit-emit.js";
import { Op } from "./ops.js";

/** Most instructions in one block: the interpreter enters a unit only with this much budget left. */
export const BLOCK_MAX = 64;
/** Entries of a jump target before it is compiled (by default). */
export const HOT = 1000;
/** Fewest instructions in a trace that does not loop, by default (see CodeCache.minLength). */
export const MIN_LENGTH = 12;
/** Heat value of a target that cannot start a unit (its first instruction is never compiled). */
const NEVER = 65535;
/** Invalidations of one page after which it is left to the interpreter (self-modifying code). */
const PAGE_CHURN = 64;

/** A compiled unit: `fn(hart, left)` runs at most `left` steps and returns how many it took. */
export interface Unit {
  fn: (hart: Hart, left: number) => number;
  page: number;
  entry: number;
  /** First and last decoded slot the unit's instructions occupy. */
  first: number;
  last: number;
  dead: boolean;
}

export interface JitStats {
  /** Units compiled so far, and the instructions in them. */
  compiled: number;
  instructions: number;
  /** Milliseconds spent generating and compiling code. */
  compileMs: number;
  /** Units alive now. */
  live: number;
  /** Units killed by stores to their code, and whole-cache flushes when it was full. */
  invalidated: number;
  flushes: number;
}

type Factory = (unit: Unit, ops: Int32Array, ram: Ram, o: typeof out, alu: typeof ALU) => Unit["fn"];

/**
 * Compiled sources, shared by every cache in the process, most recently used last. A program loaded
 * again (each exec of the same binary, at whatever physical pages) gives the same source, and a
 * function made by the same factory shares V8's type feedback and optimized code with the earlier
 * ones: it starts fast instead of in V8's bytecode interpreter.
 */
const factories = new Map<string, Factory>();
const FACTORY_LIMIT = 4096;

/** Forgets every compiled source (for tests that need code generation to happen again). */
export function forgetSources(): void {
  factories.clear();
}

function factoryFor(source: string): Factory {
  let f = factories.get(source);
  if (f !== undefined) {
    factories.delete(source);
  } else {
    f = new Function("U", "OPS", "RAM", "OUT", "ALU", `"use strict";\n${source}`) as Factory;
    if (factories.size >= FACTORY_LIMIT) factories.delete(factories.keys().next().value as string);
  }
  factories.set(source, f);
  return f;
}

/** Ops a unit can hold: everything but what must end a run or trap by itself. */
function compilable(op: number): boolean {
  return (op >= Op.LUI && op <= Op.FENCE_I) || op === Op.FP;
}

/** Whether a jump of the trace goes back to its entry, so that one call may run many passes. */
function loops(blocks: Block[], ops: Int32Array, imms: Int32Array): boolean {
  const entry = blocks[0].start;
  for (const b of blocks) {
    if (b.next === entry) return true;
    const tail = b.slots[b.slots.length - 1];
    const op = ops[tail] & 255;
    if (op !== Op.JALR && endsBlock(op) && tail + (imms[tail] >> 1) === entry) return true;
  }
  return false;
}

/** Whether an op ends a block (control transfer). */
function endsBlock(op: number): boolean {
  return op >= Op.JAL && op <= Op.BGEU;
}

/**
 * Decodes RAM slot `idx` of page `page` into the page's decoded arrays (a 32-bit instruction
 * straddling the page end becomes CROSS, fetched the slow way).
 */
export function decodeSlot(
  ram: Ram,
  page: number,
  ops: Int32Array,
  imms: Int32Array,
  idx: number,
  dec: Decoded,
): void {
  const off = page * 4096 + idx * 2;
  const low = ram.u16[off >>> 1];
  if (isWide(low) && idx === PAGE_SLOTS - 2) {
    ops[idx] = Op.CROSS;
    return;
  }
  decode(isWide(low) ? low | (ram.u16[(off >>> 1) + 1] << 16) : low, dec);
  ops[idx] = dec.word;
  imms[idx] = dec.imm;
}

/** Units, heat counters and statistics for one RAM; created by the first hart that compiles. */
export class CodeCache implements CodeWatcher {
  readonly ram: Ram;
  /** Per page: units by entry slot (allocated with the first unit), and all of them in a list. */
  private readonly byEntry: ((Unit | undefined)[] | undefined)[];
  private readonly lists: (Unit[] | undefined)[];
  private readonly heat: (Uint16Array | undefined)[];
  private readonly churn: Uint16Array;
  /** Per page: the lowest first and highest last slot of its units (a quick test for stores). */
  private readonly spanFirst: Int16Array;
  private readonly spanLast: Int16Array;
  /** Whether code generation works here (a strict Content-Security-Policy forbids it). */
  enabled = true;
  /** Entries of a jump target before it is compiled; 1 compiles everything the first time. */
  hot = HOT;
  /** Most blocks in one trace. */
  traceBlocks = 4;
  /**
   * Fewest instructions in a trace that does not loop; a shorter one stays with the interpreter
   * (its entry is never compiled). Calling a unit costs as much as interpreting several
   * instructions, more when many different units take turns (see the README), and kernel code
   * between two CSR accesses or calls is often only a few instructions long.
   */
  minLength = MIN_LENGTH;
  /** Most live units; when full, every unit is dropped (and hot code compiles again). */
  limit = 8192;
  readonly stats: JitStats = {
    compiled: 0,
    instructions: 0,
    compileMs: 0,
    live: 0,
    invalidated: 0,
    flushes: 0,
  };
  private readonly dec: Decoded = { word: 0, imm: 0 };

  constructor(ram: Ram) {
    this.ram = ram;
    const pages = ram.size / 4096;
    // Dense from the start: a sparse JavaScript array turns into a slow dictionary.
    this.byEntry = new Array(pages).fill(undefined);
    this.lists = new Array(pages).fill(undefined);
    this.heat = new Array(pages).fill(undefined);
    this.churn = new Uint16Array(pages);
    this.spanFirst = new Int16Array(ram.size / 4096).fill(PAGE_SLOTS);
    this.spanLast = new Int16Array(ram.size / 4096).fill(-1);
  }

  /** The heat counters of a page (per slot). */
  heatOf(page: number): Uint16Array {
    let h = this.heat[page];
    if (h === undefined) {
      h = new Uint16Array(PAGE_SLOTS);
      if (this.churn[page] >= PAGE_CHURN) h.fill(NEVER);
      this.heat[page] = h;
    }
    return h;
  }

  /** The unit entered at slot `idx` of `page`, compiling it when the slot has become hot. */
  unitAt(page: number, ops: Int32Array, imms: Int32Array, heat: Uint16Array, idx: number): Unit | undefined {
    const u = this.byEntry[page]?.[idx];
    if (u !== undefined) return u;
    const h = heat[idx];
    if (h === NEVER) return undefined;
    if (h + 1 < this.hot) {
      heat[idx] = h + 1;
      return undefined;
    }
    const made = this.compile(page, ops, imms, idx);
    if (made === undefined) heat[idx] = NEVER;
    return made;
  }

  private compile(page: number, ops: Int32Array, imms: Int32Array, entry: number): Unit | undefined {
    if (!this.enabled) return undefined;
    const t0 = performance.now();
    const blocks = this.discover(page, ops, imms, entry);
    if (blocks.length === 0) return undefined;
    if (this.minLength > 1 && !loops(blocks, ops, imms)) {
      let count = 0;
      for (const b of blocks) count += b.slots.length;
      if (count < this.minLength) return undefined;
    }
    if (this.stats.live >= this.limit) this.flush();
    let first = PAGE_SLOTS;
    let last = 0;
    let count = 0;
    for (const b of blocks) {
      const tail = b.slots[b.slots.length - 1];
      first = Math.min(first, b.start);
      last = Math.max(last, tail + (ops[tail] >>> 27) - 1);
      count += b.slots.length;
    }
    const unit: Unit = { fn: () => 0, page, entry, first, last, dead: false };
    let fn: Unit["fn"];
    try {
      const source = emitUnit(blocks, ops, imms, this.ram.shared);
      fn = factoryFor(source)(unit, ops, this.ram, out, ALU);
    } catch (e) {
      // Code generation is not allowed (EvalError under a strict CSP): stay with the interpreter.
      if (e instanceof EvalError) {
        this.enabled = false;
        return undefined;
      }
      throw e;
    }
    unit.fn = fn;
    let table = this.byEntry[page];
    if (table === undefined) {
      table = new Array(PAGE_SLOTS).fill(undefined);
      this.byEntry[page] = table;
      this.lists[page] = [];
    }
    table[entry] = unit;
    this.spanFirst[page] = Math.min(this.spanFirst[page], first);
    this.spanLast[page] = Math.max(this.spanLast[page], last);
    (this.lists[page] as Unit[]).push(unit);
    this.stats.compiled++;
    this.stats.instructions += count;
    this.stats.live++;
    this.stats.compileMs += performance.now() - t0;
    return unit;
  }

  /** The block starting at `start`: up to BLOCK_MAX instructions, ending at the first jump. */
  private block(page: number, ops: Int32Array, imms: Int32Array, start: number): Block | undefined {
    const slots: number[] = [];
    let idx = start;
    while (slots.length < BLOCK_MAX && idx < PAGE_SLOTS - 1) {
      if (ops[idx] === Op.UNDECODED) decodeSlot(this.ram, page, ops, imms, idx, this.dec);
      const w = ops[idx];
      if (!compilable(w & 255)) break;
      // With harts on other threads a fence is an acquire point (see Hart.acquireShared): the
      // interpreter runs it.
      if (this.ram.shared && ((w & 255) === Op.FENCE || (w & 255) === Op.FENCE_I)) break;
      slots.push(idx);
      if (endsBlock(w & 255)) return { start, slots, next: -1 };
      idx += w >>> 27;
    }
    return slots.length === 0 ? undefined : { start, slots, next: idx };
  }

  /**
   * The trace from `entry`: its block, then the block each one most likely goes on to (taken for
   * backward branches, fall-through for forward ones), until a jump back to the entry, an indirect
   * jump, a block already in the trace, or TRACE_BLOCKS blocks.
   */
  private discover(page: number, ops: Int32Array, imms: Int32Array, entry: number): Block[] {
    const blocks: Block[] = [];
    const seen = new Set<number>();
    let start = entry;
    while (blocks.length < this.traceBlocks && !seen.has(start)) {
      seen.add(start);
      const b = this.block(page, ops, imms, start);
      if (b === undefined) break;
      blocks.push(b);
      const tail = b.slots[b.slots.length - 1];
      const w = ops[tail];
      const op = w & 255;
      if (b.next >= 0) start = b.next;
      else if (op === Op.JALR) break;
      else {
        const target = tail + (imms[tail] >> 1);
        start = op === Op.JAL || target < tail ? target : tail + (w >>> 27);
      }
      if (start < 0 || start >= PAGE_SLOTS - 1) break;
    }
    return blocks;
  }

  private kill(u: Unit): void {
    if (u.dead) return;
    u.dead = true;
    const table = this.byEntry[u.page];
    if (table !== undefined && table[u.entry] === u) table[u.entry] = undefined;
    const heat = this.heat[u.page];
    if (heat !== undefined && heat[u.entry] !== NEVER) heat[u.entry] = 0;
    this.stats.live--;
    this.stats.invalidated++;
  }

  /** A store touched decoded slots first..last of `page` (called by Ram). */
  codeWritten(page: number, first: number, last: number): void {
    // Data next to code (globals in a program's last text page) is written often: reject fast.
    if (first > this.spanLast[page] || last < this.spanFirst[page]) return;
    const list = this.lists[page] as Unit[];
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const u = list[i];
      if (u.first <= last && u.last >= first) this.kill(u);
      else {
        if (kept !== i) list[kept] = u;
        kept++;
      }
    }
    if (kept !== list.length) {
      list.length = kept;
      if (++this.churn[page] === PAGE_CHURN) this.heat[page]?.fill(NEVER);
    }
  }

  /** The page stopped holding code (called by Ram). */
  codeDropped(page: number): void {
    const list = this.lists[page];
    if (list !== undefined) {
      for (const u of list) this.kill(u);
      list.length = 0;
    }
    this.spanFirst[page] = PAGE_SLOTS;
    this.spanLast[page] = -1;
    this.heat[page] = undefined;
    this.churn[page] = 0;
  }

  /** Drops every unit. */
  flush(): void {
    for (let p = 0; p < this.lists.length; p++) {
      const list = this.lists[p];
      if (list === undefined) continue;
      for (const u of list) this.kill(u);
      list.length = 0;
      this.spanFirst[p] = PAGE_SLOTS;
      this.spanLast[p] = -1;
    }
    this.stats.flushes++;
  }
}

/** The arithmetic helpers compiled code calls (shared with the interpreter). */
const ALU = { mul, mulhu, mulhSigned, divSigned, divUnsigned, divw, divuw, fp: fpExecute };
