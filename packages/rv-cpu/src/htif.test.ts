import { describe, expect, it } from "vitest";
import { BareMachine, runBare } from "./bare.js";
import { ElfError } from "./elf.js";
import { buildElf } from "./elf-write.js";

const BASE = 0x8000_0000;
const RAM = 1 << 20;
const SPIN = [0x0000_006f]; // j .

/** auipc t0, 0; addi t0, t0, off; li t1, value; sd t1, 0(t0); j . */
function storeAt(off: number, value: number): number[] {
  return [
    0x0000_0297,
    (off << 20) | (5 << 15) | (5 << 7) | 0x13,
    (value << 20) | (6 << 7) | 0x13,
    0x0062_b023,
    0x6f,
  ];
}

describe("HTIF mailbox found by symbol", () => {
  it.each([
    ["below RAM", 0x1000],
    ["just past RAM", BASE + RAM],
    // (fromhost - base) mod 2^32 is RAM offset 0: the reply used to land on the program's code.
    ["2^32 above RAM, aliasing its first word", BASE + 2 ** 32],
  ])("refuses a fromhost %s with an ElfError", (_name, fromhost) => {
    const elf = buildElf({ base: BASE, code: SPIN, bss: 64, symbols: { tohost: BASE + 0x40, fromhost } });
    expect(() => new BareMachine(elf, { ramSize: RAM })).toThrow(ElfError);
    expect(() => new BareMachine(elf, { ramSize: RAM })).toThrow(/`fromhost` is not in RAM/);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])("reads a tohost at offset %i from 8-byte alignment byte for byte", (mis) => {
    const off = 0x100 + mis;
    const pass = buildElf({ base: BASE, code: storeAt(off, 1), bss: 0x200, symbols: { tohost: BASE + off } });
    expect(runBare(pass, { maxInstructions: 1000, ramSize: RAM }).status).toBe("pass");
    const fail = buildElf({ base: BASE, code: storeAt(off, 7), bss: 0x200, symbols: { tohost: BASE + off } });
    expect(runBare(fail, { maxInstructions: 1000, ramSize: RAM })).toMatchObject({ status: "fail", test: 3 });
  });
});
