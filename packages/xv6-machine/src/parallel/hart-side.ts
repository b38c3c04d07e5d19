/**
 * What every thread that runs a parallel hart does alike, whether it is a worker (worker.ts) or the
 * device thread running hart 0 (host.ts).
 */
import { type Clint, type InterruptTarget, MIP_MEIP, MIP_SEIP } from "@xv6-machine/devices";
import type { Hart } from "@xv6-machine/rv-cpu";
import { type Control, IRQ, OWED_MS, WAITING } from "./control.js";

const EXTERNAL = MIP_MEIP | MIP_SEIP;

/** Takes in hart `id`'s external interrupt pins, which the PLIC (on any thread) drives. */
export function takePins(hart: Hart, control: Control, id: number): void {
  hart.mipHw = (hart.mipHw & ~EXTERNAL) | Atomics.load(control.i32, control.at(id, IRQ));
}

/**
 * The pins for a PLIC on a thread that runs harts (`here(h)` gives hart `h` while it runs on this
 * thread): a claim, a completion or a device served there may change such a hart's own pins, and
 * it sees that before its next instruction.
 */
export function plicPins(control: Control, here: (h: number) => Hart | undefined): InterruptTarget[] {
  return Array.from({ length: control.harts }, (_, h) => {
    const pins = control.pins(h);
    return {
      setInterrupt(bit: number, level: boolean): void {
        pins.setInterrupt(bit, level);
        const hart = here(h);
        if (hart !== undefined) takePins(hart, control, h);
      },
    };
  });
}

/**
 * Sleeps `harts` (all of this thread's, all in wfi) until the first of their timer deadlines (at
 * most `maxMs` away) or a change of `control.i32[word]` from `seen`, saying meanwhile that they
 * sleep.
 */
export function sleepInWfi(
  harts: readonly Hart[],
  clint: Clint,
  control: Control,
  word: number,
  seen: number,
  maxMs: number,
): void {
  const c = control.i32;
  let ms = maxMs;
  for (const hart of harts) {
    const t = hart.clock.now();
    const deadline = Math.min(clint.compare(hart.id), hart.nextDeadline());
    // A deadline already past is pending (and masked, or wfi would have ended): wait for a change.
    if (deadline > t) ms = Math.min(ms, (deadline - t) / 10_000);
  }
  for (const hart of harts) Atomics.store(c, control.at(hart.id, WAITING), 1);
  control.payOwed(control.othersRunning(harts[0].id) ? OWED_MS : 0);
  Atomics.wait(c, word, seen, Math.max(0, ms));
  for (const hart of harts) Atomics.store(c, control.at(hart.id, WAITING), 0);
}
