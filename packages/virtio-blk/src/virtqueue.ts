import type { Chain } from "./chain.js";
import { AVAIL_NO_INTERRUPT, Desc } from "./constants.js";
import type { GuestMemory } from "./types.js";

const TWO_32 = 2 ** 32;

/**
 * One split virtqueue: its registers as the driver programs them, and the device's side of the
 * rings. Every guest-memory access is checked; a broken ring sets `fault` and returns false, and the
 * device then asks for a reset.
 */
export class Virtqueue {
  num = 0;
  /** Modern transport: QueueReady. */
  ready = false;
  /** Legacy transport: QueuePFN and QueueAlign. */
  pfn = 0;
  align = 4096;
  descLow = 0;
  descHigh = 0;
  driverLow = 0;
  driverHigh = 0;
  deviceLow = 0;
  deviceHigh = 0;
  /** Set whenever a register above changes, so the layout is worked out and checked again. */
  changed = true;
  /** Why the ring is unusable, once it is. */
  fault = "";

  private lastAvail = 0;
  private usedIdx = 0;
  private desc = 0;
  private avail = 0;
  private used = 0;
  private readonly scratch = new Uint8Array(16);
  private readonly view = new DataView(this.scratch.buffer);
  private readonly two = this.scratch.subarray(0, 2);
  private readonly eight = this.scratch.subarray(0, 8);
  private readonly region: Uint8Array;

  constructor(
    private readonly memory: GuestMemory,
    readonly maxSize: number,
  ) {
    this.region = new Uint8Array(16 * maxSize);
  }

  /** The registers and ring indices, for machine snapshots (the rings are in guest memory). */
  saveState(): number[] {
    return [
      this.num,
      this.ready ? 1 : 0,
      this.pfn,
      this.align,
      this.descLow,
      this.descHigh,
      this.driverLow,
      this.driverHigh,
      this.deviceLow,
      this.deviceHigh,
      this.lastAvail,
      this.usedIdx,
    ];
  }

  loadState(s: number[], fault: string): void {
    if (!Array.isArray(s) || s.length !== 12 || !s.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32))
      throw new RangeError("virtqueue state: bad registers");
    let ready: number;
    [this.num, ready, this.pfn, this.align, this.descLow, this.descHigh] = s;
    [this.driverLow, this.driverHigh, this.deviceLow, this.deviceHigh, this.lastAvail, this.usedIdx] =
      s.slice(6);
    this.ready = ready === 1;
    this.fault = fault;
    this.changed = true;
  }

  reset(): void {
    this.num = this.pfn = 0;
    this.ready = false;
    this.align = 4096;
    this.descLow = this.descHigh = this.driverLow = this.driverHigh = this.deviceLow = this.deviceHigh = 0;
    this.restart();
  }

  /** The driver has set the queue up afresh with zeroed rings, so both indices start again at 0. */
  restart(): void {
    this.lastAvail = this.usedIdx = 0;
    this.changed = true;
  }

  /** Whether the driver has handed the queue to the device. */
  live(legacy: boolean): boolean {
    return legacy ? this.pfn !== 0 : this.ready;
  }

  /** Works out where the three rings are and checks that they lie in RAM. */
  prepare(legacy: boolean, pageSize: number): boolean {
    if (!this.changed) return true;
    const n = this.num;
    // Split rings index with idx mod size, which only survives the 16-bit wrap for powers of 2.
    if (n === 0 || n > this.maxSize || (n & (n - 1)) !== 0) {
      return this.fail("queue size is not a power of 2 between 1 and QueueNumMax");
    }
    if (legacy) {
      if (pageSize === 0 || this.align === 0) return this.fail("GuestPageSize or QueueAlign is 0");
      // Legacy layout: descriptors, then the available ring, then the used ring at the next
      // QueueAlign boundary.
      this.desc = this.pfn * pageSize;
      this.avail = this.desc + 16 * n;
      this.used = Math.ceil((this.avail + 6 + 2 * n) / this.align) * this.align;
    } else {
      this.desc = this.descLow + this.descHigh * TWO_32;
      this.avail = this.driverLow + this.driverHigh * TWO_32;
      this.used = this.deviceLow + this.deviceHigh * TWO_32;
    }
    if (
      !this.inRam(this.desc, 16 * n) ||
      !this.inRam(this.avail, 6 + 2 * n) ||
      !this.inRam(this.used, 6 + 8 * n)
    ) {
      return this.fail("virtqueue outside RAM");
    }
    this.changed = false;
    return true;
  }

  /** How many chains the driver has made available, or -1 if the ring is broken. */
  pending(): number {
    if (!this.memory.read(this.avail + 2, this.two)) {
      this.fail("available ring outside RAM");
      return -1;
    }
    const count = (this.view.getUint16(0, true) - this.lastAvail) & 0xffff;
    if (count > this.num) {
      this.fail("available index moved by more than the queue size");
      return -1;
    }
    return count;
  }

  /** Takes the next available chain into `chain`. */
  pop(chain: Chain, indirectAllowed: boolean): boolean {
    const slot = this.avail + 4 + 2 * (this.lastAvail & (this.num - 1));
    if (!this.memory.read(slot, this.two)) return this.fail("available ring outside RAM");
    const head = this.view.getUint16(0, true);
    this.lastAvail = (this.lastAvail + 1) & 0xffff;
    chain.clear(head);
    return this.walk(chain, head, indirectAllowed);
  }

  /** Returns a chain to the driver with the number of bytes written into it. */
  push(head: number, len: number): boolean {
    const slot = this.used + 4 + 8 * (this.usedIdx & (this.num - 1));
    this.view.setUint32(0, head, true);
    this.view.setUint32(4, len, true);
    if (!this.memory.write(slot, this.eight)) return this.fail("used ring outside RAM");
    this.usedIdx = (this.usedIdx + 1) & 0xffff;
    this.view.setUint16(0, this.usedIdx, true);
    if (!this.memory.write(this.used + 2, this.two)) return this.fail("used ring outside RAM");
    return true;
  }

  /** Without VIRTIO_F_EVENT_IDX, the driver suppresses interrupts with a flag in the available ring. */
  wantsInterrupt(): boolean {
    if (!this.memory.read(this.avail, this.two)) return true;
    return (this.view.getUint16(0, true) & AVAIL_NO_INTERRUPT) === 0;
  }

  private walk(chain: Chain, head: number, indirectAllowed: boolean): boolean {
    let table = this.desc;
    let size = this.num;
    // A chain visits each descriptor of its table at most once, so more steps than the table has
    // entries means the driver built a loop.
    let budget = size;
    let index = head;
    let indirect = false;
    let writable = false;
    const view = this.view;
    for (;;) {
      if (index >= size) return this.fail("descriptor index beyond the table");
      if (budget-- === 0) return this.fail("descriptor chain loops");
      if (!this.memory.read(table + 16 * index, this.scratch)) return this.fail("descriptor outside RAM");
      const addr = view.getUint32(0, true) + view.getUint32(4, true) * TWO_32;
      const len = view.getUint32(8, true);
      const flags = view.getUint16(12, true);
      if (flags & Desc.Indirect) {
        if (!indirectAllowed) return this.fail("indirect descriptor without VIRTIO_F_INDIRECT_DESC");
        if (indirect) return this.fail("indirect descriptor inside an indirect table");
        if (flags & Desc.Next) return this.fail("indirect descriptor with NEXT");
        if (len === 0 || len % 16 !== 0) return this.fail("indirect table length not a multiple of 16");
        // No chain needs more than seg_max + 2 = QueueNumMax descriptors. Checking the bound and the
        // whole table before walking it keeps a table of 2^28 entries from being walked at all.
        if (len / 16 > this.maxSize) return this.fail("indirect table longer than QueueNumMax");
        if (!this.inRam(addr, len)) return this.fail("indirect table outside RAM");
        // The WRITE flag of the descriptor that points at a table means nothing; its entries count.
        table = addr;
        size = budget = len / 16;
        index = 0;
        indirect = true;
        continue;
      }
      if (flags & Desc.Write) {
        writable = true;
        chain.addWritable(addr, len);
      } else if (writable) {
        return this.fail("device-readable descriptor after a device-writable one");
      } else {
        chain.addReadable(addr, len);
      }
      if ((flags & Desc.Next) === 0) return true;
      index = view.getUint16(14, true);
    }
  }

  private inRam(addr: number, len: number): boolean {
    return this.memory.read(addr, this.region.subarray(0, len));
  }

  private fail(why: string): false {
    this.fault = why;
    return false;
  }
}
