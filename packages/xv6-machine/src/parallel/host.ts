/**
 * Hart 0 on the device thread (parallel harts' default): its device accesses are plain calls, one
 * thread fewer competes for the host's cores, one fewer isolate compiles the guest's code, and it
 * boots without waiting for a thread to start. Between its quanta the thread answers the other
 * harts' MMIO; while hart 0 sleeps in wfi the thread sleeps on the doorbell, which their requests
 * and every wake-up of hart 0 ring (see Control.hostHartZero).
 */
import type { Clint, Device } from "@xv6-machine/devices";
import type { Hart } from "@xv6-machine/rv-cpu";
import { DOOR, OWED_MS, SpinPause, WAITING } from "./control.js";
import { sleepInWfi, takePins } from "./hart-side.js";
import type { ParallelHarts } from "./harts.js";

/**
 * The most instructions hart 0 runs between looks at the mailboxes, and how long a look may keep a
 * request from another hart waiting: the quantum shrinks while hart 0 runs slowly (code V8 has not
 * compiled yet, early in a boot, runs a hundred times slower) and grows back as it speeds up.
 */
const QUANTUM = 10_000;
const MIN_QUANTUM = 200;
const QUANTUM_MS = 0.1;

export class HostHart {
  private readonly pause = new SpinPause();
  private quantum = QUANTUM;

  constructor(
    private readonly hart: Hart,
    private readonly par: ParallelHarts,
    private readonly clint: Clint,
  ) {
    par.control.hostHartZero();
  }

  /** Runs hart 0 and answers the other harts for `ms`, or until `done()` says to stop. */
  runFor(ms: number, done: () => boolean): void {
    const { hart, par } = this;
    const ctl = par.control;
    const c = ctl.i32;
    const waiting = ctl.at(0, WAITING);
    const until = performance.now() + ms;
    Atomics.store(c, waiting, 0);
    while (!done() && par.failure === undefined) {
      const seen = Atomics.load(c, DOOR);
      par.serve();
      takePins(hart, ctl, 0);
      this.clint.update();
      const start = performance.now();
      const n = hart.run(this.quantum);
      const end = performance.now();
      ctl.instret[0] = hart.instret;
      ctl.payOwed(OWED_MS);
      if (n === this.quantum) this.adapt(end - start);
      const left = until - end;
      if (left <= 0) break;
      if (n === 0 && hart.waiting) sleepInWfi(hart, this.clint, ctl, 0, DOOR, seen, left);
      const pause = this.pause.after(hart.spun);
      if (pause > 0) Atomics.wait(c, DOOR, seen, Math.min(pause, left));
    }
    // Between slices a hart 0 in wfi counts as asleep: an interrupt for it is owed or rings.
    Atomics.store(c, waiting, hart.waiting ? 1 : 0);
  }

  /** Sizes the next quantum so that it takes about QUANTUM_MS, as the last full one ran. */
  private adapt(ms: number): void {
    const q = ms > 0 ? Math.floor((this.quantum * QUANTUM_MS) / ms) : QUANTUM;
    this.quantum = Math.max(MIN_QUANTUM, Math.min(QUANTUM, q));
  }
}

/**
 * `dev` as hart 0 on the device thread reaches it: the other harts' shadows of its registers are
 * brought up to date after each access (as after each request they make).
 */
export function refreshing(dev: Device, par: ParallelHarts): Device {
  return {
    read(offset: number, size: number): number {
      const v = dev.read(offset, size);
      par.refresh();
      return v;
    },
    write(offset: number, size: number, value: number): boolean {
      const ok = dev.write(offset, size, value);
      par.refresh();
      return ok;
    },
  };
}
