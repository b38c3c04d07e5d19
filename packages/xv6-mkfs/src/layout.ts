import { FsError } from "./errors.js";
import { BPB, FSMAGIC, IPB, type Superblock } from "./format.js";

export interface MkfsOptions {
  /** Blocks in the image (FSSIZE). Default 2000, current xv6's; the 2020-era lab trees use 1000. */
  size?: number;
  /** Inodes, inode 0 included (mkfs's NINODES). Default 200. */
  ninodes?: number;
  /** Log blocks, header included: the superblock's nlog. Default 31 (a header and 30 data blocks). */
  nlog?: number;
}

export const DEFAULT_SIZE = 2000;
export const DEFAULT_NINODES = 200;
/**
 * Current xv6 writes a log header followed by LOGBLOCKS = 30 data blocks, and its kernel uses that
 * many whatever the superblock says; a 30-block log (mkfs's value through 2024) would let a full
 * transaction spill into the inode blocks. Kernels that read nlog work with either.
 */
export const DEFAULT_NLOG = 31;

// Bounds that keep an image usable and addressable, not limits of mkfs itself.
const MAX_SIZE = 1 << 20;
// A dirent's inum is 16 bits.
const MAX_NINODES = 1 << 16;
// The log header (a count, then one block number per log block) must fit in one block.
const MAX_NLOG = 256;

export interface Layout {
  sb: Superblock;
  ninodeblocks: number;
  nbitmap: number;
  /** Boot, super, log, inode and bitmap blocks: the first data block's number. */
  nmeta: number;
}

function checkCount(label: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FsError(`${label} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}

/** Where mkfs puts each region for these parameters. */
export function layoutFor(options: MkfsOptions = {}): Layout {
  const size = options.size ?? DEFAULT_SIZE;
  const ninodes = options.ninodes ?? DEFAULT_NINODES;
  const nlog = options.nlog ?? DEFAULT_NLOG;
  checkCount("size", size, 1, MAX_SIZE);
  // Inode 0 is never used and the root is inode 1.
  checkCount("ninodes", ninodes, 2, MAX_NINODES);
  // The kernel needs a header block and at least one block to log into.
  checkCount("nlog", nlog, 2, MAX_NLOG);

  // mkfs adds one to both quotients, even when they divide evenly.
  const nbitmap = Math.floor(size / BPB) + 1;
  const ninodeblocks = Math.floor(ninodes / IPB) + 1;
  const nmeta = 2 + nlog + ninodeblocks + nbitmap;
  if (nmeta >= size) {
    throw new FsError(
      `size ${size} is too small: boot, superblock, log, inodes and bitmap need ${nmeta + 1} blocks with a root directory`,
    );
  }
  const sb: Superblock = {
    magic: FSMAGIC,
    size,
    nblocks: size - nmeta,
    ninodes,
    nlog,
    logstart: 2,
    inodestart: 2 + nlog,
    bmapstart: 2 + nlog + ninodeblocks,
  };
  return { sb, ninodeblocks, nbitmap, nmeta };
}
