// A small xv6 file-system image builder for the tests, equivalent to
// mkfs/mkfs.c: files go into the root directory, blocks are handed out
// in order.

const BSIZE = 1024;
const NDIRECT = 12;
const NINDIRECT = BSIZE / 4;
const MAXFILE = NDIRECT + NINDIRECT;
const DINODE_SIZE = 64;
const IPB = BSIZE / DINODE_SIZE;
const BPB = BSIZE * 8;
const DIRSIZ = 14;
const FSMAGIC = 0x10203040;
const T_DIR = 1;
const T_FILE = 2;

export interface MkfsOptions {
  size?: number;
  ninodes?: number;
  nlog?: number;
}

export function mkfs(files: { name: string; data: Uint8Array }[], opts: MkfsOptions = {}): Uint8Array {
  const size = opts.size ?? 2000;
  const ninodes = opts.ninodes ?? 200;
  const nlog = opts.nlog ?? 30;
  const nbitmap = Math.floor(size / BPB) + 1;
  const ninodeblocks = Math.floor(ninodes / IPB) + 1;
  const nmeta = 2 + nlog + ninodeblocks + nbitmap;
  const inodestart = 2 + nlog;
  const bmapstart = 2 + nlog + ninodeblocks;

  const img = new Uint8Array(size * BSIZE);
  const view = new DataView(img.buffer);
  const sb = [FSMAGIC, size, size - nmeta, ninodes, nlog, 2, inodestart, bmapstart];
  for (const [i, v] of sb.entries()) view.setUint32(BSIZE + 4 * i, v, true);

  let nextInode = 1;
  let nextBlock = nmeta;
  const inodeOff = (inum: number) =>
    (inodestart + Math.floor(inum / IPB)) * BSIZE + (inum % IPB) * DINODE_SIZE;
  const newBlock = () => {
    if (nextBlock >= size) throw new Error("mkfs: image full");
    return nextBlock++;
  };
  const newInode = (type: number) => {
    const inum = nextInode++;
    if (inum >= ninodes) throw new Error("mkfs: out of inodes");
    const off = inodeOff(inum);
    view.setInt16(off, type, true);
    view.setInt16(off + 6, 1, true); // nlink
    return inum;
  };
  const append = (inum: number, data: Uint8Array) => {
    const ioff = inodeOff(inum);
    let fileOff = view.getUint32(ioff + 8, true);
    let p = 0;
    while (p < data.length) {
      const fbn = Math.floor(fileOff / BSIZE);
      if (fbn >= MAXFILE) throw new Error("mkfs: file too big");
      let bno: number;
      if (fbn < NDIRECT) {
        const a = ioff + 12 + 4 * fbn;
        if (view.getUint32(a, true) === 0) view.setUint32(a, newBlock(), true);
        bno = view.getUint32(a, true);
      } else {
        const a = ioff + 12 + 4 * NDIRECT;
        if (view.getUint32(a, true) === 0) view.setUint32(a, newBlock(), true);
        const slot = view.getUint32(a, true) * BSIZE + 4 * (fbn - NDIRECT);
        if (view.getUint32(slot, true) === 0) view.setUint32(slot, newBlock(), true);
        bno = view.getUint32(slot, true);
      }
      const m = Math.min(BSIZE - (fileOff % BSIZE), data.length - p);
      img.set(data.subarray(p, p + m), bno * BSIZE + (fileOff % BSIZE));
      p += m;
      fileOff += m;
    }
    view.setUint32(ioff + 8, fileOff, true);
  };
  const addEntry = (dir: number, name: string, inum: number) => {
    const de = new Uint8Array(16);
    new DataView(de.buffer).setUint16(0, inum, true);
    const bytes = new TextEncoder().encode(name);
    if (bytes.length > DIRSIZ) throw new Error(`mkfs: name too long: ${name}`);
    de.set(bytes, 2);
    append(dir, de);
  };

  const root = newInode(T_DIR);
  addEntry(root, ".", root);
  addEntry(root, "..", root);
  for (const f of files) {
    const inum = newInode(T_FILE);
    addEntry(root, f.name, inum);
    append(inum, f.data);
  }
  const rootOff = inodeOff(root);
  const rsize = view.getUint32(rootOff + 8, true);
  view.setUint32(rootOff + 8, (Math.floor(rsize / BSIZE) + 1) * BSIZE, true);

  for (let b = 0; b < nextBlock; b++) img[bmapstart * BSIZE + (b >> 3)] |= 1 << (b & 7);
  return img;
}
