import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fsck } from "../fsck.js";
import { openImage } from "../image.js";
import { makeCase } from "./run.js";

const bin = fileURLToPath(new URL("../../dist/xv6-fs.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xv6-fs-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function xv6fs(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, timeout: 30_000 });
  return { status: r.status, stderr: r.stderr.toString() };
}

/** Whether the library does what a command asks: the process must then exit 0, and 1 otherwise. */
function libraryOk(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

// A few cases only: each command is a whole node process. The library tests run thousands.
describe.skipIf(!existsSync(bin))("mutated images through the built xv6-fs (needs `pnpm build`)", () => {
  for (let index = 0; index < 8; index++) {
    it(`case ${index} of seed 77: exit 0 or 1, and at most one line on stderr, never a stack trace`, () => {
      const c = makeCase(77, index);
      const image = join(dir, `case${index}.img`);
      writeFileSync(image, c.img);
      const names = libraryOk(() => openImage(c.img).list("/"))
        ? openImage(c.img)
            .list("/")
            .map((e) => e.name)
        : [];
      const file = `/${names.find((n) => n !== "." && n !== "..") ?? "README"}`;
      const runs = [
        { args: ["fsck", image], ok: fsck(c.img.slice()).problems.length === 0 },
        { args: ["ls", image, "/"], ok: libraryOk(() => openImage(c.img).list("/")) },
        { args: ["cat", image, file], ok: libraryOk(() => openImage(c.img).readFile(file)) },
        {
          args: ["get", image, file, join(dir, "out")],
          ok: libraryOk(() => openImage(c.img).readFile(file)),
        },
      ];
      for (const { args, ok } of runs) {
        const r = xv6fs(...args);
        const what = `xv6-fs ${args[0]} on ${c.notes.join("; ")}`;
        expect(r.status, what).toBe(ok ? 0 : 1);
        expect(r.stderr, what).not.toMatch(/\n\s+at |\n./);
        // A failing command other than fsck (which reports on stdout) says why in its one line.
        if (!ok && args[0] !== "fsck") expect(r.stderr, what).toMatch(/^xv6-fs: [^\n]+\n$/);
      }
    });
  }
});
