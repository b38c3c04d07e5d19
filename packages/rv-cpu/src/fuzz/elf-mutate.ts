/**
 * Mutates ELF files the way broken toolchains, truncated downloads and hostile inputs do: flipped
 * bits, header fields set to boundary values, moved symbols and segments, cut or padded files.
 */
import type { Rng } from "./rng.js";

/** A field of the original file: where it is and how wide (1, 2, 4 or 8 bytes). */
interface Field {
  at: number;
  width: number;
}

// (offset, width) pairs of the fields worth breaking in each structure.
const EHDR_FIELDS = [
  16, 2, 18, 2, 20, 4, 24, 8, 32, 8, 40, 8, 48, 4, 52, 2, 54, 2, 56, 2, 58, 2, 60, 2, 62, 2,
];
const PHDR_FIELDS = [0, 4, 4, 4, 8, 8, 16, 8, 24, 8, 32, 8, 40, 8, 48, 8];
const SHDR_FIELDS = [0, 4, 4, 4, 24, 8, 32, 8, 40, 4, 44, 4, 56, 8];
const SYM_FIELDS = [0, 4, 4, 1, 6, 2, 8, 8, 16, 8];

function addFields(fields: Field[], base: number, pairs: readonly number[]): void {
  for (let i = 0; i < pairs.length; i += 2) fields.push({ at: base + pairs[i], width: pairs[i + 1] });
}

/** Layout facts about the original file, read defensively (the original may itself be odd). */
interface Layout {
  fields: Field[];
  /** File offsets of each program header. */
  phdrs: number[];
  /** File offsets of the symbol entries whose names are tohost or fromhost. */
  htif: number[];
}

function layout(bytes: Uint8Array): Layout {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fits = (off: number, len: number) => off >= 0 && off + len <= bytes.length;
  const fields: Field[] = [];
  addFields(fields, 0, EHDR_FIELDS);
  const phdrs: number[] = [];
  const htif: number[] = [];
  if (!fits(0, 64)) return { fields, phdrs, htif };
  const phoff = Number(dv.getBigUint64(32, true));
  const shoff = Number(dv.getBigUint64(40, true));
  const phnum = dv.getUint16(56, true);
  const shnum = dv.getUint16(60, true);
  for (let i = 0; i < phnum && fits(phoff + 56 * i, 56); i++) {
    phdrs.push(phoff + 56 * i);
    addFields(fields, phoff + 56 * i, PHDR_FIELDS);
  }
  for (let i = 0; i < shnum && fits(shoff + 64 * i, 64); i++) {
    const o = shoff + 64 * i;
    addFields(fields, o, SHDR_FIELDS);
    if (dv.getUint32(o + 4, true) !== 2) continue; // SHT_SYMTAB
    const off = Number(dv.getBigUint64(o + 24, true));
    const size = Number(dv.getBigUint64(o + 32, true));
    const link = dv.getUint32(o + 40, true);
    if (link >= shnum || !fits(shoff + 64 * link, 64)) continue;
    const stroff = Number(dv.getBigUint64(shoff + 64 * link + 24, true));
    for (let s = off; s + 24 <= off + size && fits(s, 24); s += 24) {
      const name = readName(bytes, stroff + dv.getUint32(s, true));
      if (name === "tohost" || name === "fromhost") htif.push(s);
      // Every symbol is a target, but a file has thousands: keep the list short.
      if (fields.length < 400 || htif.includes(s)) {
        addFields(fields, s, SYM_FIELDS);
      }
    }
  }
  return { fields, phdrs, htif };
}

function readName(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && end - at < 16 && bytes[end] !== 0) end++;
  return String.fromCharCode(...bytes.subarray(at, end));
}

const RAM_BASE = 0x8000_0000n;

/** Values at the edges of what a field or the machine can hold. */
function boundary(rng: Rng, width: number, fileLength: number, ramSize: number): bigint {
  const bits = BigInt(width * 8);
  const all = (1n << bits) - 1n;
  const ramEnd = RAM_BASE + BigInt(ramSize);
  const common = [0n, 1n, 2n, all, all >> 1n, 1n << (bits - 1n), all - 7n, 24n, 56n, 64n, 0xffffn];
  const wide = [
    RAM_BASE,
    RAM_BASE + 1n,
    RAM_BASE - 8n,
    ramEnd,
    ramEnd - 8n,
    ramEnd - 4n,
    ramEnd - 1n,
    RAM_BASE + 2n ** 32n,
    2n ** 53n - 1n,
    2n ** 53n,
    2n ** 53n + 1n,
    2n ** 63n,
    0xffff_ffffn,
    2n ** 32n,
    BigInt(fileLength),
    BigInt(fileLength) + 1n,
    BigInt(fileLength) - 1n,
    0x0200_0000n,
  ];
  const choice = rng.int(4);
  if (choice === 0) return rng.u64() & all;
  const v = rng.pick(choice === 1 || width < 8 ? common : wide);
  return v & all;
}

function put(bytes: Uint8Array, at: number, width: number, v: bigint): void {
  for (let i = 0; i < width && at + i < bytes.length; i++)
    bytes[at + i] = Number((v >> BigInt(8 * i)) & 0xffn);
}

/** One mutant of `original`: one to four mutations, each picked by `rng`. */
export function mutateElf(original: Uint8Array, rng: Rng, ramSize: number): Uint8Array {
  let bytes = original.slice();
  const lay = layout(original);
  const count = 1 + rng.int(4);
  for (let m = 0; m < count; m++) {
    switch (rng.int(8)) {
      case 0: {
        // Bit flips anywhere, weighted toward the headers where they matter most.
        const flips = 1 + rng.int(8);
        for (let i = 0; i < flips; i++) {
          const at = rng.bool(0.5) ? rng.int(Math.min(bytes.length, 256)) : rng.int(bytes.length);
          bytes[at] ^= 1 << rng.int(8);
        }
        break;
      }
      case 1:
      case 2: {
        const f = rng.pick(lay.fields);
        put(bytes, f.at, f.width, boundary(rng, f.width, bytes.length, ramSize));
        break;
      }
      case 3: {
        // The HTIF mailbox moved: outside RAM, misaligned, at the very end, aliasing RAM mod 2^32.
        if (lay.htif.length === 0) break;
        put(bytes, rng.pick(lay.htif) + 8, 8, boundary(rng, 8, bytes.length, ramSize));
        break;
      }
      case 4: {
        // A segment copied over another: overlapping loads, or the same bytes loaded twice.
        if (lay.phdrs.length < 1) break;
        const from = rng.pick(lay.phdrs);
        const to = rng.pick(lay.phdrs);
        if (Math.max(from, to) + 56 > bytes.length) break;
        bytes.copyWithin(to, from, from + 56);
        const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        put(bytes, to + 24, 8, dv.getBigUint64(to + 24, true) + BigInt(rng.int(64)));
        break;
      }
      case 5:
        bytes = bytes.slice(0, rng.bool(0.5) ? rng.int(Math.min(bytes.length, 512)) : rng.int(bytes.length));
        break;
      case 6: {
        const tail = new Uint8Array(1 + rng.int(256));
        for (let i = 0; i < tail.length; i++) tail[i] = rng.int(256);
        const longer = new Uint8Array(bytes.length + tail.length);
        longer.set(bytes);
        longer.set(tail, bytes.length);
        bytes = longer;
        break;
      }
      default: {
        // Random bytes over a random run.
        const at = rng.int(bytes.length);
        const n = 1 + rng.int(32);
        for (let i = at; i < Math.min(bytes.length, at + n); i++) bytes[i] = rng.int(256);
      }
    }
    if (bytes.length === 0) break;
  }
  return bytes;
}
