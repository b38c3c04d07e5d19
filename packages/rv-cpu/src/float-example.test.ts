// examples/float.c, a C program with float and double and picolibc's printf, run under rv-run and
// compared with examples/float.expected: what the same file prints built for the host, so the
// reference is the host's IEEE arithmetic, not anything our hart computed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const examples = fileURLToPath(new URL("../examples/", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const expected = readFileSync(join(examples, "float.expected"), "latin1");

/**
 * Lines ending in a value's bits ("name  decimal  bits") must agree in the name and the bits, and
 * their decimals must denote the same binary64 (or binary32) value: picolibc prints the shortest
 * decimal that reads back as the value, glibc the exact digits asked for. Other lines must match.
 */
function sameValues(actual: string, wanted: string): string | undefined {
  const a = actual.split("\n");
  const w = wanted.split("\n");
  if (a.length !== w.length) return `${a.length} lines, expected ${w.length}`;
  for (let i = 0; i < w.length; i++) {
    if (a[i] === w[i]) continue;
    const ma = /^(.*\S)\s+(\S+)\s+([0-9a-f]{8}|[0-9a-f]{16})$/.exec(a[i]);
    const mw = /^(.*\S)\s+(\S+)\s+([0-9a-f]{8}|[0-9a-f]{16})$/.exec(w[i]);
    const round = mw?.[3].length === 8 ? Math.fround : (v: number) => v;
    if (
      ma === null ||
      mw === null ||
      ma[1] !== mw[1] ||
      ma[3] !== mw[3] ||
      Number.isNaN(Number(ma[2])) ||
      round(Number(ma[2])) !== round(Number(mw[2]))
    )
      return `line ${i + 1}: got '${a[i]}', expected '${w[i]}'`;
  }
  return undefined;
}

describe("examples/float.c", () => {
  for (const engine of ["interp", "jit", "check"]) {
    it(`prints the host's results under rv-run (${engine})`, () => {
      const r = spawnSync(process.execPath, [cli, "--engine", engine, join(examples, "float.elf")], {
        encoding: "latin1",
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(sameValues(r.stdout, expected)).toBeUndefined();
    });
  }

  it("is compared value by value, so a wrong last bit or a wrong flag fails", () => {
    expect(sameValues(expected, expected)).toBeUndefined();
    const oneUlp = expected.replace("3fd5555555555555", "3fd5555555555556");
    expect(sameValues(oneUlp, expected)).toMatch(/line \d+/);
    const otherDecimal = expected.replace("0.33333333333333331 ", "0.33333333333333337 ");
    expect(sameValues(otherDecimal, expected)).toMatch(/line \d+/);
    const shortest = expected.replace("0.33333333333333331 ", "0.3333333333333333 ");
    expect(sameValues(shortest, expected)).toBeUndefined();
    expect(sameValues(expected.replace(" DZ", " NV"), expected)).toMatch(/line \d+/);
  });

  const hasCc = spawnSync("cc", ["--version"]).status === 0;
  if (!hasCc)
    console.warn("rv-cpu float.c host check SKIPPED: no host C compiler `cc` (apt-get install gcc)");
  it.skipIf(!hasCc)(`float.expected is what the host prints${hasCc ? "" : " (skipped: no cc)"}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "float-"));
    try {
      const exe = join(dir, "float");
      // The flags of examples/Makefile's float.expected rule.
      execFileSync("cc", [
        "-DHOST",
        "-O2",
        "-ffp-contract=off",
        "-frounding-math",
        "-fno-builtin",
        "-o",
        exe,
        join(examples, "float.c"),
        "-lm",
      ]);
      expect(execFileSync(exe, { encoding: "latin1" })).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
