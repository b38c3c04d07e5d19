import type { GuestMemory } from "./types.js";

/**
 * The buffers of one descriptor chain, split into the device-readable part and the device-writable
 * part. Each part is treated as one byte stream: virtio 1.x says the device must not depend on how
 * the driver cut a request into descriptors, so offsets here ignore descriptor boundaries.
 */
export class Chain {
  head = 0;
  readBytes = 0;
  writeBytes = 0;
  private readCount = 0;
  private writeCount = 0;
  // Reused between requests so that serving a request allocates nothing per descriptor.
  private readonly readAddr: number[] = [];
  private readonly readLen: number[] = [];
  private readonly writeAddr: number[] = [];
  private readonly writeLen: number[] = [];
  private readonly byte = new Uint8Array(1);

  constructor(private readonly memory: GuestMemory) {}

  clear(head: number): void {
    this.head = head;
    this.readBytes = this.writeBytes = this.readCount = this.writeCount = 0;
  }

  addReadable(addr: number, len: number): void {
    if (len === 0) return;
    this.readAddr[this.readCount] = addr;
    this.readLen[this.readCount++] = len;
    this.readBytes += len;
  }

  addWritable(addr: number, len: number): void {
    if (len === 0) return;
    this.writeAddr[this.writeCount] = addr;
    this.writeLen[this.writeCount++] = len;
    this.writeBytes += len;
  }

  /** Copies readable bytes [offset, offset + dst.length) into dst; false if some are outside RAM. */
  gather(offset: number, dst: Uint8Array): boolean {
    let done = 0;
    for (let i = 0; i < this.readCount && done < dst.length; i++) {
      const len = this.readLen[i];
      if (offset >= len) {
        offset -= len;
        continue;
      }
      const n = Math.min(len - offset, dst.length - done);
      if (!this.memory.read(this.readAddr[i] + offset, dst.subarray(done, done + n))) return false;
      done += n;
      offset = 0;
    }
    return done === dst.length;
  }

  /** Copies src to writable bytes from offset on; returns how many bytes landed before any failure. */
  scatter(offset: number, src: Uint8Array): number {
    let done = 0;
    for (let i = 0; i < this.writeCount && done < src.length; i++) {
      const len = this.writeLen[i];
      if (offset >= len) {
        offset -= len;
        continue;
      }
      const n = Math.min(len - offset, src.length - done);
      if (!this.memory.write(this.writeAddr[i] + offset, src.subarray(done, done + n))) return done;
      done += n;
      offset = 0;
    }
    return done;
  }

  /** Whether writable byte `offset` lies in RAM (RAM is as writable as it is readable). */
  writableInRam(offset: number): boolean {
    for (let i = 0; i < this.writeCount; i++) {
      const len = this.writeLen[i];
      if (offset < len) return this.memory.read(this.writeAddr[i] + offset, this.byte);
      offset -= len;
    }
    return false;
  }

  /**
   * Whether the readable bytes from offset on start and end inside RAM, piece by piece. Guest RAM is
   * one contiguous range, so this lets a write request fail before anything reaches the disk.
   */
  readableInRam(offset: number): boolean {
    for (let i = 0; i < this.readCount; i++) {
      const len = this.readLen[i];
      if (offset >= len) {
        offset -= len;
        continue;
      }
      const addr = this.readAddr[i];
      if (!this.memory.read(addr + offset, this.byte) || !this.memory.read(addr + len - 1, this.byte)) {
        return false;
      }
      offset = 0;
    }
    return true;
  }
}
