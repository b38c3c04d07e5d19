/**
 * Harts on the device thread (parallel harts' default). Every hart starts here, where V8 has
 * compiled the interpreter for the guest's code once for all of them; hart 0 stays, and each other
 * hart moves to its own worker once the harts here have wanted to run at the same time for long
 * enough (`moveAfterMs`): a worker's isolate starts cold and runs the guest slowly until V8 has
 * compiled it again there, which costs more than it gains while the guest has one thing to do (a
 * boot). Between quanta the thread answers the other harts' MMIO; while every hart here sleeps in
 * wfi the thread sleeps on the doorbell, which their requests and every wake-up of a hart here ring
 * (see Control.hosted). Device accesses from here are plain calls.
 */
import type { Clint, Device } from "@xv6-machine/devices";
import type { Hart } from "@xv6-machine/rv-cpu";
import { DOOR, OWED_MS, SpinPause, WAITING } from "./control.js";
import { sleepInWfi, takePins } from "./hart-side.js";
import type { ParallelHarts } from "./harts.js";

/**
 * The most instructions a hart here runs in one turn, and how long a turn may keep a request from
 * another hart waiting: a hart's quantum shrinks while it runs slowly (code V8 has not compiled
 * yet, early in a boot, runs a hundred times slower) and grows back as it speeds up.
 */
const QUANTUM = 10_000;
const MIN_QUANTUM = 200;
const QUANTUM_MS = 0.1;

/** A hart on the device thread and the size of its turn. */
interface Guest {
  hart: Hart;
  quantum: number;
}

export class HostHarts {
  private readonly pause = new SpinPause();
  private guests: Guest[];
  /** By hart id: the harts running here. */
  private readonly here: (Hart | undefined)[] = [];
  /** Milliseconds of turns during which two or more harts here wanted to run, since the last move. */
  private contended = 0;

  /** `harts` in id order, hart 0 first; it never moves. */
  constructor(
    harts: Hart[],
    private readonly par: ParallelHarts,
    private readonly clint: Clint,
    private readonly moveAfterMs: number,
  ) {
    this.guests = harts.map((hart) => ({ hart, quantum: QUANTUM }));
    for (const hart of harts) {
      this.here[hart.id] = hart;
      par.control.hosted(hart.id, true);
    }
  }

  /** Hart `id` if it runs on this thread. */
  hart(id: number): Hart | undefined {
    return this.here[id];
  }

  /** Runs the harts here and answers the others for `ms`, or until `done()` says to stop. */
  runFor(ms: number, done: () => boolean): void {
    const { par } = this;
    const ctl = par.control;
    const c = ctl.i32;
    const until = performance.now() + ms;
    for (const g of this.guests) Atomics.store(c, ctl.at(g.hart.id, WAITING), 0);
    while (!done() && par.failure === undefined) {
      const seen = Atomics.load(c, DOOR);
      const start = performance.now();
      // Harts that wanted to run, and whether every one that ran ended its turn spinning.
      let wanting = 0;
      let spun = true;
      let asleep = true;
      for (const g of this.guests) {
        par.serve();
        const { hart } = g;
        takePins(hart, ctl, hart.id);
        this.clint.update();
        const t = performance.now();
        const n = hart.run(g.quantum);
        ctl.instret[hart.id] = hart.instret;
        if (n === g.quantum) g.quantum = resized(g.quantum, performance.now() - t);
        if (n === 0 && hart.waiting) continue;
        asleep = false;
        if (!hart.spun) {
          spun = false;
          wanting++;
        }
      }
      ctl.payOwed(OWED_MS);
      const end = performance.now();
      if (wanting > 1) {
        this.contended += end - start;
        if (this.contended >= this.moveAfterMs) {
          // The worker threads start only now: starting them (a module to load and compile on
          // each) took 0.1-0.15 s from a boot that never needs them. The harts go on here
          // until their workers are up.
          par.spawn();
          this.moveOne();
        }
      }
      const left = until - end;
      if (left <= 0) break;
      if (asleep) {
        sleepInWfi(
          this.guests.map((g) => g.hart),
          this.clint,
          ctl,
          DOOR,
          seen,
          left,
        );
      } else {
        const pause = this.pause.after(spun);
        if (pause > 0) Atomics.wait(c, DOOR, seen, Math.min(pause, left));
      }
    }
    // Between slices a hart here in wfi counts as asleep: an interrupt for it is owed or rings.
    for (const g of this.guests) Atomics.store(c, ctl.at(g.hart.id, WAITING), g.hart.waiting ? 1 : 0);
  }

  /** Hands a running hart other than hart 0 whose worker is ready to that worker. */
  private moveOne(): void {
    const { par } = this;
    for (let i = this.guests.length - 1; i > 0; i--) {
      const { hart } = this.guests[i];
      const id = hart.id;
      if (hart.waiting || !par.ready(id)) continue;
      const state = hart.saveState();
      // Another hart's store may break the reservation while the state is on its way; an SC may
      // fail for any reason, so it is dropped instead.
      state.reservation = null;
      hart.ram.unreserve(id);
      this.guests = this.guests.filter((g) => g.hart !== hart);
      this.here[id] = undefined;
      par.control.hosted(id, false);
      Atomics.store(par.control.i32, par.control.at(id, WAITING), 0);
      par.move(id, state);
      this.contended = 0;
      return;
    }
  }
}

/** A quantum sized to take about QUANTUM_MS, as the last full one of `quantum` took `ms`. */
function resized(quantum: number, ms: number): number {
  const q = ms > 0 ? Math.floor((quantum * QUANTUM_MS) / ms) : QUANTUM;
  return Math.max(MIN_QUANTUM, Math.min(QUANTUM, q));
}

/**
 * `dev` as the harts on the device thread reach it: the other harts' shadows of its registers are
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
