// A second, deliberately plain reading of an image, sharing no code with the library: what the
// kernel would see when it boots and walks the tree. The fuzzer compares the library with it, and
// lists as trouble whatever would make the kernel read something else, panic, or lose a file.

const BLOCK = 1024;
const DIRECT = 12;
const MAX_BLOCKS = DIRECT + BLOCK / 4;
const MAX_WALK = 2000;

export interface Listed {
  name: string;
  inum: number;
  type: number;
  nlink: number;
  size: number;
}

export interface Reading {
  /** Each directory reached by a path the library can be asked for: its entries as `ls` lists them. */
  dirs: Map<string, Listed[]>;
  /** Each file or device reached likewise: its bytes. */
  files: Map<string, Uint8Array>;
  /** What would make the kernel read the image differently; empty for a sound image. */
  trouble: string[];
}

interface Ino {
  inum: number;
  type: number;
  nlink: number;
  size: number;
  addrs: number[];
}

const decoder = new TextDecoder();

export function readLikeTheKernel(img: Uint8Array): Reading {
  const reading: Reading = { dirs: new Map(), files: new Map(), trouble: [] };
  const trouble = (what: string) => reading.trouble.push(what);
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  if (img.length < 2 * BLOCK) {
    trouble("no superblock");
    return reading;
  }
  const sb = (i: number) => dv.getUint32(BLOCK + 4 * i, true);
  const [magic, size, nblocks, ninodes, nlog, logstart, inodestart] = [0, 1, 2, 3, 4, 5, 6].map(sb);
  const dataStart = size - nblocks;
  if (magic !== 0x10203040 || size * BLOCK > img.length || nblocks > size || ninodes < 2) {
    trouble("superblock unusable");
    return reading;
  }
  if (inodestart + Math.ceil(ninodes / 16) > dataStart || logstart < 2 || logstart + nlog > inodestart) {
    trouble("superblock regions overlap");
    return reading;
  }
  const logCount = dv.getInt32(logstart * BLOCK, true);
  if (logCount !== 0) trouble(`log holds ${logCount} blocks the kernel would install at boot`);

  const inode = (inum: number): Ino => {
    const off = (inodestart + Math.floor(inum / 16)) * BLOCK + (inum % 16) * 64;
    const addrs = Array.from({ length: DIRECT + 1 }, (_, i) => dv.getUint32(off + 12 + 4 * i, true));
    const type = dv.getInt16(off, true);
    return { inum, type, nlink: dv.getInt16(off + 6, true), size: dv.getUint32(off + 8, true), addrs };
  };
  const owners = new Map<number, number>();
  const use = (b: number, inum: number, what: string): boolean => {
    if (b < dataStart || b >= size) {
      trouble(`inode ${inum}: ${what} is block ${b}, not a data block`);
      return false;
    }
    const other = owners.get(b);
    if (other !== undefined && other !== inum) trouble(`block ${b} belongs to inodes ${other} and ${inum}`);
    owners.set(b, inum);
    return true;
  };
  const contents = (ino: Ino): Uint8Array => {
    const nblk = Math.ceil(ino.size / BLOCK);
    if (nblk > MAX_BLOCKS) {
      trouble(`inode ${ino.inum}: size ${ino.size} is more than a file can hold`);
      return new Uint8Array(0);
    }
    const out = new Uint8Array(ino.size);
    let table: number[] = [];
    if (nblk > DIRECT && ino.addrs[DIRECT] !== 0 && use(ino.addrs[DIRECT], ino.inum, "indirect block")) {
      const at = ino.addrs[DIRECT] * BLOCK;
      table = Array.from({ length: BLOCK / 4 }, (_, i) => dv.getUint32(at + 4 * i, true));
    }
    for (let i = 0; i < nblk; i++) {
      const b = i < DIRECT ? ino.addrs[i] : (table[i - DIRECT] ?? 0);
      // mkfs leaves a directory's rounded-up last block unallocated; the kernel reads it as zeros.
      const lastOfDir = ino.type === 1 && i === nblk - 1 && ino.size % BLOCK === 0;
      if (b === 0) {
        if (!lastOfDir) trouble(`inode ${ino.inum}: block ${i} of its size is missing`);
        continue;
      }
      if (!use(b, ino.inum, `block ${i}`)) continue;
      const n = Math.min(BLOCK, ino.size - i * BLOCK);
      out.set(img.subarray(b * BLOCK, b * BLOCK + n), i * BLOCK);
    }
    return out;
  };

  const seen = new Set<number>([1]);
  const queue: [string, number, number][] = [["/", 1, 1]];
  const root = inode(1);
  if (root.type !== 1) {
    trouble("root is not a directory");
    return reading;
  }
  for (let walked = 0; queue.length > 0 && walked < MAX_WALK; walked++) {
    const [path, inum, parent] = queue.shift() as [string, number, number];
    const dir = inode(inum);
    if (dir.size % 16 !== 0) trouble(`${path}: size ${dir.size} is not whole entries`);
    const data = contents(dir);
    const listed: Listed[] = [];
    const names = new Set<string>();
    for (let off = 0; off + 16 <= data.length; off += 16) {
      const child = data[off] | (data[off + 1] << 8);
      if (child === 0) continue;
      const raw = data.subarray(off + 2, off + 16);
      const nameBytes = raw.includes(0) ? raw.subarray(0, raw.indexOf(0)) : raw;
      const name = decoder.decode(nameBytes);
      const where = `${path}: entry at ${off}`;
      if (off === 0 && (name !== "." || child !== inum)) trouble(`${where}: not "." naming itself`);
      if (off === 16 && (name !== ".." || child !== parent)) trouble(`${where}: not ".." naming its parent`);
      if (off >= 32 && (name === "." || name === ".." || nameBytes.length === 0)) trouble(`${where}: stray`);
      if (nameBytes.includes(0x2f)) trouble(`${where}: "/" in a name`);
      const key = String.fromCharCode(...nameBytes);
      if (names.has(key)) trouble(`${where}: a name used twice`);
      names.add(key);
      if (child >= ninodes) {
        trouble(`${where}: inode ${child} past the last`);
        continue;
      }
      const target = inode(child);
      if (target.type < 1 || target.type > 3) trouble(`${where}: inode ${child} has type ${target.type}`);
      listed.push({ name, inum: child, type: target.type, nlink: target.nlink, size: target.size });
      if (off < 32) continue;
      const childPath = `${path === "/" ? "" : path}/${name}`;
      // A name the command line can't spell (a "/", or bytes that aren't UTF-8) can't be asked for.
      const askable = path !== "" && !nameBytes.includes(0x2f) && name !== "" && !name.includes("\ufffd");
      if (target.type === 1) {
        if (seen.has(child)) trouble(`${where}: directory ${child} reached twice`);
        else {
          seen.add(child);
          queue.push([askable ? childPath : "", child, inum]);
        }
      } else if (askable) {
        reading.files.set(childPath, contents(target));
      } else {
        contents(target);
      }
    }
    if (path !== "") reading.dirs.set(path, listed);
  }
  return reading;
}

/** Installs a committed transaction the way the kernel does at boot: each logged block to its home. */
export function replayLikeTheKernel(img: Uint8Array): Uint8Array {
  const out = img.slice();
  const dv = new DataView(out.buffer);
  const logstart = dv.getUint32(BLOCK + 20, true);
  const n = dv.getInt32(logstart * BLOCK, true);
  for (let i = 0; i < n; i++) {
    const home = dv.getUint32(logstart * BLOCK + 4 + 4 * i, true);
    out.copyWithin(home * BLOCK, (logstart + 1 + i) * BLOCK, (logstart + 2 + i) * BLOCK);
  }
  dv.setInt32(logstart * BLOCK, 0, true);
  return out;
}
