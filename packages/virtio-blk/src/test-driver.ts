// A driver written by hand for the tests: guest RAM in a byte array, virtqueues laid out in it,
// and the register sequences xv6 and Linux use. Not part of the package's API.
import { Desc, Reg, Request, Status } from "./constants.js";
import { MemoryBackend } from "./memory-backend.js";
import type { BlockBackend, GuestMemory, InterruptLine } from "./types.js";
import { VirtioBlk } from "./virtio-blk.js";

export const RAM_BASE = 0x8000_0000;
export const QUEUE_BASE = RAM_BASE + 0x1000;
export const HEADER = RAM_BASE + 0x10000;
export const DATA = RAM_BASE + 0x20000;
export const STATUS = RAM_BASE + 0x40000;
export const TABLE = RAM_BASE + 0x50000;
/** An address just past the end of RAM. */
export const OUTSIDE = RAM_BASE + 0x10_0000;

export class TestRam implements GuestMemory {
  readonly bytes = new Uint8Array(0x10_0000);
  readonly view = new DataView(this.bytes.buffer);

  read(pa: number, dst: Uint8Array): boolean {
    const at = this.index(pa, dst.length);
    if (at < 0) return false;
    dst.set(this.bytes.subarray(at, at + dst.length));
    return true;
  }

  write(pa: number, src: Uint8Array): boolean {
    const at = this.index(pa, src.length);
    if (at < 0) return false;
    this.bytes.set(src, at);
    return true;
  }

  u8(pa: number): number {
    return this.bytes[pa - RAM_BASE];
  }
  u16(pa: number): number {
    return this.view.getUint16(pa - RAM_BASE, true);
  }
  u32(pa: number): number {
    return this.view.getUint32(pa - RAM_BASE, true);
  }
  set8(pa: number, v: number): void {
    this.bytes[pa - RAM_BASE] = v;
  }
  set16(pa: number, v: number): void {
    this.view.setUint16(pa - RAM_BASE, v, true);
  }
  set32(pa: number, v: number): void {
    this.view.setUint32(pa - RAM_BASE, v, true);
  }
  set64(pa: number, v: number): void {
    this.set32(pa, v % 2 ** 32);
    this.set32(pa + 4, Math.floor(v / 2 ** 32));
  }
  slice(pa: number, len: number): Uint8Array {
    return this.bytes.slice(pa - RAM_BASE, pa - RAM_BASE + len);
  }

  private index(pa: number, len: number): number {
    const at = pa - RAM_BASE;
    return at >= 0 && at + len <= this.bytes.length ? at : -1;
  }
}

export class TestIrq implements InterruptLine {
  level = false;
  edges = 0;
  set(level: boolean): void {
    if (level && !this.level) this.edges++;
    this.level = level;
  }
}

export interface DriverOptions<B extends BlockBackend> {
  transport: "legacy" | "modern";
  /** The disk; without it, a MemoryBackend over `disk`. */
  backend?: B;
  disk?: Uint8Array;
  readOnly?: boolean;
  num?: number;
}

/** A disk whose every byte says where it is, so misplaced data shows. */
export function patternDisk(bytes: number): Uint8Array {
  const disk = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) disk[i] = (i * 7 + (i >>> 9)) & 0xff;
  return disk;
}

/** Byte-for-byte equality, quicker than toEqual on big arrays. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class Driver<B extends BlockBackend = MemoryBackend> {
  readonly ram = new TestRam();
  readonly irq = new TestIrq();
  readonly backend: B;
  readonly dev: VirtioBlk;
  readonly legacy: boolean;
  num: number;
  desc = 0;
  avail = 0;
  used = 0;
  private availIdx = 0;

  constructor(opts: DriverOptions<B>) {
    this.legacy = opts.transport === "legacy";
    this.num = opts.num ?? 8;
    this.backend =
      opts.backend ??
      (new MemoryBackend(opts.disk ?? patternDisk(64 * 1024), {
        readOnly: opts.readOnly,
      }) as BlockBackend as B);
    this.dev = new VirtioBlk({
      memory: this.ram,
      irq: this.irq,
      backend: this.backend,
      transport: opts.transport,
    });
  }

  r(offset: number): number {
    return this.dev.read(offset, 4);
  }

  w(offset: number, value: number): void {
    if (!this.dev.write(offset, 4, value)) throw new Error(`bus error writing ${offset}`);
  }

  status(): number {
    return this.r(Reg.Status);
  }

  /** Offered features as one number (bits 0..52 fit). */
  offered(): number {
    this.w(Reg.DeviceFeaturesSel, 0);
    const low = this.r(Reg.DeviceFeatures);
    this.w(Reg.DeviceFeaturesSel, 1);
    return low + this.r(Reg.DeviceFeatures) * 2 ** 32;
  }

  /** The usual bring-up; `accept` filters the offered features. */
  init(accept: (offered: number) => number = (f) => f): void {
    this.w(Reg.Status, 0);
    this.w(Reg.Status, Status.Acknowledge);
    this.w(Reg.Status, Status.Acknowledge | Status.Driver);
    const features = accept(this.offered());
    this.w(Reg.DriverFeaturesSel, 0);
    this.w(Reg.DriverFeatures, features % 2 ** 32);
    this.w(Reg.DriverFeaturesSel, 1);
    this.w(Reg.DriverFeatures, Math.floor(features / 2 ** 32));
    this.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.FeaturesOk);
    this.setupQueue();
    this.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.FeaturesOk | Status.DriverOk);
  }

  setupQueue(): void {
    this.ram.bytes.fill(0, QUEUE_BASE - RAM_BASE, QUEUE_BASE - RAM_BASE + 0x3000);
    this.availIdx = 0;
    this.w(Reg.QueueSel, 0);
    this.w(Reg.QueueNum, this.num);
    if (this.legacy) {
      this.w(Reg.GuestPageSize, 4096);
      this.w(Reg.QueueAlign, 4096);
      this.desc = QUEUE_BASE;
      this.avail = this.desc + 16 * this.num;
      this.used = Math.ceil((this.avail + 6 + 2 * this.num) / 4096) * 4096;
      this.w(Reg.QueuePfn, QUEUE_BASE / 4096);
    } else {
      this.desc = QUEUE_BASE;
      this.avail = QUEUE_BASE + 0x1000;
      this.used = QUEUE_BASE + 0x2000;
      this.setQueueAddresses(this.desc, this.avail, this.used);
      this.w(Reg.QueueReady, 1);
    }
  }

  setQueueAddresses(desc: number, avail: number, used: number): void {
    this.w(Reg.QueueDescLow, desc % 2 ** 32);
    this.w(Reg.QueueDescHigh, Math.floor(desc / 2 ** 32));
    this.w(Reg.QueueDriverLow, avail % 2 ** 32);
    this.w(Reg.QueueDriverHigh, Math.floor(avail / 2 ** 32));
    this.w(Reg.QueueDeviceLow, used % 2 ** 32);
    this.w(Reg.QueueDeviceHigh, Math.floor(used / 2 ** 32));
  }

  /** Writes descriptor i of a table (the queue's own unless given). */
  setDesc(i: number, addr: number, len: number, flags: number, next = 0, table = this.desc): void {
    const at = table + 16 * i;
    this.ram.set64(at, addr);
    this.ram.set32(at + 8, len);
    this.ram.set16(at + 12, flags);
    this.ram.set16(at + 14, next);
  }

  setHeader(type: number, sector: number, at = HEADER): void {
    this.ram.set32(at, type);
    this.ram.set32(at + 4, 0);
    this.ram.set64(at + 8, sector);
  }

  /** Makes chain `head` available and moves the available index on (mod 2^16). */
  post(head: number): void {
    this.ram.set16(this.avail + 4 + 2 * (this.availIdx % this.num), head);
    this.availIdx = (this.availIdx + 1) & 0xffff;
    this.ram.set16(this.avail + 2, this.availIdx);
  }

  /** Sets the available index directly, as a confused driver might. */
  setAvailIdx(idx: number): void {
    this.availIdx = idx & 0xffff;
    this.ram.set16(this.avail + 2, this.availIdx);
  }

  notify(): void {
    this.w(Reg.QueueNotify, 0);
  }

  usedIdx(): number {
    return this.ram.u16(this.used + 2);
  }

  usedElem(i: number): { id: number; len: number } {
    const at = this.used + 4 + 8 * (i % this.num);
    return { id: this.ram.u32(at), len: this.ram.u32(at + 4) };
  }

  /** Acknowledges whatever is pending, as xv6's interrupt handler does. */
  ack(): number {
    const pending = this.r(Reg.InterruptStatus);
    this.w(Reg.InterruptAck, pending & 3);
    return pending;
  }

  /**
   * The classic three-descriptor request (header, data, status) in descriptors head..head+2,
   * posted and notified. Returns the status byte and the used element.
   */
  request(
    type: number,
    sector: number,
    dataLen: number,
    head = 0,
  ): { status: number; id: number; len: number } {
    const n = this.num;
    this.setHeader(type, sector);
    this.ram.set8(STATUS, 0xff);
    const dataFlags = type === Request.Out ? 0 : Desc.Write;
    this.setDesc(head, HEADER, 16, Desc.Next, (head + 1) % n);
    this.setDesc((head + 1) % n, DATA, dataLen, dataFlags | Desc.Next, (head + 2) % n);
    this.setDesc((head + 2) % n, STATUS, 1, Desc.Write);
    return this.submit(head);
  }

  /** Posts chain `head`, notifies, and returns the status byte and the newest used element. */
  submit(head: number, statusAt = STATUS): { status: number; id: number; len: number } {
    this.post(head);
    this.notify();
    const used = this.usedElem((this.usedIdx() - 1) & 0xffff);
    return { status: this.ram.u8(statusAt), ...used };
  }
}
