/** A small ELF64 (RISC-V, little-endian) reader: loadable segments, entry point and symbols. */
import type { Ram } from "./bus.js";

export class ElfError extends Error {
  override name = "ElfError";
}

export interface ElfSegment {
  /** Physical load address (p_paddr). */
  paddr: number;
  /** File bytes; memsz beyond them is zero-filled. */
  data: Uint8Array;
  memsz: number;
}

export interface Elf {
  entry: number;
  segments: ElfSegment[];
  symbols: Map<string, number>;
}

const EM_RISCV = 243;
const PT_LOAD = 1;
const SHT_SYMTAB = 2;

function num(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`${what} 0x${v.toString(16)} is too large`);
  return Number(v);
}

/** Parses an ELF64 RISC-V executable. Throws ElfError with a clear message on anything malformed. */
export function parseElf(bytes: Uint8Array): Elf {
  if (bytes.length < 64) throw new ElfError("file is too short to be an ELF executable");
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw new ElfError("not an ELF file (bad magic)");
  }
  if (bytes[4] !== 2) throw new ElfError("not a 64-bit ELF file (RV64 expected)");
  if (bytes[5] !== 1) throw new ElfError("not a little-endian ELF file");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const machine = dv.getUint16(18, true);
  if (machine !== EM_RISCV) throw new ElfError(`ELF machine is ${machine}, not RISC-V (${EM_RISCV})`);
  const entry = num(dv.getBigUint64(24, true), "entry point");
  const phoff = num(dv.getBigUint64(32, true), "program header offset");
  const shoff = num(dv.getBigUint64(40, true), "section header offset");
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  const shentsize = dv.getUint16(58, true);
  const shnum = dv.getUint16(60, true);
  const within = (off: number, len: number, what: string) => {
    if (off < 0 || len < 0 || off + len > bytes.length) throw new ElfError(`${what} lies outside the file`);
  };
  const segments: ElfSegment[] = [];
  if (phnum > 0) {
    if (phentsize < 56) throw new ElfError("program header entries are too small");
    within(phoff, phnum * phentsize, "program header table");
  }
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (dv.getUint32(o, true) !== PT_LOAD) continue;
    const offset = num(dv.getBigUint64(o + 8, true), "segment offset");
    const paddr = num(dv.getBigUint64(o + 24, true), "segment physical address");
    const filesz = num(dv.getBigUint64(o + 32, true), "segment file size");
    const memsz = num(dv.getBigUint64(o + 40, true), "segment memory size");
    if (filesz > memsz) throw new ElfError(`segment ${i} has file size larger than its memory size`);
    within(offset, filesz, `segment ${i}`);
    segments.push({ paddr, data: bytes.subarray(offset, offset + filesz), memsz });
  }
  if (segments.length === 0) throw new ElfError("ELF file has no loadable segments");
  const symbols = new Map<string, number>();
  if (shnum > 0 && shoff !== 0) {
    if (shentsize < 64) throw new ElfError("section header entries are too small");
    within(shoff, shnum * shentsize, "section header table");
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      if (dv.getUint32(o + 4, true) !== SHT_SYMTAB) continue;
      const off = num(dv.getBigUint64(o + 24, true), "symbol table offset");
      const size = num(dv.getBigUint64(o + 32, true), "symbol table size");
      const link = dv.getUint32(o + 40, true);
      if (link >= shnum) throw new ElfError("symbol table links to a missing string table");
      const so = shoff + link * shentsize;
      const stroff = num(dv.getBigUint64(so + 24, true), "string table offset");
      const strsize = num(dv.getBigUint64(so + 32, true), "string table size");
      within(off, size, "symbol table");
      within(stroff, strsize, "string table");
      for (let s = off; s + 24 <= off + size; s += 24) {
        const nameOff = dv.getUint32(s, true);
        if (nameOff === 0 || nameOff >= strsize) continue;
        let end = stroff + nameOff;
        while (end < stroff + strsize && bytes[end] !== 0) end++;
        const name = new TextDecoder().decode(bytes.subarray(stroff + nameOff, end));
        const value = dv.getBigUint64(s + 8, true);
        if (!symbols.has(name) && value <= BigInt(Number.MAX_SAFE_INTEGER)) symbols.set(name, Number(value));
      }
    }
  }
  return { entry, segments, symbols };
}

/** Copies every loadable segment into RAM at its physical address; ElfError if one lies outside. */
export function loadSegments(ram: Ram, elf: Elf): void {
  for (const seg of elf.segments) {
    if (!ram.contains(seg.paddr, Math.max(seg.memsz, 1))) {
      throw new ElfError(
        `segment at 0x${seg.paddr.toString(16)} (${seg.memsz} bytes) is outside RAM ` +
          `(0x${ram.base.toString(16)}-0x${(ram.base + ram.size).toString(16)})`,
      );
    }
    // RAM starts zeroed, so the part of memsz beyond the file's bytes is already zero.
    ram.writeBytes(seg.paddr, seg.data);
  }
}
