/**
 * A warm-up for the interpreter, once per thread (V8 isolate) that runs harts.
 *
 * V8 compiles a hart's `run` with the type feedback it has gathered so far, and throws the compiled
 * code out at the first path it has no feedback for. In a boot, `run` is compiled during the page
 * freeing, when it has seen little but the early boot; the kernel's next steps then took it out
 * again and again, and each new compile of this large function took about 0.1 s, a third of the
 * boot spent at a few million instructions a second. So before a thread runs its first hart, a
 * throwaway hart runs a short program that takes every path of `run` the guest is likely to take:
 * each kind of instruction, taken and untaken branches, a branch out of its page, stores that hit
 * the translation cache, shifts past 32, compiled loops (two, so that the call of compiled code
 * sees more than one target) and one that cannot be compiled, traps, interrupts, wfi and sfence,
 * first in M mode and then in S mode under Sv39. It runs about 34,000 instructions.
 */
import { RAM_BASE } from "@xv6-machine/devices";
import { Hart, Ram, SimpleBus } from "@xv6-machine/rv-cpu";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { addi, bType, csr, iType, jal, MRET, rType, sType, uType } from "./difftest/encode.js";

const RAM_SIZE = 1 << 20;
/** Registers: scratch base, page-table base, operands, counters. */
const S0 = 8;
const S1 = 9;
const T0 = 5;
const T1 = 6;
const T2 = 7;
const T3 = 28;
const RA = 1;
const A1 = 11;
const A2 = 12;
const A3 = 13;
const A4 = 14;
/** CSRs. */
const MSTATUS = 0x300;
const MIE = 0x304;
const MIP = 0x344;
const MEPC = 0x341;
const MSCRATCH = 0x340;
const SIP = 0x144;
const SEPC = 0x141;
const SSIP = 2;
const SRET = 0x1020_0073;
/** Passes of the main loop in each mode. */
const ROUNDS = 20;
/** Where the program's far branch lands: the next page. */
const FAR = 0x1000;

/** One of each instruction the main loop runs (each loop pass goes through all of them). */
function body(): number[] {
  const w: number[] = [];
  // Branches to the next instruction: taken or not, they land in the same place.
  for (const f3 of [0, 1, 4, 5, 6, 7]) w.push(bType(f3, T0, T1, 4));
  w.push(jal(RA, 4), uType(0x17, T2, 0), iType(0x67, 0, RA, T2, 8), uType(0x37, T0, 1));
  for (let f3 = 0; f3 < 7; f3++) w.push(iType(0x03, f3, T0, S0, 8));
  // Each store twice: the second finds its translation cached.
  for (let f3 = 0; f3 < 4; f3++) w.push(sType(0x23, f3, S0, T1, 16), sType(0x23, f3, S0, T1, 16));
  for (let f3 = 0; f3 < 8; f3++) {
    if (f3 === 1 || f3 === 5) w.push(iType(0x13, f3, T0, T1, 3), iType(0x13, f3, T0, T1, 40));
    else w.push(iType(0x13, f3, T0, T1, 5));
  }
  w.push(iType(0x13, 5, T0, T1, 0x400 | 3), iType(0x13, 5, T0, T1, 0x400 | 40));
  w.push(iType(0x1b, 0, T0, T1, 7));
  w.push(iType(0x1b, 1, T0, T1, 3), iType(0x1b, 5, T0, T1, 3), iType(0x1b, 5, T0, T1, 0x400 | 3));
  for (let f3 = 0; f3 < 8; f3++) {
    w.push(rType(0x33, f3, 0, T0, T1, T2), rType(0x33, f3, 1, T0, T1, T2));
    if (f3 === 0 || f3 === 5) w.push(rType(0x33, f3, 0x20, T0, T1, T2));
    if (f3 === 1 || f3 === 5) w.push(rType(0x33, f3, 0, T0, T1, A4), rType(0x33, f3, 0x20, T0, T1, A4));
  }
  for (const f3 of [0, 1, 5]) w.push(rType(0x3b, f3, 0, T0, T1, T2));
  w.push(rType(0x3b, 0, 0x20, T0, T1, T2), rType(0x3b, 5, 0x20, T0, T1, T2));
  for (const f3 of [0, 4, 5, 6, 7]) w.push(rType(0x3b, f3, 1, T0, T1, T2));
  // LR, SC and the AMOs, word and doubleword.
  for (const f3 of [2, 3]) {
    w.push(rType(0x2f, f3, 0x02 << 2, T0, S0, 0), rType(0x2f, f3, 0x03 << 2, T0, S0, T1));
    for (const f5 of [0x01, 0x00, 0x04, 0x0c, 0x08, 0x10, 0x14, 0x18, 0x1c])
      w.push(rType(0x2f, f3, f5 << 2, T0, S0, T1));
  }
  w.push(0x0ff0000f, 0x0000100f);
  for (const f3 of [1, 2, 3]) w.push(csr(f3, T0, T1, MSCRATCH));
  for (const f3 of [5, 6, 7]) w.push(csr(f3, T0, 1, MSCRATCH));
  for (const n of [0xc00, 0xc01, 0x100, 0x180]) w.push(csr(2, T0, 0, n));
  // ecall, an illegal instruction, sfence.vma, wfi: the handlers step over the traps.
  w.push(0x00000073, 0, 0x12000073, 0x10500073);
  // A store to a page the MMU has read page-table entries from (the S pass).
  w.push(sType(0x23, 3, S1, 0, 0));
  // Interrupts: SSIP for M (the M pass), and delegated to S (the S pass).
  // The handlers step over the instruction after each (an interrupt's epc is the next one).
  w.push(csr(6, 0, SSIP, MIP), addi(0, 0, 0), csr(6, 0, SSIP, SIP), addi(0, 0, 0));
  return w;
}

/** The program, from RAM_BASE; returns its words and where it starts. */
function program(): { words: number[]; entry: number; sHandler: number } {
  const p: number[] = [];
  // Trap handlers: step over the instruction, clear SSIP, return.
  p.push(csr(2, T3, 0, MEPC), addi(T3, T3, 4), csr(1, 0, T3, MEPC), csr(7, 0, SSIP, MIP), MRET);
  const sHandler = p.length * 4;
  p.push(csr(2, T3, 0, SEPC), addi(T3, T3, 4), csr(1, 0, T3, SEPC), csr(7, 0, SSIP, SIP), SRET);
  const entry = p.length * 4;
  // s0: a scratch area 512 KiB in; s1: the page-table page (960 KiB in), past the entries in use.
  p.push(uType(0x17, S0, 0x80), iType(0x13, 7, S0, S0, -64));
  p.push(uType(0x17, S1, 0xf0), uType(0x37, T0, 0xfffff), rType(0x33, 7, 0, S1, S1, T0), addi(S1, S1, 0x7f8));
  p.push(addi(T1, 0, 3), addi(T2, 0, -7), addi(A4, 0, 40));
  p.push(csr(6, 0, SSIP, MIE), csr(6, 0, 8, MSTATUS));
  // Loops run often enough to be compiled (and the compiled code called from the interpreter).
  p.push(addi(A2, 0, 1500), addi(A2, A2, -1), bType(4, 0, A2, -4));
  p.push(addi(A2, 0, 1500), addi(A2, A2, -1), addi(A3, A3, 3), bType(4, 0, A2, -8));
  // One whose first instruction is never compiled.
  p.push(addi(A2, 0, 1100), csr(2, T0, 0, MSCRATCH), addi(A2, A2, -1), bType(4, 0, A2, -8));
  const loop = p.length * 4;
  p.push(...body());
  const hop = p.length * 4;
  p.push(bType(0, 0, 0, FAR - hop));
  p.push(addi(A1, A1, -1));
  p.push(bType(1, A1, 0, loop - p.length * 4));
  p.push(jal(0, 0));
  while (p.length < FAR / 4) p.push(addi(0, 0, 0));
  p.push(jal(0, hop + 4 - FAR));
  return { words: p, entry, sHandler };
}

let done = false;

/**
 * Runs the warm-up unless this thread already has. Returns the passes completed (2: both modes
 * reached the program's end) and the instructions run, or undefined the second time.
 */
export function warmUp(): { passes: number; instructions: number } | undefined {
  if (done) return undefined;
  done = true;
  const ram = new Ram(RAM_SIZE, RAM_BASE, 1);
  const bus = new SimpleBus(ram);
  const hart = new Hart({
    bus,
    mmu: new Sv39Mmu(ram),
    clock: { now: () => 0 },
    resetPc: RAM_BASE,
    engine: "jit",
  });
  const { words, entry, sHandler } = program();
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i] >>> 0, true);
  ram.writeBytes(RAM_BASE, bytes);
  hart.debugWriteCsr(0x305, BigInt(RAM_BASE));
  hart.debugWriteCsr(0x105, BigInt(RAM_BASE + sHandler));
  let passes = 0;
  let instructions = 0;
  for (const priv of [3, 1]) {
    if (priv === 1) {
      // Sv39: one 1 GiB page maps RAM onto itself (V R W X A D); SSIP goes to S, with SIE set.
      const root = RAM_BASE + 0xf0000;
      ram.i32[(root - RAM_BASE) / 4 + 4] = ((RAM_BASE / 4096) << 10) | 0xcf;
      hart.debugWriteCsr(0x180, (8n << 60n) | BigInt(root / 4096));
      hart.debugWriteCsr(0x303, BigInt(SSIP));
      hart.debugWriteCsr(MSTATUS, (hart.debugReadCsr(MSTATUS) ?? 0n) | 2n);
    }
    hart.priv = priv;
    hart.setPc(RAM_BASE + entry, 0);
    hart.x[2 * A1] = ROUNDS;
    for (let k = 0; k < 1000 && hart.x[2 * A1] !== 0; k++) {
      instructions += hart.run(500);
      if (hart.waiting) {
        // Asleep: the next run returns at once; then it wakes.
        hart.run(500);
        hart.waiting = false;
      }
    }
    if (hart.x[2 * A1] === 0) passes++;
  }
  return { passes, instructions };
}
