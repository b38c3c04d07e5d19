import { describe, expect, it } from "vitest";
import { Machine } from "./machine.js";

/** A minimal RV64 ELF: one loadable segment of `code` at 0x8000_0000, entry there. */
function elf(code: number[]): Uint8Array {
  const base = 0x8000_0000n;
  const out = new Uint8Array(64 + 56 + code.length * 4);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]); // ELF64, little-endian, version 1
  dv.setUint16(16, 2, true); // executable
  dv.setUint16(18, 243, true); // RISC-V
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, base, true); // entry
  dv.setBigUint64(32, 64n, true); // program headers right after the ELF header
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, 1, true);
  dv.setUint32(64, 1, true); // PT_LOAD
  dv.setUint32(68, 7, true);
  dv.setBigUint64(72, 120n, true); // file offset of the code
  dv.setBigUint64(80, base, true);
  dv.setBigUint64(88, base, true);
  dv.setBigUint64(96, BigInt(code.length * 4), true);
  dv.setBigUint64(104, BigInt(code.length * 4), true);
  code.forEach((w, i) => {
    dv.setUint32(120 + i * 4, w, true);
  });
  return out;
}

// Prints "$ " on the UART, then spins for ever without wfi, like older xv6's idle scheduler.
const spinner = elf([
  0x100002b7, // lui t0, 0x10000 (the UART)
  0x02400313, // addi t1, zero, '$'
  0x00628023, // sb t1, 0(t0)
  0x02000313, // addi t1, zero, ' '
  0x00628023, // sb t1, 0(t0)
  0x0000006f, // j .
]);

describe("waitForPrompt", () => {
  it("accepts a prompt after a quiet spell when the kernel never waits in wfi", async () => {
    const m = new Machine({ kernel: spinner });
    expect(await m.waitForPrompt({ maxInstructions: 5e8 })).toBe("");
    expect(m.now()).toBeGreaterThanOrEqual(5_000_000);
  });
});
