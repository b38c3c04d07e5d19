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
 * The pins for a PLIC on hart `id`'s thread: a claim, a completion or a device served there may
 * change that hart's own pins, and it sees that before its next instruction.
 */
export function plicPins(hart: Hart, control: Control, id: number): InterruptTarget[] {
  return Array.from({ length: control.harts }, (_, h) => {
    const pins = control.pins(h);
    if (h !== id) return pins;
    return {
      setInterrupt(bit: number, level: boolean): void {
        pins.setInterrupt(bit, level);
        takePins(hart, control, id);
      },
    };
  });
}

/**
 * Sleeps hart `id` in wfi until its next timer deadline (at most `maxMs`) or a change of
 * `control.i32[word]` from `seen`, saying meanwhile that it sleeps.
 */
export function sleepInWfi(
  hart: Hart,
  clint: Clint,
  control: Control,
  id: number,
  word: number,
  seen: number,
  maxMs: number,
): void {
  const c = control.i32;
  const t = hart.clock.now();
  let deadline = Math.min(clint.compare(id), hart.nextDeadline());
  // A deadline already past is pending (and masked, or wfi would have ended): wait for a change.
  if (!(deadline > t)) deadline = Number.POSITIVE_INFINITY;
  const ms = Math.min(maxMs, (deadline - t) / 10_000);
  Atomics.store(c, control.at(id, WAITING), 1);
  control.payOwed(control.othersRunning(id) ? OWED_MS : 0);
  Atomics.wait(c, word, seen, Math.max(0, ms));
  Atomics.store(c, control.at(id, WAITING), 0);
}
