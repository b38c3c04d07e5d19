import { describe, expect, it } from "vitest";
import { FsError } from "./errors.js";
import type { MkfsOptions } from "./layout.js";
import { buildImage as build, type FileEntry } from "./mkfs.js";

// The layouts below are spelled out for a 30-block log (mkfs's value through 2024, and the 2020
// labs'), so every image here is built with that; the default (31) is checked in layout.test.ts.
const buildImage = (files: FileEntry[], options: MkfsOptions = {}) => build(files, { nlog: 30, ...options });

import { imageName } from "./names.js";

// The format, from kernel/fs.h, spelled out here rather than imported so the tests check the code's constants.
const BSIZE = 1024;
const NDIRECT = 12;
const MAXFILE_BYTES = (12 + 256) * BSIZE;
// Default layout: boot 0, super 1, log 2..31, inodes 32..44 (200/16 + 1 blocks), bitmap 45, data from 46.
const INODESTART = 32;
const BMAPSTART = 45;
const FIRST_DATA = 46;

const u32 = (img: Uint8Array, off: number) => new DataView(img.buffer, img.byteOffset).getUint32(off, true);
const u16 = (img: Uint8Array, off: number) => img[off] | (img[off + 1] << 8);
const block = (img: Uint8Array, b: number) => img.subarray(b * BSIZE, (b + 1) * BSIZE);

function dinode(img: Uint8Array, inum: number) {
  const off = (INODESTART + Math.floor(inum / 16)) * BSIZE + (inum % 16) * 64;
  const addrs = Array.from({ length: NDIRECT + 1 }, (_, i) => u32(img, off + 12 + 4 * i));
  return {
    type: u16(img, off),
    major: u16(img, off + 2),
    minor: u16(img, off + 4),
    nlink: u16(img, off + 6),
    size: u32(img, off + 8),
    addrs,
  };
}

function direntBytes(inum: number, name: string): number[] {
  const bytes = new Array(16).fill(0);
  bytes[0] = inum & 0xff;
  bytes[1] = inum >> 8;
  [...name].forEach((c, i) => {
    bytes[2 + i] = c.charCodeAt(0);
  });
  return bytes;
}

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 7 + (i >> 10)) & 0xff);
}

function bitsSet(img: Uint8Array): number[] {
  const set: number[] = [];
  for (let b = 0; b < 2000; b++) if (img[BMAPSTART * BSIZE + (b >> 3)] & (1 << (b & 7))) set.push(b);
  return set;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe("buildImage", () => {
  const readme = pattern(2305, 1);
  const cat = pattern(13 * BSIZE + 5, 2);
  const img = buildImage([
    { name: "README", bytes: readme },
    { name: "cat", bytes: cat },
    { name: "empty", bytes: new Uint8Array(0) },
  ]);

  it("is size blocks long with a zero boot block and mkfs's superblock", () => {
    expect(img.length).toBe(2000 * BSIZE);
    expect(block(img, 0).every((b) => b === 0)).toBe(true);
    const sb = Array.from({ length: 8 }, (_, i) => u32(img, BSIZE + 4 * i));
    expect(sb).toEqual([0x10203040, 2000, 2000 - FIRST_DATA, 200, 30, 2, INODESTART, BMAPSTART]);
    expect(
      block(img, 1)
        .subarray(32)
        .every((b) => b === 0),
    ).toBe(true);
    expect(img.subarray(2 * BSIZE, INODESTART * BSIZE).every((b) => b === 0)).toBe(true);
  });

  it("puts the root directory, inode 1, in the first data block with . and .. and one entry per file", () => {
    const root = dinode(img, 1);
    // 5 entries are 80 bytes, which mkfs rounds up to a whole block.
    expect(root).toMatchObject({ type: 1, nlink: 1, size: BSIZE, major: 0, minor: 0 });
    expect(root.addrs).toEqual([FIRST_DATA, ...new Array(NDIRECT).fill(0)]);
    const entries = Array.from(block(img, FIRST_DATA).subarray(0, 96));
    expect(entries).toEqual([
      ...direntBytes(1, "."),
      ...direntBytes(1, ".."),
      ...direntBytes(2, "README"),
      ...direntBytes(3, "cat"),
      ...direntBytes(4, "empty"),
      ...new Array(16).fill(0),
    ]);
    expect(dinode(img, 0)).toMatchObject({ type: 0, size: 0 });
  });

  it("gives each file consecutive blocks, the indirect block just before the 13th data block", () => {
    const readmeInode = dinode(img, 2);
    expect(readmeInode).toMatchObject({ type: 2, nlink: 1, size: 2305 });
    expect(readmeInode.addrs).toEqual([47, 48, 49, ...new Array(10).fill(0)]);
    expect(block(img, 47)).toEqual(readme.subarray(0, BSIZE));
    expect(block(img, 49).subarray(0, 2305 - 2 * BSIZE)).toEqual(readme.subarray(2 * BSIZE));
    expect(
      block(img, 49)
        .subarray(2305 - 2 * BSIZE)
        .every((b) => b === 0),
    ).toBe(true);

    const catInode = dinode(img, 3);
    expect(catInode).toMatchObject({ type: 2, size: cat.length });
    expect(catInode.addrs).toEqual([...range(50, 62), 62]);
    expect([u32(img, 62 * BSIZE), u32(img, 62 * BSIZE + 4), u32(img, 62 * BSIZE + 8)]).toEqual([63, 64, 0]);
    expect(block(img, 61)).toEqual(cat.subarray(11 * BSIZE, 12 * BSIZE));
    expect(block(img, 63)).toEqual(cat.subarray(12 * BSIZE, 13 * BSIZE));
    expect(block(img, 64).subarray(0, 5)).toEqual(cat.subarray(13 * BSIZE));

    expect(dinode(img, 4)).toEqual({
      type: 2,
      major: 0,
      minor: 0,
      nlink: 1,
      size: 0,
      addrs: new Array(13).fill(0),
    });
    expect(dinode(img, 5)).toMatchObject({ type: 0 });
  });

  it("marks exactly the blocks before the first free one in the bitmap", () => {
    expect(bitsSet(img)).toEqual(range(0, 65));
    expect(img.subarray(65 * BSIZE).every((b) => b === 0)).toBe(true);
  });

  it("rounds the root's size up a whole block even on a boundary, leaving that block unallocated", () => {
    const files = (n: number) => range(1, n + 1).map((i) => ({ name: `f${i}`, bytes: new Uint8Array([i]) }));
    // 62 files + . and .. = 64 entries = exactly one block.
    const full = buildImage(files(62));
    expect(dinode(full, 1).size).toBe(2 * BSIZE);
    expect(dinode(full, 1).addrs.slice(0, 2)).toEqual([FIRST_DATA, 0]);
    // The 65th entry takes a new root block between the 62nd file's data and the 63rd's.
    const over = buildImage(files(63));
    expect(dinode(over, 1).size).toBe(2 * BSIZE);
    expect(dinode(over, 1).addrs.slice(0, 2)).toEqual([FIRST_DATA, FIRST_DATA + 63]);
    expect(dinode(over, 63).addrs[0]).toBe(FIRST_DATA + 62);
    expect(dinode(over, 64).addrs[0]).toBe(FIRST_DATA + 64);
    expect(Array.from(block(over, FIRST_DATA + 63).subarray(0, 16))).toEqual(direntBytes(64, "f63"));
  });

  it("writes a 14-byte name with no terminating NUL", () => {
    const img14 = buildImage([{ name: "exactly14chars", bytes: new Uint8Array(1) }]);
    expect(Array.from(block(img14, FIRST_DATA).subarray(32, 48))).toEqual(direntBytes(2, "exactly14chars"));
  });

  it("holds a file of the maximum size, 12 + 256 blocks", () => {
    const big = pattern(MAXFILE_BYTES, 3);
    const imgBig = buildImage([{ name: "big", bytes: big }]);
    const ind = dinode(imgBig, 2).addrs[NDIRECT];
    expect(ind).toBe(FIRST_DATA + 1 + 12);
    expect(u32(imgBig, ind * BSIZE + 255 * 4)).toBe(FIRST_DATA + 1 + 12 + 256);
    expect(block(imgBig, FIRST_DATA + 269)).toEqual(big.subarray(267 * BSIZE));
  });

  it("marks used blocks across bitmap blocks when more than 8192 are in use, where mkfs stops", () => {
    const files = range(0, 40).map((i) => ({ name: `f${i}`, bytes: pattern(MAXFILE_BYTES, i) }));
    const large = buildImage(files, { size: 20_000 });
    // 20000 blocks: 20000/8192 + 1 = 3 bitmap blocks from 45; data from 2 + 30 + 13 + 3 = 48.
    const used = 48 + 1 + 40 * (268 + 1);
    const bitmap = large.subarray(BMAPSTART * BSIZE, (BMAPSTART + 3) * BSIZE);
    const isSet = (b: number) => (bitmap[b >> 3] & (1 << (b & 7))) !== 0;
    expect(range(0, 20_000).filter(isSet)).toEqual(range(0, used));
    expect(used).toBeGreaterThan(8192);
  });

  it("uses the parameters", () => {
    const small = buildImage([{ name: "a", bytes: new Uint8Array(3) }], {
      size: 1000,
      ninodes: 64,
      nlog: 10,
    });
    expect(small.length).toBe(1000 * BSIZE);
    // inodes: 64/16 + 1 = 5 blocks from 12; bitmap at 17; data from 18.
    const sb = Array.from({ length: 8 }, (_, i) => u32(small, BSIZE + 4 * i));
    expect(sb).toEqual([0x10203040, 1000, 1000 - 18, 64, 10, 2, 12, 17]);
  });
});

describe("buildImage rejects bad input with one clear line", () => {
  const one = (name: string, length = 1) => [{ name, bytes: new Uint8Array(length) }];
  const cases: [string, () => unknown, RegExp][] = [
    ["a name over 14 bytes", () => buildImage(one("fifteen-chars-x")), /15 bytes.*at most 14/],
    ["an empty name", () => buildImage(one("")), /empty/],
    ["a name with a slash", () => buildImage(one("a/b")), /"\/"/],
    ["the name ..", () => buildImage(one("..")), /reserved/],
    ["duplicate names", () => buildImage([...one("x"), ...one("x")]), /"x" appears twice/],
    ["a file over 268 blocks", () => buildImage(one("big", MAXFILE_BYTES + 1)), /at most 274432/],
    [
      "more files than inodes",
      () =>
        buildImage(
          range(0, 15).map((i) => one(`f${i}`)[0]),
          { ninodes: 16 },
        ),
      /inodes/,
    ],
    [
      "contents that don't fit",
      () =>
        buildImage(
          range(0, 4).map((i) => one(`f${i}`, MAXFILE_BYTES)[0]),
          { size: 1000 },
        ),
      /need 1077 data blocks.*has 954/,
    ],
  ];
  for (const [what, run, message] of cases) {
    it(what, () => {
      expect(run).toThrow(FsError);
      expect(run).toThrow(message);
    });
  }

  it("accepts exactly as many files as usable inodes", () => {
    expect(() =>
      buildImage(
        range(0, 14).map((i) => one(`f${i}`)[0]),
        { ninodes: 16 },
      ),
    ).not.toThrow();
  });
});

describe("imageName", () => {
  it("drops the directory part and one leading underscore, as xv6's Makefile expects", () => {
    expect(imageName("user/_cat")).toBe("cat");
    expect(imageName("README")).toBe("README");
    expect(imageName("/abs/path/__x")).toBe("_x");
    expect(imageName("dir/plain")).toBe("plain");
  });
});

describe("the default layout", () => {
  it("is current xv6's: a log header and 30 data blocks, so inodes start at 33 and data at 47", () => {
    const img = build([{ name: "README", bytes: new Uint8Array(10) }]);
    const sb = Array.from({ length: 8 }, (_, i) => u32(img, BSIZE + 4 * i));
    // magic, size, nblocks, ninodes, nlog, logstart, inodestart, bmapstart
    expect(sb).toEqual([0x10203040, 2000, 1953, 200, 31, 2, 33, 46]);
    // Inode 1 (the root) sits 64 bytes into block 33; its first address is the first data block.
    expect(u32(img, 33 * BSIZE + 64 + 12)).toBe(47);
  });
});
