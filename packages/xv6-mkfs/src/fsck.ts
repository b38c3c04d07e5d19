import { printable } from "./errors.js";
import {
  BSIZE,
  MAX_FILE_BYTES,
  NDIRECT,
  ROOTINO,
  readSuperblock,
  T_DEVICE,
  T_DIR,
  T_FILE,
} from "./format.js";
import { FsImage, type Inode, parseDirectory, superblockProblems } from "./image.js";
import { type LogHeader, logHeaderProblems, readLogHeader, replayLog } from "./log.js";

export interface FsckOptions {
  /** Replay a committed transaction found in the log; this changes the image's bytes in place. */
  repair?: boolean;
}

export interface FsckReport {
  /** Each inconsistency found, one line each; empty for a clean image. */
  problems: string[];
  /** The log header as found, or undefined when the superblock was unreadable. */
  log: LogHeader | undefined;
  /** True when a committed transaction was replayed into the image. */
  replayed: boolean;
}

/** Checks an xv6 image for every inconsistency the format allows us to see. */
export function fsck(bytes: Uint8Array, options: FsckOptions = {}): FsckReport {
  const report: FsckReport = { problems: [], log: undefined, replayed: false };
  if (bytes.length < 2 * BSIZE) {
    report.problems.push(`image is ${bytes.length} bytes, too short to hold a superblock`);
    return report;
  }
  const found = superblockProblems(readSuperblock(bytes.subarray(BSIZE, 2 * BSIZE)), bytes.length);
  report.problems.push(...found.map((p) => p.message));
  if (found.some((p) => p.fatal)) return report;

  const image = new FsImage(bytes);
  const log = readLogHeader(image);
  report.log = log;
  const logProblems = logHeaderProblems(image, log);
  report.problems.push(...logProblems);
  if (logProblems.length === 0 && log.n > 0) {
    if (options.repair) {
      replayLog(image, log);
      report.replayed = true;
    } else {
      report.problems.push(
        `log: a committed transaction of ${log.n} blocks (${log.blocks.join(", ")}) is not installed yet; --repair replays it`,
      );
    }
  }
  new Checker(image, report.problems).run();
  return report;
}

const KNOWN_TYPES = new Set([T_DIR, T_FILE, T_DEVICE]);
const SLASH = 0x2f;

class Checker {
  /** For each block, the inode using it (0: none). */
  private readonly owner: Int32Array;
  private readonly inodes = new Map<number, Inode>();
  /** Blocks of each allocated inode, as far as they could be read. */
  private readonly blocks = new Map<number, number[]>();
  /** Entries other than "." and ".." naming each inode, and the first path seen for it. */
  private readonly names = new Map<number, number>();
  private readonly paths = new Map<number, string>();
  /** ".." entries pointing at each directory from its subdirectories. */
  private readonly dotdots = new Map<number, number>();

  constructor(
    private readonly image: FsImage,
    private readonly problems: string[],
  ) {
    this.owner = new Int32Array(image.sb.size);
  }

  run(): void {
    for (let inum = 1; inum < this.image.sb.ninodes; inum++) {
      const inode = this.image.inode(inum);
      if (inode.type === 0) continue;
      this.inodes.set(inum, inode);
      if (!KNOWN_TYPES.has(inode.type)) this.report(`inode ${inum}: unknown type ${inode.type}`);
      this.claimBlocks(inode);
    }
    this.walkTree();
    this.checkLinks();
    this.checkBitmap();
  }

  private report(message: string): void {
    // One problem a line: a name in the message may hold a newline.
    this.problems.push(printable(message));
  }

  private name(inum: number): string {
    const path = this.paths.get(inum);
    return path === undefined ? `inode ${inum}` : `inode ${inum} (${path})`;
  }

  private claim(inum: number, b: number, what: string): boolean {
    const { sb } = this.image;
    if (b < this.image.dataStart || b >= sb.size) {
      this.report(
        `inode ${inum}: ${what} is block ${b}, outside the data blocks ${this.image.dataStart}..${sb.size - 1}`,
      );
      return false;
    }
    const other = this.owner[b];
    if (other !== 0) {
      this.report(`block ${b} is used twice: by inode ${other} and by inode ${inum} (${what})`);
      return true;
    }
    this.owner[b] = inum;
    return true;
  }

  private claimBlocks(inode: Inode): void {
    const { inum, size, addrs } = inode;
    if (size > MAX_FILE_BYTES) {
      this.report(`inode ${inum}: size ${size} is over the ${MAX_FILE_BYTES}-byte maximum`);
    }
    const needed = Math.ceil(Math.min(size, MAX_FILE_BYTES) / BSIZE);
    const blocks: number[] = [];
    const take = (fbn: number, b: number) => {
      if (fbn < needed) blocks.push(b);
      if (b === 0) return;
      if (fbn >= needed)
        this.report(`inode ${inum}: file block ${fbn} (block ${b}) lies past its size ${size}`);
      if (!this.claim(inum, b, `file block ${fbn}`) && fbn < needed) blocks[fbn] = 0;
    };
    for (let fbn = 0; fbn < NDIRECT; fbn++) take(fbn, addrs[fbn]);
    const indirect = addrs[NDIRECT];
    if (indirect !== 0) {
      if (needed <= NDIRECT)
        this.report(`inode ${inum}: holds indirect block ${indirect} but its size ${size} needs none`);
      if (this.claim(inum, indirect, "its indirect block")) {
        const raw = this.image.block(indirect);
        const table = new DataView(raw.buffer, raw.byteOffset, BSIZE);
        for (let i = 0; i < BSIZE / 4; i++) take(NDIRECT + i, table.getUint32(i * 4, true));
      }
    }
    while (blocks.length < needed) blocks.push(0);
    this.blocks.set(inum, blocks);
    const missing: number[] = [];
    blocks.forEach((b, fbn) => {
      // mkfs rounds the root directory's size up a whole block without allocating it when
      // the entries end on a block boundary; the kernel allocates such a block on first use.
      const mkfsHole = inode.type === T_DIR && fbn === needed - 1 && size % BSIZE === 0;
      if (b === 0 && !mkfsHole) missing.push(fbn);
    });
    for (const [from, to] of runs(missing)) {
      const which = from === to ? `file block ${from}, which is` : `file blocks ${from}..${to}, which are`;
      this.report(`inode ${inum}: size ${size} needs ${which} missing`);
    }
  }

  private readDir(dir: Inode): Uint8Array {
    const blocks = this.blocks.get(dir.inum) ?? [];
    const data = new Uint8Array(blocks.length * BSIZE);
    blocks.forEach((b, i) => {
      if (b !== 0) data.set(this.image.block(b), i * BSIZE);
    });
    return data.subarray(0, Math.min(dir.size, data.length));
  }

  private walkTree(): void {
    const root = this.inodes.get(ROOTINO);
    if (!root || root.type !== T_DIR) {
      this.report(`root inode ${ROOTINO} is not a directory`);
      return;
    }
    this.paths.set(ROOTINO, "/");
    const queue: [Inode, number][] = [[root, ROOTINO]];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [dir, parent] = next;
      for (const sub of this.checkDir(dir, parent)) queue.push([sub, dir.inum]);
    }
  }

  /** Checks one directory's entries; returns the subdirectories first reached through it. */
  private checkDir(dir: Inode, parent: number): Inode[] {
    const path = this.paths.get(dir.inum) ?? "?";
    const prefix = path === "/" ? "/" : `${path}/`;
    if (dir.size % 16 !== 0) this.report(`directory ${path}: size ${dir.size} is not a multiple of 16`);
    const entries = parseDirectory(this.readDir(dir));
    const at = (offset: number) => entries.find((e) => e.offset === offset);
    const dot = at(0);
    if (dot?.name !== "." || dot.inum !== dir.inum) {
      this.report(`directory ${path}: first entry is not "." naming itself (inode ${dir.inum})`);
    }
    const dotdot = at(16);
    if (dotdot?.name !== ".." || dotdot.inum !== parent) {
      this.report(`directory ${path}: second entry is not ".." naming its parent (inode ${parent})`);
    } else if (dotdot.inum !== dir.inum) {
      this.dotdots.set(parent, (this.dotdots.get(parent) ?? 0) + 1);
    }
    const subdirs: Inode[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      if (e.offset < 32 && (e.name === "." || e.name === "..")) continue;
      const where = `directory ${path}: entry "${e.name}"`;
      if (e.name === "." || e.name === ".." || e.name === "") {
        this.report(`${where} at offset ${e.offset} is misplaced or empty`);
        continue;
      }
      if (e.nameBytes.includes(SLASH)) this.report(`${where} has a "/" in its name, so no path reaches it`);
      // The kernel compares raw bytes: two names that display alike may still differ.
      const key = String.fromCharCode(...e.nameBytes);
      if (seen.has(key)) this.report(`${where} appears twice`);
      seen.add(key);
      const target = this.inodes.get(e.inum);
      if (e.inum >= this.image.sb.ninodes) {
        this.report(`${where} names inode ${e.inum}, past the last inode ${this.image.sb.ninodes - 1}`);
        continue;
      }
      if (!target) {
        this.report(`${where} names inode ${e.inum}, which is free`);
        continue;
      }
      this.names.set(e.inum, (this.names.get(e.inum) ?? 0) + 1);
      if (this.paths.has(e.inum)) {
        if (target.type === T_DIR)
          this.report(`${where} is a second name for directory ${this.name(e.inum)}`);
        continue;
      }
      this.paths.set(e.inum, prefix + e.name);
      if (target.type === T_DIR) subdirs.push(target);
    }
    return subdirs;
  }

  private checkLinks(): void {
    for (const [inum, inode] of this.inodes) {
      const names = this.names.get(inum) ?? 0;
      if (names === 0 && inum !== ROOTINO) {
        this.report(
          `inode ${inum} (type ${inode.type}, size ${inode.size}) is allocated but no directory names it`,
        );
        continue;
      }
      // The kernel counts a directory's name in its parent, plus one per subdirectory's ".."; the
      // root has no name but mkfs starts it at one all the same.
      const expected = names + (this.dotdots.get(inum) ?? 0) + (inum === ROOTINO ? 1 : 0);
      if (inode.nlink !== expected) {
        this.report(`${this.name(inum)}: link count ${inode.nlink}, but ${expected} links refer to it`);
      }
    }
  }

  private checkBitmap(): void {
    const { sb } = this.image;
    const bitmap = this.image.bytes.subarray(sb.bmapstart * BSIZE);
    const unmarked: number[] = [];
    const unused: number[] = [];
    for (let b = 0; b < sb.size; b++) {
      const used = b < this.image.dataStart || this.owner[b] !== 0;
      const marked = (bitmap[b >> 3] & (1 << (b & 7))) !== 0;
      if (used && !marked) unmarked.push(b);
      if (marked && !used) unused.push(b);
    }
    for (const [from, to] of runs(unmarked)) {
      this.report(
        from === to
          ? `block ${from} is in use but free in the bitmap`
          : `blocks ${from}..${to} are in use but free in the bitmap`,
      );
    }
    for (const [from, to] of runs(unused)) {
      this.report(
        from === to
          ? `block ${from} is marked in use in the bitmap but unused`
          : `blocks ${from}..${to} are marked in use in the bitmap but unused`,
      );
    }
  }
}

/** Ascending numbers grouped into runs of consecutive ones, so a wiped region is one line, not thousands. */
function runs(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}
