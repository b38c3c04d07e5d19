/**
 * Random instruction streams: raw words, compressed halfwords, and well-formed instructions with
 * random operands, so that decode errors, traps, CSR writes, privilege changes, paging and wfi all
 * come up often.
 */
import type { Rng } from "./rng.js";

/** CSRs that change how the hart traps, translates or counts, and some that do not exist. */
const CSRS = [
  0x100, 0x104, 0x105, 0x106, 0x10a, 0x140, 0x141, 0x142, 0x143, 0x144, 0x14d, 0x180, 0x300, 0x301, 0x302,
  0x303, 0x304, 0x305, 0x306, 0x30a, 0x320, 0x340, 0x341, 0x342, 0x343, 0x344, 0x3a0, 0x3b0, 0x7a0, 0x7a1,
  0xb00, 0xb02, 0xc00, 0xc01, 0xc02, 0xf11, 0xf14, 0x31a, 0x5a8, 0xfff,
];

/** Whole encodings worth having often: xRET, wfi, ecall, ebreak, fences. */
const FIXED = [0x0000_0073, 0x0010_0073, 0x3020_0073, 0x1020_0073, 0x1050_0073, 0x0ff0_000f, 0x0000_100f];

const AMO_FUNCT5 = [0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c];

function reg(rng: Rng): number {
  // x5..x9 hold addresses in RAM (see randomRegisters), so loads, stores and jumps through them land.
  return rng.bool(0.5) ? 5 + rng.int(5) : rng.int(32);
}

function iType(rng: Rng, opcode: number, f3: number, imm: number): number {
  return ((imm & 0xfff) << 20) | (reg(rng) << 15) | (f3 << 12) | (reg(rng) << 7) | opcode;
}

function sType(rng: Rng, f3: number, imm: number): number {
  return (
    (((imm >> 5) & 0x7f) << 25) | (reg(rng) << 20) | (reg(rng) << 15) | (f3 << 12) | ((imm & 31) << 7) | 0x23
  );
}

function bType(rng: Rng): number {
  const off = (rng.int(64) - 32) * 2;
  const imm =
    (((off >> 12) & 1) << 31) |
    (((off >> 5) & 0x3f) << 25) |
    (((off >> 1) & 0xf) << 8) |
    (((off >> 11) & 1) << 7);
  const f3 = rng.pick([0, 1, 4, 5, 6, 7, 2]);
  return imm | (reg(rng) << 20) | (reg(rng) << 15) | (f3 << 12) | 0x63;
}

function jal(rng: Rng): number {
  const off = (rng.int(256) - 128) * 2;
  const imm =
    (((off >> 20) & 1) << 31) |
    (((off >> 1) & 0x3ff) << 21) |
    (((off >> 11) & 1) << 20) |
    (((off >> 12) & 0xff) << 12);
  return imm | (rng.int(32) << 7) | 0x6f;
}

/** One well-formed (or nearly) 32-bit instruction. */
function instruction(rng: Rng): number {
  const smallImm = rng.bool(0.7) ? rng.int(64) - 32 : rng.int(4096);
  switch (rng.int(12)) {
    case 0:
      return iType(rng, 0x03, rng.int(7), smallImm); // loads
    case 1:
      return sType(rng, rng.int(4), smallImm); // stores
    case 2:
      return iType(rng, rng.pick([0x13, 0x1b]), rng.int(8), rng.int(4096)); // OP-IMM(-32)
    case 3: {
      const f7 = rng.pick([0, 1, 0x20]) << 25;
      return (
        f7 |
        (reg(rng) << 20) |
        (reg(rng) << 15) |
        (rng.int(8) << 12) |
        (reg(rng) << 7) |
        rng.pick([0x33, 0x3b])
      );
    }
    case 4:
      return (rng.u32() & ~0xfff) | (reg(rng) << 7) | rng.pick([0x37, 0x17]); // lui, auipc
    case 5:
      return rng.bool(0.5) ? jal(rng) : iType(rng, 0x67, 0, smallImm); // jal, jalr
    case 6:
      return bType(rng);
    case 7:
    case 8: {
      const f3 = rng.pick([1, 2, 3, 5, 6, 7]);
      return ((rng.pick(CSRS) & 0xfff) << 20) | (reg(rng) << 15) | (f3 << 12) | (reg(rng) << 7) | 0x73;
    }
    case 9: {
      const amo = rng.pick(AMO_FUNCT5) << 27;
      return (
        amo |
        (rng.int(4) << 25) |
        (reg(rng) << 20) |
        (reg(rng) << 15) |
        (rng.pick([2, 3]) << 12) |
        (reg(rng) << 7) |
        0x2f
      );
    }
    case 10:
      return 0x1200_0073 | (reg(rng) << 20) | (reg(rng) << 15); // sfence.vma
    default:
      return rng.pick(FIXED);
  }
}

/** `bytes` of code (a multiple of 4). */
export function randomCode(rng: Rng, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const dv = new DataView(out.buffer);
  for (let at = 0; at + 4 <= bytes; at += 4) {
    const r = rng.int(20);
    let w: number;
    if (r < 4) w = rng.u32();
    else if (r < 7)
      w = rng.u32() & ~0x0003_0003; // two compressed halfwords (quadrants 0-2)
    else w = instruction(rng);
    dv.setUint32(at, w >>> 0, true);
  }
  return out;
}

/** A register value for x1..x31: mostly addresses in or near RAM, some anything at all. */
export function randomRegister(rng: Rng, ramBase: number, ramSize: number): bigint {
  switch (rng.int(6)) {
    case 0:
    case 1:
      return BigInt(ramBase + rng.int(ramSize));
    case 2:
      return BigInt(ramBase + ramSize - rng.int(16));
    case 3:
      return BigInt(rng.int(64));
    case 4:
      return BigInt(0x0200_0000 + rng.int(0x10000));
    default:
      return rng.u64();
  }
}
