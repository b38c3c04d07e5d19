import { BSIZE } from "./format.js";
import type { FsImage } from "./image.js";

/** Block numbers a header block has room for, after its count. */
const HEADER_SLOTS = BSIZE / 4 - 1;

/** The most blocks a transaction can hold: the log's blocks after its header, as many as the header can name. */
function maxLogged(image: FsImage): number {
  return Math.min(image.sb.nlog - 1, HEADER_SLOTS);
}

/** The log's header block: how many blocks the last committed transaction wrote, and where they go. */
export interface LogHeader {
  /** Blocks in a committed, not yet installed transaction; 0 when the log is empty. */
  n: number;
  /** Home block of each logged block; log block logstart+1+i holds the new contents of blocks[i]. */
  blocks: number[];
}

export function readLogHeader(image: FsImage): LogHeader {
  const head = image.block(image.sb.logstart);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const n = view.getInt32(0, true);
  const blocks: number[] = [];
  const shown = Math.max(0, Math.min(n, maxLogged(image)));
  for (let i = 0; i < shown; i++) blocks.push(view.getUint32(4 + i * 4, true));
  return { n, blocks };
}

/** What makes a log header unsafe to replay. */
export function logHeaderProblems(image: FsImage, header: LogHeader): string[] {
  const { sb } = image;
  if (header.n < 0 || header.n > maxLogged(image)) {
    return [`log header: count ${header.n} is outside 0..${maxLogged(image)}`];
  }
  // Replaying over the boot block, superblock or log itself would destroy the file system.
  const bad = header.blocks.filter((b) => b < sb.inodestart || b >= sb.size);
  return bad.map((b) => `log header: logged block ${b} is outside ${sb.inodestart}..${sb.size - 1}`);
}

/** Installs a committed transaction as the kernel does at boot, then empties the log. */
export function replayLog(image: FsImage, header: LogHeader): void {
  header.blocks.forEach((home, i) => {
    image.block(home).set(image.block(image.sb.logstart + 1 + i));
  });
  // Like the kernel, clear only the count; stale block numbers after it are harmless.
  const head = image.block(image.sb.logstart);
  new DataView(head.buffer, head.byteOffset, 4).setInt32(0, 0, true);
}
