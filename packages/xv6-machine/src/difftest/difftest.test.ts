// Differential testing against QEMU (see README.md, "Differential testing"): a seeded batch of
// random programs on QEMU's virt board and on both of our engines, when QEMU is installed; and
// proof that the harness reports a difference with its seed and first differing instruction.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatFinding, runBatch, runPrograms } from "./campaign.js";
import { fixed, generate } from "./generate.js";
import { buildBatch } from "./image.js";
import { DUMP_X } from "./layout.js";
import { programSeed } from "./rng.js";
import { hasQemu, QEMU, QemuRunner } from "./run.js";

const withQemu = hasQemu();
const SKIP = withQemu ? "" : ` (skipped: ${QEMU} not found)`;
if (!withQemu) console.warn(`difftest: ${QEMU} not found; the differential tests are skipped`);

/** The CI batch: programs of campaign SEED, both engines. */
const SEED = 20_240_601;
const COUNT = 400;

describe("difftest generator", () => {
  it("makes the same image from the same seed, and different images from different seeds", () => {
    const batch = (seed: number) =>
      buildBatch(Array.from({ length: 20 }, (_, i) => generate(programSeed(seed, i)))).elf;
    expect(batch(7)).toEqual(batch(7));
    expect(batch(7)).not.toEqual(batch(8));
  });
});

describe("difftest command line", () => {
  const cli = fileURLToPath(new URL("../../dist/difftest.js", import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 30_000 });

  it("rejects an unknown flag or a bad number with the usage and exit 2, no stack trace", () => {
    for (const args of [["--bogus"], ["--count", "x"], ["--batch", "0"], ["--seed=-1"]]) {
      const r = run(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^difftest: [\s\S]*\nusage: difftest/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("prints the usage on --help and exits 0", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: difftest/);
  });
});

describe.skipIf(!withQemu)(`difftest against QEMU${SKIP}`, () => {
  const qemu = new QemuRunner();
  afterAll(() => qemu.close());

  it(`runs ${COUNT} programs of seed ${SEED} on QEMU and on both engines with no difference`, async () => {
    const findings = [];
    for (let at = 0; at < COUNT; at += 200) findings.push(...(await runBatch(qemu, SEED, at, 200)));
    expect(findings.map(formatFinding).join("\n")).toBe("");
  }, 240_000);

  it("reports a perturbed dump with its seed and the instruction after which it differs", async () => {
    // Our dump of program 3 is changed (x5) from the truncation after item 4 on: bisecting must
    // name item 4 as the first differing instruction.
    const flip = (d: string) => {
      const at = DUMP_X + 5 * 8;
      return d.slice(0, at) + String.fromCharCode(d.charCodeAt(at) ^ 1) + d.slice(at + 1);
    };
    const findings = await runBatch(qemu, SEED, 0, 6, {
      engines: ["jit"],
      perturb: (_e, index, d, length) => (index === 3 && (length === undefined || length >= 5) ? flip(d) : d),
    });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect([f.seed, f.index, f.engine, f.first?.item]).toEqual([SEED, 3, "jit", 4]);
    expect(f.first?.diffs[0]).toMatch(/^x5: /);
    expect(formatFinding(f)).toContain(`seed ${SEED} program 3`);
  }, 60_000);

  it("finds a read of marchid (which legitimately differs) as the first differing instruction", async () => {
    const p = generate(programSeed(SEED, 0));
    // csrrs x5, marchid, x0 as item 2 (QEMU reports its own architecture ID, we report 0), then an
    // addi that leaves x5 alone.
    p.body = [
      ...p.body.slice(0, 2),
      fixed("csrr marchid", 0xf120_22f3),
      fixed("addi x6, x6, 1", 0x0013_0313),
    ];
    const findings = await runPrograms(qemu, SEED, 0, [p], { engines: ["interp"] });
    expect(findings).toHaveLength(1);
    expect(findings[0].first?.item).toBe(2);
    expect(findings[0].first?.name).toBe("csrr marchid");
    expect(findings[0].first?.diffs.some((d) => d.startsWith("x5: "))).toBe(true);
  }, 60_000);
});
