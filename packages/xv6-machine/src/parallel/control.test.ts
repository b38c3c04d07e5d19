import { describe, expect, it } from "vitest";
import { Control, DOOR, IRQ, OWED_MS, SpinPause, WAITING, WAKE } from "./control.js";

const SEIP = 1 << 9;

function asleep(c: Control, h: number, yes: boolean): void {
  Atomics.store(c.i32, c.at(h, WAITING), yes ? 1 : 0);
}
const wakes = (c: Control, h: number) => Atomics.load(c.i32, c.at(h, WAKE));
const door = (c: Control) => Atomics.load(c.i32, DOOR);

describe("the control block's interrupt pins", () => {
  it("wake a sleeping hart at once when no other hart runs", () => {
    const c = new Control(2);
    asleep(c, 0, true);
    asleep(c, 1, true);
    c.pins(0).setInterrupt(SEIP, true);
    expect(wakes(c, 0)).toBe(1);
    expect(c.i32[c.at(0, IRQ)]).toBe(SEIP);
  });

  it("owe a sleeping hart its wake-up while another runs, and pay it if the line stays up", () => {
    const c = new Control(2);
    asleep(c, 0, true);
    c.pins(0).setInterrupt(SEIP, true);
    expect(wakes(c, 0)).toBe(0);
    c.payOwed(60_000); // not owed that long yet
    expect(wakes(c, 0)).toBe(0);
    c.payOwed(0);
    expect(wakes(c, 0)).toBe(1);
    c.payOwed(0); // paid once
    expect(wakes(c, 0)).toBe(1);
  });

  it("let the wake-up lapse when a running hart's claim lowered the line first", () => {
    const c = new Control(2);
    asleep(c, 0, true);
    c.pins(0).setInterrupt(SEIP, true);
    c.pins(0).setInterrupt(SEIP, false);
    c.payOwed(0);
    expect(wakes(c, 0)).toBe(0);
  });

  it("pay what is owed when the last running hart goes to sleep", () => {
    const c = new Control(3);
    asleep(c, 0, true);
    asleep(c, 2, true);
    c.pins(0).setInterrupt(SEIP, true);
    expect(wakes(c, 0)).toBe(0);
    // Hart 1 goes to sleep as the worker does: says so, then pays (all of it when it was last).
    asleep(c, 1, true);
    c.payOwed(c.othersRunning(1) ? OWED_MS : 0);
    expect(wakes(c, 0)).toBe(1);
  });

  it("wake an awake hart's counter, so it does not go to sleep past the interrupt", () => {
    const c = new Control(2);
    c.pins(1).setInterrupt(SEIP, true);
    expect(wakes(c, 1)).toBe(1);
  });
});

describe("harts on the device thread", () => {
  it("are woken through the doorbell, which the device thread sleeps on", () => {
    const c = new Control(3);
    c.wake(0);
    expect(door(c)).toBe(0);
    c.hosted(0, true);
    c.hosted(2, true);
    c.wake(0);
    expect(door(c)).toBe(1);
    expect(wakes(c, 0)).toBe(2);
    c.wake(1);
    expect(door(c)).toBe(1);
    c.wake(2);
    expect(door(c)).toBe(2);
    // A rising pin wakes them the same way.
    c.pins(0).setInterrupt(SEIP, true);
    expect(door(c)).toBe(3);
  });

  it("are woken on their own counter once they have moved to their workers", () => {
    const c = new Control(3);
    c.hosted(1, true);
    c.hosted(2, true);
    c.hosted(2, false);
    c.wake(2);
    expect(door(c)).toBe(0);
    expect(wakes(c, 2)).toBe(1);
    c.wake(1);
    expect(door(c)).toBe(1);
  });
});

describe("a spinning hart's pauses", () => {
  /** Lets `ms` pass on the clock SpinPause reads. */
  function spend(ms: number): void {
    const until = performance.now() + ms;
    while (performance.now() < until) {}
  }

  it("begin after 0.2 ms of spinning, stay short, and stop once the hart gets on", () => {
    const p = new SpinPause();
    expect(p.after(false)).toBe(0);
    expect(p.after(true)).toBe(0);
    expect(p.after(true)).toBe(0);
    spend(0.3);
    const first = p.after(true);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(0.05);
    spend(5);
    expect(p.after(true)).toBe(first);
    expect(p.after(false)).toBe(0);
    expect(p.after(true)).toBe(0);
  });
});
