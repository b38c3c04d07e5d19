// Boots the prebuilt kernel on QEMU with a fresh file system built from
// the prebuilt user programs, and drives the shell: usertests -q, ls, a
// pipeline and a shell script, on 1 and on 3 harts.
//
// Needs qemu-system-riscv64 on PATH; without it the tests are skipped
// and say so.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImage, Guest, hasQemu, prebuiltDir, noQemuReason as skipReason } from "./qemu";

if (!hasQemu) {
  console.warn(`xv6-guest QEMU tests SKIPPED: ${skipReason} (apt-get install qemu-system-misc)`);
}

const SCRIPT = [
  "echo script start",
  "mkdir sdir",
  "echo alpha > sdir/a",
  "echo beta >> sdir/a",
  "cat sdir/a | wc",
  "(echo one; echo two) | grep o",
  "cd sdir",
  "ls a",
  "cd /",
  "rm sdir/a",
  "rm sdir",
  "echo script end",
  "",
].join("\n");

const README = readFileSync(join(prebuiltDir, "user", "README"), "latin1");

for (const cpus of [1, 3]) {
  describe.skipIf(!hasQemu)(
    `xv6-guest on QEMU, ${cpus} hart(s)${hasQemu ? "" : ` (skipped: ${skipReason})`}`,
    () => {
      let dir: string;
      let guest: Guest;

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), "xv6-guest-"));
        const script = { name: "script", data: new TextEncoder().encode(SCRIPT) };
        guest = new Guest({ cpus, image: buildImage(dir, [script]) });
        const ms = await guest.prompt();
        console.log(`xv6-guest ${cpus} hart(s): boot to prompt ${ms} ms`);
      });

      afterAll(async () => {
        await guest?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      it("ls lists the programs", async () => {
        const out = await guest.run("ls");
        for (const name of ["README", "cat", "sh", "usertests", "console"]) {
          expect(out).toMatch(new RegExp(`^${name} +\\d+ \\d+ \\d+$`, "m"));
        }
        expect(out).toMatch(/^\. +1 1 \d+$/m);
      });

      it("runs a pipeline", async () => {
        const lines = README.split("\n").filter((l) => l.includes("xv6"));
        const words = lines
          .join(" ")
          .split(/\s+/)
          .filter((w) => w.length > 0).length;
        const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
        const out = await guest.run("cat README | grep xv6 | wc");
        expect(out).toContain(`\n${lines.length} ${words} ${bytes} \n`);
      });

      it("runs a shell script", async () => {
        const out = await guest.run("sh script");
        const expected = ["script start", "2 2 11 ", "one", "two", /^a +2 \d+ 11$/m, "script end"];
        for (const e of expected) {
          if (typeof e === "string") expect(out).toContain(`${e}\n`);
          else expect(out).toMatch(e);
        }
        expect(out).not.toMatch(/failed|cannot/);
        const ls = await guest.run("ls sdir");
        expect(ls).toContain("cannot open sdir");
      });

      it("runs fptest with the host's results", async () => {
        const out = await guest.run("fptest", 120_000);
        const expected = readFileSync(new URL("fptest.expected", import.meta.url), "latin1");
        expect(out.replace(/\r/g, "")).toContain(expected);
      });

      // One configuration runs usertests in full, slow tests included (issue 7: mmap must not
      // break the file system when it fills up, nor exec, sbrk or fork); -q elsewhere saves time.
      const usertests = cpus === 3 ? "usertests" : "usertests -q";
      it(`passes ${usertests}`, async () => {
        const t0 = Date.now();
        const out = await guest.run(usertests, 900_000);
        console.log(`xv6-guest ${cpus} hart(s): ${usertests} ${Date.now() - t0} ms`);
        expect(out).toContain("ALL TESTS PASSED");
        expect(out).not.toMatch(/: FAILED/);
      }, 960_000);
    },
  );
}

if (!hasQemu) {
  describe("xv6-guest on QEMU", () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
