/** The fuzzers' side of the device: a disk that counts writes, and where things live in guest RAM. */
import type { BlockBackend } from "../types.js";

export const RAM_BASE = 0x8000_0000;
/** TestRam's size: the test driver's RAM is 1 MiB. */
export const RAM_END = RAM_BASE + 0x10_0000;
/** Indirect tables are built here (rings sit below, at the driver's QUEUE_BASE). */
export const TABLES = RAM_BASE + 0x4000;
export const TABLES_END = RAM_BASE + 0x10000;
/** Request buffers: headers, data, status bytes. */
export const BUFFERS = RAM_BASE + 0x10000;

/** Wraps the real backend and counts the writes that reach it. */
export class CountingBackend implements BlockBackend {
  writes = 0;
  flushes = 0;

  constructor(private readonly inner: BlockBackend) {}

  get size(): number {
    return this.inner.size;
  }
  get readOnly(): boolean {
    return this.inner.readOnly;
  }
  read(offset: number, dst: Uint8Array): void {
    this.inner.read(offset, dst);
  }
  write(offset: number, src: Uint8Array): void {
    this.writes++;
    this.inner.write(offset, src);
  }
  flush(): void {
    this.flushes++;
    this.inner.flush();
  }
}

/** Hands out non-overlapping guest addresses from a range, at random alignments. */
export class Allocator {
  private next: number;

  constructor(
    private readonly start: number,
    private readonly end: number,
  ) {
    this.next = start;
  }

  reset(): void {
    this.next = this.start;
  }

  /** An address for `len` bytes, or -1 when the range is used up. */
  take(len: number, align: number): number {
    const at = Math.ceil(this.next / align) * align;
    if (at + len > this.end) return -1;
    this.next = at + len;
    return at;
  }
}
