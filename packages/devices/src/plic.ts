import { type InterruptTarget, MIP_MEIP, MIP_SEIP } from "./device.js";
import { SharedLock } from "./lock.js";

/** What the PLIC drives: each hart's MEIP and SEIP lines. */
export type PlicTarget = InterruptTarget;

/** Interrupt sources on QEMU's virt board (1..95; 0 means "none"). */
export const PLIC_SOURCES = 96;

/**
 * The platform-level interrupt controller of QEMU's virt board, with two contexts per hart (2·h for
 * M-mode, 2·h+1 for S-mode). A source's pending bit is set by each assertion of its line and cleared
 * only by a claim; a claimed source is not delivered again until completed.
 */
export class Plic {
  private readonly harts: PlicTarget[];
  private readonly priority: Uint32Array;
  private readonly pending: Uint8Array;
  private readonly claimed: Uint8Array;
  private readonly enable: Uint32Array;
  private readonly threshold: Uint32Array;
  private readonly contexts: number;
  /** Held around every access when the state is shared between threads. */
  private readonly mutex: SharedLock | undefined;

  /**
   * `state` (from plicState) holds the registers when several PLICs, one per thread, stand for one
   * device: each access then takes a lock in it, and each PLIC drives every hart's pins, so the
   * pins must reach the harts from any thread.
   */
  constructor(harts: PlicTarget[], state?: SharedArrayBuffer) {
    this.harts = harts;
    this.contexts = harts.length * 2;
    const words = this.contexts * (PLIC_SOURCES / 32);
    const buffer = state ?? new ArrayBuffer(plicStateSize(harts.length));
    if (buffer.byteLength !== plicStateSize(harts.length))
      throw new RangeError(`PLIC state was made for another number of harts than ${harts.length}`);
    let at = 8;
    this.priority = new Uint32Array(buffer, at, PLIC_SOURCES);
    at += 4 * PLIC_SOURCES;
    this.enable = new Uint32Array(buffer, at, words);
    at += 4 * words;
    this.threshold = new Uint32Array(buffer, at, this.contexts);
    at += 4 * this.contexts;
    this.pending = new Uint8Array(buffer, at, PLIC_SOURCES);
    this.claimed = new Uint8Array(buffer, at + PLIC_SOURCES, PLIC_SOURCES);
    if (state !== undefined) this.mutex = new SharedLock(new Int32Array(buffer, 0, 1), 0);
  }

  /** A copy of the registers, for machine snapshots. */
  saveState(): Uint8Array {
    return new Uint8Array(this.priority.buffer.slice(0));
  }

  /** Puts back what saveState returned (of a PLIC for as many harts), and drives the pins. */
  loadState(bytes: Uint8Array): void {
    const into = new Uint8Array(this.priority.buffer);
    if (bytes.length !== into.length) throw new RangeError("PLIC state: made for another number of harts");
    into.set(bytes);
    into.fill(0, 0, 8); // the lock word: free
    this.update();
  }

  /** The interrupt line for source `irq`, to give to a device. */
  line(irq: number): { set(level: boolean): void } {
    if (irq <= 0 || irq >= PLIC_SOURCES) throw new RangeError(`PLIC source ${irq} out of range`);
    return { set: (level) => this.setLine(irq, level) };
  }

  setLine(irq: number, level: boolean): void {
    // The gateway forwards each assertion; only a claim clears pending (lowering the line does not).
    if (!level) return;
    this.mutex?.lock();
    this.pending[irq] = 1;
    this.update();
    this.mutex?.unlock();
  }

  private enabled(ctx: number, irq: number): boolean {
    return ((this.enable[ctx * (PLIC_SOURCES / 32) + (irq >>> 5)] >>> (irq & 31)) & 1) === 1;
  }

  /** The best deliverable source for a context, or 0. */
  private best(ctx: number): number {
    let best = 0;
    let bestPrio = this.threshold[ctx];
    for (let irq = 1; irq < PLIC_SOURCES; irq++) {
      if (
        this.pending[irq] &&
        !this.claimed[irq] &&
        this.priority[irq] > bestPrio &&
        this.enabled(ctx, irq)
      ) {
        best = irq;
        bestPrio = this.priority[irq];
      }
    }
    return best;
  }

  private update(): void {
    for (let h = 0; h < this.harts.length; h++) {
      this.harts[h].setInterrupt(MIP_MEIP, this.best(2 * h) !== 0);
      this.harts[h].setInterrupt(MIP_SEIP, this.best(2 * h + 1) !== 0);
    }
  }

  read(offset: number, size: number): number {
    if (size !== 4 || offset & 3) return -1;
    if (this.mutex === undefined) return this.readRegister(offset);
    this.mutex.lock();
    const v = this.readRegister(offset);
    this.mutex.unlock();
    return v;
  }

  write(offset: number, size: number, value: number): boolean {
    if (size !== 4 || offset & 3) return false;
    if (this.mutex === undefined) return this.writeRegister(offset, value);
    this.mutex.lock();
    const ok = this.writeRegister(offset, value);
    this.mutex.unlock();
    return ok;
  }

  private readRegister(offset: number): number {
    if (offset < 4 * PLIC_SOURCES) return this.priority[offset >>> 2];
    if (offset >= 0x1000 && offset < 0x1000 + PLIC_SOURCES / 8) {
      let word = 0;
      const first = (offset - 0x1000) * 8;
      for (let i = 0; i < 32; i++) if (this.pending[first + i]) word |= 1 << i;
      return word >>> 0;
    }
    if (offset >= 0x2000 && offset < 0x2000 + 0x80 * this.contexts) {
      const ctx = (offset - 0x2000) >>> 7;
      const word = ((offset - 0x2000) & 0x7f) >>> 2;
      return word < PLIC_SOURCES / 32 ? this.enable[ctx * (PLIC_SOURCES / 32) + word] : 0;
    }
    if (offset >= 0x20_0000 && offset < 0x20_0000 + 0x1000 * this.contexts) {
      const ctx = (offset - 0x20_0000) >>> 12;
      const reg = offset & 0xfff;
      if (reg === 0) return this.threshold[ctx];
      if (reg === 4) {
        const irq = this.best(ctx);
        if (irq !== 0) {
          this.pending[irq] = 0;
          this.claimed[irq] = 1;
          this.update();
        }
        return irq;
      }
      return 0;
    }
    return offset < 0x400_0000 ? 0 : -1;
  }

  private writeRegister(offset: number, value: number): boolean {
    if (offset < 4 * PLIC_SOURCES) {
      if (offset !== 0) this.priority[offset >>> 2] = value & 7;
    } else if (offset >= 0x2000 && offset < 0x2000 + 0x80 * this.contexts) {
      const ctx = (offset - 0x2000) >>> 7;
      const word = ((offset - 0x2000) & 0x7f) >>> 2;
      // Source 0 does not exist, so its enable bit stays clear.
      if (word < PLIC_SOURCES / 32)
        this.enable[ctx * (PLIC_SOURCES / 32) + word] = word === 0 ? value & ~1 : value;
    } else if (offset >= 0x20_0000 && offset < 0x20_0000 + 0x1000 * this.contexts) {
      const ctx = (offset - 0x20_0000) >>> 12;
      const reg = offset & 0xfff;
      if (reg === 0) this.threshold[ctx] = value & 7;
      else if (reg === 4 && value > 0 && value < PLIC_SOURCES && this.enabled(ctx, value)) {
        this.claimed[value] = 0;
      }
    } else if (offset >= 0x400_0000) {
      return false;
    }
    this.update();
    return true;
  }
}

function plicStateSize(harts: number): number {
  return 8 + 4 * PLIC_SOURCES + 4 * (2 * harts * (PLIC_SOURCES / 32) + 2 * harts) + 2 * PLIC_SOURCES;
}

/**
 * Shared memory for the registers of a PLIC that PLICs on several threads stand for (see the
 * constructor), in their reset state: everything zero.
 */
export function plicState(harts: number): SharedArrayBuffer {
  return new SharedArrayBuffer(plicStateSize(harts));
}
