import { describe, expect, it } from "vitest";
import { Clint } from "./clint.js";
import { MIP_MSIP, MIP_MTIP } from "./device.js";

/** A hart's interrupt pins, recorded. */
function pins() {
  const p = {
    mip: 0,
    setInterrupt(bit: number, level: boolean) {
      p.mip = level ? p.mip | bit : p.mip & ~bit;
    },
  };
  return p;
}

describe("CLINT (SiFive layout: msip +4·hart, mtimecmp +0x4000 + 8·hart, mtime +0xBFF8)", () => {
  it("raises MTIP when mtime reaches mtimecmp, and drops it when mtimecmp moves on", () => {
    let t = 100;
    const h = pins();
    const c = new Clint([h], () => t);
    c.write(0x4000, 4, 150);
    c.write(0x4004, 4, 0);
    c.update();
    expect(h.mip & MIP_MTIP).toBe(0);
    t = 150;
    c.update();
    expect(h.mip & MIP_MTIP).toBe(MIP_MTIP);
    c.write(0x4000, 4, 300);
    expect(h.mip & MIP_MTIP).toBe(0);
    expect(c.nextDeadline()).toBe(300);
  });

  it("reads mtime in two halves and drives MSIP per hart", () => {
    const h0 = pins();
    const h1 = pins();
    const c = new Clint([h0, h1], () => 0x1_0000_0002);
    expect(c.read(0xbff8, 4)).toBe(2);
    expect(c.read(0xbffc, 4)).toBe(1);
    c.write(4, 4, 1);
    expect(h1.mip & MIP_MSIP).toBe(MIP_MSIP);
    expect(h0.mip & MIP_MSIP).toBe(0);
    expect(c.read(4, 4)).toBe(1);
  });

  it("is a bus error for misaligned or odd-sized register accesses", () => {
    const c = new Clint([pins()], () => 0);
    expect(c.read(2, 4)).toBe(-1);
    expect(c.read(0, 2)).toBe(-1);
    expect(c.read(0x4000, 2)).toBe(-1);
  });
});
