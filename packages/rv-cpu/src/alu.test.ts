import { describe, expect, it } from "vitest";
import { divSigned, divUnsigned, divuw, divw, mul, mulhSigned, mulhu, out } from "./alu.js";

const M64 = (1n << 64n) - 1n;
const lo = (v: bigint) => Number(BigInt.asIntN(32, v));
const hi = (v: bigint) => Number(BigInt.asIntN(32, v >> 32n));
const result = () => (BigInt(out[1] >>> 0) << 32n) | BigInt(out[0] >>> 0);
const s64 = (v: bigint) => BigInt.asIntN(64, v);

// Edge values plus a deterministic spread of others.
const values: bigint[] = [
  0n,
  1n,
  2n,
  3n,
  M64,
  M64 - 1n,
  1n << 63n,
  (1n << 63n) - 1n,
  1n << 31n,
  (1n << 32n) - 1n,
  1n << 32n,
];
let seed = 0x9e3779b97f4a7c15n;
for (let i = 0; i < 40; i++) {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) & M64;
  values.push(i % 3 === 0 ? seed >> 40n : seed);
}

describe("64-bit multiply and divide against BigInt arithmetic (RISC-V M semantics)", () => {
  for (const a of values) {
    it(`a = 0x${a.toString(16)}`, () => {
      for (const b of values) {
        const args = [lo(a), hi(a), lo(b), hi(b)] as const;
        mul(...args);
        expect(result()).toBe((a * b) & M64);
        mulhu(...args);
        expect(result()).toBe((a * b) >> 64n);
        mulhSigned(...args, true);
        expect(result()).toBe(((s64(a) * s64(b)) >> 64n) & M64);
        mulhSigned(...args, false);
        expect(result()).toBe(((s64(a) * b) >> 64n) & M64);
        divUnsigned(...args, false);
        expect(result()).toBe(b === 0n ? M64 : a / b);
        divUnsigned(...args, true);
        expect(result()).toBe(b === 0n ? a : a % b);
        const sa = s64(a);
        const sb = s64(b);
        const overflow = sa === -(1n << 63n) && sb === -1n;
        divSigned(...args, false);
        expect(result()).toBe(sb === 0n ? M64 : overflow ? a : (sa / sb) & M64);
        divSigned(...args, true);
        expect(result()).toBe(sb === 0n ? a : overflow ? 0n : (sa % sb) & M64);
      }
    });
  }

  it("32-bit divisions handle zero and overflow as the spec says", () => {
    expect(divw(7, 0, false)).toBe(-1);
    expect(divw(7, 0, true)).toBe(7);
    expect(divw(-2147483648, -1, false)).toBe(-2147483648);
    expect(divw(-2147483648, -1, true)).toBe(0);
    expect(divw(-7, 2, false)).toBe(-3);
    expect(divw(-7, 2, true)).toBe(-1);
    expect(divuw(-1, 0, false)).toBe(-1);
    expect(divuw(-1, 2, false)).toBe(0x7fffffff);
    expect(divuw(-1, 16, true)).toBe(15);
  });
});
