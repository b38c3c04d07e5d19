import { FsError } from "./errors.js";
import {
  BPB,
  BSIZE,
  bitmapBlock,
  DINODE_SIZE,
  DIRENT_SIZE,
  IPB,
  inodeBlock,
  MAX_FILE_BYTES,
  NDIRECT,
  ROOTINO,
  T_DIR,
  T_FILE,
  writeDinode,
  writeDirent,
} from "./format.js";
import { FsImage, type Inode, parseDirectory } from "./image.js";
import { logHeaderProblems, readLogHeader, replayLog } from "./log.js";
import { type FileEntry, writeFileBytes } from "./mkfs.js";
import { encodeName, showName } from "./names.js";

/**
 * A copy of `image` with `files` written into its root directory, as a guest creating them would
 * leave the disk: a file whose name is taken is overwritten (its old blocks freed), a new one gets
 * the lowest free inode, and the entry goes in the directory's first free slot. A committed
 * transaction still in the log is installed first, as the kernel does at boot, since replaying it
 * later could overwrite what is added here. `image` itself is not changed.
 */
export function addFiles(image: Uint8Array, files: readonly FileEntry[]): Uint8Array {
  const fs = new FsImage(image.slice());
  const header = readLogHeader(fs);
  const problems = logHeaderProblems(fs, header);
  if (problems.length > 0) throw new FsError(problems[0]);
  if (header.n > 0) replayLog(fs, header);
  const root = fs.inode(ROOTINO);
  if (root.type !== T_DIR) throw new FsError("the root inode is not a directory");
  const writer = new Writer(fs);
  for (const file of files) writer.add(root, encodeName(file.name), file.bytes);
  return fs.bytes;
}

class Writer {
  private readonly view: DataView;

  constructor(private readonly fs: FsImage) {
    this.view = new DataView(fs.bytes.buffer, fs.bytes.byteOffset, fs.bytes.byteLength);
  }

  add(root: Inode, name: Uint8Array, bytes: Uint8Array): void {
    const shown = showName(name);
    if (bytes.length > MAX_FILE_BYTES)
      throw new FsError(`file "${shown}" is ${bytes.length} bytes; xv6 files hold at most ${MAX_FILE_BYTES}`);
    const dir = parseDirectory(this.fs.read(root));
    const old = dir.find((e) => showName(e.nameBytes) === shown);
    let inode: Inode;
    if (old !== undefined) {
      inode = this.fs.inode(old.inum);
      if (inode.type !== T_FILE) throw new FsError(`"${shown}" is there already, and is not a file`);
      this.truncate(inode);
    } else {
      inode = this.allocInode();
      this.linkInto(root, inode.inum, name);
    }
    this.write(inode, bytes);
  }

  private allocInode(): Inode {
    for (let inum = 1; inum < this.fs.sb.ninodes; inum++) {
      const inode = this.fs.inode(inum);
      if (inode.type === 0) {
        const fresh = {
          inum,
          type: T_FILE,
          major: 0,
          minor: 0,
          nlink: 1,
          size: 0,
          addrs: new Array(NDIRECT + 1).fill(0),
        };
        this.save(fresh);
        return fresh;
      }
    }
    throw new FsError(`no free inode: all ${this.fs.sb.ninodes - 1} are in use`);
  }

  /** Puts the entry in the directory's first empty slot, or after its last one. */
  private linkInto(dir: Inode, inum: number, name: Uint8Array): void {
    const data = this.fs.read(dir);
    let off = 0;
    while (off + DIRENT_SIZE <= data.length && (data[off] | (data[off + 1] << 8)) !== 0) off += DIRENT_SIZE;
    const entry = new Uint8Array(DIRENT_SIZE);
    writeDirent(entry, 0, inum, name);
    this.writeAt(dir, off, entry);
    dir.size = Math.max(dir.size, off + DIRENT_SIZE);
    this.save(dir);
  }

  private write(inode: Inode, bytes: Uint8Array): void {
    this.writeAt(inode, 0, bytes);
    inode.size = bytes.length;
    this.save(inode);
  }

  private writeAt(inode: Inode, off: number, bytes: Uint8Array): void {
    writeFileBytes(this.fs.bytes, inode, off, bytes, () => this.allocBlock());
  }

  /** Frees every block of a file, as the kernel's itrunc does, leaving it empty. */
  private truncate(inode: Inode): void {
    for (let i = 0; i < NDIRECT; i++) {
      if (inode.addrs[i] !== 0) this.freeBlock(inode.addrs[i]);
      inode.addrs[i] = 0;
    }
    const indirect = inode.addrs[NDIRECT];
    if (indirect !== 0) {
      for (let i = 0; i < BSIZE / 4; i++) {
        const b = this.view.getUint32(indirect * BSIZE + i * 4, true);
        if (b !== 0) this.freeBlock(b);
      }
      this.freeBlock(indirect);
      inode.addrs[NDIRECT] = 0;
    }
    inode.size = 0;
  }

  // A block handed out is zeroed, as the kernel's balloc does: the file's last block and the
  // indirect block must not show what a freed block held.
  private allocBlock(): number {
    const { sb } = this.fs;
    for (let b = this.fs.dataStart; b < sb.size; b++) {
      const { at, bit } = this.bit(b);
      if ((this.fs.bytes[at] & bit) === 0) {
        this.fs.bytes[at] |= bit;
        this.fs.block(b).fill(0);
        return b;
      }
    }
    throw new FsError(`the file system is full: all ${sb.nblocks} data blocks are in use`);
  }

  private freeBlock(b: number): void {
    this.fs.block(b); // throws for a block outside the file system
    const { at, bit } = this.bit(b);
    this.fs.bytes[at] &= ~bit;
  }

  private bit(b: number): { at: number; bit: number } {
    const at = bitmapBlock(this.fs.sb, b) * BSIZE + Math.floor((b % BPB) / 8);
    return { at, bit: 1 << (b % 8) };
  }

  private save(inode: Inode): void {
    const at = inodeBlock(this.fs.sb, inode.inum) * BSIZE + (inode.inum % IPB) * DINODE_SIZE;
    writeDinode(this.fs.bytes, at, inode);
  }
}
