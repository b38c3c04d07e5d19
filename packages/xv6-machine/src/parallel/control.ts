/**
 * The control block parallel harts share with the device thread: one SharedArrayBuffer of Int32
 * words (stop flag, doorbell, and per hart a wake counter, its external interrupt pins, whether it
 * sleeps in wfi, a wake-up owed to it, and an MMIO mailbox), then per hart a Float64 for
 * instructions retired and one for when its wake-up became owed, then the shadow registers.
 */

export const STOP = 0;
/** Bumped with every MMIO request, so the device thread can sleep on it. */
export const DOOR = 1;
/** A bit per hart that runs on the device thread, which sleeps on the doorbell (see host.ts). */
const HOSTED = 2;
const FIRST = 16;
const PER_HART = 16;

/** Word offsets within a hart's block. */
export const WAKE = 0;
/** MEIP and SEIP as the PLIC drives them. */
export const IRQ = 1;
export const WAITING = 2;
/** Set when an interrupt was raised for this hart while it slept and others ran (see pins). */
export const OWED = 10;
/** Mailbox: IDLE, REQUEST (the hart waits) or DONE (the answer is in RESULT and ERROR). */
export const STATE = 3;
export const OP = 4;
export const PA = 5;
export const SIZE = 6;
export const VALUE = 7;
export const RESULT = 8;
export const ERROR = 9;
/** 1 while the hart runs on the device thread: its worker waits to be handed the hart's state. */
export const HOME = 11;
/** Set by a worker once it waits for its hart (see HOME). */
export const READY = 12;

/** Device registers that harts may read from shared memory (see Control.shadows). */
export const SHADOWS = 8;

/** How long a sleeping hart's wake-up may be owed while other harts run. */
export const OWED_MS = 0.5;

/** A device range whose device lives on the device thread. */
export interface RemoteRange {
  base: number;
  size: number;
  /** Registers read from Control.shadows[slot]. */
  shadows?: { offset: number; size: number; slot: number }[];
}

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
  /**
   * Values of device registers that reading does not change, kept current by the device thread,
   * so that harts read them without asking it: -1 where the register must be read on the device
   * thread (the device said its read has an effect just now). Only values below 2^31 fit.
   */
  readonly shadows: Int32Array;
  private readonly owedSince: Float64Array;

  constructor(harts: number, buffer?: SharedArrayBuffer) {
    const words = FIRST + PER_HART * harts;
    this.buffer = buffer ?? new SharedArrayBuffer(words * 4 + harts * 16 + SHADOWS * 4);
    this.harts = harts;
    this.i32 = new Int32Array(this.buffer, 0, words);
    this.instret = new Float64Array(this.buffer, words * 4, harts);
    this.owedSince = new Float64Array(this.buffer, words * 4 + harts * 8, harts);
    this.shadows = new Int32Array(this.buffer, words * 4 + harts * 16, SHADOWS);
    if (buffer === undefined) this.shadows.fill(-1);
  }

  /** Index of word `field` of hart `h`. */
  at(h: number, field: number): number {
    return FIRST + PER_HART * h + field;
  }

  /** Rings the device thread's doorbell. */
  ring(): void {
    Atomics.add(this.i32, DOOR, 1);
    Atomics.notify(this.i32, DOOR);
  }

  /** Says whether hart `h` runs on the device thread, where waking it rings the doorbell. */
  hosted(h: number, yes: boolean): void {
    if (yes) Atomics.or(this.i32, HOSTED, 1 << h);
    else Atomics.and(this.i32, HOSTED, ~(1 << h));
  }

  /** Wakes hart `h` if it sleeps in wfi (or is about to: the counter moved since it looked). */
  wake(h: number): void {
    const i = this.at(h, WAKE);
    Atomics.add(this.i32, i, 1);
    Atomics.notify(this.i32, i);
    if ((Atomics.load(this.i32, HOSTED) & (1 << h)) !== 0) this.ring();
  }

  /**
   * The pins through which a PLIC (on any thread) drives hart `h`'s MEIP and SEIP. The PLIC raises
   * a source's line at every hart that enables it, and xv6 enables its devices at all of them; a
   * hart that runs takes the interrupt within a quantum and its claim lowers the line everywhere.
   * So a sleeping hart is not woken at once while another runs: the wake-up is owed, and paid
   * (see payOwed) only if the line is still up OWED_MS later. A hart may sleep in wfi for as long
   * as it likes, so this is invisible to the guest, and it spares the host two wake-ups of harts
   * that would find nothing to claim for every disk interrupt.
   */
  pins(h: number): { setInterrupt(bit: number, level: boolean): void } {
    const i = this.at(h, IRQ);
    const words = this.i32;
    return {
      setInterrupt: (bit: number, level: boolean): void => {
        if (!level) Atomics.and(words, i, ~bit);
        else if ((Atomics.or(words, i, bit) & bit) === 0) this.interrupted(h);
      },
    };
  }

  private interrupted(h: number): void {
    if (Atomics.load(this.i32, this.at(h, WAITING)) === 0) {
      // Awake, or on its way to sleep: moving the counter keeps it from sleeping.
      this.wake(h);
      return;
    }
    this.owedSince[h] = performance.timeOrigin + performance.now();
    Atomics.store(this.i32, this.at(h, OWED), 1);
    // Set before looking (as a hart going to sleep says so before paying): one of the two sees
    // the other, so the last hart to sleep never leaves a wake-up unpaid.
    if (!this.othersRunning(h)) this.payOwed(0);
  }

  /** True when a hart other than `h` is not asleep in wfi. */
  othersRunning(h: number): boolean {
    for (let o = 0; o < this.harts; o++)
      if (o !== h && Atomics.load(this.i32, this.at(o, WAITING)) === 0) return true;
    return false;
  }

  /**
   * Wakes every hart owed a wake-up for at least `ms` whose interrupt line is still up; called by
   * running harts between quanta, and with 0 by the last hart to go to sleep.
   */
  payOwed(ms: number): void {
    const c = this.i32;
    let now = 0;
    for (let h = 0; h < this.harts; h++) {
      const owed = this.at(h, OWED);
      if (Atomics.load(c, owed) === 0) continue;
      if (ms > 0 && now === 0) now = performance.timeOrigin + performance.now();
      if (ms > 0 && now - this.owedSince[h] < ms) continue;
      if (Atomics.exchange(c, owed, 0) === 1 && Atomics.load(c, this.at(h, IRQ)) !== 0) this.wake(h);
    }
  }

  stopping(): boolean {
    return Atomics.load(this.i32, STOP) !== 0;
  }
}

/** After spinning this long, a hart gives its host core away for a moment... */
const SPIN_YIELD_MS = 0.2;
/** ...this long (the host may round it up to its timer slack, about 50 µs on Linux). */
const PAUSE_MS = 0.02;

/**
 * When a hart seen spinning (waiting for another hart's store) should pause: after SPIN_YIELD_MS
 * of it, after every quantum, in case the hart it waits for is a thread the host has not scheduled
 * (more harts than cores). Short pauses: a ticket lock hands over once per pause (see the
 * README's "Spinning" for baremetal/smp_locks timed with long, short and no pauses).
 */
export class SpinPause {
  private since = -1;

  /** Milliseconds to pause after a quantum (0: none); `spun`: the quantum ended in a spin. */
  after(spun: boolean): number {
    if (!spun) {
      this.since = -1;
      return 0;
    }
    const now = performance.now();
    if (this.since < 0) {
      this.since = now;
      return 0;
    }
    return now - this.since > SPIN_YIELD_MS ? PAUSE_MS : 0;
  }
}
