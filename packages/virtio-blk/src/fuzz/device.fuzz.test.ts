import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Campaign } from "./campaign.js";
import { chaosCase } from "./chaos.js";
import { Rng } from "./rng.js";
import { structuredCase } from "./structured.js";

function guarded(run: () => string): string {
  try {
    return run();
  } catch (e) {
    return `threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`;
  }
}

describe("virtio-blk under random drivers", () => {
  const dir = mkdtempSync(join(tmpdir(), "virtio-blk-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers planned requests as the spec says, and writes the disk only for valid ones", () => {
    const c = new Campaign("virtio requests", 300);
    for (const seed of c.seeds()) {
      const problem = guarded(() => structuredCase(new Rng(seed), dir));
      if (problem) c.fail(seed, problem);
    }
    expect(c.problems).toEqual([]);
  });

  it("survives random registers, descriptor tables and ring indices without touching the disk", () => {
    const c = new Campaign("virtio chaos", 200);
    for (const seed of c.seeds()) {
      const problem = guarded(() => chaosCase(new Rng(seed)));
      if (problem) c.fail(seed, problem);
    }
    expect(c.problems).toEqual([]);
  });
});
