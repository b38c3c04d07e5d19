import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FsError } from "./errors.js";
import { fsck } from "./fsck.js";
import { openImage } from "./image.js";
import type { MkfsOptions } from "./layout.js";
import { buildImage as build, type FileEntry } from "./mkfs.js";

// The layouts below are spelled out for a 30-block log (mkfs's value through 2024, and the 2020
// labs'), so every image here is built with that; the default (31) is checked in layout.test.ts.
const buildImage = (files: FileEntry[], options: MkfsOptions = {}) => build(files, { nlog: 30, ...options });

// Default layout from the format's rules: log 2..31 (header at 2), inodes from 32, bitmap 45, data from 46.
const BSIZE = 1024;
const LOGSTART = 2;
const INODESTART = 32;
const BMAPSTART = 45;

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + seed) & 0xff);
}

// Root (block 46), README (inode 2: 47..49), big (inode 3: 50..61, indirect 62, 63..65), tiny (inode 4: 66).
function fresh(): Uint8Array {
  return buildImage([
    { name: "README", bytes: pattern(2305, 1) },
    { name: "big", bytes: pattern(15 * BSIZE - 9, 2) },
    { name: "tiny", bytes: pattern(10, 3) },
  ]);
}
const FREE = 67;

const dv = (img: Uint8Array) => new DataView(img.buffer, img.byteOffset, img.byteLength);
const inodeAt = (inum: number) => (INODESTART + Math.floor(inum / 16)) * BSIZE + (inum % 16) * 64;
const set16 = (img: Uint8Array, off: number, v: number) => dv(img).setInt16(off, v, true);
const set32 = (img: Uint8Array, off: number, v: number) => dv(img).setUint32(off, v, true);
const setType = (img: Uint8Array, inum: number, t: number) => set16(img, inodeAt(inum), t);
const setNlink = (img: Uint8Array, inum: number, n: number) => set16(img, inodeAt(inum) + 6, n);
const setSize = (img: Uint8Array, inum: number, s: number) => set32(img, inodeAt(inum) + 8, s);
const setAddr = (img: Uint8Array, inum: number, i: number, b: number) =>
  set32(img, inodeAt(inum) + 12 + 4 * i, b);
const addrOf = (img: Uint8Array, inum: number, i: number) =>
  dv(img).getUint32(inodeAt(inum) + 12 + 4 * i, true);

function setBit(img: Uint8Array, b: number, on: boolean): void {
  const off = BMAPSTART * BSIZE + (b >> 3);
  img[off] = on ? img[off] | (1 << (b & 7)) : img[off] & ~(1 << (b & 7));
}

function writeEntry(img: Uint8Array, dirBlock: number, slot: number, inum: number, name: string): void {
  const off = dirBlock * BSIZE + slot * 16;
  img.fill(0, off, off + 16);
  set16(img, off, inum);
  img.set(new TextEncoder().encode(name), off + 2);
}

// What the kernel's mkdir leaves: inode `inum` a directory in block `b` with . and .., named in the root's
// next free slot (slot 5 after ., .., README, big, tiny), and the root's link count raised for "..".
function addSubdir(img: Uint8Array, inum: number, b: number, name: string, slot = 5): void {
  setType(img, inum, 1);
  setNlink(img, inum, 1);
  setSize(img, inum, 32);
  setAddr(img, inum, 0, b);
  writeEntry(img, b, 0, inum, ".");
  writeEntry(img, b, 1, 1, "..");
  writeEntry(img, 46, slot, inum, name);
  setBit(img, b, true);
  setNlink(img, 1, 2);
}

function problems(img: Uint8Array): string[] {
  return fsck(img).problems;
}

describe("fsck on built images", () => {
  it("finds nothing wrong with mkfs output, for several parameter sets", () => {
    expect(problems(fresh())).toEqual([]);
    expect(problems(buildImage([], { size: 1000 }))).toEqual([]);
    const many = Array.from({ length: 62 }, (_, i) => ({ name: `f${i}`, bytes: pattern(i * 50, i) }));
    // 64 root entries: mkfs leaves the root's rounded-up last block unallocated.
    expect(problems(buildImage(many))).toEqual([]);
    expect(problems(buildImage(many, { size: 20_000, ninodes: 500, nlog: 31 }))).toEqual([]);
  });

  it("reports the log header", () => {
    expect(fsck(fresh()).log).toEqual({ n: 0, blocks: [] });
  });

  it("accepts a subdirectory made the way the kernel makes one", () => {
    const img = fresh();
    addSubdir(img, 5, FREE, "dir");
    expect(problems(img)).toEqual([]);
  });
});

describe("fsck detects each kind of corruption", () => {
  const cases: [string, (img: Uint8Array) => unknown, RegExp][] = [
    ["a bad magic number", (img) => set32(img, BSIZE, 0x12345678), /bad magic 0x12345678/],
    [
      "a truncated image",
      (img) => img.subarray(0, 1500 * BSIZE),
      /truncated: the superblock says 2000 blocks, the image holds 1500/,
    ],
    [
      "extra bytes after the last block",
      (img) => {
        const longer = new Uint8Array(img.length + 2);
        longer.set(img);
        return longer;
      },
      /image is 2048002 bytes, not the 2048000/,
    ],
    [
      "a superblock whose bitmap overlaps the data",
      (img) => set32(img, BSIZE + 8, 1960),
      /data blocks overlap the bitmap/,
    ],
    [
      "a used data block free in the bitmap",
      (img) => setBit(img, 50, false),
      /^block 50 is in use but free in the bitmap$/,
    ],
    ["a metadata block free in the bitmap", (img) => setBit(img, 3, false), /^block 3 is in use but free/],
    [
      "a run of unused blocks marked in use",
      (img) => {
        for (const b of [1500, 1501, 1502]) setBit(img, b, true);
      },
      /^blocks 1500\.\.1502 are marked in use in the bitmap but unused$/,
    ],
    [
      "a block used twice",
      (img) => setAddr(img, 4, 0, 48),
      /block 48 is used twice: by inode 2 and by inode 4/,
    ],
    [
      "a block inside the metadata",
      (img) => setAddr(img, 4, 0, 40),
      /inode 4: file block 0 is block 40, outside the data blocks 46\.\.1999/,
    ],
    [
      "a block past the end",
      (img) => setAddr(img, 4, 0, 4000),
      /inode 4: file block 0 is block 4000, outside/,
    ],
    ["an indirect block used twice", (img) => setAddr(img, 3, 12, 66), /block 66 is used twice/],
    [
      "a wrong link count",
      (img) => setNlink(img, 2, 3),
      /inode 2 \(\/README\): link count 3, but 1 links refer to it/,
    ],
    [
      "a size beyond the file's blocks",
      (img) => setSize(img, 2, 5000),
      /inode 2: size 5000 needs file blocks 3\.\.4, which are missing/,
    ],
    [
      "blocks beyond the file's size",
      (img) => setSize(img, 2, 100),
      /inode 2: file block 1 \(block 48\) lies past its size 100/,
    ],
    [
      "an indirect block the size does not need",
      (img) => setSize(img, 3, 12 * BSIZE),
      /inode 3: holds indirect block 62 but its size 12288 needs none/,
    ],
    [
      "a size over the maximum",
      (img) => setSize(img, 4, 300 * BSIZE),
      /inode 4: size 307200 is over the 274432-byte maximum/,
    ],
    ["an unknown inode type", (img) => setType(img, 4, 7), /inode 4: unknown type 7/],
    [
      "an entry naming a free inode",
      (img) => writeEntry(img, 46, 4, 150, "tiny"),
      /entry "tiny" names inode 150, which is free/,
    ],
    [
      "an entry past the last inode",
      (img) => writeEntry(img, 46, 4, 300, "tiny"),
      /names inode 300, past the last inode 199/,
    ],
    [
      "an allocated inode no directory names",
      (img) => setType(img, 150, 2),
      /inode 150 \(type 2, size 0\) is allocated but no directory names it/,
    ],
    [
      "a duplicate name",
      (img) => writeEntry(img, 46, 5, 4, "tiny"),
      /directory \/: entry "tiny" appears twice/,
    ],
    [
      "a root whose . is wrong",
      (img) => writeEntry(img, 46, 0, 2, "."),
      /directory \/: first entry is not "\." naming itself/,
    ],
    [
      "a root whose .. is wrong",
      (img) => writeEntry(img, 46, 1, 1, "x"),
      /directory \/: second entry is not "\.\." naming its parent/,
    ],
    ["a root that is not a directory", (img) => setType(img, 1, 2), /root inode 1 is not a directory/],
    [
      "a directory size that is not whole entries",
      (img) => setSize(img, 1, 1000),
      /directory \/: size 1000 is not a multiple of 16/,
    ],
    ["a stray . entry", (img) => writeEntry(img, 46, 5, 1, "."), /entry "\." at offset 80 is misplaced/],
  ];
  for (const [what, corrupt, expected] of cases) {
    it(what, () => {
      const img = fresh();
      // Most corruptions change the image in place; a few return a new, resized one.
      const result = corrupt(img);
      expect(problems(result instanceof Uint8Array ? result : img)).toEqual(
        expect.arrayContaining([expect.stringMatching(expected)]),
      );
    });
  }

  it("a subdirectory whose .. is wrong", () => {
    const img = fresh();
    addSubdir(img, 5, FREE, "a");
    addSubdir(img, 6, FREE + 1, "b", 6);
    setNlink(img, 1, 3);
    writeEntry(img, FREE + 1, 1, 5, "..");
    expect(problems(img)).toContain('directory /b: second entry is not ".." naming its parent (inode 1)');
  });

  it("a subdirectory whose . is wrong", () => {
    const img = fresh();
    addSubdir(img, 5, FREE, "a");
    writeEntry(img, FREE, 0, 1, ".");
    expect(problems(img)).toContain('directory /a: first entry is not "." naming itself (inode 5)');
  });

  it("a parent whose link count misses a subdirectory's ..", () => {
    const img = fresh();
    addSubdir(img, 5, FREE, "a");
    setNlink(img, 1, 1);
    expect(problems(img)).toContain("inode 1 (/): link count 1, but 2 links refer to it");
  });

  it("a directory with two names", () => {
    const img = fresh();
    addSubdir(img, 5, FREE, "a");
    writeEntry(img, 46, 6, 5, "again");
    expect(problems(img)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/entry "again" is a second name for directory inode 5 \(\/a\)/),
      ]),
    );
  });

  it("a name with a / in it, which no path can reach", () => {
    const img = fresh();
    writeEntry(img, 46, 2, 2, "RE/ADME");
    expect(problems(img)).toEqual([
      'directory /: entry "RE/ADME" has a "/" in its name, so no path reaches it',
    ]);
  });

  it("keeps each problem on one line when a name holds a newline", () => {
    const img = fresh();
    writeEntry(img, 46, 2, 2, "RE\nAD/ME");
    expect(problems(img)).toEqual([
      'directory /: entry "RE\\nAD/ME" has a "/" in its name, so no path reaches it',
    ]);
  });

  it("ignores bytes after a name's NUL, as the kernel's 14-byte strncmp does", () => {
    const img = fresh();
    img.set([0, 0x78, 0x2f, 0x79], 46 * BSIZE + 4 * 16 + 2 + 4); // "tiny", NUL, "x/y"
    expect(problems(img)).toEqual([]);
    expect(openImage(img).readFile("/tiny")).toEqual(pattern(10, 3));
  });

  it("tells names apart by their bytes, not by how they display", () => {
    const img = fresh();
    // Both are invalid UTF-8 and display as "\ufffd", but the kernel sees two different names.
    img.set([0xff, 0, 0, 0, 0, 0], 46 * BSIZE + 3 * 16 + 2);
    img.set([0xfe, 0, 0, 0], 46 * BSIZE + 4 * 16 + 2);
    expect(problems(img)).toEqual([]);
  });

  it("keeps the file's mapping when an indirect entry points outside the disk", () => {
    const img = fresh();
    set32(img, addrOf(img, 3, 12) * BSIZE + 4, 70_000);
    expect(problems(img)).toContain(
      "inode 3: file block 13 is block 70000, outside the data blocks 46..1999",
    );
  });
});

describe("fsck and the log", () => {
  function withCommit(img: Uint8Array, homes: number[]): void {
    set32(img, LOGSTART * BSIZE, homes.length);
    homes.forEach((home, i) => {
      set32(img, LOGSTART * BSIZE + 4 + 4 * i, home);
      img.fill(0xa0 + i, (LOGSTART + 1 + i) * BSIZE, (LOGSTART + 2 + i) * BSIZE);
    });
  }

  it("reports a committed transaction that was never installed", () => {
    const img = fresh();
    withCommit(img, [47, 48]);
    const report = fsck(img);
    expect(report.log).toEqual({ n: 2, blocks: [47, 48] });
    expect(report.replayed).toBe(false);
    expect(report.problems).toEqual([
      "log: a committed transaction of 2 blocks (47, 48) is not installed yet; --repair replays it",
    ]);
    expect(img[47 * BSIZE]).not.toBe(0xa0);
  });

  it("replays it with repair, as the kernel would at boot", () => {
    const img = fresh();
    withCommit(img, [47, 48]);
    const report = fsck(img, { repair: true });
    expect(report.replayed).toBe(true);
    expect(report.problems).toEqual([]);
    expect(img.subarray(47 * BSIZE, 49 * BSIZE).every((b, i) => b === (i < BSIZE ? 0xa0 : 0xa1))).toBe(true);
    expect(dv(img).getInt32(LOGSTART * BSIZE, true)).toBe(0);
    expect(fsck(img).problems).toEqual([]);
  });

  it("reports a count past what a header block can hold when the superblock claims a longer log", () => {
    const img = fresh();
    // A 300-block log (blocks 2..301), 16 inodes (302), the bitmap (303), data from 304.
    const fields = [0x10203040, 2000, 1696, 16, 300, 2, 302, 303];
    for (const [i, v] of fields.entries()) set32(img, BSIZE + 4 * i, v);
    set32(img, LOGSTART * BSIZE, 280);
    expect(fsck(img, { repair: true })).toMatchObject({
      replayed: false,
      problems: expect.arrayContaining(["log header: count 280 is outside 0..255"]),
    });
  });

  it("refuses to replay a header with a bad count or a block inside the metadata", () => {
    const tooMany = fresh();
    set32(tooMany, LOGSTART * BSIZE, 50);
    expect(fsck(tooMany, { repair: true })).toMatchObject({
      replayed: false,
      problems: ["log header: count 50 is outside 0..29"],
    });
    const overSuper = fresh();
    withCommit(overSuper, [1]);
    const report = fsck(overSuper, { repair: true });
    expect(report.replayed).toBe(false);
    expect(report.problems).toEqual(["log header: logged block 1 is outside 32..1999"]);
  });
});

describe("fsck on damaged images", () => {
  it("groups missing blocks into one line", () => {
    const img = fresh();
    setSize(img, 4, 40 * BSIZE);
    expect(problems(img)).toContain("inode 4: size 40960 needs file blocks 1..39, which are missing");
  });

  it("never throws, whatever bytes of the metadata are damaged", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 67 * BSIZE - 1 }),
            value: fc.integer({ min: 0, max: 255 }),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (damage) => {
          const img = fresh();
          for (const { at, value } of damage) img[at] = value;
          const report = fsck(img, { repair: true });
          expect(Array.isArray(report.problems)).toBe(true);
          try {
            const fs = openImage(img);
            for (const e of fs.list("/")) if (e.type === 2) fs.readFile(e.name);
          } catch (err) {
            expect(err).toBeInstanceOf(FsError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
