import { describe, expect, it } from "vitest";
import { FsError } from "./errors.js";
import { openImage } from "./image.js";
import { buildImage } from "./mkfs.js";

const BSIZE = 1024;

// Whole-buffer comparison: matching megabytes element by element in expect() is slow.
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function pattern(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 13 + seed) & 0xff);
}

const files = [
  { name: "README", bytes: pattern(2305, 1) },
  { name: "sh", bytes: pattern(54_321, 2) },
  { name: "empty", bytes: new Uint8Array(0) },
  { name: "one", bytes: pattern(1, 3) },
];

describe("openImage", () => {
  const img = buildImage(files);
  const fs = openImage(img);

  it("lists the root like xv6's ls: . and .. then the files in order", () => {
    expect(fs.list("/")).toEqual([
      { name: ".", inum: 1, type: 1, nlink: 1, size: BSIZE },
      { name: "..", inum: 1, type: 1, nlink: 1, size: BSIZE },
      { name: "README", inum: 2, type: 2, nlink: 1, size: 2305 },
      { name: "sh", inum: 3, type: 2, nlink: 1, size: 54_321 },
      { name: "empty", inum: 4, type: 2, nlink: 1, size: 0 },
      { name: "one", inum: 5, type: 2, nlink: 1, size: 1 },
    ]);
    expect(fs.list("")).toEqual(fs.list("/"));
    expect(fs.list("/sh")).toEqual([{ name: "sh", inum: 3, type: 2, nlink: 1, size: 54_321 }]);
  });

  it("reads back every file's bytes and stats it by path", () => {
    for (const f of files) expect(fs.readFile(`/${f.name}`)).toEqual(f.bytes);
    expect(fs.readFile("README")).toEqual(files[0].bytes);
    expect(fs.stat("/sh")).toEqual({ inum: 3, type: 2, nlink: 1, size: 54_321 });
    expect(fs.stat("/")).toEqual({ inum: 1, type: 1, nlink: 1, size: BSIZE });
  });

  it("iterates the allocated inodes", () => {
    expect([...fs.inodes()].map((i) => [i.inum, i.type])).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 2],
      [5, 2],
    ]);
  });

  it("round-trips: the files read back build the same bytes", () => {
    const back = fs
      .list("/")
      .slice(2)
      .map((e) => ({ name: e.name, bytes: fs.readFile(e.name) }));
    expect(same(buildImage(back), img)).toBe(true);
  });

  it("names what is missing or wrong in a path", () => {
    expect(() => fs.lookup("/nope")).toThrow("/nope: no such file or directory");
    expect(() => fs.lookup("/no\npe\x1b")).toThrow("/no\\npe\\u001b: no such file or directory");
    expect(() => fs.lookup("/README/x")).toThrow("/README is not a directory");
    expect(() => fs.readFile("/")).toThrow("is a directory");
  });
});

describe("path lookup", () => {
  // README's entry is the root's third, at byte 32 of its first block.
  const withName = (bytes: number[]) => {
    const img = buildImage(files);
    const fs = openImage(img);
    const at = fs.fileBlocks(fs.inode(1))[0] * BSIZE + 32 + 2;
    img.fill(0, at, at + 14);
    img.set(bytes, at);
    return openImage(img);
  };
  const enc = (s: string) => [...new TextEncoder().encode(s)];

  it("matches a name of all 14 bytes, and no longer path part", () => {
    const fs = withName(enc("fourteen-bytes"));
    expect(fs.readFile("/fourteen-bytes")).toEqual(files[0].bytes);
    expect(() => fs.lookup("/fourteen-bytes!")).toThrow("no such file");
    expect(() => fs.lookup("/fourteen-byte")).toThrow("no such file");
  });

  it("reads a name up to its NUL, ignoring what follows, as the kernel does", () => {
    const fs = withName([...enc("READ"), 0, ...enc("junk")]);
    expect(fs.readFile("/READ")).toEqual(files[0].bytes);
    expect(() => fs.lookup("/READ\0junk")).toThrow("no such file");
  });

  it("finds a name that is not UTF-8 by the way it displays", () => {
    const fs = withName([0x52, 0xff, 0x45]);
    expect(fs.list("/")[2].name).toBe("R\ufffdE");
    expect(fs.readFile("/R\ufffdE")).toEqual(files[0].bytes);
  });

  it("finds a name of several-byte characters", () => {
    const fs = withName(enc("h\u00e9llo-\u4e16"));
    expect(fs.stat("/h\u00e9llo-\u4e16").inum).toBe(2);
  });
});

describe("openImage on bad images", () => {
  const img = buildImage(files, { size: 1000 });

  it("rejects a truncated image", () => {
    expect(() => openImage(img.subarray(0, 500 * BSIZE))).toThrow(
      /truncated: the superblock says 1000 blocks, the image holds 500/,
    );
    expect(() => openImage(img.subarray(0, 100))).toThrow(/too short/);
  });

  it("rejects a bad magic number", () => {
    const bad = img.slice();
    bad[BSIZE] ^= 0xff;
    expect(() => openImage(bad)).toThrow(FsError);
    expect(() => openImage(bad)).toThrow(/bad magic/);
  });

  it("rejects a superblock whose regions overlap", () => {
    const bad = img.slice();
    // inodestart (field 6) inside the log.
    new DataView(bad.buffer).setUint32(BSIZE + 24, 10, true);
    expect(() => openImage(bad)).toThrow(/inodes overlap the log/);
  });

  it("reports a block pointer past the image as an FsError, not a crash", () => {
    const bad = img.slice();
    const fs = openImage(bad);
    const sh = fs.lookup("/sh");
    const off = (fs.sb.inodestart + Math.floor(sh.inum / 16)) * BSIZE + (sh.inum % 16) * 64 + 12;
    new DataView(bad.buffer).setUint32(off, 99_999, true);
    expect(() => openImage(bad).readFile("/sh")).toThrow(FsError);
    expect(() => openImage(bad).readFile("/sh")).toThrow(/block 99999 is outside/);
  });
});
