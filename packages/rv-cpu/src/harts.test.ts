import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "./bus.js";
import { Hart } from "./hart.js";

// Instruction encodings from the unprivileged spec (A extension and base stores).
const A0 = 10;
const T0 = 5;
const T1 = 6;
const T2 = 7;
const lrW = (rd: number, rs1: number) => ((0b00010 << 27) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x2f) >>> 0;
const scW = (rd: number, rs2: number, rs1: number) =>
  ((0b00011 << 27) | (rs2 << 20) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x2f) >>> 0;
const sw = (rs2: number, rs1: number, imm: number) =>
  (((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (2 << 12) | ((imm & 31) << 7) | 0x23) >>> 0;

const BASE = 0x8000_0000;
const DATA = BASE + 0x1000;

function program(ram: Ram, at: number, words: number[]): void {
  const bytes = new Uint8Array(words.length * 4);
  const dv = new DataView(bytes.buffer);
  words.forEach((w, i) => {
    dv.setUint32(i * 4, w, true);
  });
  ram.writeBytes(at, bytes);
}

function setReg(h: Hart, r: number, v: number): void {
  h.x[r * 2] = v | 0;
  h.x[r * 2 + 1] = Math.floor(v / 2 ** 32);
}

/** Two harts on one RAM: hart 0 runs LR then SC on `DATA`; hart 1 stores to `storeAt` in between. */
function race(storeAt: number | undefined) {
  const ram = new Ram(1 << 20, BASE, 2);
  const bus = new SimpleBus(ram);
  program(ram, BASE, [lrW(T0, A0), scW(T1, T2, A0)]);
  program(ram, BASE + 0x100, [sw(T2, A0, 0)]);
  const h0 = new Hart({ bus, id: 0, resetPc: BASE });
  const h1 = new Hart({ bus, id: 1, resetPc: BASE + 0x100 });
  setReg(h0, A0, DATA);
  setReg(h0, T2, 0x1111);
  setReg(h1, A0, storeAt ?? DATA);
  setReg(h1, T2, 0x2222);
  expect(h0.run(1)).toBe(1); // lr.w
  if (storeAt !== undefined) expect(h1.run(1)).toBe(1); // the other hart's store
  expect(h0.run(1)).toBe(1); // sc.w
  return { scResult: h0.x[T1 * 2], word: ram.i32[(DATA - BASE) / 4] };
}

describe("LR/SC across harts", () => {
  it("SC succeeds when nothing touched the reservation", () => {
    expect(race(undefined)).toEqual({ scResult: 0, word: 0x1111 });
  });

  it("another hart's store to the reserved word makes SC fail and leaves its value", () => {
    expect(race(DATA)).toEqual({ scResult: 1, word: 0x2222 });
  });

  it("another hart's store elsewhere leaves the reservation intact", () => {
    expect(race(DATA + 64)).toEqual({ scResult: 0, word: 0x1111 });
  });

  it("keeps each hart's registers and privilege state apart", () => {
    const ram = new Ram(1 << 20, BASE, 2);
    const bus = new SimpleBus(ram);
    const a = new Hart({ bus, id: 0 });
    const b = new Hart({ bus, id: 1 });
    setReg(a, T0, 42);
    a.mstatus = 1 << 3;
    expect(b.x[T0 * 2]).toBe(0);
    expect(b.mstatus).toBe(0);
  });
});
