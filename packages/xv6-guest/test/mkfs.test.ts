// The test image builder must produce xv6's format: check its layout,
// read files back, and, when a host C compiler is present, compare it
// byte for byte with mkfs/mkfs.c.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mkfs } from "./mkfs";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const userDir = join(pkgDir, "prebuilt", "user");
const names = readdirSync(userDir).sort();
const files = names.map((f) => ({
  name: f.replace(/^_/, ""),
  data: new Uint8Array(readFileSync(join(userDir, f))),
}));
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const hasCC = spawnSync("cc", ["--version"], { stdio: "ignore" }).status === 0;

function readFile(img: Uint8Array, inum: number): Uint8Array {
  const v = new DataView(img.buffer, img.byteOffset);
  const inodestart = v.getUint32(1024 + 24, true);
  const off = (inodestart + Math.floor(inum / 16)) * 1024 + (inum % 16) * 64;
  const size = v.getUint32(off + 8, true);
  const out = new Uint8Array(size);
  for (let b = 0; b * 1024 < size; b++) {
    let bno: number;
    if (b < 12) bno = v.getUint32(off + 12 + 4 * b, true);
    else bno = v.getUint32(v.getUint32(off + 12 + 48, true) * 1024 + 4 * (b - 12), true);
    const n = Math.min(1024, size - b * 1024);
    out.set(img.subarray(bno * 1024, bno * 1024 + n), b * 1024);
  }
  return out;
}

describe("test image builder", () => {
  const img = mkfs(files);
  const v = new DataView(img.buffer, img.byteOffset);

  it("writes xv6's superblock", () => {
    const sb = Array.from({ length: 8 }, (_, i) => v.getUint32(1024 + 4 * i, true));
    // magic, size, nblocks, ninodes, nlog, logstart, inodestart, bmapstart
    expect(sb).toEqual([0x10203040, 2000, 2000 - 46, 200, 30, 2, 32, 45]);
    expect(img.length).toBe(2000 * 1024);
  });

  it("puts every file in the root directory, readable", () => {
    const root = readFile(img, 1);
    const entries = new Map<string, number>();
    for (let o = 0; o + 16 <= root.length; o += 16) {
      const inum = root[o] | (root[o + 1] << 8);
      if (inum === 0) continue;
      const raw = root.subarray(o + 2, o + 16);
      const end = raw.indexOf(0);
      entries.set(new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)), inum);
    }
    expect(entries.get(".")).toBe(1);
    expect(entries.get("..")).toBe(1);
    for (const f of files) {
      const inum = entries.get(f.name);
      expect(inum).toBeDefined();
      expect(sameBytes(readFile(img, inum as number), f.data)).toBe(true);
    }
  });

  it.skipIf(!hasCC)(`matches mkfs/mkfs.c byte for byte${hasCC ? "" : " (skipped: no host cc)"}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "xv6-mkfs-"));
    try {
      const exe = join(dir, "mkfs");
      const cc = spawnSync("cc", ["-O2", "-I", pkgDir, "-o", exe, join(pkgDir, "mkfs", "mkfs.c")]);
      expect(cc.status, cc.stderr?.toString()).toBe(0);
      const out = join(dir, "fs.img");
      const run = spawnSync(exe, [out, ...names.map((n) => join(userDir, n))]);
      expect(run.status, run.stderr?.toString()).toBe(0);
      expect(sameBytes(new Uint8Array(readFileSync(out)), img)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
