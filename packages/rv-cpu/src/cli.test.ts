import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildElf } from "./elf-write.js";

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

  it("takes --engine jit, interp or check, and refuses others", () => {
    const add = fileURLToPath(new URL("../conformance/bin/add.elf", import.meta.url));
    for (const engine of ["jit", "interp", "check"]) expect(run("--engine", engine, add).status).toBe(0);
    const r = run("--engine", "fast", add);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--engine must be jit, interp or check, got 'fast'/);
    expect(run("--engine", "interp", "--max-insns", "1000", spin).status).toBe(3);
  });

  it("exits 2 for a missing file with one line naming it", () => {
    const r = run("/nonexistent/file.elf");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("rv-run: cannot read /nonexistent/file.elf: ENOENT\n");
  });

  it("exits 2 for a file that is not an ELF", () => {
    const dir = mkdtempSync(join(tmpdir(), "rv-run-"));
    const f = join(dir, "junk.elf");
    writeFileSync(f, "this is not an ELF file at all, just some text padding it out to length");
    const r = run(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("not an ELF file");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 2 for a bad --max-insns value", () => {
    expect(run("--max-insns", "ten", spin).status).toBe(2);
  });

  it("exits 3 when the instruction limit is reached", () => {
    const r = run("--max-insns", "1000", spin);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("instruction limit");
  });

  // mtvec is 0 at reset and nothing is mapped there, so each of these faults for ever.
  it.each([
    ["an illegal first instruction", [0x0000_0000]],
    ["a jump to an unmapped address", [0x1000_0293, 0x0002_8067]], // li t0, 0x100; jr t0
    ["a store far outside RAM", [0xfe00_3c23]], // sd zero, -8(zero)
  ])("exits 3 at the limit after %s", (_name, code) => {
    const dir = mkdtempSync(join(tmpdir(), "rv-run-"));
    const f = join(dir, "fault.elf");
    const base = 0x8000_0000;
    writeFileSync(f, buildElf({ base, code, bss: 64, symbols: { tohost: base + 0x40 } }));
    const r = spawnSync(process.execPath, [cli, "--max-insns", "1000", f], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("instruction limit of 1000 reached");
  });
});
