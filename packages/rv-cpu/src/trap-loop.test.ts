import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "./bus.js";
import { Hart } from "./hart.js";

// Programs whose first trap sends the hart to mtvec = 0 (reset value here), where nothing is
// mapped: every fetch there faults again. A run must still end within its budget.
const BASE = 0x8000_0000;
const ILLEGAL = [0x0000_0000]; // .word 0: illegal in every encoding
const JUMP_AWAY = [0x1000_0293, 0x0002_8067]; // li t0, 0x100; jr t0
const STORE_AWAY = [0xfe00_3c23]; // sd zero, -8(zero): far outside RAM

function hartWith(words: number[]): Hart {
  const ram = new Ram(1 << 16, BASE);
  const bytes = new Uint8Array(words.length * 4);
  const dv = new DataView(bytes.buffer);
  words.forEach((w, i) => {
    dv.setUint32(i * 4, w, true);
  });
  ram.writeBytes(BASE, bytes);
  return new Hart({ bus: new SimpleBus(ram), resetPc: BASE });
}

describe("a trap loop outside RAM", () => {
  it.each([
    ["an illegal first instruction", ILLEGAL, 0],
    ["a jump to an unmapped address", JUMP_AWAY, 2],
    ["a store far outside RAM", STORE_AWAY, 0],
  ])("after %s, run() counts each fault and returns at its budget", (_name, words, retired) => {
    const h = hartWith(words);
    expect(h.run(1000)).toBe(1000);
    // Every trap after the first is an instruction access fault at the handler address 0.
    expect(h.mcauseLo).toBe(1);
    expect(h.mepcLo).toBe(0);
    expect(h.mtvalLo).toBe(0);
    // Traps retire nothing: only the program's instructions that completed count.
    expect(h.instret).toBe(retired);
  });

  it.each([
    ["an illegal first instruction", ILLEGAL, 1, 2, 0],
    ["a jump to an unmapped address", JUMP_AWAY, 3, 1, 0x100],
    ["a store far outside RAM", STORE_AWAY, 1, 7, -8],
  ])("takes the first fault of %s with the spec's cause and tval", (_name, words, steps, cause, tval) => {
    const h = hartWith(words);
    expect(h.run(steps)).toBe(steps);
    expect(h.mcauseLo).toBe(cause);
    expect(h.mepcLo).toBe(steps === 3 ? 0x100 : BASE | 0);
    expect(h.mtvalLo).toBe(tval);
  });

  it("ends every run of a single step", () => {
    const h = hartWith(ILLEGAL);
    for (let i = 0; i < 100; i++) expect(h.run(1)).toBe(1);
  });
});
