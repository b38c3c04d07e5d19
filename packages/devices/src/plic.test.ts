import { describe, expect, it } from "vitest";
import { MIP_MEIP, MIP_SEIP } from "./device.js";
import { Plic, plicState } from "./plic.js";

// Register map of the virt board's PLIC (SiFive PLIC spec).
const priority = (irq: number) => irq * 4;
const enable = (ctx: number) => 0x2000 + 0x80 * ctx;
const threshold = (ctx: number) => 0x20_0000 + 0x1000 * ctx;
const claim = (ctx: number) => threshold(ctx) + 4;

class FakeHart {
  bits = 0;
  setInterrupt(bit: number, level: boolean) {
    this.bits = level ? this.bits | bit : this.bits & ~bit;
  }
}

function make(harts = 2) {
  const hs = Array.from({ length: harts }, () => new FakeHart());
  return { plic: new Plic(hs), hs };
}

describe("PLIC", () => {
  it("delivers an enabled source above the threshold to the context's hart and mode", () => {
    const { plic, hs } = make();
    plic.write(priority(10), 4, 1);
    plic.write(enable(1), 4, 1 << 10); // hart 0, S-mode
    plic.line(10).set(true);
    expect(hs[0].bits).toBe(MIP_SEIP);
    expect(hs[1].bits).toBe(0);
    plic.write(threshold(1), 4, 1);
    expect(hs[0].bits).toBe(0); // priority must exceed the threshold
  });

  it("shows pending sources in the pending array", () => {
    const { plic } = make();
    plic.line(1).set(true);
    plic.line(33).set(true);
    expect(plic.read(0x1000, 4)).toBe(2);
    expect(plic.read(0x1004, 4)).toBe(2);
  });

  it("claims the highest priority source (lowest id on ties) and holds it until complete", () => {
    const { plic, hs } = make();
    for (const irq of [1, 5, 10]) plic.write(priority(irq), 4, irq === 1 ? 2 : 5);
    plic.write(enable(0), 4, (1 << 1) | (1 << 5) | (1 << 10));
    for (const irq of [1, 5, 10]) plic.line(irq).set(true);
    expect(hs[0].bits).toBe(MIP_MEIP);
    expect(plic.read(claim(0), 4)).toBe(5);
    expect(plic.read(claim(0), 4)).toBe(10);
    expect(plic.read(claim(0), 4)).toBe(1);
    expect(plic.read(claim(0), 4)).toBe(0);
    expect(hs[0].bits).toBe(0);
    plic.line(5).set(true); // re-asserted while claimed: pending, not delivered
    expect(hs[0].bits).toBe(0);
    plic.write(claim(0), 4, 5); // complete
    expect(hs[0].bits).toBe(MIP_MEIP);
  });

  it("ignores a completion for a source the context has not enabled", () => {
    const { plic, hs } = make();
    plic.write(priority(3), 4, 1);
    plic.write(enable(2), 4, 1 << 3); // hart 1, M-mode
    plic.line(3).set(true);
    expect(plic.read(claim(2), 4)).toBe(3);
    plic.line(3).set(true);
    plic.write(claim(0), 4, 3); // wrong context: ignored
    expect(hs[1].bits).toBe(0);
    plic.write(claim(2), 4, 3);
    expect(hs[1].bits).toBe(MIP_MEIP);
  });

  it("keeps a source pending after its line drops, until it is claimed", () => {
    const { plic, hs } = make();
    plic.write(priority(7), 4, 1);
    plic.write(enable(1), 4, 1 << 7);
    plic.line(7).set(true);
    plic.line(7).set(false);
    expect(hs[0].bits).toBe(MIP_SEIP);
    expect(plic.read(claim(1), 4)).toBe(7);
    expect(hs[0].bits).toBe(0);
  });

  it("keeps source 0 and priorities within their legal values", () => {
    const { plic } = make();
    plic.write(priority(0), 4, 7);
    expect(plic.read(priority(0), 4)).toBe(0);
    plic.write(priority(9), 4, 0xff);
    expect(plic.read(priority(9), 4)).toBe(7);
    plic.write(enable(0), 4, 0xffffffff);
    expect(plic.read(enable(0), 4) & 1).toBe(0);
  });

  it("rejects accesses that are not 32-bit", () => {
    const { plic } = make();
    expect(plic.read(priority(1), 1)).toBe(-1);
    expect(plic.write(priority(1), 8, 0)).toBe(false);
  });

  it("acts as one device when PLICs on several threads share their state", () => {
    // One PLIC per thread over the same registers (parallel harts): a claim at either is seen by
    // both, and each drives every hart's pins.
    const state = plicState(2);
    const hs = [new FakeHart(), new FakeHart()];
    const a = new Plic(hs, state);
    const b = new Plic(hs, state);
    a.write(priority(7), 4, 1);
    b.write(enable(1), 4, 1 << 7); // hart 0, S-mode
    b.write(enable(3), 4, 1 << 7); // hart 1, S-mode
    a.line(7).set(true);
    expect(hs.map((h) => h.bits)).toEqual([MIP_SEIP, MIP_SEIP]);
    expect(b.read(claim(3), 4)).toBe(7);
    expect(hs.map((h) => h.bits)).toEqual([0, 0]);
    expect(a.read(claim(1), 4)).toBe(0); // already claimed through the other PLIC
    a.line(7).set(true);
    expect(hs[0].bits).toBe(0); // claimed and not yet completed: not delivered again
    b.write(claim(3), 4, 7);
    expect(hs.map((h) => h.bits)).toEqual([MIP_SEIP, MIP_SEIP]);
    expect(new Int32Array(state, 0, 1)[0]).toBe(0); // the lock is free between accesses
  });

  it("refuses shared state made for another number of harts", () => {
    expect(() => new Plic([new FakeHart()], plicState(2))).toThrow(/another number of harts/);
  });
});
