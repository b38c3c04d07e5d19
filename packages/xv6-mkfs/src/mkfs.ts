import { FsError } from "./errors.js";
import {
  BSIZE,
  DINODE_SIZE,
  DIRENT_SIZE,
  type Dinode,
  IPB,
  MAX_FILE_BYTES,
  MAXFILE,
  NDIRECT,
  NINDIRECT,
  ROOTINO,
  T_DIR,
  T_FILE,
  writeDinode,
  writeDirent,
  writeSuperblock,
} from "./format.js";
import { type Layout, layoutFor, type MkfsOptions } from "./layout.js";
import { encodeName, showName } from "./names.js";

export interface FileEntry {
  /** The name in the root directory, as is: see `imageName` for mkfs's renaming of host paths. */
  name: string | Uint8Array;
  bytes: Uint8Array;
}

/** Blocks a file of `length` bytes occupies, its indirect block included. */
export function blocksFor(length: number): number {
  const data = Math.ceil(length / BSIZE);
  return data > NDIRECT ? data + 1 : data;
}

/** The root directory's size after mkfs rounds it: always up to the next block, even from a boundary. */
export function rootSizeFor(entries: number): number {
  return (Math.floor((entries * DIRENT_SIZE) / BSIZE) + 1) * BSIZE;
}

/**
 * Builds an xv6 file system image holding `files` in its root directory, in order,
 * with the same bytes xv6's mkfs writes for the same files and parameters.
 */
export function buildImage(files: readonly FileEntry[], options: MkfsOptions = {}): Uint8Array {
  const layout = layoutFor(options);
  const names = checkFiles(files, layout);
  return new Builder(layout).build(files, names);
}

function checkFiles(files: readonly FileEntry[], { sb, nmeta }: Layout): Uint8Array[] {
  // The kernel only hands out inodes 1 .. ninodes-1, and the root takes inode 1.
  if (files.length > sb.ninodes - 2) {
    throw new FsError(
      `${files.length} files need ${files.length + 1} inodes with the root, but ninodes ${sb.ninodes} leaves ${sb.ninodes - 1}`,
    );
  }
  const entries = files.length + 2;
  if (rootSizeFor(entries) > MAX_FILE_BYTES) {
    throw new FsError(`${files.length} files are too many for one directory (at most ${MAXFILE} blocks)`);
  }
  const seen = new Set<string>();
  const names = files.map((file) => {
    const name = encodeName(file.name);
    const key = showName(name);
    if (seen.has(key)) throw new FsError(`name "${key}" appears twice`);
    seen.add(key);
    if (file.bytes.length > MAX_FILE_BYTES) {
      throw new FsError(
        `file "${key}" is ${file.bytes.length} bytes; xv6 files hold at most ${MAX_FILE_BYTES} (${NDIRECT} + ${NINDIRECT} blocks)`,
      );
    }
    return name;
  });
  let needed = blocksFor(entries * DIRENT_SIZE);
  for (const file of files) needed += blocksFor(file.bytes.length);
  if (needed > sb.nblocks) {
    throw new FsError(
      `the files need ${needed} data blocks but an image of ${sb.size} blocks has ${sb.nblocks} (the first ${nmeta} hold metadata)`,
    );
  }
  return names;
}

interface Inode extends Dinode {
  inum: number;
}

/**
 * Writes `bytes` into a file's blocks from byte `off`, taking a block from `alloc` wherever the
 * file has none yet (its indirect block just before its 13th data block); the size is the caller's.
 */
export function writeFileBytes(
  image: Uint8Array,
  inode: Dinode,
  off: number,
  bytes: Uint8Array,
  alloc: () => number,
): void {
  const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
  const blockOf = (fbn: number): number => {
    if (fbn < NDIRECT) {
      if (inode.addrs[fbn] === 0) inode.addrs[fbn] = alloc();
      return inode.addrs[fbn];
    }
    if (inode.addrs[NDIRECT] === 0) inode.addrs[NDIRECT] = alloc();
    const slot = inode.addrs[NDIRECT] * BSIZE + (fbn - NDIRECT) * 4;
    let block = view.getUint32(slot, true);
    if (block === 0) {
      block = alloc();
      view.setUint32(slot, block, true);
    }
    return block;
  };
  let done = 0;
  while (done < bytes.length) {
    const fbn = Math.floor((off + done) / BSIZE);
    const within = (off + done) % BSIZE;
    const n = Math.min(bytes.length - done, BSIZE - within);
    image.set(bytes.subarray(done, done + n), blockOf(fbn) * BSIZE + within);
    done += n;
  }
}

// Allocates blocks lazily and in the same order as mkfs: a file's indirect block is taken just
// before its 13th data block, and a new root-directory block just before the data of the file
// whose entry crossed into it. That order is what makes the images byte-identical.
class Builder {
  private readonly image: Uint8Array;
  private freeblock: number;
  private freeinode = ROOTINO;

  constructor(private readonly layout: Layout) {
    this.image = new Uint8Array(layout.sb.size * BSIZE);
    this.freeblock = layout.nmeta;
  }

  build(files: readonly FileEntry[], names: Uint8Array[]): Uint8Array {
    writeSuperblock(this.image.subarray(BSIZE, 2 * BSIZE), this.layout.sb);
    const root = this.allocInode(T_DIR);
    this.appendEntry(root, root.inum, new Uint8Array([0x2e]));
    this.appendEntry(root, root.inum, new Uint8Array([0x2e, 0x2e]));
    files.forEach((file, i) => {
      const inode = this.allocInode(T_FILE);
      this.appendEntry(root, inode.inum, names[i]);
      this.append(inode, file.bytes);
      this.writeInode(inode);
    });
    root.size = rootSizeFor(root.size / DIRENT_SIZE);
    this.writeInode(root);
    this.markUsed(this.freeblock);
    return this.image;
  }

  private allocInode(type: number): Inode {
    const inode: Inode = {
      inum: this.freeinode++,
      type,
      major: 0,
      minor: 0,
      nlink: 1,
      size: 0,
      addrs: new Array(NDIRECT + 1).fill(0),
    };
    this.writeInode(inode);
    return inode;
  }

  private writeInode(inode: Inode): void {
    const block = Math.floor(inode.inum / IPB) + this.layout.sb.inodestart;
    writeDinode(this.image, block * BSIZE + (inode.inum % IPB) * DINODE_SIZE, inode);
  }

  private appendEntry(dir: Inode, inum: number, name: Uint8Array): void {
    const entry = new Uint8Array(DIRENT_SIZE);
    writeDirent(entry, 0, inum, name);
    this.append(dir, entry);
  }

  private append(inode: Inode, bytes: Uint8Array): void {
    writeFileBytes(this.image, inode, inode.size, bytes, () => this.allocBlock());
    inode.size += bytes.length;
  }

  private allocBlock(): number {
    // checkFiles counted the blocks beforehand; running out here would be a bug.
    if (this.freeblock >= this.layout.sb.size) throw new Error("xv6-mkfs: ran out of blocks");
    return this.freeblock++;
  }

  // Marks blocks 0 .. used-1 in use; mkfs only writes the first bitmap block, which is all
  // it can fill, while this also spans later bitmap blocks for images of over 8192 used blocks.
  private markUsed(used: number): void {
    const start = this.layout.sb.bmapstart * BSIZE;
    const full = used >> 3;
    this.image.fill(0xff, start, start + full);
    if (used & 7) this.image[start + full] = (1 << (used & 7)) - 1;
  }
}
