import { FsError } from "./errors.js";
import {
  BPB,
  BSIZE,
  DINODE_SIZE,
  DIRENT_SIZE,
  DIRSIZ,
  type Dinode,
  FSMAGIC,
  IPB,
  MAX_FILE_BYTES,
  NDIRECT,
  ROOTINO,
  readDinode,
  readDirent,
  readSuperblock,
  type Superblock,
  T_DIR,
} from "./format.js";
import { showName } from "./names.js";

export interface Inode extends Dinode {
  inum: number;
}

export interface DirEntry {
  name: string;
  /** The name's raw bytes (names are bytes on disk; `name` decodes them as UTF-8). */
  nameBytes: Uint8Array;
  inum: number;
  /** The entry's byte offset within its directory. */
  offset: number;
}

export interface Stat {
  inum: number;
  type: number;
  nlink: number;
  size: number;
}

export interface ListEntry extends Stat {
  name: string;
}

const encoder = new TextEncoder();

/** Whether the NUL-padded name at `at` is exactly `want`. */
function nameIs(data: Uint8Array, at: number, want: Uint8Array): boolean {
  for (let i = 0; i < want.length; i++) if (data[at + i] !== want[i]) return false;
  return want.length === DIRSIZ || data[at + want.length] === 0;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/**
 * What is wrong with a superblock for an image of `length` bytes. Problems marked fatal
 * leave nothing else in the image safe to read.
 */
export function superblockProblems(sb: Superblock, length: number): { message: string; fatal: boolean }[] {
  const fatal = (message: string) => ({ message, fatal: true });
  if (sb.magic !== FSMAGIC) {
    return [fatal(`superblock: bad magic ${hex(sb.magic)}, expected ${hex(FSMAGIC)}`)];
  }
  const problems: { message: string; fatal: boolean }[] = [];
  const held = Math.floor(length / BSIZE);
  if (held < sb.size) {
    problems.push(
      fatal(`image is truncated: the superblock says ${sb.size} blocks, the image holds ${held}`),
    );
  } else if (length !== sb.size * BSIZE) {
    problems.push({
      message: `image is ${length} bytes, not the ${sb.size * BSIZE} of the superblock's ${sb.size} blocks`,
      fatal: false,
    });
  }
  const dataStart = sb.size - sb.nblocks;
  const regions: [string, boolean][] = [
    ["nblocks is larger than size", sb.nblocks > sb.size],
    ["fewer than 2 inodes", sb.ninodes < 2],
    ["the log starts before block 2", sb.logstart < 2],
    ["the log is under 2 blocks", sb.nlog < 2],
    ["the inodes overlap the log", sb.inodestart < sb.logstart + sb.nlog],
    ["the bitmap overlaps the inodes", sb.bmapstart < sb.inodestart + Math.ceil(sb.ninodes / IPB)],
    ["the data blocks overlap the bitmap", dataStart < sb.bmapstart + Math.ceil(sb.size / BPB)],
  ];
  for (const [what, bad] of regions) {
    if (bad) problems.push(fatal(`superblock: ${what} (${describe(sb)})`));
  }
  return problems;
}

function describe(sb: Superblock): string {
  return `size ${sb.size} nblocks ${sb.nblocks} ninodes ${sb.ninodes} nlog ${sb.nlog} logstart ${sb.logstart} inodestart ${sb.inodestart} bmapstart ${sb.bmapstart}`;
}

/** A directory's contents as entries, in order, empty slots (inum 0) skipped. */
export function parseDirectory(data: Uint8Array): DirEntry[] {
  const entries: DirEntry[] = [];
  for (let offset = 0; offset + DIRENT_SIZE <= data.length; offset += DIRENT_SIZE) {
    const { inum, name } = readDirent(data, offset);
    if (inum !== 0) entries.push({ name: showName(name), nameBytes: name, inum, offset });
  }
  return entries;
}

/** Reads an xv6 image in memory. Throws FsError for an image whose superblock can't be trusted. */
export function openImage(bytes: Uint8Array): FsImage {
  return new FsImage(bytes);
}

export class FsImage {
  readonly sb: Superblock;
  /** The first data block: everything before it is metadata. */
  readonly dataStart: number;

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length < 2 * BSIZE) {
      throw new FsError(`image is ${bytes.length} bytes, too short to hold a superblock`);
    }
    this.sb = readSuperblock(bytes.subarray(BSIZE, 2 * BSIZE));
    const fatal = superblockProblems(this.sb, bytes.length).find((p) => p.fatal);
    if (fatal) throw new FsError(fatal.message);
    this.dataStart = this.sb.size - this.sb.nblocks;
  }

  block(b: number): Uint8Array {
    if (!Number.isInteger(b) || b < 0 || b >= this.sb.size) {
      throw new FsError(`block ${b} is outside the file system (${this.sb.size} blocks)`);
    }
    return this.bytes.subarray(b * BSIZE, (b + 1) * BSIZE);
  }

  inode(inum: number): Inode {
    if (!Number.isInteger(inum) || inum < 1 || inum >= this.sb.ninodes) {
      throw new FsError(`inode ${inum} is outside 1..${this.sb.ninodes - 1}`);
    }
    const block = Math.floor(inum / IPB) + this.sb.inodestart;
    return { inum, ...readDinode(this.bytes, block * BSIZE + (inum % IPB) * DINODE_SIZE) };
  }

  /** Every allocated inode (type not 0), in inode-number order. */
  *inodes(): Generator<Inode> {
    for (let inum = 1; inum < this.sb.ninodes; inum++) {
      const inode = this.inode(inum);
      if (inode.type !== 0) yield inode;
    }
  }

  /** Block numbers holding the file's bytes, one per block of its size; 0 where there is none. */
  fileBlocks(inode: Inode): number[] {
    if (inode.size > MAX_FILE_BYTES) {
      throw new FsError(`inode ${inode.inum} claims ${inode.size} bytes, more than a file can hold`);
    }
    const count = Math.ceil(inode.size / BSIZE);
    const blocks = inode.addrs.slice(0, Math.min(count, NDIRECT));
    if (count > NDIRECT) {
      const indirect = inode.addrs[NDIRECT];
      if (indirect === 0) return blocks.concat(new Array(count - NDIRECT).fill(0));
      const raw = this.block(indirect);
      const table = new DataView(raw.buffer, raw.byteOffset, BSIZE);
      for (let i = 0; i < count - NDIRECT; i++) blocks.push(table.getUint32(i * 4, true));
    }
    return blocks;
  }

  /** A file's bytes; a missing block reads as zeros, as the kernel would give them. */
  read(inode: Inode): Uint8Array {
    const out = new Uint8Array(Math.min(inode.size, MAX_FILE_BYTES));
    this.fileBlocks(inode).forEach((b, i) => {
      if (b === 0) return;
      const end = Math.min(BSIZE, inode.size - i * BSIZE);
      out.set(this.block(b).subarray(0, end), i * BSIZE);
    });
    return out;
  }

  /** A directory's entries in order, empty slots (inum 0) skipped. */
  entries(dir: Inode): DirEntry[] {
    return parseDirectory(this.read(dir));
  }

  /** The first entry of `dir` whose name, decoded as UTF-8, is `name`. */
  private find(dir: Inode, name: string): { inum: number } | undefined {
    // A name holding no U+FFFD decodes to `name` exactly when its bytes are `name`'s UTF-8, so the
    // bytes can be compared as they lie, without decoding every name on each step of every path.
    if (name.includes("\ufffd")) return this.entries(dir).find((e) => e.name === name);
    const want = encoder.encode(name);
    // No name on disk holds a NUL: it would end the name.
    if (want.length > DIRSIZ || want.includes(0)) return undefined;
    const data = this.read(dir);
    for (let off = 0; off + DIRENT_SIZE <= data.length; off += DIRENT_SIZE) {
      const inum = data[off] | (data[off + 1] << 8);
      if (inum !== 0 && nameIs(data, off + 2, want)) return { inum };
    }
    return undefined;
  }

  /** Resolves an absolute or root-relative path, as the kernel would from `/`. */
  lookup(path: string): Inode {
    let inode = this.inode(ROOTINO);
    let walked = "";
    for (const part of path.split("/").filter((p) => p !== "")) {
      if (inode.type !== T_DIR) throw new FsError(`${walked || "/"} is not a directory`);
      walked += `/${part}`;
      const entry = this.find(inode, part);
      if (!entry) throw new FsError(`${walked}: no such file or directory`);
      inode = this.inode(entry.inum);
      if (inode.type === 0) throw new FsError(`${walked}: its entry names free inode ${entry.inum}`);
    }
    return inode;
  }

  stat(path: string): Stat {
    const { inum, type, nlink, size } = this.lookup(path);
    return { inum, type, nlink, size };
  }

  /** What xv6's `ls path` shows: a directory's entries ("." and ".." included), or the file itself. */
  list(path: string): ListEntry[] {
    const inode = this.lookup(path);
    if (inode.type !== T_DIR) {
      const name =
        path
          .split("/")
          .filter((p) => p !== "")
          .pop() ?? "/";
      return [{ name, inum: inode.inum, type: inode.type, nlink: inode.nlink, size: inode.size }];
    }
    return this.entries(inode).map((e) => {
      const { type, nlink, size } = this.inode(e.inum);
      return { name: e.name, inum: e.inum, type, nlink, size };
    });
  }

  readFile(path: string): Uint8Array {
    const inode = this.lookup(path);
    if (inode.type === T_DIR) throw new FsError(`${path} is a directory`);
    return this.read(inode);
  }
}
