// xv6's on-disk format (kernel/fs.h, kernel/stat.h). Every field is little-endian: RISC-V is.

export const BSIZE = 1024;
export const FSMAGIC = 0x10203040;
export const ROOTINO = 1;
export const NDIRECT = 12;
export const NINDIRECT = BSIZE / 4;
export const MAXFILE = NDIRECT + NINDIRECT;
export const MAX_FILE_BYTES = MAXFILE * BSIZE;
export const DINODE_SIZE = 64;
export const IPB = BSIZE / DINODE_SIZE;
export const BPB = BSIZE * 8;
export const DIRSIZ = 14;
export const DIRENT_SIZE = 16;
export const SUPERBLOCK_SIZE = 32;

export const T_DIR = 1;
export const T_FILE = 2;
export const T_DEVICE = 3;

export interface Superblock {
  magic: number;
  /** Blocks in the file system, metadata included. */
  size: number;
  /** Data blocks: size minus boot, super, log, inode and bitmap blocks. */
  nblocks: number;
  ninodes: number;
  nlog: number;
  logstart: number;
  inodestart: number;
  bmapstart: number;
}

export interface Dinode {
  type: number;
  major: number;
  minor: number;
  nlink: number;
  size: number;
  /** NDIRECT direct block numbers, then the single-indirect block number; 0 means none. */
  addrs: number[];
}

export interface Dirent {
  inum: number;
  /** The name's bytes up to the first NUL (all 14 when there is none). */
  name: Uint8Array;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function readSuperblock(block: Uint8Array): Superblock {
  const v = view(block);
  const at = (i: number) => v.getUint32(i * 4, true);
  return {
    magic: at(0),
    size: at(1),
    nblocks: at(2),
    ninodes: at(3),
    nlog: at(4),
    logstart: at(5),
    inodestart: at(6),
    bmapstart: at(7),
  };
}

export function writeSuperblock(block: Uint8Array, sb: Superblock): void {
  const v = view(block);
  const fields = [
    sb.magic,
    sb.size,
    sb.nblocks,
    sb.ninodes,
    sb.nlog,
    sb.logstart,
    sb.inodestart,
    sb.bmapstart,
  ];
  fields.forEach((value, i) => {
    v.setUint32(i * 4, value, true);
  });
}

export function readDinode(bytes: Uint8Array, offset: number): Dinode {
  const v = view(bytes);
  const addrs: number[] = [];
  for (let i = 0; i <= NDIRECT; i++) addrs.push(v.getUint32(offset + 12 + i * 4, true));
  return {
    type: v.getInt16(offset, true),
    major: v.getInt16(offset + 2, true),
    minor: v.getInt16(offset + 4, true),
    nlink: v.getInt16(offset + 6, true),
    size: v.getUint32(offset + 8, true),
    addrs,
  };
}

export function writeDinode(bytes: Uint8Array, offset: number, d: Dinode): void {
  const v = view(bytes);
  v.setInt16(offset, d.type, true);
  v.setInt16(offset + 2, d.major, true);
  v.setInt16(offset + 4, d.minor, true);
  v.setInt16(offset + 6, d.nlink, true);
  v.setUint32(offset + 8, d.size, true);
  for (let i = 0; i <= NDIRECT; i++) v.setUint32(offset + 12 + i * 4, d.addrs[i] ?? 0, true);
}

export function readDirent(bytes: Uint8Array, offset: number): Dirent {
  const raw = bytes.subarray(offset + 2, offset + DIRENT_SIZE);
  const nul = raw.indexOf(0);
  return {
    inum: bytes[offset] | (bytes[offset + 1] << 8),
    name: nul < 0 ? raw.slice() : raw.slice(0, nul),
  };
}

/** Writes a dirent as mkfs does: the name NUL-padded, with no NUL when it is exactly DIRSIZ bytes. */
export function writeDirent(bytes: Uint8Array, offset: number, inum: number, name: Uint8Array): void {
  bytes[offset] = inum & 0xff;
  bytes[offset + 1] = inum >> 8;
  bytes.fill(0, offset + 2, offset + DIRENT_SIZE);
  bytes.set(name.subarray(0, DIRSIZ), offset + 2);
}

/** The block holding inode `inum`. */
export function inodeBlock(sb: Superblock, inum: number): number {
  return Math.floor(inum / IPB) + sb.inodestart;
}

/** The block of the free bitmap holding the bit for block `b`. */
export function bitmapBlock(sb: Superblock, b: number): number {
  return Math.floor(b / BPB) + sb.bmapstart;
}
