import {
  BSIZE,
  DINODE_SIZE,
  DIRENT_SIZE,
  type Dinode,
  IPB,
  NDIRECT,
  readDinode,
  readSuperblock,
  type Superblock,
  T_DIR,
  T_FILE,
  writeDinode,
  writeDirent,
} from "../format.js";

const encoder = new TextEncoder();

/**
 * Changes an image the way the kernel's system calls would (mkdir, create, link), so the fuzzer
 * starts from consistent images with subdirectories, which mkfs alone never makes.
 */
export class ImageEditor {
  readonly sb: Superblock;
  readonly dataStart: number;
  private readonly view: DataView;

  constructor(readonly img: Uint8Array) {
    this.sb = readSuperblock(img.subarray(BSIZE, 2 * BSIZE));
    this.dataStart = this.sb.size - this.sb.nblocks;
    this.view = new DataView(img.buffer, img.byteOffset, img.byteLength);
  }

  inodeOffset(inum: number): number {
    return (this.sb.inodestart + Math.floor(inum / IPB)) * BSIZE + (inum % IPB) * DINODE_SIZE;
  }

  inode(inum: number): Dinode {
    return readDinode(this.img, this.inodeOffset(inum));
  }

  private put(inum: number, d: Dinode): void {
    writeDinode(this.img, this.inodeOffset(inum), d);
  }

  private allocInode(type: number): number {
    for (let inum = 1; inum < this.sb.ninodes; inum++) {
      if (this.inode(inum).type !== 0) continue;
      this.put(inum, { type, major: 0, minor: 0, nlink: 0, size: 0, addrs: new Array(NDIRECT + 1).fill(0) });
      return inum;
    }
    throw new Error("editor: out of inodes");
  }

  private allocBlock(): number {
    const map = this.sb.bmapstart * BSIZE;
    for (let b = this.dataStart; b < this.sb.size; b++) {
      if (this.img[map + (b >> 3)] & (1 << (b & 7))) continue;
      this.img[map + (b >> 3)] |= 1 << (b & 7);
      this.img.fill(0, b * BSIZE, (b + 1) * BSIZE);
      return b;
    }
    throw new Error("editor: out of blocks");
  }

  /** The block holding file block `fbn`, allocated on the way as the kernel's bmap does. */
  private blockOf(d: Dinode, fbn: number): number {
    if (fbn < NDIRECT) {
      if (d.addrs[fbn] === 0) d.addrs[fbn] = this.allocBlock();
      return d.addrs[fbn];
    }
    if (d.addrs[NDIRECT] === 0) d.addrs[NDIRECT] = this.allocBlock();
    const slot = d.addrs[NDIRECT] * BSIZE + (fbn - NDIRECT) * 4;
    if (this.view.getUint32(slot, true) === 0) this.view.setUint32(slot, this.allocBlock(), true);
    return this.view.getUint32(slot, true);
  }

  private write(inum: number, bytes: Uint8Array, offset: number): void {
    const d = this.inode(inum);
    for (let done = 0; done < bytes.length; ) {
      const off = offset + done;
      const within = off % BSIZE;
      const n = Math.min(bytes.length - done, BSIZE - within);
      const b = this.blockOf(d, Math.floor(off / BSIZE));
      this.img.set(bytes.subarray(done, done + n), b * BSIZE + within);
      done += n;
    }
    d.size = Math.max(d.size, offset + bytes.length);
    this.put(inum, d);
  }

  /** Adds an entry in the directory's first free slot, or at its end, as the kernel's dirlink does. */
  private dirlink(dir: number, name: string, inum: number): void {
    const d = this.inode(dir);
    let offset = d.size;
    for (let off = 0; off < d.size; off += DIRENT_SIZE) {
      const at = this.blockOf(d, Math.floor(off / BSIZE)) * BSIZE + (off % BSIZE);
      if (this.view.getUint16(at, true) === 0) {
        offset = off;
        break;
      }
    }
    this.put(dir, d);
    const entry = new Uint8Array(DIRENT_SIZE);
    writeDirent(entry, 0, inum, encoder.encode(name));
    this.write(dir, entry, offset);
  }

  private addLink(inum: number): void {
    const d = this.inode(inum);
    d.nlink++;
    this.put(inum, d);
  }

  create(dir: number, name: string, bytes: Uint8Array, type = T_FILE, major = 0): number {
    const inum = this.allocInode(type);
    const d = this.inode(inum);
    this.put(inum, { ...d, major, nlink: 1 });
    this.write(inum, bytes, 0);
    this.dirlink(dir, name, inum);
    return inum;
  }

  mkdir(parent: number, name: string): number {
    const inum = this.allocInode(T_DIR);
    this.put(inum, { ...this.inode(inum), nlink: 1 });
    this.dirlink(inum, ".", inum);
    this.dirlink(inum, "..", parent);
    this.dirlink(parent, name, inum);
    // The child's ".." counts as a link to the parent; its own "." does not count.
    this.addLink(parent);
    return inum;
  }

  link(dir: number, name: string, inum: number): void {
    this.dirlink(dir, name, inum);
    this.addLink(inum);
  }

  /**
   * Writes a log header of `n` committed blocks and the log's copies of `homes`' contents in `source`,
   * as the kernel leaves the log after a commit (n > 0) or after installing it (n = 0, the old
   * block numbers and copies left behind).
   */
  writeLog(homes: number[], n: number, source: Uint8Array = this.img): void {
    const head = this.sb.logstart * BSIZE;
    if (homes.length > this.sb.nlog - 1) throw new Error("editor: transaction too large for the log");
    this.view.setInt32(head, n, true);
    homes.forEach((home, i) => {
      this.view.setUint32(head + 4 + 4 * i, home, true);
      const copy = (this.sb.logstart + 1 + i) * BSIZE;
      this.img.set(source.subarray(home * BSIZE, (home + 1) * BSIZE), copy);
    });
  }
}
