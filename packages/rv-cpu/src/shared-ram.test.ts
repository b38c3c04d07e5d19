import { describe, expect, it } from "vitest";
import { Ram, SimpleBus, shareRamState } from "./bus.js";
import { type Engine, Hart } from "./hart.js";
import {
  A0,
  A1,
  A2,
  addi,
  auipc,
  bne,
  csrs,
  fld,
  fsd,
  JAL_SELF,
  ld,
  lui,
  sd,
  T0,
  T1,
} from "./test-encode.js";

const BASE = 0x8000_0000;
const SIZE = 1 << 16;

/**
 * Doublewords as (low, high) halves. Aligned doublewords of a RAM that other threads share move
 * through a Float64Array (one 8-byte host access each), so these include NaN encodings of every
 * kind: all ones, signalling, quiet, negative, and V8's "hole" pattern.
 */
const PATTERNS: [number, number][] = [
  [-1, -1],
  [1, 0x7ff00000],
  [0, 0x7ff80000],
  [0xfff7ffff | 0, 0xfff7ffff | 0],
  [0x12345678, 0xfff00000 | 0],
  [0, 0x80000000 | 0],
  [0x01234567, 0x89abcdef | 0],
];
const N = 112;

/** Copies N doublewords from BASE+0x1000 to +0x1400 with ld/sd, then on to +0x1800 with fld/fsd. */
const PROGRAM = [
  auipc(A0, 1),
  addi(A1, A0, 1024),
  addi(A2, 0, N),
  ld(T0, A0, 0),
  sd(T0, A1, 0),
  addi(A0, A0, 8),
  addi(A1, A1, 8),
  addi(A2, A2, -1),
  bne(A2, 0, -20),
  lui(T1, 2), // mstatus.FS = initial
  csrs(0x300, T1),
  addi(A0, A1, -N * 8),
  addi(A1, A0, 1024),
  addi(A2, 0, N),
  fld(0, A0, 0),
  fsd(0, A1, 0),
  addi(A0, A0, 8),
  addi(A1, A1, 8),
  addi(A2, A2, -1),
  bne(A2, 0, -20),
  JAL_SELF,
];

function ram(shared: boolean): Ram {
  if (!shared) return new Ram(SIZE, BASE);
  return new Ram(SIZE, BASE, 2, new SharedArrayBuffer(SIZE), { state: shareRamState(SIZE, 2), hart: 0 });
}

describe("aligned doublewords in RAM that other threads share", () => {
  it("read and write whole through loadAligned/storeAligned, NaN encodings unchanged", () => {
    for (const shared of [false, true]) {
      const r = ram(shared);
      expect(r.shared).toBe(shared);
      PATTERNS.forEach(([lo, hi], i) => {
        r.storeAligned(8 * i, 8, lo, hi);
        expect([r.i32[2 * i], r.i32[2 * i + 1]]).toEqual([lo, hi]);
        expect(r.loadAligned(8 * i, 8)).toBe(lo);
        expect(r.loadedHi).toBe(hi);
      });
      r.storeAligned(200, 4, -2, 0);
      expect(r.loadAligned(200, 4)).toBe(-2);
      r.storeAligned(206, 2, 0xbeef, 0);
      expect(r.loadAligned(206, 2)).toBe(0xbeef);
      r.storeAligned(209, 1, 0x5a, 0);
      expect(r.loadAligned(209, 1)).toBe(0x5a);
    }
  });

  for (const engine of ["interp", "jit"] as Engine[]) {
    it(`keep their bits through ld/sd and fld/fsd (${engine})`, () => {
      for (const shared of [false, true]) {
        const r = ram(shared);
        PROGRAM.forEach((w, i) => {
          r.i32[i] = w;
        });
        for (let i = 0; i < N; i++) {
          const [lo, hi] = PATTERNS[i % PATTERNS.length];
          r.i32[(0x1000 >> 2) + 2 * i] = lo;
          r.i32[(0x1000 >> 2) + 2 * i + 1] = hi;
        }
        const hart = new Hart({
          bus: new SimpleBus(r),
          resetPc: BASE,
          engine,
          jitThreshold: 1,
          jitMinLength: 1,
        });
        hart.run(20 * N);
        expect(hart.pc).toBe(BASE + 4 * (PROGRAM.length - 1));
        const source = Array.from(r.i32.subarray(0x1000 >> 2, (0x1000 >> 2) + 2 * N));
        expect(Array.from(r.i32.subarray(0x1400 >> 2, (0x1400 >> 2) + 2 * N))).toEqual(source);
        expect(Array.from(r.i32.subarray(0x1800 >> 2, (0x1800 >> 2) + 2 * N))).toEqual(source);
      }
    });
  }
});
