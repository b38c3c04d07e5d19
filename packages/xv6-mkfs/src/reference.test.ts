import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mkfsCli } from "./cli-mkfs.js";
import { readBytes } from "./cli-util.js";

// Byte-for-byte comparison with xv6's own mkfs, run only when one is given:
//   XV6_MKFS_REF=/path/to/xv6/mkfs/mkfs  XV6_MKFS_REF_ARGS="--size 1000"  (the flags matching how it was built)
const reference = process.env.XV6_MKFS_REF;
const flags = (process.env.XV6_MKFS_REF_ARGS ?? "").split(/\s+/).filter((f) => f !== "");

// Whole-buffer comparison: matching megabytes element by element in expect() is slow.
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const sets: Record<string, [string, number][]> = {
  "xv6's usual files": [
    ["README", 2305],
    ["_cat", 33_000],
    ["_echo", 31_000],
    ["_grep", 36_000],
    ["_init", 31_500],
    ["_ls", 34_500],
    ["_sh", 54_000],
    ["_usertests", 180_000],
    ["_zombie", 30_700],
  ],
  "edge sizes and names": [
    ["empty", 0],
    ["one", 1],
    ["exactly14chars", 1024],
    ["twelve", 12 * 1024],
    ["thirteen", 12 * 1024 + 1],
    ["_maxfile", 268 * 1024],
  ],
  "a root of exactly one block": Array.from({ length: 62 }, (_, i) => [`f${i}`, i * 37] as [string, number]),
  "a root spilling into a second block": Array.from(
    { length: 70 },
    (_, i) => [`_p${i}`, (i * 997) % 5000] as [string, number],
  ),
};

const title = reference
  ? `against xv6's mkfs (${reference} ${flags.join(" ")})`
  : "against xv6's mkfs (skipped: set XV6_MKFS_REF to a reference mkfs binary to run)";

describe.skipIf(!reference)(title, () => {
  const dir = mkdtempSync(join(tmpdir(), "xv6-mkfs-ref-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [what, files] of Object.entries(sets)) {
    it(what, () => {
      files.forEach(([name, length], i) => {
        writeFileSync(join(dir, name), bytes(length, i + 1));
      });
      const names = files.map(([name]) => name);
      const made = spawnSync(reference as string, ["ref.img", ...names], { cwd: dir });
      expect(made.status, made.stderr.toString()).toBe(0);
      const io = { out: () => {}, err: (text: string) => expect.fail(text) };
      const ours = mkfsCli([...flags, join(dir, "ours.img"), ...names.map((n) => join(dir, n))], io);
      expect(ours).toBe(0);
      expect(same(readBytes(join(dir, "ours.img")), readBytes(join(dir, "ref.img")))).toBe(true);
    });
  }
});
