import { BSIZE, DINODE_SIZE, IPB, NDIRECT } from "../format.js";
import { ImageEditor } from "./editor.js";
import type { Mutation } from "./mutate.js";

// Changes to a sound image that the kernel can't tell from any other sound image: fsck must still
// call it clean, and the library must read the change the way the kernel would.

const fileByte: Mutation = (rng, img, p) => {
  const { block, used } = rng.pick(p.fileBlocks.filter((f) => f.used > 0));
  const at = block * BSIZE + rng.below(used);
  img[at] ^= rng.int(1, 255);
  return { img, note: `file byte ${at} changed` };
};

const pastTheEnd: Mutation = (rng, img, p) => {
  const partial = p.fileBlocks.filter((f) => f.used < BSIZE);
  if (partial.length === 0) return fileByte(rng, img, p);
  const { block, used } = rng.pick(partial);
  img.set(rng.bytes(BSIZE - used), block * BSIZE + used);
  return { img, note: `bytes past the end of the file in block ${block} changed` };
};

const afterTheNul: Mutation = (rng, img, p) => {
  const { at } = rng.pick(p.entries);
  const name = img.subarray(at + 2, at + 16);
  const nul = name.indexOf(0);
  if (nul < 0 || nul === 13) return fileByte(rng, img, p);
  name.set(rng.bytes(13 - nul), nul + 1);
  return { img, note: `bytes after the NUL of the entry at ${at} changed` };
};

const rename: Mutation = (rng, img, p) => {
  const { at, siblings } = rng.pick(p.entries);
  // Read the names as they are now: an earlier change in the same case may have renamed one.
  const taken = new Set(siblings.map((s) => nameAt(img, s)));
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789._-~ ";
  let name = "";
  do {
    name = Array.from({ length: rng.int(1, 14) }, () => rng.pick([...letters])).join("");
  } while (taken.has(name) || name === "." || name === "..");
  img.fill(0, at + 2, at + 16);
  img.set(new TextEncoder().encode(name), at + 2);
  return { img, note: `entry at ${at} renamed ${JSON.stringify(name)}` };
};

function nameAt(img: Uint8Array, at: number): string {
  const raw = img.subarray(at + 2, at + 16);
  const nul = raw.indexOf(0);
  return String.fromCharCode(...(nul < 0 ? raw : raw.subarray(0, nul)));
}

const freeInode: Mutation = (rng, img, p) => {
  if (p.freeInums.length === 0) return fileByte(rng, img, p);
  const inum = rng.pick(p.freeInums);
  const at = (p.sb.inodestart + Math.floor(inum / IPB)) * BSIZE + (inum % IPB) * DINODE_SIZE;
  // The kernel clears an inode when it allocates one: whatever a free one holds past its type is unseen.
  img.set(rng.bytes(DINODE_SIZE - 2), at + 2);
  return { img, note: `free inode ${inum}'s fields filled with noise` };
};

const freeBlock: Mutation = (rng, img, p) => {
  const b = rng.pick(p.freeBlocks);
  img.set(rng.bytes(BSIZE), b * BSIZE);
  return { img, note: `unused block ${b} filled with noise` };
};

const unusedMetadata: Mutation = (rng, img, p) => {
  // The boot block, the superblock past its fields, the log past an empty header's count.
  const [from, to] = rng.pick([
    [0, BSIZE],
    [BSIZE + 32, 2 * BSIZE],
    [p.sb.logstart * BSIZE + 4, (p.sb.logstart + p.sb.nlog) * BSIZE],
  ]);
  const at = rng.int(from, to - 1);
  img[at] = rng.below(256);
  return { img, note: `unused metadata byte ${at} = ${img[at]}` };
};

/** Moves one block of a file elsewhere, as a defragmenter would: pointer, bitmap and all. */
const relocate: Mutation = (rng, img, p) => {
  const ed = new ImageEditor(img);
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  const inum = rng.pick(p.files);
  const inode = ed.inode(inum);
  const count = Math.ceil(inode.size / BSIZE);
  const bit = (b: number) => p.sb.bmapstart * BSIZE + (b >> 3);
  // A block a change before this one took is no longer free: its bit says so.
  const to = rng.pick(p.freeBlocks);
  if (count === 0 || img[bit(to)] & (1 << (to & 7))) return fileByte(rng, img, p);
  const fbn = rng.below(count);
  const slot =
    fbn < NDIRECT ? ed.inodeOffset(inum) + 12 + 4 * fbn : inode.addrs[NDIRECT] * BSIZE + 4 * (fbn - NDIRECT);
  const from = dv.getUint32(slot, true);
  img.copyWithin(to * BSIZE, from * BSIZE, (from + 1) * BSIZE);
  dv.setUint32(slot, to, true);
  img[bit(from)] &= ~(1 << (from & 7));
  img[bit(to)] |= 1 << (to & 7);
  return { img, note: `inode ${inum}'s file block ${fbn} moved from block ${from} to ${to}` };
};

/** What a system call would do: a new file, directory or hard link. */
export const syscall: Mutation = (rng, img, p) => {
  const ed = new ImageEditor(img);
  const dir = rng.pick(p.dirs);
  // "+" is in no base's names nor in rename()'s, so this name is new.
  const name = `+${rng.below(1e9).toString(36)}`;
  const what = rng.below(3);
  if (what === 0) ed.create(dir, name, rng.bytes(rng.pick([0, 1, 1024, 3000, 13 * BSIZE + 1])));
  else if (what === 1) ed.mkdir(dir, name);
  else ed.link(dir, name, rng.pick(p.files));
  return { img, note: `${["create", "mkdir", "link"][what]} ${name} in directory inode ${dir}` };
};

/** Changes that keep a sound image sound (for a base whose log is empty). */
export const BENIGN: [Mutation, number][] = [
  [fileByte, 2],
  [pastTheEnd, 1],
  [afterTheNul, 2],
  [rename, 2],
  [freeInode, 1],
  [freeBlock, 1],
  [unusedMetadata, 1],
  [relocate, 2],
  [syscall, 2],
];
