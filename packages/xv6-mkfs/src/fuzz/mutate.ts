import { BSIZE, DINODE_SIZE, IPB, MAX_FILE_BYTES } from "../format.js";
import type { Places } from "./places.js";
import type { Prng } from "./prng.js";

/** One change to an image: the image (a new one when its length changed) and what was done. */
export type Mutation = (rng: Prng, img: Uint8Array, p: Places) => { img: Uint8Array; note: string };

const dv = (img: Uint8Array) => new DataView(img.buffer, img.byteOffset, img.byteLength);
const inodeAt = (p: Places, inum: number) =>
  (p.sb.inodestart + Math.floor(inum / IPB)) * BSIZE + (inum % IPB) * DINODE_SIZE;

/** A block number worth trying: inside the data, in the metadata, at or past the end, already in use. */
function blockNumber(rng: Prng, p: Places): number {
  const { size } = p.sb;
  return rng.pick([
    () => rng.int(p.dataStart, size - 1),
    () => rng.int(0, p.dataStart - 1),
    () => size - 1 + rng.int(0, 2),
    () => 0xffffffff,
    () => rng.pick([...p.dirBlocks, ...p.indirectBlocks, p.dataStart]),
    () => rng.next(),
  ])();
}

/** A 32-bit value worth trying for a count or size near `around`. */
function near(rng: Prng, around: number): number {
  return (
    rng.pick([0, 1, 2, around - 1, around, around + 1, around * 2, 0x7fffffff, 0xffffffff, rng.next()]) >>> 0
  );
}

const setByte: Mutation = (rng, img, p) => {
  // Mostly the metadata, where a byte changes the most.
  const end = rng.chance(0.8) ? p.dataStart * BSIZE : img.length;
  const at = rng.below(end);
  const value = rng.below(256);
  img[at] = value;
  return { img, note: `byte ${at} = ${value}` };
};

const flipBit: Mutation = (rng, img) => {
  const at = rng.below(img.length);
  const bit = rng.below(8);
  img[at] ^= 1 << bit;
  return { img, note: `bit ${bit} of byte ${at} flipped` };
};

const SB_FIELDS = ["magic", "size", "nblocks", "ninodes", "nlog", "logstart", "inodestart", "bmapstart"];

const superField: Mutation = (rng, img) => {
  const i = rng.below(SB_FIELDS.length);
  const value = near(rng, dv(img).getUint32(BSIZE + 4 * i, true));
  dv(img).setUint32(BSIZE + 4 * i, value, true);
  return { img, note: `superblock ${SB_FIELDS[i]} = ${value}` };
};

/** A superblock whose regions fit together but differ from the image's own: it passes the first checks. */
const plausibleSuper: Mutation = (rng, img, p) => {
  const size = rng.chance(0.5) ? p.sb.size : rng.int(3, Math.floor(img.length / BSIZE));
  const nlog = rng.pick([2, p.sb.nlog, rng.int(2, 400)]);
  const ninodes = rng.pick([2, p.sb.ninodes, rng.int(2, 2000)]);
  const logstart = rng.pick([2, 2, rng.int(2, 40)]);
  const inodestart = logstart + nlog + rng.pick([0, 0, rng.int(0, 5)]);
  const bmapstart = inodestart + Math.ceil(ninodes / IPB) + rng.pick([0, 0, 1]);
  const dataStart = bmapstart + Math.ceil(size / (BSIZE * 8)) + rng.pick([0, 0, 1]);
  const fields = [
    0x10203040,
    size,
    Math.max(0, size - dataStart),
    ninodes,
    nlog,
    logstart,
    inodestart,
    bmapstart,
  ];
  for (const [i, v] of fields.entries()) dv(img).setUint32(BSIZE + 4 * i, v, true);
  return { img, note: `superblock = ${fields.slice(1).join(" ")}` };
};

const inodeField: Mutation = (rng, img, p) => {
  const inum = rng.chance(0.85) ? rng.pick(p.inums) : rng.int(0, p.sb.ninodes - 1);
  const at = inodeAt(p, inum);
  const field = rng.below(17);
  if (field < 4) {
    const name = ["type", "major", "minor", "nlink"][field];
    const value = rng.pick([0, 1, 2, 3, 4, -1, 0x7fff, -0x8000, rng.int(-5, 5)]);
    dv(img).setInt16(at + 2 * field, value, true);
    return { img, note: `inode ${inum} ${name} = ${value}` };
  }
  if (field === 4) {
    const size = dv(img).getUint32(at + 8, true);
    const value =
      rng.pick([
        near(rng, size),
        rng.pick([1023, 1024, 1025, 12 * BSIZE, 12 * BSIZE + 1, 16 * 3, 17]),
        MAX_FILE_BYTES + rng.int(-1, 1),
        size + rng.int(-20, 20) * 16,
      ]) >>> 0;
    dv(img).setUint32(at + 8, value, true);
    return { img, note: `inode ${inum} size = ${value}` };
  }
  const k = field - 5;
  const value = rng.chance(0.2) ? 0 : blockNumber(rng, p);
  dv(img).setUint32(at + 12 + 4 * k, value, true);
  return { img, note: `inode ${inum} addrs[${k}] = ${value}` };
};

const NAMES = [
  ".",
  "..",
  "",
  "a/b",
  "RE/ADME",
  "/",
  "x\0junk",
  "tiny",
  "README",
  "dir",
  "sub",
  "14-bytes-name!",
];

const dirent: Mutation = (rng, img, p) => {
  const block = rng.pick(p.dirBlocks);
  const slot = rng.below(BSIZE / 16);
  const at = block * BSIZE + slot * 16;
  if (rng.chance(0.5)) {
    const inum = rng.pick([
      0,
      1,
      rng.pick(p.inums),
      rng.pick(p.inums),
      p.sb.ninodes - 1,
      p.sb.ninodes,
      0xffff,
    ]);
    dv(img).setUint16(at, inum, true);
    return { img, note: `entry ${block}:${slot} inum = ${inum}` };
  }
  const name = rng.chance(0.7)
    ? new TextEncoder().encode(rng.pick(NAMES))
    : rng.bytes(rng.int(1, 14)).map((b) => b || 1);
  img.fill(0, at + 2, at + 16);
  img.set(name.subarray(0, 14), at + 2);
  return { img, note: `entry ${block}:${slot} name = ${JSON.stringify(String.fromCharCode(...name))}` };
};

const indirectEntry: Mutation = (rng, img, p) => {
  if (p.indirectBlocks.length === 0) return setByte(rng, img, p);
  const block = rng.pick(p.indirectBlocks);
  const i = rng.chance(0.7) ? rng.below(8) : rng.below(256);
  const value = rng.chance(0.2) ? 0 : blockNumber(rng, p);
  dv(img).setUint32(block * BSIZE + 4 * i, value, true);
  return { img, note: `indirect ${block}[${i}] = ${value}` };
};

const logHeader: Mutation = (rng, img, p) => {
  const head = p.sb.logstart * BSIZE;
  if (rng.chance(0.5)) {
    const n = rng.pick([0, 1, rng.int(1, p.sb.nlog - 1), p.sb.nlog - 1, p.sb.nlog, -1, 255, 256, 0x7fffffff]);
    dv(img).setInt32(head, n, true);
    return { img, note: `log n = ${n}` };
  }
  const i = rng.below(Math.min(p.sb.nlog, 8));
  const value = blockNumber(rng, p);
  dv(img).setUint32(head + 4 + 4 * i, value, true);
  return { img, note: `log block[${i}] = ${value}` };
};

const bitmapBit: Mutation = (rng, img, p) => {
  const b = rng.below(p.sb.size);
  img[p.sb.bmapstart * BSIZE + (b >> 3)] ^= 1 << (b & 7);
  return { img, note: `bitmap bit ${b} flipped` };
};

const copyBlock: Mutation = (rng, img, p) => {
  const interesting = [
    1,
    p.sb.logstart,
    p.sb.inodestart,
    p.sb.bmapstart,
    ...p.dirBlocks,
    ...p.indirectBlocks,
  ];
  const from = rng.chance(0.7) ? rng.pick(interesting) : rng.below(p.sb.size);
  const to = rng.chance(0.7) ? rng.pick(interesting) : rng.below(p.sb.size);
  img.copyWithin(to * BSIZE, from * BSIZE, (from + 1) * BSIZE);
  return { img, note: `block ${from} copied over block ${to}` };
};

export const resize: Mutation = (rng, img) => {
  const length = rng.pick([
    rng.below(img.length),
    rng.below(4) * BSIZE,
    img.length - rng.int(1, BSIZE),
    img.length - BSIZE * rng.int(1, 50),
    img.length + rng.int(1, 3 * BSIZE),
  ]);
  const out = new Uint8Array(Math.max(0, length));
  out.set(img.subarray(0, out.length));
  return { img: out, note: `length ${img.length} -> ${out.length}` };
};

const zeroRange: Mutation = (rng, img) => {
  const at = rng.below(img.length);
  const n = rng.int(1, 3 * BSIZE);
  img.fill(0, at, at + n);
  return { img, note: `zeros over bytes ${at}..${at + n - 1}` };
};

/** Changes that may break the image anywhere. */
export const HOSTILE: [Mutation, number][] = [
  [setByte, 3],
  [flipBit, 2],
  [superField, 1],
  [plausibleSuper, 1],
  [inodeField, 5],
  [dirent, 4],
  [indirectEntry, 2],
  [logHeader, 2],
  [bitmapBit, 1],
  [copyBlock, 1],
  [resize, 1],
  [zeroRange, 1],
];

/** Picks by weight. */
export function choose(rng: Prng, table: [Mutation, number][]): Mutation {
  let r = rng.below(table.reduce((sum, [, w]) => sum + w, 0));
  for (const [m, w] of table) {
    r -= w;
    if (r < 0) return m;
  }
  return table[0][0];
}
