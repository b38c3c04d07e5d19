/** Writes small ELF64 RISC-V executables: for tests, fuzzers and hand-assembled programs. */

export interface ElfImage {
  /** Load (and physical) address of the code. */
  base: number;
  /** Entry point; `base` when absent. */
  entry?: number;
  /** The loaded bytes, or 32-bit instruction words stored little-endian. */
  code: Uint8Array | readonly number[];
  /** Extra zeroed memory after the code (memsz - filesz). */
  bss?: number;
  /** Symbols to put in a symbol table (e.g. `tohost` for HTIF programs). */
  symbols?: Readonly<Record<string, number>>;
}

const EHDR = 64;
const PHDR = 56;
const SHDR = 64;
const SYM = 24;

function codeBytes(code: Uint8Array | readonly number[]): Uint8Array {
  if (code instanceof Uint8Array) return code;
  const out = new Uint8Array(code.length * 4);
  const dv = new DataView(out.buffer);
  code.forEach((w, i) => {
    dv.setUint32(i * 4, w >>> 0, true);
  });
  return out;
}

/** An executable with one PT_LOAD segment and, when symbols are given, a symbol table. */
export function buildElf(image: ElfImage): Uint8Array {
  const code = codeBytes(image.code);
  const names = Object.entries(image.symbols ?? {});
  const enc = new TextEncoder();
  const strs: Uint8Array[] = [Uint8Array.of(0)];
  const nameOffsets: number[] = [];
  let strSize = 1;
  for (const [name] of names) {
    const b = enc.encode(`${name}\0`);
    nameOffsets.push(strSize);
    strs.push(b);
    strSize += b.length;
  }
  const codeOff = EHDR + PHDR;
  const hasSyms = names.length > 0;
  const strOff = codeOff + code.length;
  const symOff = (strOff + strSize + 7) & ~7;
  const symSize = (names.length + 1) * SYM;
  const shOff = hasSyms ? symOff + symSize : 0;
  const total = hasSyms ? shOff + 3 * SHDR : strOff;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const base = BigInt(image.base);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]); // ELF64, little-endian, version 1
  dv.setUint16(16, 2, true); // ET_EXEC
  dv.setUint16(18, 243, true); // EM_RISCV
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, BigInt(image.entry ?? image.base), true);
  dv.setBigUint64(32, BigInt(EHDR), true);
  dv.setBigUint64(40, BigInt(shOff), true);
  dv.setUint16(52, EHDR, true);
  dv.setUint16(54, PHDR, true);
  dv.setUint16(56, 1, true);
  dv.setUint16(58, SHDR, true);
  dv.setUint16(60, hasSyms ? 3 : 0, true);
  dv.setUint32(EHDR, 1, true); // PT_LOAD
  dv.setUint32(EHDR + 4, 7, true); // RWX
  dv.setBigUint64(EHDR + 8, BigInt(codeOff), true);
  dv.setBigUint64(EHDR + 16, base, true);
  dv.setBigUint64(EHDR + 24, base, true);
  dv.setBigUint64(EHDR + 32, BigInt(code.length), true);
  dv.setBigUint64(EHDR + 40, BigInt(code.length + (image.bss ?? 0)), true);
  out.set(code, codeOff);
  if (!hasSyms) return out;
  let at = strOff;
  for (const s of strs) {
    out.set(s, at);
    at += s.length;
  }
  names.forEach(([, value], i) => {
    const s = symOff + (i + 1) * SYM;
    dv.setUint32(s, nameOffsets[i], true);
    out[s + 4] = 0x11; // STB_GLOBAL, STT_OBJECT
    dv.setUint16(s + 6, 0xfff1, true); // SHN_ABS
    dv.setBigUint64(s + 8, BigInt(value), true);
  });
  const section = (i: number, type: number, off: number, size: number, link: number, entsize: number) => {
    const o = shOff + i * SHDR;
    dv.setUint32(o + 4, type, true);
    if (type === 2) dv.setUint32(o + 44, 1, true); // index of the first global symbol
    dv.setBigUint64(o + 24, BigInt(off), true);
    dv.setBigUint64(o + 32, BigInt(size), true);
    dv.setUint32(o + 40, link, true);
    dv.setBigUint64(o + 56, BigInt(entsize), true);
  };
  section(1, 2, symOff, symSize, 2, SYM); // SHT_SYMTAB, strings in section 2
  section(2, 3, strOff, strSize, 0, 0); // SHT_STRTAB
  return out;
}
