/**
 * The loop a board built from parts needs. A hart only executes; the board decides what time it is
 * and looks at its devices between calls of `run()`:
 *   1. before each turn, bring the timer lines up to date (`clint.update()`): mtime may have moved;
 *   2. give each hart a turn of at most `quantum` instructions (a turn ends early after `wfi`);
 *   3. advance time by the longest turn (deterministic: `stepsPerTick` instructions per mtime tick);
 *   4. when every hart waits in `wfi`, jump time to the next timer deadline (sleep costs nothing),
 *      or stop: with no deadline and no device to wake it, the board is stuck;
 *   5. stop when `done()` says so (a power-off, an expected output) or the budget is spent.
 */
import type { Clint } from "./clint.js";

/** What the loop needs of a hart (rv-cpu's `Hart` fits). */
export interface RunnableHart {
  run(budget: number): number;
  readonly waiting: boolean;
  /** The hart's own timer deadline (Sstc's stimecmp), if it has one. */
  nextDeadline?(): number;
}

/** Time derived from instructions: one mtime tick per `stepsPerTick` of them. */
export class StepClock {
  private ticks = 0;
  readonly stepsPerTick: number;
  constructor(stepsPerTick = 10) {
    this.stepsPerTick = stepsPerTick;
  }
  /** mtime now (give `() => clock.now()` to the Clint and to each hart's clock). */
  now(): number {
    return Math.floor(this.ticks);
  }
  advance(steps: number): void {
    this.ticks += steps / this.stepsPerTick;
  }
  jumpTo(tick: number): void {
    this.ticks = Math.max(this.ticks, tick);
  }
}

export interface RunOptions {
  clint: Clint;
  clock: StepClock;
  /** Checked between turns; true ends the run ("done"). */
  done: () => boolean;
  /** Instructions per hart per turn (default 2,000). */
  quantum?: number;
  /** Most instructions in all (default: no limit). */
  maxSteps?: number;
}

export type RunEnd = "done" | "stuck" | "budget";

/** Runs the harts in turns until `done()`, until they are stuck in `wfi`, or out of budget. */
export function runHarts(harts: readonly RunnableHart[], o: RunOptions): { end: RunEnd; steps: number } {
  const quantum = o.quantum ?? 2000;
  const max = o.maxSteps ?? Number.POSITIVE_INFINITY;
  let steps = 0;
  for (;;) {
    if (o.done()) return { end: "done", steps };
    if (steps >= max) return { end: "budget", steps };
    let longest = 0;
    for (const hart of harts) {
      o.clint.update();
      const n = hart.run(Math.min(quantum, max - steps));
      steps += n;
      longest = Math.max(longest, n);
    }
    o.clock.advance(longest);
    if (longest > 0 || !harts.every((h) => h.waiting)) continue;
    let deadline = o.clint.nextDeadline();
    for (const h of harts) deadline = Math.min(deadline, h.nextDeadline?.() ?? Number.POSITIVE_INFINITY);
    if (!(deadline < 2 ** 53) || deadline <= o.clock.now()) {
      // Either nothing will ever fire, or a deadline has passed and still no hart takes it.
      if (o.done()) return { end: "done", steps };
      if (!(deadline < 2 ** 53)) return { end: "stuck", steps };
      o.clint.update();
      if (harts.every((h) => h.run(0) === 0 && h.waiting)) return { end: "stuck", steps };
      continue;
    }
    o.clock.jumpTo(deadline);
  }
}
