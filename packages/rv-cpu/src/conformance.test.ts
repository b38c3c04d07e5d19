import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { describe, expect, it } from "vitest";
import { runBare } from "./bare.js";

const bin = fileURLToPath(new URL("../conformance/bin/", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const elfs = readdirSync(bin)
  .filter((f) => f.endsWith(".elf") && f !== "fail.elf")
  .sort();

describe("conformance suite", () => {
  it("has tests to run", () => {
    expect(elfs.length).toBeGreaterThan(50);
  });
  for (const f of elfs) {
    it(f.replace(/\.elf$/, ""), () => {
      const result = runBare(new Uint8Array(readFileSync(bin + f)), {
        maxInstructions: 50_000_000,
        mmu: (ram) => new Sv39Mmu(ram), // as rv-run does
      });
      expect(result).toMatchObject({ status: "pass" });
    });
  }
});

// The same programs with every block compiled the first time it runs, and the interpreter running
// beside in step: any difference in state, output or memory throws.
describe("conformance suite, compiled vs interpreted", () => {
  for (const f of elfs) {
    it(f.replace(/\.elf$/, ""), () => {
      const result = runBare(new Uint8Array(readFileSync(bin + f)), {
        maxInstructions: 50_000_000,
        mmu: (ram) => new Sv39Mmu(ram),
        engine: "check",
        jitThreshold: 1,
        jitMinLength: 1,
        ramSize: 4 << 20, // both RAMs are compared whole: keep them small
      });
      expect(result).toMatchObject({ status: "pass" });
    });
  }
});

describe("rv-run", () => {
  it("exits 1 and names the failing check of a failing test", () => {
    const r = spawnSync(process.execPath, [cli, `${bin}fail.elf`], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL test 3");
  });

  it("exits 0 on a passing test", () => {
    expect(() => execFileSync(process.execPath, [cli, `${bin}${elfs[0]}`])).not.toThrow();
  });
});

// Our Sv39 environment and supervisor paging tests (conformance/sv39/). The self-tests that fail on
// purpose must report exactly these check numbers.
const sv39Bin = fileURLToPath(new URL("../conformance/sv39/bin/", import.meta.url));
const mustFail: Record<string, number> = {
  vm_fail_check: 3,
  vm_fail_trap: 5,
  pg_fail_check: 3,
  pg_fail_trap: 7,
};
const sv39Elfs = readdirSync(sv39Bin)
  .filter((f) => f.endsWith(".elf"))
  .sort();

describe("Sv39 conformance: ISA tests in U-mode under paging, supervisor paging tests", () => {
  it("has tests to run", () => {
    expect(sv39Elfs.length).toBeGreaterThan(90);
  });
  for (const f of sv39Elfs) {
    const name = f.replace(/\.elf$/, "");
    for (const engine of ["jit", "interp", "check"] as const) {
      it(`${name} (${engine})`, () => {
        const result = runBare(new Uint8Array(readFileSync(sv39Bin + f)), {
          maxInstructions: 50_000_000,
          mmu: (ram) => new Sv39Mmu(ram),
          engine,
          jitThreshold: engine === "check" ? 1 : undefined,
          jitMinLength: engine === "check" ? 1 : undefined,
          ramSize: engine === "check" ? 16 << 20 : undefined,
        });
        if (name in mustFail) expect(result).toMatchObject({ status: "fail", test: mustFail[name] });
        else expect(result).toMatchObject({ status: "pass" });
      });
    }
  }
});
