import { type Device, type InterruptTarget, MIP_MSIP, MIP_MTIP } from "./device.js";

/**
 * A core-local interruptor as on SiFive/QEMU boards: msip at +4·hart, mtimecmp at +0x4000 + 8·hart,
 * mtime at +0xBFF8. Time comes from a function so the machine decides what a tick is.
 */
export class Clint implements Device {
  private readonly harts: InterruptTarget[];
  private readonly msip: Uint8Array;
  /** mtimecmp per hart as (lo, hi) unsigned halves. */
  private readonly cmp: Float64Array;
  private readonly time: () => number;
  /** [0] is added to time() so software can write mtime. */
  private readonly offset: Float64Array;

  /**
   * `state` (from clintState) holds the registers when several CLINTs, one per thread, stand for
   * one device; each then drives only the pins it is given (the others can be no-ops).
   */
  constructor(harts: InterruptTarget[], time: () => number, state?: ArrayBufferLike) {
    this.harts = harts;
    const buffer = state ?? clintState(harts.length, new ArrayBuffer(clintStateSize(harts.length)));
    if (buffer.byteLength !== clintStateSize(harts.length))
      throw new RangeError(`CLINT state was made for another number of harts than ${harts.length}`);
    this.offset = new Float64Array(buffer, 0, 1);
    this.cmp = new Float64Array(buffer, 8, harts.length * 2);
    this.msip = new Uint8Array(buffer, 8 + 16 * harts.length, harts.length);
    this.time = time;
  }

  /** A copy of the registers (mtimecmp, msip, the mtime offset), for machine snapshots. */
  saveState(): Uint8Array {
    return new Uint8Array(this.offset.buffer.slice(0));
  }

  /** Puts back what saveState returned (of a CLINT for as many harts), and drives the pins. */
  loadState(bytes: Uint8Array): void {
    const into = new Uint8Array(this.offset.buffer);
    if (bytes.length !== into.length) throw new RangeError("CLINT state: made for another number of harts");
    into.set(bytes);
    this.update();
  }

  now(): number {
    return this.time() + this.offset[0];
  }

  /** mtimecmp of hart i as a number (exact below 2^53). */
  compare(i: number): number {
    return this.cmp[i * 2 + 1] * 4294967296 + this.cmp[i * 2];
  }

  /** The earliest mtimecmp of any hart. */
  nextDeadline(): number {
    let d = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.harts.length; i++) d = Math.min(d, this.compare(i));
    return d;
  }

  /** Re-evaluates MTIP for every hart (call whenever time may have moved). */
  update(): void {
    const t = this.now();
    for (let i = 0; i < this.harts.length; i++) {
      this.harts[i].setInterrupt(MIP_MTIP, t >= this.compare(i));
      this.harts[i].setInterrupt(MIP_MSIP, this.msip[i] !== 0);
    }
  }

  read(offset: number, size: number): number {
    const n = this.harts.length;
    if (offset < 4 * n) {
      if (size !== 4 || offset & 3) return -1;
      return this.msip[offset >>> 2];
    }
    if (offset >= 0x4000 && offset < 0x4000 + 8 * n) {
      if (size !== 4 || offset & 3) return -1;
      return this.cmp[((offset - 0x4000) >>> 3) * 2 + ((offset >>> 2) & 1)];
    }
    if (offset === 0xbff8 || offset === 0xbffc) {
      if (size !== 4) return -1;
      const t = this.now();
      return offset === 0xbff8 ? t % 4294967296 : Math.floor(t / 4294967296);
    }
    return offset < 0x10000 ? 0 : -1;
  }

  write(offset: number, size: number, value: number): boolean {
    const n = this.harts.length;
    if (offset < 4 * n) {
      if (size !== 4 || offset & 3) return false;
      this.msip[offset >>> 2] = value & 1;
    } else if (offset >= 0x4000 && offset < 0x4000 + 8 * n) {
      if (size !== 4 || offset & 3) return false;
      this.cmp[((offset - 0x4000) >>> 3) * 2 + ((offset >>> 2) & 1)] = value >>> 0;
    } else if (offset === 0xbff8 || offset === 0xbffc) {
      if (size !== 4) return false;
      const t = this.now();
      const lo = offset === 0xbff8 ? value >>> 0 : t % 4294967296;
      const hi = offset === 0xbffc ? value >>> 0 : Math.floor(t / 4294967296);
      this.offset[0] += hi * 4294967296 + lo - t;
    } else if (offset >= 0x10000) {
      return false;
    }
    this.update();
    return true;
  }
}

function clintStateSize(harts: number): number {
  return 8 + 16 * harts + ((harts + 7) & ~7);
}

/**
 * The CLINT's registers in `buffer` (a SharedArrayBuffer by default, so CLINTs on several threads
 * can share them), in their reset state: no timer set, no software interrupt.
 */
export function clintState(harts: number, buffer?: ArrayBufferLike): ArrayBufferLike {
  const b = buffer ?? new SharedArrayBuffer(clintStateSize(harts));
  new Float64Array(b, 8, harts * 2).fill(0xffffffff);
  return b;
}
