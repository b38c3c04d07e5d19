import { describe, expect, it } from "vitest";
import { Clint } from "./clint.js";
import { MIP_MTIP } from "./device.js";
import { RamDma } from "./ram-dma.js";
import { type RunnableHart, runHarts, StepClock } from "./run.js";

/** A hart that counts instructions, waits in wfi after `busy` of them, and wakes on MTIP. */
class FakeHart implements RunnableHart {
  waiting = false;
  woken = 0;
  private mip = 0;
  private left: number;
  constructor(private readonly busy: number) {
    this.left = busy;
  }
  setInterrupt(bit: number, level: boolean): void {
    this.mip = level ? this.mip | bit : this.mip & ~bit;
  }
  run(budget: number): number {
    if (this.waiting) {
      if (!(this.mip & MIP_MTIP)) return 0;
      this.waiting = false;
      this.woken++;
      this.left = this.busy;
    }
    const n = Math.min(budget, this.left);
    this.left -= n;
    if (this.left === 0) this.waiting = true;
    return n;
  }
}

describe("runHarts", () => {
  it("advances time with instructions, and jumps idle time to the next timer deadline", () => {
    const clock = new StepClock(10);
    const hart = new FakeHart(1000);
    const clint = new Clint([hart], () => clock.now());
    clint.write(0x4000, 4, 1_000_000); // far beyond 1000 instructions' 100 ticks
    clint.write(0x4004, 4, 0);
    const r = runHarts([hart], { clint, clock, done: () => hart.woken === 1 });
    expect(r.end).toBe("done");
    // 1000 instructions (100 ticks), a jump to the deadline, then 1000 more after waking.
    expect(clock.now()).toBe(1_000_100);
    expect(r.steps).toBe(2000);
  });

  it("says stuck when every hart waits and no timer is set", () => {
    const clock = new StepClock();
    const hart = new FakeHart(500);
    const clint = new Clint([hart], () => clock.now());
    expect(runHarts([hart], { clint, clock, done: () => false }).end).toBe("stuck");
  });

  it("stops at its instruction budget", () => {
    const clock = new StepClock();
    const spinner: RunnableHart = { waiting: false, run: (b) => b };
    const clint = new Clint([{ setInterrupt() {} }], () => clock.now());
    const r = runHarts([spinner], { clint, clock, done: () => false, maxSteps: 12_345 });
    expect(r).toEqual({ end: "budget", steps: 12_345 });
  });
});

describe("RamDma", () => {
  it("copies in and out of RAM and refuses a range that leaves it, touching nothing", () => {
    const u8 = new Uint8Array(64);
    const written: number[] = [];
    const ram = {
      base: 0x8000_0000,
      u8,
      contains: (pa: number, len: number) => pa >= 0x8000_0000 && pa + len <= 0x8000_0000 + 64,
      writeBytes: (pa: number, b: Uint8Array) => {
        written.push(pa);
        u8.set(b, pa - 0x8000_0000);
      },
    };
    const dma = new RamDma(ram);
    expect(dma.write(0x8000_0010, Uint8Array.of(1, 2, 3))).toBe(true);
    const back = new Uint8Array(3);
    expect(dma.read(0x8000_0010, back)).toBe(true);
    expect([...back]).toEqual([1, 2, 3]);
    expect(dma.write(0x8000_003f, Uint8Array.of(9, 9))).toBe(false);
    expect(dma.read(0x7fff_ffff, new Uint8Array(2))).toBe(false);
    expect(written).toEqual([0x8000_0010]);
    expect(u8[0x3f]).toBe(0);
  });
});
