import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BareMachine } from "./bare.js";
import { hartDiff, ramDiff } from "./check.js";

const crc = new Uint8Array(readFileSync(new URL("../bench/programs/crc.elf", import.meta.url)));

describe("a hart's saved state", () => {
  it("puts a fresh hart where the saved one was, so both run on alike", () => {
    const a = new BareMachine(crc, { engine: "jit" });
    a.hart.run(300_000);
    const b = new BareMachine(crc, { engine: "interp" });
    b.ram.u8.set(a.ram.u8);
    b.hart.loadState(JSON.parse(JSON.stringify(a.hart.saveState())));
    expect(hartDiff(a.hart, b.hart)).toBeUndefined();
    for (let i = 0; i < 20; i++) {
      expect(b.hart.run(50_000)).toBe(a.hart.run(50_000));
      expect(hartDiff(a.hart, b.hart)).toBeUndefined();
    }
    expect(ramDiff(a.ram, b.ram)).toBeUndefined();
    expect(b.hart.instret).toBe(a.hart.instret);
  });

  it("is refused when damaged", () => {
    const h = new BareMachine(crc).hart;
    const s = h.saveState();
    expect(() => h.loadState({ ...s, x: [1, 2, 3] })).toThrow(/x is not 64 integers/);
    expect(() => h.loadState({ ...s, priv: 2 })).toThrow(/privilege/);
    expect(() => h.loadState({ ...s, csr: { ...s.csr, satpLo: 0.5 } })).toThrow(/satpLo/);
  });
});
