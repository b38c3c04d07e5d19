/**
 * The byte format of machine snapshots (see the README's "Snapshots"): a magic, a version, a JSON
 * description of the machine and its small state, then the binary sections the JSON lists (CLINT
 * and PLIC registers, RAM, disk), RAM and disk as 4 KiB pages, each one repeated byte, runs, or
 * raw.
 */

import type { UartState } from "@xv6-machine/devices";
import type { HartState } from "@xv6-machine/rv-cpu";
import type { VirtioBlkState } from "@xv6-machine/virtio-blk";
import { SnapshotError } from "./errors.js";

const MAGIC = "XV6SNAP\n";
export const SNAPSHOT_VERSION = 2;
/** Versions this code reads: 1 has no run-length pages. */
const OLDEST = 1;
const PAGE = 4096;
const UNIFORM = 0;
const RAW = 1;
/** Since version 2: (u16 literal length, literal bytes, u16 repeat count, repeated byte) until full. */
const RUNS = 2;
/** Shorter repeats stay in the literal: a segment's head costs 5 bytes. */
const MIN_RUN = 8;

/** What a snapshot says about the machine it was taken of and its state outside RAM and disk. */
export interface SnapshotMeta {
  version: number;
  machine: {
    cpus: number;
    memMiB: number;
    clock: "deterministic" | "realtime";
    /** The kernel's entry, which the boot ROM jumps to. */
    entry: number;
    disk: { bytes: number; readOnly: boolean; transport: "legacy" | "modern" } | null;
  };
  state: {
    instructions: number;
    /** mtime when the snapshot was taken (either clock). */
    mtime: number;
    output: string;
    outputCursor: number;
    quietAt: number;
    outputAt: number;
    input: number[];
    powerOff: number | null;
  };
  harts: HartState[];
  uart: UartState;
  virtio: VirtioBlkState | null;
  /** Byte lengths of the binary sections, in order: clint, plic, ram, disk. */
  sections: number[];
}

/**
 * Pages of `bytes` as a kind byte each, then one byte (uniform), runs, or the page (raw). Runs
 * matter because a free page in xv6 is junk after the free list's pointer: not uniform, but 13
 * bytes as runs.
 */
function packPages(bytes: Uint8Array): Uint8Array {
  let out = new Uint8Array(1 << 20);
  let at = 0;
  const scratch = new Uint8Array(PAGE);
  for (let p = 0; p * PAGE < bytes.length; p++) {
    const page = bytes.subarray(p * PAGE, Math.min(bytes.length, (p + 1) * PAGE));
    if (out.length - at < page.length + 1) {
      const grown = new Uint8Array(Math.max(out.length * 2, at + page.length + 1));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    const runs = encodeRuns(page, scratch);
    // One segment with no literal and the whole page as its repeat: a uniform page, 2 bytes so.
    if (runs === 5) {
      out[at++] = UNIFORM;
      out[at++] = page[0];
    } else if (runs > 0) {
      out[at++] = RUNS;
      out.set(scratch.subarray(0, runs), at);
      at += runs;
    } else {
      out[at++] = RAW;
      out.set(page, at);
      at += page.length;
    }
  }
  return out.slice(0, at);
}

/** Writes `page` as runs into `out`; returns their length, or 0 when they would not be shorter. */
function encodeRuns(page: Uint8Array, out: Uint8Array): number {
  const n = page.length;
  let o = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let run = 0;
    for (; j < n; j++) {
      run = 1;
      while (j + run < n && page[j + run] === page[j]) run++;
      if (run >= MIN_RUN || j + run === n) break;
      j += run - 1;
    }
    if (j === n) run = 0;
    const literal = j - i;
    if (o + literal + 5 >= out.length) return 0;
    out[o++] = literal & 0xff;
    out[o++] = literal >> 8;
    out.set(page.subarray(i, j), o);
    o += literal;
    out[o++] = run & 0xff;
    out[o++] = run >> 8;
    out[o++] = run > 0 ? page[j] : 0;
    i = j + run;
  }
  return o;
}

/** Fills `into` from what packPages made of a buffer of its length. */
function unpackPages(packed: Uint8Array, into: Uint8Array, what: string, version: number): void {
  let at = 0;
  const damaged = (p: number) => new SnapshotError(`the snapshot's ${what} is damaged (page ${p})`);
  for (let p = 0; p * PAGE < into.length; p++) {
    const page = into.subarray(p * PAGE, Math.min(into.length, (p + 1) * PAGE));
    const kind = packed[at++];
    if (kind === UNIFORM && at < packed.length) page.fill(packed[at++]);
    else if (kind === RAW && at + page.length <= packed.length) {
      page.set(packed.subarray(at, at + page.length));
      at += page.length;
    } else if (kind === RUNS && version >= 2) {
      let filled = 0;
      while (filled < page.length) {
        if (at + 2 > packed.length) throw damaged(p);
        const literal = packed[at] | (packed[at + 1] << 8);
        at += 2;
        if (filled + literal > page.length || at + literal + 3 > packed.length) throw damaged(p);
        page.set(packed.subarray(at, at + literal), filled);
        at += literal;
        filled += literal;
        const run = packed[at] | (packed[at + 1] << 8);
        if (filled + run > page.length) throw damaged(p);
        page.fill(packed[at + 2], filled, filled + run);
        at += 3;
        filled += run;
        if (literal === 0 && run === 0) throw damaged(p);
      }
    } else throw damaged(p);
  }
  if (at !== packed.length) throw new SnapshotError(`the snapshot's ${what} is damaged (bytes left over)`);
}

export interface SnapshotParts {
  meta: Omit<SnapshotMeta, "version" | "sections">;
  clint: Uint8Array;
  plic: Uint8Array;
  ram: Uint8Array;
  disk: Uint8Array | undefined;
}

export function encodeSnapshot(p: SnapshotParts): Uint8Array {
  const blobs = [p.clint, p.plic, packPages(p.ram), p.disk ? packPages(p.disk) : new Uint8Array(0)];
  const meta: SnapshotMeta = { version: SNAPSHOT_VERSION, ...p.meta, sections: blobs.map((b) => b.length) };
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const head = 8 + 4 + 4;
  const out = new Uint8Array(head + json.length + blobs.reduce((n, b) => n + b.length, 0));
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(8, SNAPSHOT_VERSION, true);
  view.setUint32(12, json.length, true);
  out.set(json, head);
  let at = head + json.length;
  for (const b of blobs) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

export interface DecodedSnapshot {
  meta: SnapshotMeta;
  clint: Uint8Array;
  plic: Uint8Array;
  /** Writes the RAM into `into` (memMiB MiB). */
  ram(into: Uint8Array): void;
  /** The disk's bytes, or undefined when the machine had none. */
  disk(): Uint8Array | undefined;
}

/** Checks the frame of a snapshot and splits it; the machine checks the rest as it loads it. */
export function decodeSnapshot(bytes: Uint8Array): DecodedSnapshot {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC)
    throw new SnapshotError("not an xv6-machine snapshot (its first bytes are wrong)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version < OLDEST || version > SNAPSHOT_VERSION)
    throw new SnapshotError(
      `snapshot format version ${version}; this xv6-machine reads versions ${OLDEST} to ${SNAPSHOT_VERSION}`,
    );
  const jsonLength = view.getUint32(12, true);
  if (16 + jsonLength > bytes.length) throw new SnapshotError("the snapshot is truncated");
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLength)));
  } catch {
    throw new SnapshotError("the snapshot's description is damaged");
  }
  const s = meta?.sections;
  if (!Array.isArray(s) || s.length !== 4 || !s.every((n) => Number.isInteger(n) && n >= 0))
    throw new SnapshotError("the snapshot's description is damaged");
  const total = 16 + jsonLength + s.reduce((a, b) => a + b, 0);
  if (total > bytes.length) throw new SnapshotError("the snapshot is truncated");
  if (total < bytes.length) throw new SnapshotError("the snapshot has bytes after its end");
  const parts: Uint8Array[] = [];
  let at = 16 + jsonLength;
  for (const n of s) {
    parts.push(bytes.subarray(at, at + n));
    at += n;
  }
  const disk = meta.machine?.disk;
  return {
    meta,
    clint: parts[0],
    plic: parts[1],
    ram: (into) => unpackPages(parts[2], into, "RAM", version),
    disk: () => {
      if (!disk) return undefined;
      const out = new Uint8Array(disk.bytes);
      unpackPages(parts[3], out, "disk", version);
      return out;
    },
  };
}
