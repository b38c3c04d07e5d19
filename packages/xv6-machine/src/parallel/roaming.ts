/**
 * virtio-blk with parallel harts, run by whichever thread touches it: each hart's thread (and the
 * device thread) has its own VirtioBlk over the shared RAM and the same disk, and the device's state
 * (its registers and ring indices, VirtioBlk.saveState) lives in shared memory behind a lock. The
 * holder loads the state when another thread changed it last, makes the access, and stores it
 * back. A disk request is then served on the hart that notified, without a trip to another thread.
 */
import { type Device, SharedLock } from "@xv6-machine/devices";
import type { SharedDisk, VirtioBlk, VirtioBlkState } from "@xv6-machine/virtio-blk";

const LOCK = 0;
const VERSION = 1;
const TRANSPORT = 2;
const IRQ = 3;
const FAULT_LENGTH = 4;
const REGS = 5;
const REG_COUNT = 8;
const QUEUE = REGS + REG_COUNT;
const QUEUE_COUNT = 12;
const WORDS = QUEUE + QUEUE_COUNT;
/** Longest fault reason kept (they are short sentences). */
const FAULT_BYTES = 256;

/** What a hart's thread needs to build its own VirtioBlk for a roaming disk. */
export interface RoamingDisk {
  base: number;
  size: number;
  /** The PLIC source. */
  irq: number;
  transport: "legacy" | "modern";
  backend: SharedDisk;
  /** From roamingState(). */
  state: SharedArrayBuffer;
}

/** The shared memory a roaming device's state lives in. */
export function roamingState(): SharedArrayBuffer {
  return new SharedArrayBuffer(WORDS * 4 + FAULT_BYTES);
}

export class Roaming implements Device {
  private readonly words: Int32Array;
  private readonly fault: Uint8Array;
  private readonly lock: SharedLock;
  /** The version of the shared state this thread's device holds (-1: none yet). */
  private seen = -1;

  /**
   * `owner`: this thread's device holds the state as it starts, and publishes it (the device
   * thread, before the harts' threads start); the others load it on their first access.
   */
  constructor(
    private readonly dev: VirtioBlk,
    buffer: SharedArrayBuffer,
    owner: boolean,
  ) {
    this.words = new Int32Array(buffer, 0, WORDS);
    this.fault = new Uint8Array(buffer, WORDS * 4, FAULT_BYTES);
    this.lock = new SharedLock(this.words, LOCK);
    if (owner) {
      this.store(dev.saveState());
      this.seen = this.words[VERSION];
    }
  }

  read(offset: number, size: number): number {
    this.enter();
    try {
      return this.dev.read(offset, size);
    } finally {
      this.leave();
    }
  }

  write(offset: number, size: number, value: number): boolean {
    this.enter();
    try {
      return this.dev.write(offset, size, value);
    } finally {
      this.leave();
    }
  }

  private enter(): void {
    this.lock.lock();
    if (this.words[VERSION] !== this.seen) this.dev.loadState(this.load());
  }

  private leave(): void {
    this.store(this.dev.saveState());
    this.words[VERSION] = (this.words[VERSION] + 1) | 0;
    this.seen = this.words[VERSION];
    this.lock.unlock();
  }

  private store(s: VirtioBlkState): void {
    const w = this.words;
    w[TRANSPORT] = s.transport === "legacy" ? 1 : 2;
    w[IRQ] = s.irq ? 1 : 0;
    for (let i = 0; i < REG_COUNT; i++) w[REGS + i] = s.regs[i];
    for (let i = 0; i < QUEUE_COUNT; i++) w[QUEUE + i] = s.queue[i];
    const n = Math.min(s.fault.length, FAULT_BYTES);
    for (let i = 0; i < n; i++) this.fault[i] = s.fault.charCodeAt(i) & 0xff;
    w[FAULT_LENGTH] = n;
  }

  private load(): VirtioBlkState {
    const w = this.words;
    const u32 = (i: number) => w[i] >>> 0;
    return {
      transport: w[TRANSPORT] === 1 ? "legacy" : "modern",
      irq: w[IRQ] === 1,
      regs: Array.from({ length: REG_COUNT }, (_, i) => u32(REGS + i)),
      queue: Array.from({ length: QUEUE_COUNT }, (_, i) => u32(QUEUE + i)),
      fault: String.fromCharCode(...this.fault.subarray(0, w[FAULT_LENGTH])),
    };
  }
}
