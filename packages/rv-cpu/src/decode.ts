import { Op } from "./ops.js";

// Lookup tables by funct3 (0 = illegal), built once: decode also runs for every execution of an
// instruction fetched outside RAM or across a page boundary.
const BRANCH_OPS = [Op.BEQ, Op.BNE, 0, 0, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU];
const LOAD_OPS = [Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU, 0];
const ALU_OPS = [Op.ADD, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.OR, Op.AND];
const MULDIV_W_OPS = [Op.MULW, 0, 0, 0, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW];
const C_ALU_OPS = [Op.SUB, Op.XOR, Op.OR, Op.AND];

/** Scratch register pair index (times two) that absorbs writes to x0. */
const X0_SINK = 64;

function pack(op: Op, rd: number, rs1: number, rs2: number, halfwords: number): number {
  const d = rd === 0 ? X0_SINK : rd * 2;
  return op | (d << 8) | ((rs1 * 2) << 15) | ((rs2 * 2) << 21) | (halfwords << 27);
}

/**
 * The integer registers an F/D instruction reads and writes (0: none), recorded in its Op.FP word
 * for the compiler, which keeps integer registers in locals; fp/exec.ts decodes the rest itself.
 */
function fpReadsX(bits: number): number {
  const opcode = bits & 0x7f;
  const rs1 = (bits >>> 15) & 31;
  if (opcode === 0x07 || opcode === 0x27) return rs1;
  const funct5 = bits >>> 27;
  return opcode === 0x53 && (funct5 === 0x1a || funct5 === 0x1e) ? rs1 : 0;
}

function fpWritesX(bits: number): number {
  const funct5 = bits >>> 27;
  return (bits & 0x7f) === 0x53 && (funct5 === 0x14 || funct5 === 0x18 || funct5 === 0x1c)
    ? (bits >>> 7) & 31
    : 0;
}

/** Where decode() leaves its result. */
export interface Decoded {
  word: number;
  imm: number;
}

function set(out: Decoded, word: number, imm: number): number {
  out.word = word;
  out.imm = imm;
  return word;
}

function illegal(out: Decoded, bits: number, halfwords: number): number {
  return set(out, Op.ILLEGAL | (halfwords << 27), bits);
}

/** True if the low halfword starts a 32-bit instruction. */
export function isWide(low: number): boolean {
  return (low & 3) === 3;
}

/** Decodes a 32-bit instruction, or a 16-bit one in the low half of `bits`; returns out.word. */
export function decode(bits: number, out: Decoded): number {
  if ((bits & 3) !== 3) return decodeCompressed(bits & 0xffff, out);
  const opcode = bits & 0x7f;
  const rd = (bits >>> 7) & 31;
  const f3 = (bits >>> 12) & 7;
  const rs1 = (bits >>> 15) & 31;
  const rs2 = (bits >>> 20) & 31;
  const f7 = bits >>> 25;
  const immI = bits >> 20;
  switch (opcode) {
    case 0x37:
      return set(out, pack(Op.LUI, rd, 0, 0, 2), bits & 0xfffff000);
    case 0x17:
      return set(out, pack(Op.AUIPC, rd, 0, 0, 2), bits & 0xfffff000);
    case 0x6f: {
      const imm =
        ((bits >> 31) << 20) |
        (((bits >>> 12) & 0xff) << 12) |
        (((bits >>> 20) & 1) << 11) |
        (((bits >>> 21) & 0x3ff) << 1);
      return set(out, pack(Op.JAL, rd, 0, 0, 2), imm);
    }
    case 0x67:
      if (f3 !== 0) return illegal(out, bits, 2);
      return set(out, pack(Op.JALR, rd, rs1, 0, 2), immI);
    case 0x63: {
      const op = BRANCH_OPS[f3];
      if (op === 0) return illegal(out, bits, 2);
      const imm =
        ((bits >> 31) << 12) |
        (((bits >>> 7) & 1) << 11) |
        (((bits >>> 25) & 0x3f) << 5) |
        (((bits >>> 8) & 0xf) << 1);
      return set(out, pack(op, 0, rs1, rs2, 2), imm);
    }
    case 0x03: {
      const op = LOAD_OPS[f3];
      if (op === 0) return illegal(out, bits, 2);
      return set(out, pack(op, rd, rs1, 0, 2), immI);
    }
    case 0x23: {
      if (f3 > 3) return illegal(out, bits, 2);
      const imm = ((bits >> 25) << 5) | ((bits >>> 7) & 31);
      return set(out, pack(Op.SB + f3, 0, rs1, rs2, 2), imm);
    }
    case 0x13: {
      const shamt = (bits >>> 20) & 63;
      const f6 = bits >>> 26;
      switch (f3) {
        case 0:
          return set(out, pack(Op.ADDI, rd, rs1, 0, 2), immI);
        case 1:
          if (f6 !== 0) return illegal(out, bits, 2);
          return set(out, pack(Op.SLLI, rd, rs1, 0, 2), shamt);
        case 2:
          return set(out, pack(Op.SLTI, rd, rs1, 0, 2), immI);
        case 3:
          return set(out, pack(Op.SLTIU, rd, rs1, 0, 2), immI);
        case 4:
          return set(out, pack(Op.XORI, rd, rs1, 0, 2), immI);
        case 5:
          if (f6 === 0) return set(out, pack(Op.SRLI, rd, rs1, 0, 2), shamt);
          if (f6 === 0x10) return set(out, pack(Op.SRAI, rd, rs1, 0, 2), shamt);
          return illegal(out, bits, 2);
        case 6:
          return set(out, pack(Op.ORI, rd, rs1, 0, 2), immI);
        default:
          return set(out, pack(Op.ANDI, rd, rs1, 0, 2), immI);
      }
    }
    case 0x1b: {
      const shamt = (bits >>> 20) & 31;
      if (f3 === 0) return set(out, pack(Op.ADDIW, rd, rs1, 0, 2), immI);
      if (f3 === 1 && f7 === 0) return set(out, pack(Op.SLLIW, rd, rs1, 0, 2), shamt);
      if (f3 === 5 && f7 === 0) return set(out, pack(Op.SRLIW, rd, rs1, 0, 2), shamt);
      if (f3 === 5 && f7 === 0x20) return set(out, pack(Op.SRAIW, rd, rs1, 0, 2), shamt);
      return illegal(out, bits, 2);
    }
    case 0x33: {
      let op = 0;
      if (f7 === 0) op = ALU_OPS[f3];
      else if (f7 === 0x20) op = f3 === 0 ? Op.SUB : f3 === 5 ? Op.SRA : 0;
      else if (f7 === 1) op = Op.MUL + f3;
      if (op === 0) return illegal(out, bits, 2);
      return set(out, pack(op, rd, rs1, rs2, 2), 0);
    }
    case 0x3b: {
      let op = 0;
      if (f7 === 0) op = f3 === 0 ? Op.ADDW : f3 === 1 ? Op.SLLW : f3 === 5 ? Op.SRLW : 0;
      else if (f7 === 0x20) op = f3 === 0 ? Op.SUBW : f3 === 5 ? Op.SRAW : 0;
      else if (f7 === 1) op = MULDIV_W_OPS[f3];
      if (op === 0) return illegal(out, bits, 2);
      return set(out, pack(op, rd, rs1, rs2, 2), 0);
    }
    case 0x0f:
      // FENCE's fm/pred/succ and unused fields are ignored, as the spec asks of implementations.
      if (f3 === 0) return set(out, pack(Op.FENCE, 0, 0, 0, 2), 0);
      if (f3 === 1) return set(out, pack(Op.FENCE_I, 0, 0, 0, 2), 0);
      return illegal(out, bits, 2);
    // F and D: LOAD-FP, STORE-FP, the fused multiply-adds and OP-FP, executed from their raw bits.
    case 0x07:
    case 0x27:
    case 0x43:
    case 0x47:
    case 0x4b:
    case 0x4f:
    case 0x53:
      return set(out, pack(Op.FP, fpWritesX(bits), fpReadsX(bits), 0, 2), bits);
    case 0x73:
      return decodeSystem(bits, rd, f3, rs1, rs2, f7, out);
    case 0x2f:
      return decodeAtomic(bits, rd, f3, rs1, rs2, out);
    default:
      return illegal(out, bits, 2);
  }
}

function decodeSystem(
  bits: number,
  rd: number,
  f3: number,
  rs1: number,
  rs2: number,
  f7: number,
  out: Decoded,
): number {
  const csr = bits >>> 20;
  if (f3 === 0) {
    if (f7 === 0x09 && rd === 0) return set(out, pack(Op.SFENCE_VMA, 0, rs1, rs2, 2), 0);
    switch (bits >>> 0) {
      case 0x00000073:
        return set(out, pack(Op.ECALL, 0, 0, 0, 2), 0);
      case 0x00100073:
        return set(out, pack(Op.EBREAK, 0, 0, 0, 2), 0);
      case 0x30200073:
        return set(out, pack(Op.MRET, 0, 0, 0, 2), 0);
      case 0x10200073:
        return set(out, pack(Op.SRET, 0, 0, 0, 2), 0);
      case 0x10500073:
        return set(out, pack(Op.WFI, 0, 0, 0, 2), 0);
      default:
        return illegal(out, bits, 2);
    }
  }
  if (f3 === 4) return illegal(out, bits, 2);
  // rs1 holds the zimm for the immediate forms; the executor reads the field, not a register.
  return set(out, pack(Op.CSRRW + (f3 & 3) - 1 + (f3 & 4 ? 3 : 0), rd, rs1, 0, 2), csr);
}

function decodeAtomic(bits: number, rd: number, f3: number, rs1: number, rs2: number, out: Decoded): number {
  if (f3 !== 2 && f3 !== 3) return illegal(out, bits, 2);
  const d = f3 === 3;
  const f5 = bits >>> 27;
  switch (f5) {
    case 0b00010:
      if (rs2 !== 0) return illegal(out, bits, 2);
      return set(out, pack(d ? Op.LR_D : Op.LR_W, rd, rs1, 0, 2), 0);
    case 0b00011:
      return set(out, pack(d ? Op.SC_D : Op.SC_W, rd, rs1, rs2, 2), 0);
    case 0b00001:
    case 0b00000:
    case 0b00100:
    case 0b01100:
    case 0b01000:
    case 0b10000:
    case 0b10100:
    case 0b11000:
    case 0b11100:
      return set(out, pack(d ? Op.AMO_D : Op.AMO_W, rd, rs1, rs2, 2), f5);
    default:
      return illegal(out, bits, 2);
  }
}

/** Sign-extends the low `n` bits of v. */
function sext(v: number, n: number): number {
  return (v << (32 - n)) >> (32 - n);
}

function decodeCompressed(b: number, out: Decoded): number {
  const q = b & 3;
  const f3 = b >>> 13;
  const rdFull = (b >>> 7) & 31;
  const rs2Full = (b >>> 2) & 31;
  const rdp = ((b >>> 2) & 7) + 8;
  const rs1p = ((b >>> 7) & 7) + 8;
  const imm6 = sext((((b >>> 12) & 1) << 5) | ((b >>> 2) & 31), 6);
  const uimmW = (((b >>> 10) & 7) << 3) | (((b >>> 6) & 1) << 2) | (((b >>> 5) & 1) << 6);
  const uimmD = (((b >>> 10) & 7) << 3) | (((b >>> 5) & 3) << 6);
  if (q === 0) {
    switch (f3) {
      case 0: {
        const imm =
          (((b >>> 11) & 3) << 4) | (((b >>> 7) & 15) << 6) | (((b >>> 6) & 1) << 2) | (((b >>> 5) & 1) << 3);
        if (imm === 0) return illegal(out, b, 1);
        return set(out, pack(Op.ADDI, rdp, 2, 0, 1), imm);
      }
      case 1: // c.fld
      case 5: // c.fsd
        return set(out, pack(Op.FP, 0, rs1p, 0, 1), b);
      case 2:
        return set(out, pack(Op.LW, rdp, rs1p, 0, 1), uimmW);
      case 3:
        return set(out, pack(Op.LD, rdp, rs1p, 0, 1), uimmD);
      case 6:
        return set(out, pack(Op.SW, 0, rs1p, rdp, 1), uimmW);
      case 7:
        return set(out, pack(Op.SD, 0, rs1p, rdp, 1), uimmD);
      default:
        return illegal(out, b, 1);
    }
  }
  if (q === 1) {
    switch (f3) {
      case 0:
        return set(out, pack(Op.ADDI, rdFull, rdFull, 0, 1), imm6);
      case 1:
        if (rdFull === 0) return illegal(out, b, 1);
        return set(out, pack(Op.ADDIW, rdFull, rdFull, 0, 1), imm6);
      case 2:
        return set(out, pack(Op.ADDI, rdFull, 0, 0, 1), imm6);
      case 3: {
        if (rdFull === 2) {
          const imm = sext(
            (((b >>> 12) & 1) << 9) |
              (((b >>> 6) & 1) << 4) |
              (((b >>> 5) & 1) << 6) |
              (((b >>> 3) & 3) << 7) |
              (((b >>> 2) & 1) << 5),
            10,
          );
          if (imm === 0) return illegal(out, b, 1);
          return set(out, pack(Op.ADDI, 2, 2, 0, 1), imm);
        }
        if (imm6 === 0) return illegal(out, b, 1);
        return set(out, pack(Op.LUI, rdFull, 0, 0, 1), imm6 << 12);
      }
      case 4:
        return decodeCompressedAlu(b, rs1p, rdp, imm6, out);
      case 5: {
        const imm = sext(
          (((b >>> 12) & 1) << 11) |
            (((b >>> 11) & 1) << 4) |
            (((b >>> 9) & 3) << 8) |
            (((b >>> 8) & 1) << 10) |
            (((b >>> 7) & 1) << 6) |
            (((b >>> 6) & 1) << 7) |
            (((b >>> 3) & 7) << 1) |
            (((b >>> 2) & 1) << 5),
          12,
        );
        return set(out, pack(Op.JAL, 0, 0, 0, 1), imm);
      }
      default: {
        const imm = sext(
          (((b >>> 12) & 1) << 8) |
            (((b >>> 10) & 3) << 3) |
            (((b >>> 5) & 3) << 6) |
            (((b >>> 3) & 3) << 1) |
            (((b >>> 2) & 1) << 5),
          9,
        );
        return set(out, pack(f3 === 6 ? Op.BEQ : Op.BNE, 0, rs1p, 0, 1), imm);
      }
    }
  }
  if (q === 2) {
    switch (f3) {
      case 0:
        return set(out, pack(Op.SLLI, rdFull, rdFull, 0, 1), imm6 & 63);
      case 1: // c.fldsp
      case 5: // c.fsdsp
        return set(out, pack(Op.FP, 0, 2, 0, 1), b);
      case 2: {
        if (rdFull === 0) return illegal(out, b, 1);
        const imm = (((b >>> 12) & 1) << 5) | (((b >>> 4) & 7) << 2) | (((b >>> 2) & 3) << 6);
        return set(out, pack(Op.LW, rdFull, 2, 0, 1), imm);
      }
      case 3: {
        if (rdFull === 0) return illegal(out, b, 1);
        const imm = (((b >>> 12) & 1) << 5) | (((b >>> 5) & 3) << 3) | (((b >>> 2) & 7) << 6);
        return set(out, pack(Op.LD, rdFull, 2, 0, 1), imm);
      }
      case 4: {
        const bit12 = (b >>> 12) & 1;
        if (bit12 === 0) {
          if (rs2Full === 0) {
            if (rdFull === 0) return illegal(out, b, 1);
            return set(out, pack(Op.JALR, 0, rdFull, 0, 1), 0);
          }
          return set(out, pack(Op.ADD, rdFull, 0, rs2Full, 1), 0);
        }
        if (rs2Full === 0) {
          if (rdFull === 0) return set(out, pack(Op.EBREAK, 0, 0, 0, 1), 0);
          return set(out, pack(Op.JALR, 1, rdFull, 0, 1), 0);
        }
        return set(out, pack(Op.ADD, rdFull, rdFull, rs2Full, 1), 0);
      }
      case 6: {
        const imm = (((b >>> 9) & 15) << 2) | (((b >>> 7) & 3) << 6);
        return set(out, pack(Op.SW, 0, 2, rs2Full, 1), imm);
      }
      case 7: {
        const imm = (((b >>> 10) & 7) << 3) | (((b >>> 7) & 7) << 6);
        return set(out, pack(Op.SD, 0, 2, rs2Full, 1), imm);
      }
      default:
        return illegal(out, b, 1);
    }
  }
  return illegal(out, b, 1);
}

function decodeCompressedAlu(b: number, rs1p: number, rdp: number, imm6: number, out: Decoded): number {
  const f2 = (b >>> 10) & 3;
  if (f2 === 0) return set(out, pack(Op.SRLI, rs1p, rs1p, 0, 1), imm6 & 63);
  if (f2 === 1) return set(out, pack(Op.SRAI, rs1p, rs1p, 0, 1), imm6 & 63);
  if (f2 === 2) return set(out, pack(Op.ANDI, rs1p, rs1p, 0, 1), imm6);
  const sel = (b >>> 5) & 3;
  if (((b >>> 12) & 1) === 0) {
    const op = C_ALU_OPS[sel];
    return set(out, pack(op, rs1p, rs1p, rdp, 1), 0);
  }
  if (sel === 0) return set(out, pack(Op.SUBW, rs1p, rs1p, rdp, 1), 0);
  if (sel === 1) return set(out, pack(Op.ADDW, rs1p, rs1p, rdp, 1), 0);
  return illegal(out, b, 1);
}
