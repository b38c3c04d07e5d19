/**
 * Breakpoints and watchpoints for a debugger (a GDB stub), shared by the harts of one machine.
 *
 * Breakpoints are virtual addresses, matched in every address space (as QEMU does): when a hart
 * starts fetching from a virtual page that holds one, the decoded slot gets a BREAKPOINT op, which
 * stops the hart there if its pc is a breakpoint, and otherwise runs the instruction the slow way
 * (another mapping of the same physical page). Pages with breakpoints are never run as compiled
 * code, so a breakpoint is hit with either engine.
 *
 * Watchpoints are virtual ranges: the harts stop caching translations of pages that hold one, so
 * every access to such a page takes the slow path, which compares it with the ranges. A hit stops
 * the hart before the access, with the instruction not retired.
 */

import { Op } from "./ops.js";

export type WatchKind = "write" | "read" | "access";

export interface Watchpoint {
  /** First byte watched (virtual), and how many. */
  start: number;
  len: number;
  kind: WatchKind;
}

/** Why a hart stopped for the debugger (Hart.halt). */
export const HALT_NONE = 0;
export const HALT_BREAK = 1;
export const HALT_WATCH = 2;

/** A virtual page number, exact for any 64-bit address: (hi, lo) >>> 12 as an unsigned number. */
export function pageKey(lo: number, hi: number): number {
  return (hi >>> 0) * 1048576 + (lo >>> 12);
}

function split(addr: bigint): [number, number] {
  const u = BigInt.asUintN(64, addr);
  return [Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0];
}

export class DebugPoints {
  /** Breakpoints by virtual page: the halfword slots within it. */
  readonly pages = new Map<number, number[]>();
  readonly watches: Watchpoint[] = [];
  /** Set while the debugger steps over a breakpoint or a watched access. */
  suspended = false;
  /** Decoded slots given a BREAKPOINT op, put back when the breakpoints change. */
  readonly marked: { ops: Int32Array; idx: number }[] = [];
  /** Bumped on every change: harts re-read their fetch page and drop cached translations. */
  version = 0;

  /** Adds a breakpoint at a virtual address; false if it is already set. */
  addBreakpoint(addr: bigint): boolean {
    const [lo, hi] = split(addr);
    const key = pageKey(lo, hi);
    const slot = (lo & 4095) >>> 1;
    let slots = this.pages.get(key);
    if (slots === undefined) {
      slots = [];
      this.pages.set(key, slots);
    }
    if (slots.includes(slot)) return false;
    slots.push(slot);
    this.changed();
    return true;
  }

  /** Removes a breakpoint; false if there was none. */
  removeBreakpoint(addr: bigint): boolean {
    const [lo, hi] = split(addr);
    const key = pageKey(lo, hi);
    const slots = this.pages.get(key);
    const at = slots === undefined ? -1 : slots.indexOf((lo & 4095) >>> 1);
    if (slots === undefined || at < 0) return false;
    slots.splice(at, 1);
    if (slots.length === 0) this.pages.delete(key);
    this.changed();
    return true;
  }

  /** True if a breakpoint is set at slot `slot` of the virtual page `key`. */
  breaksAt(key: number, slot: number): boolean {
    const slots = this.pages.get(key);
    return slots?.includes(slot) === true;
  }

  addWatchpoint(addr: bigint, len: number, kind: WatchKind): boolean {
    const start = Number(BigInt.asUintN(64, addr));
    if (this.watches.some((w) => w.start === start && w.len === len && w.kind === kind)) return false;
    this.watches.push({ start, len: Math.max(1, len), kind });
    this.changed();
    return true;
  }

  removeWatchpoint(addr: bigint, len: number, kind: WatchKind): boolean {
    const start = Number(BigInt.asUintN(64, addr));
    const at = this.watches.findIndex(
      (w) => w.start === start && w.len === Math.max(1, len) && w.kind === kind,
    );
    if (at < 0) return false;
    this.watches.splice(at, 1);
    this.changed();
    return true;
  }

  /** Removes every breakpoint and watchpoint (a debugger detached). */
  clear(): void {
    this.pages.clear();
    this.watches.length = 0;
    this.changed();
  }

  /** The watchpoint an access of `size` bytes at (lo, hi) hits, if any. */
  watchHit(lo: number, hi: number, size: number, read: boolean, write: boolean): Watchpoint | undefined {
    if (this.suspended) return undefined;
    const a = (hi >>> 0) * 4294967296 + (lo >>> 0);
    for (const w of this.watches) {
      if (a + size <= w.start || a >= w.start + w.len) continue;
      if (w.kind === "access" || (w.kind === "read" ? read : write)) return w;
    }
    return undefined;
  }

  /** True if the virtual page holding (lo, hi) overlaps a watched range. */
  watchesPage(lo: number, hi: number): boolean {
    const page = pageKey(lo, hi) * 4096;
    for (const w of this.watches) if (w.start < page + 4096 && w.start + w.len > page) return true;
    return false;
  }

  private changed(): void {
    for (const m of this.marked) if (m.ops[m.idx] === Op.BREAKPOINT) m.ops[m.idx] = 0;
    this.marked.length = 0;
    this.version++;
  }
}
