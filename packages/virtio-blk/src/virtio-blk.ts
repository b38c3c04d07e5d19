import { BlockRequests } from "./block-requests.js";
import { Chain } from "./chain.js";
import {
  DEVICE_ID_BLOCK,
  Feature,
  ID_BYTES,
  Interrupt,
  MAGIC,
  MMIO_SIZE,
  Reg,
  SECTOR_SIZE,
  Status,
  VENDOR_ID,
} from "./constants.js";
import type { BlockBackend, GuestMemory, InterruptLine } from "./types.js";
import { Virtqueue } from "./virtqueue.js";

/** Largest queue the device accepts: xv6 uses 8, Linux takes whatever is offered. */
export const QUEUE_NUM_MAX = 256;
const DEFAULT_PAGE_SIZE = 4096;

export interface VirtioBlkOptions {
  memory: GuestMemory;
  irq: InterruptLine;
  backend: BlockBackend;
  /** "legacy" is virtio-mmio version 1 (QueuePFN), "modern" is version 2 (virtio 1.x). */
  transport: "legacy" | "modern";
  /** What GET_ID returns, ASCII, at most 20 bytes used. */
  id?: string;
}

/** What VirtioBlk.saveState returns: plain data, JSON-safe. */
export interface VirtioBlkState {
  transport: "legacy" | "modern";
  /** Status, driver features (low, high), the two feature selectors, QueueSel, the legacy page
   * size, InterruptStatus. */
  regs: number[];
  irq: boolean;
  fault: string;
  queue: number[];
}

/**
 * A virtio block device behind the virtio-mmio register file, as on QEMU's virt board. Requests are
 * served synchronously when the driver writes QueueNotify.
 */
export class VirtioBlk {
  readonly legacy: boolean;

  private readonly memory: GuestMemory;
  private readonly irq: InterruptLine;
  private readonly queue: Virtqueue;
  private readonly chain: Chain;
  private readonly requests: BlockRequests;
  private readonly config = new Uint8Array(64);
  private readonly featuresLow: number;
  private readonly featuresHigh: number;
  private status = 0;
  private driverFeaturesLow = 0;
  private driverFeaturesHigh = 0;
  private deviceFeaturesSel = 0;
  private driverFeaturesSel = 0;
  private queueSel = 0;
  private pageSize = DEFAULT_PAGE_SIZE;
  private interruptStatus = 0;
  private irqLevel = false;
  private faultReason = "";

  constructor(opts: VirtioBlkOptions) {
    this.legacy = opts.transport === "legacy";
    this.memory = opts.memory;
    this.irq = opts.irq;
    this.queue = new Virtqueue(this.memory, QUEUE_NUM_MAX);
    this.chain = new Chain(this.memory);
    const id = new Uint8Array(ID_BYTES);
    const text = opts.id ?? "xv6-machine";
    for (let i = 0; i < Math.min(text.length, ID_BYTES); i++) id[i] = text.charCodeAt(i) & 0x7f;
    this.requests = new BlockRequests(opts.backend, id);

    let low = (1 << Feature.BlkSegMax) | (1 << Feature.BlkBlkSize) | (1 << Feature.BlkFlush);
    low |= 1 << Feature.RingIndirectDesc;
    if (opts.backend.readOnly) low |= 1 << Feature.BlkRo;
    this.featuresLow = low >>> 0;
    // Only the modern interface has feature bits above 31; VERSION_1 is what makes it modern.
    this.featuresHigh = this.legacy ? 0 : 1 << (Feature.Version1 - 32);

    const config = new DataView(this.config.buffer);
    const sectors = Math.floor(opts.backend.size / SECTOR_SIZE);
    config.setUint32(0, sectors % 2 ** 32, true);
    config.setUint32(4, Math.floor(sectors / 2 ** 32), true);
    config.setUint32(12, QUEUE_NUM_MAX - 2, true); // seg_max: leave room for header and status
    config.setUint32(20, SECTOR_SIZE, true); // blk_size
  }

  /**
   * The transport's registers and the queue's, for machine snapshots. Requests are served within
   * the QueueNotify write, so none is ever in flight between accesses: what the driver has queued
   * and not yet notified is in guest memory.
   */
  saveState(): VirtioBlkState {
    return {
      transport: this.legacy ? "legacy" : "modern",
      regs: [
        this.status,
        this.driverFeaturesLow,
        this.driverFeaturesHigh,
        this.deviceFeaturesSel,
        this.driverFeaturesSel,
        this.queueSel,
        this.pageSize,
        this.interruptStatus,
      ],
      irq: this.irqLevel,
      fault: this.faultReason,
      queue: this.queue.saveState(),
    };
  }

  /**
   * Puts back what saveState returned, for the same transport. The line is not driven again: the
   * interrupt controller's own saved state holds what it did.
   */
  loadState(s: VirtioBlkState): void {
    if (s.transport !== (this.legacy ? "legacy" : "modern"))
      throw new RangeError(`virtio-blk state: saved for the ${s.transport} transport`);
    if (!Array.isArray(s.regs) || s.regs.length !== 8 || !s.regs.every((v) => Number.isInteger(v) && v >= 0))
      throw new RangeError("virtio-blk state: bad registers");
    [
      this.status,
      this.driverFeaturesLow,
      this.driverFeaturesHigh,
      this.deviceFeaturesSel,
      this.driverFeaturesSel,
      this.queueSel,
      this.pageSize,
      this.interruptStatus,
    ] = s.regs;
    this.faultReason = typeof s.fault === "string" ? s.fault : "";
    this.queue.loadState(s.queue, this.faultReason);
    this.irqLevel = s.irq === true;
  }

  /** Why the device wants a reset (DEVICE_NEEDS_RESET), or "" while it is healthy. */
  get fault(): string {
    return this.faultReason;
  }

  /** Reads a register: size 1, 2 or 4 bytes; -1 is a bus error. */
  read(offset: number, size: number): number {
    if (!this.accessible(offset, size)) return -1;
    if (offset >= Reg.Config) return this.readConfig(offset - Reg.Config, size);
    // The spec allows only aligned 32-bit accesses to the registers.
    if (size !== 4) return -1;
    return this.readRegister(offset) >>> 0;
  }

  /**
   * What reading a register would return, for a machine that shows it to harts without a read;
   * undefined for registers not offered. Only InterruptStatus is (reading it changes nothing).
   */
  peek(offset: number, size: number): number | undefined {
    return offset === Reg.InterruptStatus && size === 4 ? this.interruptStatus : undefined;
  }

  /** Writes a register; false is a bus error. */
  write(offset: number, size: number, value: number): boolean {
    if (!this.accessible(offset, size)) return false;
    // The block device's configuration has nothing a driver may change (no WCE), so writes vanish.
    if (offset >= Reg.Config) return true;
    if (size !== 4) return false;
    this.writeRegister(offset, value >>> 0);
    return true;
  }

  /** Power-on reset: everything a driver's reset clears, and the legacy page size too. */
  reset(): void {
    this.resetDevice();
    this.pageSize = DEFAULT_PAGE_SIZE;
  }

  private accessible(offset: number, size: number): boolean {
    if (size !== 1 && size !== 2 && size !== 4) return false;
    return offset >= 0 && offset + size <= MMIO_SIZE && offset % size === 0;
  }

  private readConfig(offset: number, size: number): number {
    let value = 0;
    for (let i = size - 1; i >= 0; i--) {
      value = value * 256 + (offset + i < this.config.length ? this.config[offset + i] : 0);
    }
    return value;
  }

  private readRegister(offset: number): number {
    const q = this.queue;
    const queue0 = this.queueSel === 0;
    const modern = !this.legacy;
    switch (offset) {
      case Reg.MagicValue:
        return MAGIC;
      case Reg.Version:
        return this.legacy ? 1 : 2;
      case Reg.DeviceId:
        return DEVICE_ID_BLOCK;
      case Reg.VendorId:
        return VENDOR_ID;
      case Reg.DeviceFeatures:
        if (this.deviceFeaturesSel === 0) return this.featuresLow;
        return this.deviceFeaturesSel === 1 ? this.featuresHigh : 0;
      case Reg.QueueNumMax:
        return queue0 ? QUEUE_NUM_MAX : 0;
      case Reg.QueuePfn:
        return this.legacy && queue0 ? q.pfn : 0;
      case Reg.QueueReady:
        return modern && queue0 && q.ready ? 1 : 0;
      case Reg.InterruptStatus:
        return this.interruptStatus;
      case Reg.Status:
        return this.status | (this.faultReason ? Status.DeviceNeedsReset : 0);
      case Reg.QueueDescLow:
        return modern && queue0 ? q.descLow : 0;
      case Reg.QueueDescHigh:
        return modern && queue0 ? q.descHigh : 0;
      case Reg.QueueDriverLow:
        return modern && queue0 ? q.driverLow : 0;
      case Reg.QueueDriverHigh:
        return modern && queue0 ? q.driverHigh : 0;
      case Reg.QueueDeviceLow:
        return modern && queue0 ? q.deviceLow : 0;
      case Reg.QueueDeviceHigh:
        return modern && queue0 ? q.deviceHigh : 0;
      case Reg.ShmLenLow:
      case Reg.ShmLenHigh:
      case Reg.ShmBaseLow:
      case Reg.ShmBaseHigh:
        // A length of all ones says "no such shared memory region"; we have none.
        return modern ? 0xffffffff : 0;
      default:
        // Write-only and reserved registers, and ConfigGeneration: the config never changes.
        return 0;
    }
  }

  private writeRegister(offset: number, value: number): void {
    const q = this.queue;
    const queue0 = this.queueSel === 0;
    const modern = !this.legacy;
    switch (offset) {
      case Reg.DeviceFeaturesSel:
        this.deviceFeaturesSel = value;
        return;
      case Reg.DriverFeatures:
        // Once FEATURES_OK is accepted the feature set is fixed.
        if (modern && this.status & Status.FeaturesOk) return;
        if (this.driverFeaturesSel === 0) this.driverFeaturesLow = value;
        else if (this.driverFeaturesSel === 1) this.driverFeaturesHigh = value;
        return;
      case Reg.DriverFeaturesSel:
        this.driverFeaturesSel = value;
        return;
      case Reg.GuestPageSize:
        if (this.legacy) {
          this.pageSize = value;
          q.changed = true;
        }
        return;
      case Reg.QueueSel:
        this.queueSel = value;
        return;
      case Reg.QueueNum:
        if (queue0) {
          q.num = value;
          q.changed = true;
        }
        return;
      case Reg.QueueAlign:
        if (this.legacy && queue0) {
          q.align = value;
          q.changed = true;
        }
        return;
      case Reg.QueuePfn:
        // Each write sets the queue up anew (or, with 0, takes it away).
        if (this.legacy && queue0) {
          q.pfn = value;
          q.restart();
        }
        return;
      case Reg.QueueReady:
        if (modern && queue0) {
          const ready = (value & 1) === 1;
          if (ready && !q.ready) q.restart();
          q.ready = ready;
        }
        return;
      case Reg.QueueNotify:
        // The value is the queue's index; this device has only queue 0.
        if (value === 0) this.processQueue();
        return;
      case Reg.InterruptAck:
        this.interruptStatus &= ~value;
        this.updateIrq();
        return;
      case Reg.Status:
        this.writeStatus(value & 0xff);
        return;
      case Reg.QueueDescLow:
      case Reg.QueueDescHigh:
      case Reg.QueueDriverLow:
      case Reg.QueueDriverHigh:
      case Reg.QueueDeviceLow:
      case Reg.QueueDeviceHigh:
        if (modern && queue0) this.writeQueueAddress(offset, value);
        return;
      default:
        return;
    }
  }

  private writeQueueAddress(offset: number, value: number): void {
    const q = this.queue;
    if (offset === Reg.QueueDescLow) q.descLow = value;
    else if (offset === Reg.QueueDescHigh) q.descHigh = value;
    else if (offset === Reg.QueueDriverLow) q.driverLow = value;
    else if (offset === Reg.QueueDriverHigh) q.driverHigh = value;
    else if (offset === Reg.QueueDeviceLow) q.deviceLow = value;
    else q.deviceHigh = value;
    q.changed = true;
  }

  private writeStatus(value: number): void {
    if (value === 0) {
      this.resetDevice();
      return;
    }
    // DEVICE_NEEDS_RESET is the device's to set; a driver writing back what it read changes nothing.
    value &= ~Status.DeviceNeedsReset;
    const newly = value & ~this.status;
    if (!this.legacy && newly & Status.FeaturesOk && !this.featuresAcceptable()) {
      // The driver reads FEATURES_OK back to learn that we refused its feature set.
      value &= ~Status.FeaturesOk;
    }
    this.status = value;
    // A driver may make buffers available before DRIVER_OK; they are served from then on.
    if (newly & Status.DriverOk) this.processQueue();
  }

  /**
   * A modern driver may accept any subset of what was offered. That includes leaving out
   * VERSION_1: current xv6 does, and checks that FEATURES_OK sticks.
   */
  private featuresAcceptable(): boolean {
    return (
      (this.driverFeaturesLow & ~this.featuresLow) === 0 &&
      (this.driverFeaturesHigh & ~this.featuresHigh) === 0
    );
  }

  private resetDevice(): void {
    this.status = 0;
    this.faultReason = "";
    this.driverFeaturesLow = this.driverFeaturesHigh = 0;
    this.deviceFeaturesSel = this.driverFeaturesSel = this.queueSel = 0;
    this.queue.reset();
    this.interruptStatus = 0;
    this.updateIrq();
  }

  private processQueue(): void {
    const q = this.queue;
    // Nothing is served before DRIVER_OK, nor after the device has given up on the driver.
    if (this.faultReason || (this.status & Status.DriverOk) === 0 || !q.live(this.legacy)) return;
    if (!q.prepare(this.legacy, this.pageSize)) {
      this.needsReset(q.fault);
      return;
    }
    const indirect = ((this.driverFeaturesLow & this.featuresLow) >>> Feature.RingIndirectDesc) & 1;
    const count = q.pending();
    if (count < 0) {
      this.needsReset(q.fault);
      return;
    }
    let served = 0;
    while (served < count) {
      if (!q.pop(this.chain, indirect === 1)) {
        this.needsReset(q.fault);
        break;
      }
      const len = this.requests.serve(this.chain);
      if (len < 0) {
        this.needsReset("request without a device-writable status byte in RAM");
        break;
      }
      if (!q.push(this.chain.head, len)) {
        this.needsReset(q.fault);
        break;
      }
      served++;
    }
    if (served > 0 && q.wantsInterrupt()) this.raise(Interrupt.UsedBuffer);
  }

  private needsReset(why: string): void {
    if (this.faultReason) return;
    this.faultReason = why;
    // The spec: once DRIVER_OK is set, entering DEVICE_NEEDS_RESET sends a configuration change
    // notification.
    if (this.status & Status.DriverOk) this.raise(Interrupt.ConfigChange);
  }

  private raise(bit: number): void {
    this.interruptStatus |= bit;
    this.updateIrq();
  }

  private updateIrq(): void {
    const level = this.interruptStatus !== 0;
    if (level !== this.irqLevel) {
      this.irqLevel = level;
      this.irq.set(level);
    }
  }
}
