import { describe, expect, it } from "vitest";
import { runBare } from "../bare.js";
import { buildElf } from "../elf-write.js";
import { Campaign } from "./campaign.js";
import { diskCorpus, randomElf } from "./corpus.js";
import { mutateElf } from "./elf-mutate.js";
import { checkElf } from "./elf-oracle.js";
import { Rng } from "./rng.js";

const RAM = 1 << 20;
const BUDGET = 20_000;

describe("mutated ELF files", () => {
  const corpus = diskCorpus();

  it("the unmutated corpus loads and runs", () => {
    for (const elf of corpus)
      expect(checkElf(elf, BUDGET, RAM)).toMatchObject({ problem: "", outcome: { kind: "ran" } });
  });

  it("end in an ElfError or a result within the budget, never an exception", () => {
    const c = new Campaign("elf mutants", 800);
    for (const seed of c.seeds()) {
      const rng = new Rng(seed);
      const original = rng.bool(0.25) ? randomElf(rng) : rng.pick(corpus);
      const { problem } = checkElf(mutateElf(original, rng, RAM), BUDGET, RAM);
      if (problem) c.fail(seed, problem);
    }
    expect(c.problems).toEqual([]);
  });
});

const BASE = 0x8000_0000;

/** auipc t0, 0; addi t0, t0, off; li t1, 1; sd t1, 0(t0); j . — reports a pass through tohost. */
function passAt(off: number): number[] {
  return [0x0000_0297, (off << 20) | (5 << 15) | (5 << 7) | 0x13, 0x0010_0313, 0x0062_b023, 0x0000_006f];
}

describe("the HTIF mailbox", () => {
  it("a program that writes 1 to tohost passes wherever tohost lies in RAM, at any alignment", () => {
    const c = new Campaign("tohost placement", 60);
    for (const seed of c.seeds()) {
      const off = 0x100 + new Rng(seed).int(0x700);
      const elf = buildElf({ base: BASE, code: passAt(off), bss: 0x800, symbols: { tohost: BASE + off } });
      const result = runBare(elf, { maxInstructions: 1000, ramSize: RAM });
      if (result.status !== "pass") c.fail(seed, `tohost at +0x${off.toString(16)}: ${result.status}`);
    }
    expect(c.problems).toEqual([]);
  });
});
