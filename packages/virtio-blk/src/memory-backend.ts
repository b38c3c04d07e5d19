import { SECTOR_SIZE } from "./constants.js";
import type { BlockBackend, SharedDisk } from "./types.js";

/** A disk held in a byte array; `bytes` is the array itself, so the caller sees the guest's writes. */
export class MemoryBackend implements BlockBackend {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly readOnly: boolean;
  /** How many times the guest asked for a flush (nothing to do in memory; counted for tests). */
  flushes = 0;

  constructor(bytes: Uint8Array, opts: { readOnly?: boolean } = {}) {
    this.bytes = bytes;
    // The device speaks in whole sectors; a ragged tail is unreachable, as on a real disk.
    this.size = bytes.length - (bytes.length % SECTOR_SIZE);
    this.readOnly = opts.readOnly ?? false;
  }

  read(offset: number, dst: Uint8Array): void {
    this.check(offset, dst.length);
    dst.set(this.bytes.subarray(offset, offset + dst.length));
  }

  write(offset: number, src: Uint8Array): void {
    if (this.readOnly) throw new Error("MemoryBackend: read-only");
    this.check(offset, src.length);
    this.bytes.set(src, offset);
  }

  flush(): void {
    this.flushes++;
  }

  /** Bytes in a SharedArrayBuffer can be shared with worker threads (whose flushes count there). */
  shareable(): SharedDisk | undefined {
    if (!(this.bytes.buffer instanceof SharedArrayBuffer)) return undefined;
    return { kind: "bytes", bytes: this.bytes, readOnly: this.readOnly };
  }

  private check(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.size) throw new RangeError("MemoryBackend: out of range");
  }
}
