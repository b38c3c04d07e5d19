/**
 * The control block parallel harts share with the device thread: one SharedArrayBuffer of Int32
 * words (stop flag, doorbell, and per hart a wake counter, its external interrupt pins, whether it
 * sleeps in wfi, and an MMIO mailbox), then a Float64 per hart for instructions retired.
 */

export const STOP = 0;
/** Bumped with every MMIO request, so the device thread can sleep on it. */
export const DOOR = 1;
const HEAD = 16;
const PER_HART = 16;

/** Word offsets within a hart's block. */
export const WAKE = 0;
/** MEIP and SEIP as the PLIC drives them. */
export const IRQ = 1;
export const WAITING = 2;
/** Mailbox: IDLE, REQUEST (the hart waits) or DONE (the answer is in RESULT and ERROR). */
export const STATE = 3;
export const OP = 4;
export const PA = 5;
export const SIZE = 6;
export const VALUE = 7;
export const RESULT = 8;
export const ERROR = 9;

export const IDLE = 0;
export const REQUEST = 1;
export const DONE = 2;
export const READ = 0;
export const WRITE = 1;

export class Control {
  readonly buffer: SharedArrayBuffer;
  readonly i32: Int32Array;
  readonly instret: Float64Array;
  readonly harts: number;

  constructor(harts: number, buffer?: SharedArrayBuffer) {
    const words = HEAD + PER_HART * harts;
    this.buffer = buffer ?? new SharedArrayBuffer(words * 4 + harts * 8);
    this.harts = harts;
    this.i32 = new Int32Array(this.buffer, 0, words);
    this.instret = new Float64Array(this.buffer, words * 4, harts);
  }

  /** Index of word `field` of hart `h`. */
  at(h: number, field: number): number {
    return HEAD + PER_HART * h + field;
  }

  /** Wakes hart `h` if it sleeps in wfi (or is about to: the counter moved since it looked). */
  wake(h: number): void {
    const i = this.at(h, WAKE);
    Atomics.add(this.i32, i, 1);
    Atomics.notify(this.i32, i);
  }

  stopping(): boolean {
    return Atomics.load(this.i32, STOP) !== 0;
  }
}
