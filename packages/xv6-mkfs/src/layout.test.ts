import { describe, expect, it } from "vitest";
import { FsError } from "./errors.js";
import { layoutFor } from "./layout.js";

// kernel/fs.h: 1024-byte blocks, 64-byte dinodes, one bitmap bit per block.
const BSIZE = 1024;
const IPB = BSIZE / 64;
const BPB = BSIZE * 8;

// mkfs's rule: one more bitmap block and one more inode block than the quotients.
function expected(size: number, ninodes: number, nlog: number) {
  const ninodeblocks = Math.floor(ninodes / IPB) + 1;
  const nbitmap = Math.floor(size / BPB) + 1;
  const nmeta = 2 + nlog + ninodeblocks + nbitmap;
  return {
    sb: {
      magic: 0x10203040,
      size,
      nblocks: size - nmeta,
      ninodes,
      nlog,
      logstart: 2,
      inodestart: 2 + nlog,
      bmapstart: 2 + nlog + ninodeblocks,
    },
    ninodeblocks,
    nbitmap,
    nmeta,
  };
}

describe("layoutFor", () => {
  it("defaults to current xv6: 2000 blocks, 200 inodes, a header plus 30 log data blocks", () => {
    expect(layoutFor()).toEqual(expected(2000, 200, 31));
    // Current xv6's mkfs (nlog = LOGBLOCKS + 1) prints "nmeta 47 (boot, super, log blocks 31 inode
    // blocks 13, bitmap blocks 1) blocks 1953 total 2000".
    expect(layoutFor().nmeta).toBe(47);
    expect(layoutFor().sb.nblocks).toBe(1953);
  });

  it("follows the parameters: the 2020 labs' 1000 blocks and 30-block log, larger disks", () => {
    expect(layoutFor({ size: 1000, nlog: 30 })).toEqual(expected(1000, 200, 30));
    expect(layoutFor({ nlog: 30 }).nmeta).toBe(46); // what mkfs wrote through 2024
    expect(layoutFor({ nlog: 31 })).toEqual(expected(2000, 200, 31));
    expect(layoutFor({ size: 200000, ninodes: 1000, nlog: 30 })).toEqual(expected(200000, 1000, 30));
  });

  it("adds a bitmap block and an inode block even when the quotient is exact", () => {
    expect(layoutFor({ size: BPB }).nbitmap).toBe(2);
    expect(layoutFor({ ninodes: 2 * IPB }).ninodeblocks).toBe(3);
  });

  it("rejects parameters that cannot make a file system", () => {
    expect(() => layoutFor({ size: 46 })).toThrow(FsError);
    expect(() => layoutFor({ size: 46 })).toThrow(/too small/);
    expect(() => layoutFor({ ninodes: 1 })).toThrow(/ninodes/);
    expect(() => layoutFor({ ninodes: 65537 })).toThrow(/ninodes/);
    expect(() => layoutFor({ nlog: 1 })).toThrow(/nlog/);
    expect(() => layoutFor({ size: 1.5 })).toThrow(/whole number/);
  });
});
