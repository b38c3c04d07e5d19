import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fsCli } from "./cli-fs.js";
import { mkfsCli } from "./cli-mkfs.js";
import { type Io, readBytes } from "./cli-util.js";
import { buildImage } from "./mkfs.js";

const dir = mkdtempSync(join(tmpdir(), "xv6-mkfs-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

// Whole-buffer comparison: matching megabytes element by element in expect() is slow.
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

function run(cli: (args: string[], io: Io) => number, args: string[]) {
  const out: number[] = [];
  let err = "";
  const code = cli(args, {
    out: (data) => out.push(...(typeof data === "string" ? new TextEncoder().encode(data) : data)),
    err: (text) => {
      err += text;
    },
  });
  const bytes = Uint8Array.from(out);
  return { code, out: bytes, stdout: new TextDecoder().decode(bytes), err };
}

writeFileSync(at("README"), "xv6 is a re-implementation of Dennis Ritchie's and Ken Thompson's Unix\n");
writeFileSync(at("_cat"), new Uint8Array(20_000).fill(7));
writeFileSync(at("_echo"), new Uint8Array(3000).fill(9));

describe("xv6-mkfs", () => {
  it("writes the same image as the library, naming files as mkfs does", () => {
    const r = run(mkfsCli, [at("fs.img"), at("README"), at("_cat"), at("_echo")]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const expected = buildImage([
      { name: "README", bytes: readBytes(at("README")) },
      { name: "cat", bytes: readBytes(at("_cat")) },
      { name: "echo", bytes: readBytes(at("_echo")) },
    ]);
    expect(same(readBytes(at("fs.img")), expected)).toBe(true);
  });

  it("takes --size, --ninodes and --nlog", () => {
    const r = run(mkfsCli, [
      "--size",
      "1000",
      "--ninodes",
      "100",
      "--nlog",
      "31",
      at("small.img"),
      at("README"),
    ]);
    expect(r.code).toBe(0);
    const sb = new DataView(readBytes(at("small.img")).buffer, 1024, 32);
    expect([0, 1, 3, 4].map((i) => sb.getUint32(i * 4, true))).toEqual([0x10203040, 1000, 100, 31]);
  });

  const failures: [string, string[], RegExp, number][] = [
    [
      "a missing file",
      [at("bad.img"), at("README"), at("nope")],
      /^xv6-mkfs: .*nope: no such file or directory\n$/,
      1,
    ],
    ["a directory as a file", [at("bad.img"), dir], /is a directory\n$/, 1],
    ["duplicate names", [at("bad.img"), at("_cat"), at("_cat")], /^xv6-mkfs: name "cat" appears twice\n$/, 1],
    ["contents that don't fit", ["--size", "60", at("bad.img"), at("_cat")], /need .* data blocks/, 1],
    ["a bad number", ["--size", "12k", at("bad.img")], /--size needs a whole number/, 2],
    ["an unknown flag", ["--sise", "10", at("bad.img")], /^xv6-mkfs: Unknown option '--sise'/, 2],
    ["no output", [], /missing the output image/, 2],
  ];
  for (const [what, args, message, code] of failures) {
    it(`fails cleanly on ${what}, leaving no file`, () => {
      const r = run(mkfsCli, args);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(at("bad.img"))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    });
  }

  it("rejects a name over 14 bytes", () => {
    writeFileSync(at("fifteen-chars-x"), "x");
    expect(run(mkfsCli, [at("bad.img"), at("fifteen-chars-x")]).err).toBe(
      'xv6-mkfs: name "fifteen-chars-x" is 15 bytes; xv6 names hold at most 14\n',
    );
    expect(existsSync(at("bad.img"))).toBe(false);
  });

  it("keeps an error on one line when a name or path holds a newline", () => {
    writeFileSync(at("two\nlines-too-long"), "x");
    expect(run(mkfsCli, [at("bad.img"), at("two\nlines-too-long")]).err).toBe(
      'xv6-mkfs: name "two\\nlines-too-long" is 18 bytes; xv6 names hold at most 14\n',
    );
    expect(run(mkfsCli, [at("no\ndir/bad.img"), at("README")]).err).toBe(
      `xv6-mkfs: ${dir}/no\\ndir/bad.img: no such file or directory\n`,
    );
    expect(run(mkfsCli, ["--size", "1\n2", at("bad.img")]).err).toMatch(/^xv6-mkfs: [^\n]*"1\\n2"\n/);
  });

  it("leaves an existing image untouched when it fails", () => {
    writeFileSync(at("keep.img"), "old");
    expect(run(mkfsCli, [at("keep.img"), at("missing")]).code).toBe(1);
    expect(readFileSync(at("keep.img"), "utf8")).toBe("old");
  });
});

describe("xv6-fs", () => {
  const image = at("tools.img");
  run(mkfsCli, [image, at("README"), at("_cat")]);

  it("ls prints name (padded to 14), type, inode and size like xv6's ls", () => {
    expect(run(fsCli, ["ls", image]).stdout).toBe(
      [
        ".              1 1 1024",
        "..             1 1 1024",
        "README         2 2 71",
        "cat            2 3 20000",
        "",
      ].join("\n"),
    );
    expect(run(fsCli, ["ls", image, "/cat"]).stdout).toBe("cat            2 3 20000\n");
  });

  it("cat writes the file's bytes; get copies it out", () => {
    expect(same(run(fsCli, ["cat", image, "/README"]).out, readBytes(at("README")))).toBe(true);
    expect(run(fsCli, ["get", image, "cat", at("cat.out")]).code).toBe(0);
    expect(same(readBytes(at("cat.out")), readBytes(at("_cat")))).toBe(true);
  });

  it("fsck exits 0 on a clean image and 1 naming each problem", () => {
    expect(run(fsCli, ["fsck", image])).toMatchObject({ code: 0, stdout: `log: empty\n${image}: clean\n` });
    const bad = readBytes(image);
    bad[46 * 1024] = 0; // the bitmap (block 46 with the default 31-block log): blocks 0..7 now free
    writeFileSync(at("bad-bitmap.img"), bad);
    const r = run(fsCli, ["fsck", at("bad-bitmap.img")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("blocks 0..7 are in use but free in the bitmap\n");
    expect(r.stdout).toContain(": 1 problem\n");
  });

  it("fsck --repair replays a committed log and writes the image back", () => {
    const img = readBytes(image);
    const view = new DataView(img.buffer, img.byteOffset);
    view.setInt32(2 * 1024, 1, true);
    view.setUint32(2 * 1024 + 4, 48, true); // README's first data block
    img.fill(0x55, 3 * 1024, 4 * 1024);
    writeFileSync(at("log.img"), img);
    expect(run(fsCli, ["fsck", at("log.img")]).code).toBe(1);
    const r = run(fsCli, ["fsck", "--repair", at("log.img")]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.stdout).toContain("log: replayed a committed transaction of 1 blocks\n");
    const repaired = readBytes(at("log.img"));
    expect(new DataView(repaired.buffer, repaired.byteOffset).getInt32(2 * 1024, true)).toBe(0);
    expect(repaired.subarray(48 * 1024, 49 * 1024).every((b) => b === 0x55)).toBe(true);
  });

  const failures: [string, string[], RegExp, number][] = [
    ["a missing image", ["ls", at("none.img")], /^xv6-fs: .*none\.img: no such file or directory\n$/, 1],
    ["a missing path", ["cat", image, "/nope"], /^xv6-fs: \/nope: no such file or directory\n$/, 1],
    ["a directory to cat", ["cat", image, "/"], /is a directory/, 1],
    ["an unknown command", ["frob", image], /unknown command "frob"/, 2],
    ["--repair elsewhere", ["ls", "--repair", image], /--repair goes with fsck only/, 2],
    ["a missing PATH", ["cat", image], /cat: missing PATH/, 2],
  ];
  for (const [what, args, message, code] of failures) {
    it(`fails cleanly on ${what}`, () => {
      const r = run(fsCli, args);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.out.length).toBe(0);
    });
  }

  it("reports a corrupt or truncated image in one line", () => {
    writeFileSync(at("short.img"), readBytes(image).subarray(0, 100 * 1024));
    expect(run(fsCli, ["ls", at("short.img")]).err).toBe(
      "xv6-fs: image is truncated: the superblock says 2000 blocks, the image holds 100\n",
    );
    writeFileSync(at("junk.img"), new Uint8Array(4096).fill(1));
    expect(run(fsCli, ["ls", at("junk.img")]).err).toBe(
      "xv6-fs: superblock: bad magic 0x1010101, expected 0x10203040\n",
    );
    const f = run(fsCli, ["fsck", at("junk.img")]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain("superblock: bad magic");
  });
});

// The built binaries, when present (turbo builds before testing): a real process, real exit codes.
const dist = fileURLToPath(new URL("../dist", import.meta.url));
describe.skipIf(!existsSync(join(dist, "xv6-mkfs.js")))("built binaries", () => {
  it("run under node and fail with one line, no stack trace", () => {
    const ok = spawnSync(process.execPath, [join(dist, "xv6-mkfs.js"), at("bin.img"), at("README")]);
    expect(ok.status).toBe(0);
    const ls = spawnSync(process.execPath, [join(dist, "xv6-fs.js"), "ls", at("bin.img"), "README"]);
    expect(ls.stdout.toString()).toBe("README         2 2 71\n");
    const bad = spawnSync(process.execPath, [join(dist, "xv6-mkfs.js"), at("bin2.img"), at("missing")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.toString().trim().split("\n")).toHaveLength(1);
    expect(existsSync(at("bin2.img"))).toBe(false);
  });
});
