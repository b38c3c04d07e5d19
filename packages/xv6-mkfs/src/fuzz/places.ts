import { BSIZE, type Superblock, T_DIR, T_FILE } from "../format.js";
import { openImage } from "../image.js";

/** Where a base image keeps each kind of thing, so mutations can aim at it. */
export interface Places {
  sb: Superblock;
  dataStart: number;
  /** Allocated inodes; of them, the directories and the plain files. */
  inums: number[];
  dirs: number[];
  files: number[];
  dirBlocks: number[];
  indirectBlocks: number[];
  /** Data blocks of files, with the bytes of each that lie within the file's size. */
  fileBlocks: { block: number; used: number }[];
  /** Directory entries past "." and "..": their byte offset in the image, and those of their directory's. */
  entries: { at: number; siblings: number[] }[];
  /** Data blocks no inode uses. */
  freeBlocks: number[];
  freeInums: number[];
}

export function placesOf(bytes: Uint8Array): Places {
  const fs = openImage(bytes);
  const places: Places = {
    sb: fs.sb,
    dataStart: fs.dataStart,
    inums: [],
    dirs: [],
    files: [],
    dirBlocks: [],
    indirectBlocks: [],
    fileBlocks: [],
    entries: [],
    freeBlocks: [],
    freeInums: [],
  };
  const used = new Set<number>();
  for (let inum = 1; inum < fs.sb.ninodes; inum++) {
    const inode = fs.inode(inum);
    if (inode.type === 0) {
      places.freeInums.push(inum);
      continue;
    }
    places.inums.push(inum);
    if (inode.type === T_DIR) places.dirs.push(inum);
    if (inode.type === T_FILE) places.files.push(inum);
    const indirect = inode.addrs[12];
    if (indirect !== 0) {
      places.indirectBlocks.push(indirect);
      used.add(indirect);
    }
    const blocks = fs.fileBlocks(inode);
    blocks.forEach((b, i) => {
      if (b === 0) return;
      used.add(b);
      if (inode.type === T_DIR) places.dirBlocks.push(b);
      else places.fileBlocks.push({ block: b, used: Math.min(BSIZE, inode.size - i * BSIZE) });
    });
    if (inode.type !== T_DIR) continue;
    const entries = fs.entries(inode);
    const start = (offset: number) => blocks[Math.floor(offset / BSIZE)] * BSIZE + (offset % BSIZE);
    const siblings = entries.map((e) => start(e.offset));
    for (const e of entries) if (e.offset >= 32) places.entries.push({ at: start(e.offset), siblings });
  }
  for (let b = fs.dataStart; b < fs.sb.size; b++) if (!used.has(b)) places.freeBlocks.push(b);
  return places;
}
