// user/fptest.c built for the host prints what test/fptest.expected holds: the expected output the
// guest's runs (on QEMU here, on xv6-machine in its package) are compared with is the host's own
// IEEE arithmetic, not something our emulator printed.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const here = new URL(".", import.meta.url).pathname;
const hasCc = spawnSync("cc", ["--version"]).status === 0;
if (!hasCc)
  console.warn("xv6-guest fptest host check SKIPPED: no host C compiler `cc` (apt-get install gcc)");

describe.skipIf(!hasCc)(`fptest on the host${hasCc ? "" : " (skipped: no cc)"}`, () => {
  it("prints test/fptest.expected", () => {
    const dir = mkdtempSync(join(tmpdir(), "fptest-"));
    try {
      const exe = join(dir, "fptest");
      // The same flags as the guest's build: no fused multiply-adds, sqrt without errno.
      execFileSync("cc", [
        "-DHOST",
        "-O",
        "-ffp-contract=off",
        "-fno-math-errno",
        "-o",
        exe,
        join(here, "../user/fptest.c"),
        "-lm",
      ]);
      const out = execFileSync(exe, { encoding: "latin1" })
        // x86's default NaN has its sign bit set; RISC-V's canonical NaN (what the guest prints) does not.
        .replace("d 0/0 = fff8000000000000", "d 0/0 = 7ff8000000000000");
      expect(out).toBe(readFileSync(join(here, "fptest.expected"), "latin1"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
