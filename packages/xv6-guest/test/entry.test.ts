import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { kernelUrl, loadGuest, programs, programUrl } from "../index.js";

describe("the package entry", () => {
  it("lists exactly the files in prebuilt/user", () => {
    const dir = fileURLToPath(new URL("../prebuilt/user/", import.meta.url));
    expect([...programs].sort()).toEqual(readdirSync(dir).sort());
  });

  it("loads the kernel and the programs with their file-system names", async () => {
    const g = await loadGuest();
    expect(g.kernel).toEqual(new Uint8Array(readFileSync(kernelUrl)));
    expect(g.user.map((f) => f.name)).toContain("sh");
    expect(g.user.find((f) => f.name === "README")?.bytes).toEqual(
      new Uint8Array(readFileSync(programUrl("README"))),
    );
    expect(() => programUrl("_nosuch")).toThrow(/no program/);
  });
});

describe("the CommonJS entry", () => {
  it("has the same programs and reads the same bytes", async () => {
    const cjs = createRequire(import.meta.url)("../index.cjs");
    expect(cjs.programs).toEqual(programs);
    const g = await cjs.loadGuest();
    expect(g.kernel).toEqual(new Uint8Array(readFileSync(kernelUrl)));
    expect(g.user.map((f: { name: string }) => f.name)).toEqual(programs.map((p) => p.replace(/^_/, "")));
  });
});
