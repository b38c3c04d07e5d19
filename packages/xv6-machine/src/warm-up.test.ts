import { describe, expect, it } from "vitest";
import { warmUp } from "./warm-up.js";

describe("the interpreter's warm-up", () => {
  it("runs its program to the end in M mode and in S mode, once per thread", () => {
    // Each test file has a thread of its own, and nothing here made a Machine first.
    const first = warmUp();
    expect(first?.passes).toBe(2);
    // Loops of 1,500, 1,500 and 1,100 passes (2, 3 and 3 instructions) and 20 rounds of the
    // main loop, in each mode.
    expect(first?.instructions).toBeGreaterThan(2 * (2 * 1500 + 3 * 1500 + 3 * 1100 + 20 * 150));
    expect(warmUp()).toBeUndefined();
  });
});
