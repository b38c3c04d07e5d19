import { describe, expect, it } from "vitest";
import { DONE, ERROR, OP, PA, READ, REQUEST, RESULT, SIZE, STATE, VALUE, WRITE } from "./control.js";
import { ParallelHarts } from "./harts.js";

/** A device with one register at 0x10 whose value a write sets; reading 0x14 has an effect. */
function device() {
  const dev = { reg: 5, reads14: 0 };
  const bus = {
    read(pa: number): number {
      if (pa === 0x14) dev.reads14++;
      return pa === 0x10 ? dev.reg : 0;
    },
    write(pa: number, _size: number, value: number): boolean {
      if (pa !== 0x10) return false;
      dev.reg = value;
      return true;
    },
  };
  return { dev, bus };
}

/** Puts a request into hart `h`'s mailbox, as its thread does. */
function ask(par: ParallelHarts, h: number, op: number, pa: number, value = 0): void {
  const c = par.control;
  const box = c.at(h, 0);
  c.i32[box + OP] = op;
  c.i32[box + PA] = pa;
  c.i32[box + SIZE] = 4;
  c.i32[box + VALUE] = value;
  Atomics.store(c.i32, box + STATE, REQUEST);
}

describe("the device thread's side of parallel harts", () => {
  it("answers reads and writes from the harts' mailboxes, and bus errors as errors", () => {
    const { bus } = device();
    const par = new ParallelHarts(2, bus);
    const c = par.control;
    ask(par, 1, READ, 0x10);
    ask(par, 0, WRITE, 0x20, 1);
    expect(par.serve()).toBe(2);
    expect(c.i32[c.at(1, STATE)]).toBe(DONE);
    expect(c.i32[c.at(1, RESULT)]).toBe(5);
    expect(c.i32[c.at(1, ERROR)]).toBe(0);
    expect(c.i32[c.at(0, ERROR)]).toBe(1);
    expect(par.serve()).toBe(0);
  });

  it("keeps shadow registers current before it answers, so a hart reads its own write back", () => {
    const { dev, bus } = device();
    const par = new ParallelHarts(1, bus);
    const c = par.control;
    par.shadow(0, () => dev.reg);
    expect(c.shadows[0]).toBe(5);
    ask(par, 0, WRITE, 0x10, 9);
    par.serve();
    expect(c.i32[c.at(0, STATE)]).toBe(DONE);
    expect(c.shadows[0]).toBe(9);
    // A change made on the device thread itself shows once it says so.
    dev.reg = 12;
    par.refresh();
    expect(c.shadows[0]).toBe(12);
    expect(c.shadows[1]).toBe(-1);
  });

  it("marks a shadow unusable when reading it has an effect or the value does not fit", () => {
    const { dev, bus } = device();
    const par = new ParallelHarts(1, bus);
    let effect = false;
    par.shadow(0, () => (effect ? undefined : dev.reg));
    par.shadow(1, () => 2 ** 31);
    effect = true;
    par.refresh();
    expect([...par.control.shadows.subarray(0, 2)]).toEqual([-1, -1]);
    expect(() => par.shadow(8, () => 0)).toThrow(RangeError);
  });
});
