/**
 * A batch image: a driver that runs each program from its own initial state, a trap handler that
 * logs and skips faulting instructions, and a save routine that dumps the state through the UART;
 * then powers off through the test finisher. Runs the same on QEMU virt (-bios none) and on Machine.
 */
import { buildElf } from "@xv6-machine/rv-cpu";
import * as E from "./encode.js";
import { initBlock, type Program } from "./generate.js";
import {
  CTX,
  CTX_DUMP,
  CTX_INDEX,
  CTX_SC,
  CTX_SPILL,
  DUMP_CSR,
  DUMP_CSRS,
  DUMP_F,
  DUMP_FCSR,
  DUMP_LOG,
  DUMP_SCRATCH,
  DUMP_SIZE,
  DUMP_TRAPS,
  INIT_F,
  INIT_FCSR,
  INIT_MSTATUS,
  INIT_SCRATCH,
  INIT_SIZE,
  MAX_TRAPS,
  SCRATCH_SIZE,
} from "./layout.js";

const BASE = 0x8000_0000;
const FINISHER = 0x10_0000;
const UART = 0x1000_0000;
const MSCRATCH = 0x340;

class Asm {
  readonly h: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: {
    at: number;
    pc: number;
    enc: (pc: number, to: number) => number;
    label: string;
  }[] = [];

  get pc(): number {
    return BASE + this.h.length * 2;
  }

  w(...ws: number[]): void {
    for (const x of ws) this.h.push(x & 0xffff, (x >>> 16) & 0xffff);
  }

  label(name: string): void {
    this.labels.set(name, this.pc);
  }

  /** A 32-bit instruction whose encoding needs `label`'s address. */
  ref(label: string, enc: (pc: number, to: number) => number): void {
    this.fixups.push({ at: this.h.length, pc: this.pc, enc, label });
    this.w(0);
  }

  /** `rd` = an address (auipc + addi). */
  la(rd: number, addr: number): void {
    const d = addr - this.pc;
    const lo = (d << 20) >> 20;
    this.w(E.auipc(rd, ((d - lo) >>> 12) & 0xfffff), E.addi(rd, rd, lo));
  }

  /** `rd` = a label's address, known once the image is assembled. */
  laLabel(rd: number, label: string): void {
    const lo = (d: number) => (d << 20) >> 20;
    this.ref(label, (pc, to) => E.auipc(rd, ((to - pc - lo(to - pc)) >>> 12) & 0xfffff));
    this.ref(label, (pc, to) => E.addi(rd, rd, lo(to - pc + 4)));
  }

  li(rd: number, v: number): void {
    const lo = (v << 20) >> 20;
    this.w(E.lui(rd, ((v - lo) >>> 12) & 0xfffff), E.iType(0x1b, 0, rd, rd, lo));
  }

  finish(): void {
    for (const f of this.fixups) {
      const to = this.labels.get(f.label);
      if (to === undefined) throw new Error(`difftest image: no label ${f.label}`);
      const x = f.enc(f.pc, to);
      this.h[f.at] = x & 0xffff;
      this.h[f.at + 1] = x >>> 16;
    }
  }
}

/** Where a program's body landed: for mapping a pc back to an item. */
export interface Placed {
  /** Where the program's prologue starts. */
  entry: number;
  /** Address of each item, then the end of the body. */
  addresses: number[];
}

export interface Batch {
  elf: Uint8Array;
  placed: Placed[];
}

const D = CTX_DUMP;

function driver(a: Asm, count: number, tableAddr: number): void {
  a.laLabel(5, "handler");
  a.w(E.csrw(0x305, 5));
  a.la(5, CTX);
  a.w(E.csrw(MSCRATCH, 5), E.sd(0, 5, CTX_INDEX));
  a.label("next");
  a.la(5, CTX);
  a.w(E.ld(6, 5, CTX_INDEX));
  a.li(7, count);
  a.ref("go", (pc, to) => E.bne(6, 7, to - pc));
  a.w(E.lui(5, FINISHER >>> 12));
  a.li(6, 0x5555);
  a.w(E.sw(6, 5, 0));
  a.label("halt");
  a.ref("halt", (pc, to) => E.jal(0, to - pc));
  a.label("go");
  a.la(28, tableAddr);
  a.w(E.slli(29, 6, 4), E.add(28, 28, 29), E.ld(30, 28, 0), E.ld(31, 28, 8));
  // M-mode, FS dirty for the prologue's loads, nothing enabled or delegated.
  a.li(29, (3 << 13) | (3 << 11));
  a.w(E.csrw(0x300, 29));
  for (const c of [0x304, 0x303, 0x302, 0x306, 0x106, 0x30a, 0x10a, 0x180, 0x105, 0x140, 0x141, 0x142, 0x143])
    a.w(E.csrw(c, 0));
  a.w(E.csrw(0x341, 0), E.csrw(0x342, 0), E.csrw(0x343, 0), E.csrw(0x344, 0));
  // Drop any reservation the previous program left.
  a.w(E.addi(29, 5, CTX_SC), E.rType(0x2f, 3, 3 << 2, 0, 29, 0));
  a.w(E.addi(6, 31, INIT_SCRATCH), E.addi(7, 5, D + DUMP_SCRATCH), E.addi(29, 0, SCRATCH_SIZE / 8));
  a.label("copy");
  a.w(E.ld(28, 6, 0), E.sd(28, 7, 0), E.addi(6, 6, 8), E.addi(7, 7, 8), E.addi(29, 29, -1));
  a.ref("copy", (pc, to) => E.bne(29, 0, to - pc));
  a.w(E.addi(7, 5, D + DUMP_TRAPS), E.addi(29, 0, 1 + MAX_TRAPS * 3));
  a.label("clear");
  a.w(E.sd(0, 7, 0), E.addi(7, 7, 8), E.addi(29, 29, -1));
  a.ref("clear", (pc, to) => E.bne(29, 0, to - pc));
  a.w(E.jalr(0, 30, 0));
}

function handler(a: Asm): void {
  a.label("handler");
  a.w(E.csrrw(31, MSCRATCH, 31));
  a.w(E.sd(30, 31, CTX_SPILL), E.sd(29, 31, CTX_SPILL + 8), E.sd(28, 31, CTX_SPILL + 16));
  a.w(E.ld(30, 31, D + DUMP_TRAPS), E.sltiu(29, 30, MAX_TRAPS));
  a.ref("skiprec", (pc, to) => E.beq(29, 0, to - pc));
  a.w(E.slli(29, 30, 1), E.add(29, 29, 30), E.slli(29, 29, 3), E.add(29, 29, 31));
  a.w(E.csrr(28, 0x342), E.sd(28, 29, D + DUMP_LOG));
  a.w(E.csrr(28, 0x341), E.sd(28, 29, D + DUMP_LOG + 8));
  a.w(E.csrr(28, 0x343), E.sd(28, 29, D + DUMP_LOG + 16));
  a.label("skiprec");
  // A breakpoint's mtval may be 0 or its pc: make it 0 before the body can see it.
  a.w(E.csrr(28, 0x342), E.addi(28, 28, -3), E.bne(28, 0, 8), E.csrw(0x343, 0));
  a.w(E.addi(30, 30, 1), E.sd(30, 31, D + DUMP_TRAPS));
  // Step over the instruction: 2 bytes if compressed (low bits not 11), else 4.
  a.w(E.csrr(30, 0x341), E.lhu(29, 30, 0), E.andi(29, 29, 3), E.addi(29, 29, -3), E.addi(30, 30, 2));
  a.w(E.bne(29, 0, 8), E.addi(30, 30, 2), E.csrw(0x341, 30));
  a.w(E.ld(28, 31, CTX_SPILL + 16), E.ld(29, 31, CTX_SPILL + 8), E.ld(30, 31, CTX_SPILL));
  a.w(E.csrrw(31, MSCRATCH, 31), E.MRET);
}

function save(a: Asm): void {
  a.label("save");
  for (let i = 1; i <= 30; i++) a.w(E.sd(i, 31, D + i * 8));
  a.w(E.csrr(30, MSCRATCH), E.sd(30, 31, D + 31 * 8), E.csrw(MSCRATCH, 31));
  a.w(E.ld(30, 31, CTX_INDEX), E.sd(30, 31, D));
  a.w(E.csrr(30, 0x300), E.sd(30, 31, D + DUMP_CSR));
  a.w(E.lui(29, 6), E.csrs(0x300, 29));
  for (let i = 0; i < 32; i++) a.w(E.fsd(i, 31, D + DUMP_F + i * 8));
  a.w(E.csrr(30, 0x003), E.sd(30, 31, D + DUMP_FCSR));
  DUMP_CSRS.forEach(([, num], i) => {
    if (i > 0) a.w(E.csrr(30, num), E.sd(30, 31, D + DUMP_CSR + i * 8));
  });
  a.w(E.addi(5, 31, D), E.addi(6, 31, D + DUMP_SIZE), E.lui(7, UART >>> 12));
  a.label("print");
  a.w(E.lbu(28, 5, 0), E.sb(28, 7, 0), E.addi(5, 5, 1));
  a.ref("print", (pc, to) => E.bne(5, 6, to - pc));
  a.w(E.ld(29, 31, CTX_INDEX), E.addi(29, 29, 1), E.sd(29, 31, CTX_INDEX));
  a.ref("next", (pc, to) => E.jal(0, to - pc));
}

function program(a: Asm, p: Program, dataAddr: number, length: number): Placed {
  const entry = a.pc;
  a.la(31, dataAddr);
  for (let i = 0; i < 32; i++) a.w(E.fld(i, 31, INIT_F + i * 8));
  a.w(E.ld(30, 31, INIT_FCSR), E.csrw(0x003, 30), E.ld(30, 31, INIT_MSTATUS), E.csrw(0x300, 30));
  for (let i = 1; i <= 31; i++) a.w(E.ld(i, 31, i * 8));
  const items = p.body.slice(0, length);
  const addresses: number[] = [];
  let pc = a.pc;
  for (const it of items) {
    addresses.push(pc);
    pc += it.size;
  }
  addresses.push(pc);
  items.forEach((it, i) => {
    const to = it.target !== undefined && it.target < items.length ? addresses[it.target] : pc;
    for (const h of it.enc(addresses[i], to)) a.h.push(h & 0xffff);
  });
  a.w(E.csrrw(31, MSCRATCH, 31));
  a.ref("save", (at, to) => E.jal(0, to - at));
  return { entry, addresses };
}

/** Builds a batch; `lengths[i]` truncates program i's body (for bisecting). */
export function buildBatch(programs: readonly Program[], lengths?: readonly number[]): Batch {
  const n = programs.length;
  const assemble = (tableAddr: number) => {
    const a = new Asm();
    driver(a, n, tableAddr);
    handler(a);
    save(a);
    const placed = programs.map((p, i) =>
      program(a, p, tableAddr + n * 16 + i * INIT_SIZE, lengths?.[i] ?? p.body.length),
    );
    a.finish();
    return { a, placed };
  };
  // The table follows the code, whose size the first pass measures.
  const tableAddr = Math.ceil(assemble(BASE).a.pc / 8) * 8;
  const { a, placed } = assemble(tableAddr);
  if (a.pc - BASE > 0xf_0000) throw new Error("difftest batch too large: use fewer programs per batch");
  const codeBytes = tableAddr - BASE;
  const out = new Uint8Array(codeBytes + n * (16 + INIT_SIZE));
  const dv = new DataView(out.buffer);
  a.h.forEach((h, i) => {
    dv.setUint16(i * 2, h, true);
  });
  programs.forEach((p, i) => {
    const data = tableAddr + n * 16 + i * INIT_SIZE;
    dv.setBigUint64(codeBytes + i * 16, BigInt(placed[i].entry), true);
    dv.setBigUint64(codeBytes + i * 16 + 8, BigInt(data), true);
    initBlock(p, dv, data - BASE);
  });
  return { elf: buildElf({ base: BASE, code: out }), placed };
}
