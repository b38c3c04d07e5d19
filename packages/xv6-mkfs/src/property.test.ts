import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fsck } from "./fsck.js";
import { openImage } from "./image.js";
import { buildImage } from "./mkfs.js";

const BSIZE = 1024;
const MAXFILE_BLOCKS = 12 + 256;

// Whole-buffer comparison: matching megabytes element by element in expect() is slow.
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

// Blocks a file takes under the format's rules: one per started block, plus the indirect block past 12.
function blocksOf(length: number): number {
  const data = Math.ceil(length / BSIZE);
  return data > 12 ? data + 1 : data;
}

const nameChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
const name = fc
  .string({ unit: nameChar, minLength: 1, maxLength: 14 })
  .filter((n) => n !== "." && n !== "..");
const length = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 * BSIZE }) },
  { weight: 3, arbitrary: fc.integer({ min: 11 * BSIZE, max: 14 * BSIZE }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAXFILE_BLOCKS * BSIZE }) },
);
const fileSet = fc.uniqueArray(fc.record({ name, length, seed: fc.integer({ min: 0, max: 255 }) }), {
  selector: (f) => f.name,
  maxLength: 80,
});

describe("random file sets", () => {
  it("build clean images that read back exactly, with the blocks the format's rules predict", () => {
    fc.assert(
      fc.property(
        fileSet,
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom(30, 31),
        (specs, slack, nlog) => {
          const files = specs.map((s) => ({
            name: s.name,
            bytes: Uint8Array.from({ length: s.length }, (_, i) => (i * 131 + s.seed) ^ (i >> 8)),
          }));
          const ninodes = 200;
          const nmeta = 2 + nlog + (Math.floor(ninodes / 16) + 1) + 1;
          const rootBlocks = Math.ceil(((files.length + 2) * 16) / BSIZE);
          const used = nmeta + rootBlocks + files.reduce((sum, f) => sum + blocksOf(f.bytes.length), 0);
          const size = Math.min(8191, used + slack);
          if (used > size) return;

          const img = buildImage(files, { size, ninodes, nlog });
          expect(img.length).toBe(size * BSIZE);
          expect(fsck(img).problems).toEqual([]);

          const fs = openImage(img);
          expect(fs.list("/").map((e) => e.name)).toEqual([".", "..", ...files.map((f) => f.name)]);
          for (const f of files) expect(same(fs.readFile(f.name), f.bytes)).toBe(true);

          let marked = 0;
          for (let b = 0; b < size; b++)
            if (img[fs.sb.bmapstart * BSIZE + (b >> 3)] & (1 << (b & 7))) marked++;
          expect(marked).toBe(used);
          expect(img.subarray(used * BSIZE).every((b) => b === 0)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
