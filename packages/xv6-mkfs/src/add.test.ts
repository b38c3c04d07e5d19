import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addFiles } from "./add.js";
import { FsError } from "./errors.js";
import { BSIZE, MAX_FILE_BYTES, NDIRECT } from "./format.js";
import { fsck } from "./fsck.js";
import { openImage } from "./image.js";
import { buildImage } from "./mkfs.js";

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 13 + seed) & 0xff);
}

const base = () =>
  buildImage([
    { name: "README", bytes: pattern(700, 1) },
    { name: "cat", bytes: pattern(5000, 2) },
  ]);

/** Byte equality without the matcher's element-by-element diff, slow on megabytes. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Data blocks marked used in the bitmap. */
function usedBlocks(image: Uint8Array): number {
  const fs = openImage(image);
  let n = 0;
  for (let b = fs.dataStart; b < fs.sb.size; b++) {
    const byte = image[fs.sb.bmapstart * BSIZE + (b >> 3)];
    if (byte & (1 << (b & 7))) n++;
  }
  return n;
}

describe("addFiles", () => {
  it("adds files that read back whole, in a clean image, leaving the original untouched", () => {
    const before = base();
    const copy = before.slice();
    const big = pattern(NDIRECT * BSIZE + 3 * BSIZE + 17, 3);
    const after = addFiles(before, [
      { name: "hello.txt", bytes: new TextEncoder().encode("hello, xv6\n") },
      { name: "big", bytes: big },
      { name: "empty", bytes: new Uint8Array(0) },
    ]);
    expect(same(before, copy)).toBe(true);
    const fs = openImage(after);
    expect(new TextDecoder().decode(fs.readFile("hello.txt"))).toBe("hello, xv6\n");
    expect(fs.readFile("big")).toEqual(big);
    expect(fs.readFile("empty").length).toBe(0);
    expect(fs.readFile("README")).toEqual(pattern(700, 1));
    expect(fsck(after).problems).toEqual([]);
    // 1 + 16 direct/indirect data blocks for big (one of them the indirect block), 1 for hello.
    expect(usedBlocks(after) - usedBlocks(before)).toBe(1 + (NDIRECT + 4 + 1));
    expect(fs.list("/").map((e) => e.name)).toEqual([
      ".",
      "..",
      "README",
      "cat",
      "hello.txt",
      "big",
      "empty",
    ]);
  });

  it("overwrites a file of the same name and frees its old blocks", () => {
    const before = base();
    const after = addFiles(before, [{ name: "cat", bytes: pattern(100, 9) }]);
    const fs = openImage(after);
    expect(fs.readFile("cat")).toEqual(pattern(100, 9));
    expect(fs.list("/").filter((e) => e.name === "cat")).toHaveLength(1);
    expect(fsck(after).problems).toEqual([]);
    expect(usedBlocks(before) - usedBlocks(after)).toBe(Math.ceil(5000 / BSIZE) - 1);
  });

  it("reuses a free directory slot and grows the root directory past a block", () => {
    const many = Array.from({ length: 70 }, (_, i) => ({ name: `f${i}`, bytes: pattern(i, i) }));
    const after = addFiles(base(), many);
    const fs = openImage(after);
    expect(fs.lookup("/").size).toBeGreaterThan(BSIZE);
    for (const f of many) expect(fs.readFile(f.name)).toEqual(f.bytes);
    expect(fsck(after).problems).toEqual([]);
    // Free the slot of f3 (its inode too, as unlink would): the next file lands there.
    const inum = fs.lookup("f3").inum;
    const root = fs.fileBlocks(fs.lookup("/"));
    const slot = root[0] * BSIZE + (2 + 2 + 3) * 16;
    expect(after[slot] | (after[slot + 1] << 8)).toBe(inum);
    after.fill(0, slot, slot + 16);
    const inodeAt = (fs.sb.inodestart + Math.floor(inum / 16)) * BSIZE + (inum % 16) * 64;
    const f3blocks = fs.fileBlocks(fs.inode(inum));
    after.fill(0, inodeAt, inodeAt + 64);
    for (const b of f3blocks) after[fs.sb.bmapstart * BSIZE + (b >> 3)] &= ~(1 << (b & 7));
    expect(fsck(after).problems).toEqual([]);
    const again = addFiles(after, [{ name: "new", bytes: pattern(10, 1) }]);
    expect(again[slot] | (again[slot + 1] << 8)).toBe(inum);
    expect(openImage(again).readFile("new")).toEqual(pattern(10, 1));
    expect(fsck(again).problems).toEqual([]);
  });

  it("installs a committed transaction before adding, as the kernel would at boot", () => {
    const image = base();
    const fs = openImage(image);
    const target = fs.fileBlocks(fs.lookup("README"))[0];
    const logged = new Uint8Array(BSIZE).fill(0x5a);
    const head = new DataView(image.buffer, fs.sb.logstart * BSIZE, BSIZE);
    head.setInt32(0, 1, true);
    head.setUint32(4, target, true);
    image.set(logged, (fs.sb.logstart + 1) * BSIZE);
    const after = addFiles(image, [{ name: "x", bytes: pattern(3000, 4) }]);
    const out = openImage(after);
    expect(out.readFile("README").subarray(0, 700)).toEqual(logged.subarray(0, 700));
    expect(new DataView(after.buffer, out.sb.logstart * BSIZE, 4).getInt32(0, true)).toBe(0);
    expect(fsck(after).problems).toEqual([]);
  });

  it("refuses what does not fit, with the image unchanged", () => {
    const image = base();
    const copy = image.slice();
    expect(() => addFiles(image, [{ name: "huge", bytes: new Uint8Array(MAX_FILE_BYTES + 1) }])).toThrow(
      FsError,
    );
    expect(() => addFiles(image, [{ name: "a-name-too-long", bytes: new Uint8Array(1) }])).toThrow(/14/);
    const fill = Array.from({ length: 8 }, (_, i) => ({
      name: `g${i}`,
      bytes: new Uint8Array(MAX_FILE_BYTES),
    }));
    expect(() => addFiles(image, fill)).toThrow(/full/);
    expect(() => addFiles(image, [{ name: ".", bytes: new Uint8Array(1) }])).toThrow(FsError);
    expect(same(image, copy)).toBe(true);
    expect(() => addFiles(new Uint8Array(100), [])).toThrow(FsError);
  });

  it("keeps any image clean whatever is added (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.constantFrom("a", "b", "c", "README", "cat", "longer-name"),
            size: fc.integer({ min: 0, max: 20 * BSIZE }),
            seed: fc.integer({ min: 0, max: 255 }),
          }),
          { maxLength: 12 },
        ),
        (adds) => {
          let image = base();
          const expected = new Map<string, Uint8Array>();
          for (const a of adds) {
            const bytes = pattern(a.size, a.seed);
            image = addFiles(image, [{ name: a.name, bytes }]);
            expected.set(a.name, bytes);
          }
          expect(fsck(image).problems).toEqual([]);
          const fs = openImage(image);
          for (const [name, bytes] of expected) expect(fs.readFile(name)).toEqual(bytes);
        },
      ),
      { numRuns: 60, seed: 18 },
    );
  });
});
