import { describe, expect, it } from "vitest";
import { Ram } from "./bus.js";

describe("Ram", () => {
  it("keeps its bytes in a buffer it is given, shared or not", () => {
    for (const buffer of [new ArrayBuffer(8192), new SharedArrayBuffer(8192)]) {
      const ram = new Ram(8192, 0x8000_0000, 1, buffer);
      ram.u8[4097] = 0x5a;
      expect(new Uint8Array(buffer)[4097]).toBe(0x5a);
      ram.i32[3] = -2;
      expect(new Int32Array(buffer)[3]).toBe(-2);
    }
  });

  it("refuses a buffer of the wrong size", () => {
    expect(() => new Ram(8192, 0x8000_0000, 1, new ArrayBuffer(4096))).toThrow(
      "RAM buffer holds 4096 bytes, not 8192",
    );
  });
});
