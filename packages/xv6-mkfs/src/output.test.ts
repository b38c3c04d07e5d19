import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fsCli } from "./cli-fs.js";
import { mkfsCli } from "./cli-mkfs.js";
import { type Io, readBytes } from "./cli-util.js";
import { buildImage } from "./mkfs.js";

const dir = mkdtempSync(join(tmpdir(), "xv6-mkfs-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

function run(cli: (args: string[], io: Io) => number, args: string[]) {
  let err = "";
  const code = cli(args, {
    out: () => {},
    err: (text) => {
      err += text;
    },
  });
  return { code, err };
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
const modeOf = (path: string) => statSync(path).mode & 0o777;

writeFileSync(at("README"), "hello\n");
const image = buildImage([{ name: "README", bytes: new TextEncoder().encode("hello\n") }]);
const isRoot = process.getuid?.() === 0;

describe("output files are written like a shell's >", () => {
  it("writes through a symlink, leaving the link in place", () => {
    writeFileSync(at("target.img"), "old");
    symlinkSync(at("target.img"), at("link.img"));
    expect(run(mkfsCli, [at("link.img"), at("README")])).toEqual({ code: 0, err: "" });
    expect(lstatSync(at("link.img")).isSymbolicLink()).toBe(true);
    expect(same(readBytes(at("target.img")), image)).toBe(true);
  });

  it("creates the file a dangling symlink points to", () => {
    symlinkSync(at("made-through-link.img"), at("dangling.img"));
    expect(run(mkfsCli, [at("dangling.img"), at("README")]).code).toBe(0);
    expect(lstatSync(at("dangling.img")).isSymbolicLink()).toBe(true);
    expect(same(readBytes(at("made-through-link.img")), image)).toBe(true);
  });

  it("keeps the file's mode and its other hard links", () => {
    writeFileSync(at("moded.img"), "old contents, longer than nothing");
    chmodSync(at("moded.img"), 0o604);
    linkSync(at("moded.img"), at("other-name.img"));
    expect(run(mkfsCli, [at("moded.img"), at("README")]).code).toBe(0);
    expect(modeOf(at("moded.img"))).toBe(0o604);
    expect(same(readBytes(at("other-name.img")), image)).toBe(true);
  });

  it("shrinks a longer file to the new contents", () => {
    writeFileSync(at("long.out"), new Uint8Array(10_000).fill(1));
    writeFileSync(at("fs.img"), image);
    expect(run(fsCli, ["get", at("fs.img"), "/README", at("long.out")]).code).toBe(0);
    expect(readFileSync(at("long.out"), "utf8")).toBe("hello\n");
  });

  it("fsck --repair writes the image back through a symlink, keeping its mode", () => {
    const img = image.slice();
    const view = new DataView(img.buffer);
    view.setInt32(2 * 1024, 1, true); // a committed transaction of one block...
    view.setUint32(2 * 1024 + 4, 60, true); // ...whose home is an unused data block
    writeFileSync(at("repair.img"), img);
    chmodSync(at("repair.img"), 0o640);
    symlinkSync(at("repair.img"), at("repair-link.img"));
    expect(run(fsCli, ["fsck", "--repair", at("repair-link.img")]).code).toBe(0);
    expect(lstatSync(at("repair-link.img")).isSymbolicLink()).toBe(true);
    expect(modeOf(at("repair.img"))).toBe(0o640);
    const repaired = readBytes(at("repair.img"));
    expect(new DataView(repaired.buffer, repaired.byteOffset).getInt32(2 * 1024, true)).toBe(0);
  });

  it.skipIf(!isRoot)("as root, writes a read-only file as a shell's > would, keeping its mode", () => {
    writeFileSync(at("root-ro.img"), "old");
    chmodSync(at("root-ro.img"), 0o444);
    expect(run(mkfsCli, [at("root-ro.img"), at("README")]).code).toBe(0);
    expect(modeOf(at("root-ro.img"))).toBe(0o444);
    expect(same(readBytes(at("root-ro.img")), image)).toBe(true);
  });

  it.skipIf(isRoot)(
    "as a user, refuses a read-only file in one line and leaves it alone (skipped as root, who may write it)",
    () => {
      writeFileSync(at("ro.img"), "old");
      chmodSync(at("ro.img"), 0o444);
      expect(run(mkfsCli, [at("ro.img"), at("README")])).toEqual({
        code: 1,
        err: `xv6-mkfs: ${at("ro.img")}: permission denied\n`,
      });
      expect(readFileSync(at("ro.img"), "utf8")).toBe("old");
      expect(modeOf(at("ro.img"))).toBe(0o444);
    },
  );

  it("refuses a missing directory or a directory, naming the output path", () => {
    const missing = at("no-such-dir/out.img");
    expect(run(mkfsCli, [missing, at("README")]).err).toBe(
      `xv6-mkfs: ${missing}: no such file or directory\n`,
    );
    mkdirSync(at("adir"));
    expect(run(mkfsCli, [at("adir"), at("README")]).err).toBe(`xv6-mkfs: ${at("adir")}: is a directory\n`);
    expect(run(fsCli, ["get", at("fs.img"), "/README", at("adir")]).err).toBe(
      `xv6-fs: ${at("adir")}: is a directory\n`,
    );
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("names an input that is a directory", () => {
    mkdirSync(at("indir"), { recursive: true });
    expect(run(mkfsCli, [at("never.img"), at("indir")]).err).toBe(
      `xv6-mkfs: ${at("indir")}: is a directory\n`,
    );
    expect(run(fsCli, ["ls", at("indir")]).err).toBe(`xv6-fs: ${at("indir")}: is a directory\n`);
    expect(existsSync(at("never.img"))).toBe(false);
  });

  it.skipIf(!existsSync("/dev/full"))("reports a full disk by the output's name", () => {
    symlinkSync("/dev/full", at("full.img"));
    expect(run(mkfsCli, [at("full.img"), at("README")])).toEqual({
      code: 1,
      err: `xv6-mkfs: ${at("full.img")}: no space left on the device\n`,
    });
  });
});

// Real processes: one as an unprivileged user (permission checks bind root not at all), and one with a
// file-size limit, so that writing fails partway as it would on a full disk.
const bin = fileURLToPath(new URL("../dist/xv6-mkfs.js", import.meta.url));
const nobody = spawnSync("id", ["-u", "nobody"]).stdout?.toString().trim();
const setpriv = spawnSync("setpriv", ["--version"]).status === 0;
const canDrop = isRoot && setpriv && /^\d+$/.test(nobody ?? "") && existsSync(bin);

describe("built xv6-mkfs", () => {
  it.skipIf(!canDrop)(
    "run as user nobody, refuses a read-only file it could have renamed over (needs root, setpriv, nobody, a build)",
    () => {
      // A directory of its own, outside the test's private (0700) one, that nobody may write: the old
      // temporary-file-and-rename writer succeeded here.
      const shared = mkdtempSync(join(tmpdir(), "xv6-mkfs-nobody-"));
      chmodSync(shared, 0o777);
      try {
        refusesReadOnly(shared);
      } finally {
        rmSync(shared, { recursive: true, force: true });
      }
    },
  );

  function refusesReadOnly(shared: string): void {
    writeFileSync(join(shared, "ro.img"), "old");
    chmodSync(join(shared, "ro.img"), 0o444);
    writeFileSync(join(shared, "README"), "hello\n");
    const r = spawnSync("setpriv", [
      `--reuid=${nobody}`,
      `--regid=${nobody}`,
      "--clear-groups",
      process.execPath,
      bin,
      join(shared, "ro.img"),
      join(shared, "README"),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toBe(`xv6-mkfs: ${join(shared, "ro.img")}: permission denied\n`);
    expect(readFileSync(join(shared, "ro.img"), "utf8")).toBe("old");
    expect(statSync(join(shared, "ro.img")).uid).toBe(0);
    expect(readdirSync(shared).sort()).toEqual(["README", "ro.img"]);
  }

  const limited = (out: string) =>
    // An ignored SIGXFSZ stays ignored across exec, so the write fails with EFBIG instead of killing node.
    spawnSync("sh", [
      "-c",
      `trap '' XFSZ; ulimit -f 200 && exec "$0" "$@"`,
      process.execPath,
      bin,
      out,
      at("README"),
    ]);

  it.skipIf(!existsSync(bin))("leaves the old contents whole when growing the file fails", () => {
    const old = new Uint8Array(20_000).fill(0x5a);
    writeFileSync(at("grow.img"), old);
    const r = limited(at("grow.img"));
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toBe(`xv6-mkfs: ${at("grow.img")}: file too large\n`);
    expect(same(readBytes(at("grow.img")), old)).toBe(true);
  });

  it.skipIf(!existsSync(bin))("leaves no file behind when writing a new one fails", () => {
    const r = limited(at("new-limited.img"));
    expect(r.status).toBe(1);
    expect(existsSync(at("new-limited.img"))).toBe(false);
  });
});
