import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ElfError, parseElf } from "./elf.js";

const good = new Uint8Array(readFileSync(new URL("../bench/programs/alu.elf", import.meta.url)));

describe("parseElf", () => {
  it("reads the entry point, a loadable segment and the HTIF symbols", () => {
    const elf = parseElf(good);
    expect(elf.entry).toBe(0x8000_0000);
    expect(elf.segments[0].paddr).toBe(0x8000_0000);
    expect(elf.symbols.has("tohost")).toBe(true);
    expect(elf.symbols.has("fromhost")).toBe(true);
  });

  it.each([
    ["an empty file", new Uint8Array(0), /too short/],
    ["bad magic", Uint8Array.from(good, (b, i) => (i === 1 ? 0 : b)), /bad magic/],
    ["a 32-bit class", Uint8Array.from(good, (b, i) => (i === 4 ? 1 : b)), /64-bit/],
    ["big-endian data", Uint8Array.from(good, (b, i) => (i === 5 ? 2 : b)), /little-endian/],
    ["another machine", Uint8Array.from(good, (b, i) => (i === 18 ? 62 : b)), /not RISC-V/],
    ["a truncated file", good.subarray(0, 100), /outside the file/],
  ])("rejects %s with a clear ElfError", (_name, bytes, message) => {
    expect(() => parseElf(bytes)).toThrow(ElfError);
    expect(() => parseElf(bytes)).toThrow(message);
  });
});
