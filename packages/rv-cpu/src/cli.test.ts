import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const spin = fileURLToPath(new URL("../bench/programs/memset.elf", import.meta.url));

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
}

describe("rv-run command line", () => {
  it("exits 2 with a usage line for an unknown flag", () => {
    const r = run("--bogus", spin);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: rv-run/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("exits 2 for a missing file", () => {
    const r = run("/nonexistent/file.elf");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read");
  });

  it("exits 2 for a file that is not an ELF", () => {
    const dir = mkdtempSync(join(tmpdir(), "rv-run-"));
    const f = join(dir, "junk.elf");
    writeFileSync(f, "this is not an ELF file at all, just some text padding it out to length");
    const r = run(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("not an ELF file");
  });

  it("exits 2 for a bad --max-insns value", () => {
    expect(run("--max-insns", "ten", spin).status).toBe(2);
  });

  it("exits 3 when the instruction limit is reached", () => {
    const r = run("--max-insns", "1000", spin);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("instruction limit");
  });
});
