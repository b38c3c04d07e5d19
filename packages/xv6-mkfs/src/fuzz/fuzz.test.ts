import { describe, expect, it } from "vitest";
import { fsck } from "../fsck.js";
import { bases } from "./bases.js";
import { checkImage } from "./check.js";
import { readLikeTheKernel } from "./oracle.js";
import { describeFailure, makeCase, runFuzz } from "./run.js";

// `pnpm fuzz --seed S --iterations N [--start I]` (scripts/fuzz.mjs) sets these for longer runs;
// without them, `pnpm test` runs a few fixed seeds in a few seconds.
const env = process.env;
const longRun = env.XV6_FUZZ_ITERATIONS !== undefined;
const seeds = longRun ? [Number(env.XV6_FUZZ_SEED ?? 1)] : [1, 2, 3];
const iterations = Number(env.XV6_FUZZ_ITERATIONS ?? 400);
const start = Number(env.XV6_FUZZ_START ?? 0);

describe("fuzzing images", () => {
  it("starts from sound images with subdirectories, links, a device and a used log", () => {
    const [tree, pending, lab] = bases();
    for (const base of [tree, lab]) {
      expect(fsck(base.bytes.slice()).problems).toEqual([]);
      expect(readLikeTheKernel(base.bytes).trouble).toEqual([]);
      expect(checkImage(base.bytes.slice())).toEqual([]);
    }
    expect([...readLikeTheKernel(tree.bytes).files.keys()]).toEqual(
      expect.arrayContaining(["/dir/sub/deep", "/dir/readme-link", "/console"]),
    );
    // A committed transaction: unsound until --repair installs it, sound after.
    expect(fsck(pending.bytes.slice()).problems).toEqual([expect.stringMatching(/^log: a committed/)]);
    const repaired = pending.bytes.slice();
    expect(fsck(repaired, { repair: true }).problems).toEqual([]);
    expect([...readLikeTheKernel(repaired).dirs.keys()]).toContain("/d/e");
    expect(checkImage(pending.bytes.slice())).toEqual([]);
  });

  it("makes the same case from the same seed, and different ones from different seeds", () => {
    const [a, b] = [makeCase(7, 11), makeCase(7, 11)];
    expect(a.notes).toEqual(b.notes);
    expect(Buffer.compare(a.img, b.img)).toBe(0);
    expect(makeCase(7, 11).notes).not.toEqual(makeCase(8, 11).notes);
  });

  for (const seed of seeds) {
    it(
      `survives ${iterations} mutated images from seed ${seed}`,
      () => {
        const began = Date.now();
        const { failures, slowest } = runFuzz(seed, start, iterations);
        if (longRun) {
          const took = `${iterations} cases in ${(Date.now() - began) / 1000} s`;
          console.log(`seed ${seed}: ${took}; slowest: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms`);
        }
        expect(failures.map(describeFailure).join("\n")).toBe("");
      },
      longRun ? 7 * 24 * 3600 * 1000 : 60_000,
    );
  }
});
