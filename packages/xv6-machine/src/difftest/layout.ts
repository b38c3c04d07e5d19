/**
 * Where a difftest batch keeps things in guest memory, and the dump each program prints (shared by
 * the image builder and the comparison).
 */

/** The context block: program index, trap-handler spills, then the dump (see DUMP_*). */
export const CTX = 0x80f0_0000;
export const CTX_INDEX = 0;
export const CTX_SPILL = 8; // three 8-byte slots for the trap handler
export const CTX_SC = 40; // a doubleword the driver's reservation-clearing sc.d may write
export const CTX_DUMP = 64;

// Offsets inside the dump, which the guest prints byte for byte after each program.
export const DUMP_X = 0; // x0's slot holds the program's index
export const DUMP_F = 256;
export const DUMP_FCSR = 512;
export const DUMP_CSR = 520;

/**
 * CSRs saved after each program, in dump order. mip's MTIP (a timer comparison) is masked when
 * compared.
 */
export const DUMP_CSRS: readonly [string, number][] = [
  ["mstatus", 0x300],
  ["mepc", 0x341],
  ["mcause", 0x342],
  ["mtval", 0x343],
  ["medeleg", 0x302],
  ["mideleg", 0x303],
  ["mie", 0x304],
  ["mip", 0x344],
  ["mcounteren", 0x306],
  ["menvcfg", 0x30a],
  ["sstatus", 0x100],
  ["sie", 0x104],
  ["stvec", 0x105],
  ["scounteren", 0x106],
  ["senvcfg", 0x10a],
  ["sscratch", 0x140],
  ["sepc", 0x141],
  ["scause", 0x142],
  ["stval", 0x143],
  ["sip", 0x144],
  ["satp", 0x180],
];
export const DUMP_TRAPS = DUMP_CSR + DUMP_CSRS.length * 8;
/** Traps recorded per program (mcause, mepc, mtval each); later ones are only counted. */
export const MAX_TRAPS = 8;
export const DUMP_LOG = DUMP_TRAPS + 8;
export const DUMP_SCRATCH = 960;
export const SCRATCH_SIZE = 512;
export const DUMP_SIZE = DUMP_SCRATCH + SCRATCH_SIZE;
export const SCRATCH = CTX + CTX_DUMP + DUMP_SCRATCH;

// A program's initial state, which its prologue loads.
export const INIT_X = 0;
export const INIT_F = 256;
export const INIT_FCSR = 512;
export const INIT_MSTATUS = 520;
export const INIT_SCRATCH = 528;
export const INIT_SIZE = INIT_SCRATCH + SCRATCH_SIZE;

/** Registers the body never writes: base pointers into the scratch area. */
export const BASE_SP = 2; // = SCRATCH (c.*sp forms)
export const BASE_GP = 3; // = SCRATCH + 256 (12-bit offsets either way)
export const BASE_S0 = 8; // = SCRATCH + 128 (c.lw/c.ld/... forms)
export const BASES: readonly [number, number][] = [
  [BASE_SP, 0],
  [BASE_GP, 256],
  [BASE_S0, 128],
];

if (DUMP_LOG + MAX_TRAPS * 24 > DUMP_SCRATCH || CTX_DUMP + DUMP_SIZE > 2048)
  throw new Error("difftest layout overlaps");
