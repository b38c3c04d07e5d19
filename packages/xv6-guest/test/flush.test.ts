// Durability: the kernel must issue virtio-blk FLUSH requests where the
// log needs them (kernel/log.c), so that what a completed command wrote
// survives a host crash, and a crash at any moment leaves a disk that
// recovers to a consistent state.
//
// QEMU's blklogwrites block driver records, in order, every write and
// every flush that reaches the image, and only counts an entry as logged
// once a later flush has made it durable. We boot on such a disk, write
// files from the shell, kill QEMU (a crash), then check the recorded
// order against the log protocol, and rebuild the disk as a host crash
// right after the last flush would have left it: the durable writes
// replayed onto the disk the boot found. The next boot starts from that
// disk; each crashed disk, recovered as the kernel would, must hold the
// files of every command that completed.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildImage, Guest, hasQemu, noQemuReason } from "./qemu";

const BSIZE = 1024;
const SECTOR = 512;

// dm-log-writes format, as QEMU's blklogwrites writes it (little endian):
// sector 0 holds magic, version, entry count, sector size; each entry is
// one sector (target sector, sectors, flags, data length) followed by
// its data sectors.
const LOG_MAGIC = 0x6a736677736872n;
const LOG_FLUSH = 1n;
const LOG_DISCARD = 4n;

interface Entry {
  flush: boolean;
  sector: number;
  data: Uint8Array;
}

function readLog(log: Uint8Array): Entry[] {
  const v = new DataView(log.buffer, log.byteOffset, log.byteLength);
  if (log.length < SECTOR || v.getBigUint64(0, true) !== LOG_MAGIC) return [];
  const count = Number(v.getBigUint64(16, true));
  const sectorSize = v.getUint32(24, true);
  const entries: Entry[] = [];
  let at = sectorSize;
  for (let i = 0; i < count; i++) {
    const sector = Number(v.getBigUint64(at, true));
    const n = Number(v.getBigUint64(at + 8, true));
    const flags = v.getBigUint64(at + 16, true);
    at += sectorSize;
    const bytes = flags & LOG_DISCARD ? 0 : n * sectorSize;
    entries.push({ flush: (flags & LOG_FLUSH) !== 0n, sector, data: log.subarray(at, at + bytes) });
    at += bytes;
  }
  return entries;
}

/** The file system's log area, from the superblock: header block, then the logged blocks. */
function logArea(img: Uint8Array): { start: number; size: number } {
  const v = new DataView(img.buffer, img.byteOffset);
  return { size: v.getUint32(BSIZE + 16, true), start: v.getUint32(BSIZE + 20, true) };
}

/** Recovery as at boot: a header with a count means a committed group; install it. */
function recover(img: Uint8Array): void {
  const { start } = logArea(img);
  const v = new DataView(img.buffer, img.byteOffset);
  const n = v.getInt32(start * BSIZE, true);
  for (let i = 0; i < n; i++) {
    const home = v.getInt32(start * BSIZE + 4 + 4 * i, true);
    img.copyWithin(home * BSIZE, (start + 1 + i) * BSIZE, (start + 2 + i) * BSIZE);
  }
  v.setInt32(start * BSIZE, 0, true);
}

/** Contents of the file `name` in the root directory, or undefined. */
function readRootFile(img: Uint8Array, name: string): Uint8Array | undefined {
  const v = new DataView(img.buffer, img.byteOffset);
  const inodeStart = v.getUint32(BSIZE + 24, true);
  const inode = (inum: number) => (inodeStart + Math.floor(inum / 16)) * BSIZE + (inum % 16) * 64;
  const read = (inum: number): Uint8Array => {
    const off = inode(inum);
    const size = v.getUint32(off + 8, true);
    const out = new Uint8Array(size);
    for (let pos = 0; pos < size; pos += BSIZE) {
      const fbn = pos / BSIZE;
      const bno =
        fbn < 12
          ? v.getUint32(off + 12 + 4 * fbn, true)
          : v.getUint32(v.getUint32(off + 12 + 48, true) * BSIZE + 4 * (fbn - 12), true);
      out.set(img.subarray(bno * BSIZE, bno * BSIZE + Math.min(BSIZE, size - pos)), pos);
    }
    return out;
  };
  const dir = read(1);
  for (let i = 0; i + 16 <= dir.length; i += 16) {
    const inum = dir[i] | (dir[i + 1] << 8);
    const end = dir.indexOf(0, i + 2);
    const ent = new TextDecoder().decode(dir.subarray(i + 2, end < 0 || end > i + 16 ? i + 16 : end));
    if (inum !== 0 && ent === name) return read(inum);
  }
  return undefined;
}

type Kind = "log" | "commit" | "clear" | "home";

/**
 * Each write that must be durable before a write of a kind is started,
 * the protocol of kernel/log.c: log blocks, flush, header, flush, home
 * blocks, flush, cleared header, flush, next group's log blocks.
 */
const MUST_PRECEDE: Record<Kind, Kind> = { commit: "log", home: "commit", clear: "home", log: "clear" };

/** Breaches of the protocol in the recorded order: writes that an earlier, unflushed write should have preceded. */
function orderErrors(entries: Entry[], log: { start: number; size: number }): string[] {
  const errors: string[] = [];
  const pending = new Set<Kind>();
  for (const [i, e] of entries.entries()) {
    if (e.flush) {
      pending.clear();
      continue;
    }
    for (let off = 0; off < e.data.length; off += BSIZE) {
      const block = (e.sector * SECTOR + off) / BSIZE;
      let kind: Kind = "home";
      if (block === log.start) {
        const n = new DataView(e.data.buffer, e.data.byteOffset + off).getInt32(0, true);
        kind = n > 0 ? "commit" : "clear";
      } else if (block > log.start && block < log.start + log.size) {
        kind = "log";
      }
      if (pending.has(MUST_PRECEDE[kind]))
        errors.push(
          `entry ${i}: ${kind} write of block ${block} with ${MUST_PRECEDE[kind]} writes not flushed`,
        );
      pending.add(kind);
    }
  }
  return errors;
}

/** One boot: what reached its disk, and the disk a host crash right after its last flush leaves. */
interface Boot {
  cpus: number;
  entries: Entry[];
  crashed: Uint8Array;
}

describe.skipIf(!hasQemu)(
  `FLUSH at log commit, on QEMU${hasQemu ? "" : ` (skipped: ${noQemuReason})`}`,
  () => {
    let dir: string;
    let area: { start: number; size: number };
    const boots: Boot[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "xv6-flush-"));
      const image = buildImage(dir);
      const logFile = join(dir, "writes.log");
      const drive = [
        "driver=blklogwrites",
        `file.driver=file,file.filename=${image}`,
        `log.driver=file,log.filename=${logFile}`,
        "if=none,id=x0",
      ].join(",");
      // Each boot starts from the disk the previous one's crash left, and
      // must recover it.
      for (const cpus of [1, 3]) {
        const found = new Uint8Array(readFileSync(image));
        area ??= logArea(found);
        writeFileSync(logFile, "");
        const guest = new Guest({ cpus, drive });
        try {
          await guest.prompt();
          await guest.run(`mkdir d${cpus}`);
          await guest.run(`echo saved by ${cpus} > d${cpus}/f`);
          await guest.run(`echo also saved by ${cpus} > s${cpus}`);
        } finally {
          await guest.kill();
        }
        const entries = readLog(new Uint8Array(readFileSync(logFile)));
        const crashed = found.slice();
        for (const e of entries) crashed.set(e.data, e.sector * SECTOR);
        boots.push({ cpus, entries, crashed });
        writeFileSync(image, crashed);
      }
    }, 180_000);

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("issues FLUSH requests", () => {
      for (const b of boots)
        expect(b.entries.filter((e) => e.flush).length, `${b.cpus} hart(s)`).toBeGreaterThan(0);
    });

    it("flushes between each step of a commit (log, header, home blocks, cleared header)", () => {
      for (const b of boots) {
        expect(b.entries.filter((e) => !e.flush).length).toBeGreaterThan(0);
        expect(orderErrors(b.entries, area), `${b.cpus} hart(s)`).toEqual([]);
      }
    });

    it("keeps every completed command's files across a crash right after the last flush", () => {
      const text = (img: Uint8Array, name: string) => new TextDecoder().decode(readRootFile(img, name));
      for (const [i, b] of boots.entries()) {
        const img = b.crashed.slice();
        recover(img);
        for (const earlier of boots.slice(0, i + 1)) {
          const what = `s${earlier.cpus} after the crash of the boot on ${b.cpus} hart(s)`;
          expect(text(img, `s${earlier.cpus}`), what).toBe(`also saved by ${earlier.cpus}\n`);
        }
      }
    });
  },
);

if (!hasQemu) {
  describe("FLUSH at log commit, on QEMU", () => {
    it.skip(`skipped: ${noQemuReason}`, () => {});
  });
}
