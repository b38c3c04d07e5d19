import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine } from "@xv6-machine/rv-cpu";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles, guestRoot } from "./guest.js";
import { Machine } from "./machine.js";

// Our guest on xv6-machine, as CI runs it (issue 6): usertests -q, ls, a pipeline, shell scripts.
const guest = guestFiles();
const MINUTES = 60_000;

async function booted(cpus: number, engine: Engine = "jit"): Promise<Machine> {
  if (!guest) throw new Error("no prebuilt guest");
  const m = new Machine({
    kernel: guest.kernel,
    disk: new MemoryBackend(buildImage(guest.user)),
    cpus,
    engine,
  });
  await m.waitFor("$ ", { timeoutMs: 5 * MINUTES });
  return m;
}

describe.skipIf(!guest)("our guest on xv6-machine", () => {
  // 1 hart runs every test, slow ones included (they fill the disk, run out of inodes, build a
  // big directory); 3 harts run the quick set; the interpreter runs the quick set too.
  for (const [cpus, usertests, engine] of [
    [1, "usertests", "jit"],
    [3, "usertests -q", "jit"],
    [1, "usertests -q", "interp"],
    [3, "usertests -q", "interp"],
  ] as const) {
    it(
      `passes ${usertests} on ${cpus} hart${cpus > 1 ? "s" : ""} (${engine})`,
      async () => {
        const m = await booted(cpus, engine);
        // A panic ends the test at once instead of after the whole budget.
        const out = await m.runCommand(usertests, { timeoutMs: 25 * MINUTES, failOn: /panic: .*\n/ });
        expect(out).toContain("ALL TESTS PASSED");
        expect(out).not.toMatch(/FAILED|panic/);
      },
      30 * MINUTES,
    );
  }

  // user/fptest.c prints float and double results (test/fptest.expected is what the same file
  // prints when built for the host) and checks FP registers survive traps, switches and fork.
  const expected = readFileSync(join(guestRoot(), "test", "fptest.expected"), "latin1");
  for (const [cpus, engine] of [
    [1, "jit"],
    [3, "jit"],
    [3, "interp"],
  ] as const) {
    it(
      `runs fptest with the host's results on ${cpus} hart${cpus > 1 ? "s" : ""} (${engine})`,
      async () => {
        const m = await booted(cpus, engine);
        const out = await m.runCommand("fptest", { timeoutMs: 5 * MINUTES, failOn: /panic: .*\n/ });
        expect(out).toContain(expected);
      },
      6 * MINUTES,
    );
  }

  it(
    "runs ls, a pipeline and shell scripts",
    async () => {
      const m = await booted(1);
      const ls = await m.runCommand("ls");
      for (const name of ["README", "cat", "sh", "usertests", "wc", "grep"])
        expect(ls).toMatch(new RegExp(`\\n${name} +2 `));
      expect(await m.runCommand("cat README | grep xv6 | wc")).toMatch(/^\d+ \d+ \d+ $/m);
      await m.runCommand("echo echo first > script");
      await m.runCommand("echo echo second >> script");
      await m.runCommand("echo wc script >> script");
      // A shell reading its script from stdin prints its own prompts between the lines.
      expect(await m.runCommand("sh < script")).toMatch(/first\n(\$ )?second\n(\$ )?3 6 \d+ script/);
      expect(await m.runCommand("sh script")).toMatch(/^first\nsecond\n3 6 \d+ script\n$/m);
      expect(await m.runCommand("(echo a; echo b) | wc ; echo done")).toMatch(/2 2 4 \ndone/);
      await m.runCommand("mkdir d; echo inside > d/f; cat d/f > g");
      expect(await m.runCommand("cat g")).toContain("inside");
    },
    10 * MINUTES,
  );
});
