/** Instruction encoders (RV64GC formats from the unprivileged specification) for the difftest generator. */

const u = (x: number) => x >>> 0;

export function rType(op: number, f3: number, f7: number, rd: number, rs1: number, rs2: number): number {
  return u((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
}

export function iType(op: number, f3: number, rd: number, rs1: number, imm: number): number {
  return u(((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op);
}

export function sType(op: number, f3: number, rs1: number, rs2: number, imm: number): number {
  return u((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | op);
}

export function bType(f3: number, rs1: number, rs2: number, off: number): number {
  const imm =
    (((off >> 12) & 1) << 31) |
    (((off >> 5) & 0x3f) << 25) |
    (((off >> 1) & 0xf) << 8) |
    (((off >> 11) & 1) << 7);
  return u(imm | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | 0x63);
}

export function uType(op: number, rd: number, imm20: number): number {
  return u(((imm20 & 0xfffff) << 12) | (rd << 7) | op);
}

export function jal(rd: number, off: number): number {
  const imm =
    (((off >> 20) & 1) << 31) |
    (((off >> 1) & 0x3ff) << 21) |
    (((off >> 11) & 1) << 20) |
    (((off >> 12) & 0xff) << 12);
  return u(imm | (rd << 7) | 0x6f);
}

export const jalr = (rd: number, rs1: number, imm: number) => iType(0x67, 0, rd, rs1, imm);
export const addi = (rd: number, rs1: number, imm: number) => iType(0x13, 0, rd, rs1, imm);
export const slli = (rd: number, rs1: number, sh: number) => iType(0x13, 1, rd, rs1, sh & 63);
export const andi = (rd: number, rs1: number, imm: number) => iType(0x13, 7, rd, rs1, imm);
export const sltiu = (rd: number, rs1: number, imm: number) => iType(0x13, 3, rd, rs1, imm);
export const add = (rd: number, rs1: number, rs2: number) => rType(0x33, 0, 0, rd, rs1, rs2);
export const lui = (rd: number, imm20: number) => uType(0x37, rd, imm20);
export const auipc = (rd: number, imm20: number) => uType(0x17, rd, imm20);
export const ld = (rd: number, rs1: number, imm: number) => iType(0x03, 3, rd, rs1, imm);
export const lbu = (rd: number, rs1: number, imm: number) => iType(0x03, 4, rd, rs1, imm);
export const lhu = (rd: number, rs1: number, imm: number) => iType(0x03, 5, rd, rs1, imm);
export const sd = (rs2: number, rs1: number, imm: number) => sType(0x23, 3, rs1, rs2, imm);
export const sb = (rs2: number, rs1: number, imm: number) => sType(0x23, 0, rs1, rs2, imm);
export const sw = (rs2: number, rs1: number, imm: number) => sType(0x23, 2, rs1, rs2, imm);
export const fld = (rd: number, rs1: number, imm: number) => iType(0x07, 3, rd, rs1, imm);
export const fsd = (rs2: number, rs1: number, imm: number) => sType(0x27, 3, rs1, rs2, imm);
/** csrrw/csrrs/csrrc (f3 1-3) and their immediate forms (f3 5-7; `rs1` is then the 5-bit immediate). */
export const csr = (f3: number, rd: number, rs1: number, num: number) => iType(0x73, f3, rd, rs1, num);
export const csrw = (num: number, rs1: number) => csr(1, 0, rs1, num);
export const csrr = (rd: number, num: number) => csr(2, rd, 0, num);
export const csrrw = (rd: number, num: number, rs1: number) => csr(1, rd, rs1, num);
export const csrs = (num: number, rs1: number) => csr(2, 0, rs1, num);
export const MRET = 0x3020_0073;

/** Branch with a 13-bit signed even offset. */
export const bne = (rs1: number, rs2: number, off: number) => bType(1, rs1, rs2, off);
export const beq = (rs1: number, rs2: number, off: number) => bType(0, rs1, rs2, off);

// --- compressed (RVC) ---

/** c.j's 12-bit jump-target field. */
export function cjOffset(off: number): number {
  const b = (i: number) => (off >> i) & 1;
  return (
    (b(11) << 12) |
    (b(4) << 11) |
    (b(9) << 10) |
    (b(8) << 9) |
    (b(10) << 8) |
    (b(6) << 7) |
    (b(7) << 6) |
    (b(3) << 5) |
    (b(2) << 4) |
    (b(1) << 3) |
    (b(5) << 2)
  );
}

export const cJ = (off: number) => (0b101 << 13) | cjOffset(off) | 0b01;

/** c.beqz (f3 6) / c.bnez (f3 7) on x8-x15. */
export function cBranch(f3: number, rs1: number, off: number): number {
  const b = (i: number) => (off >> i) & 1;
  const imm =
    (b(8) << 12) |
    (b(4) << 11) |
    (b(3) << 10) |
    (b(7) << 6) |
    (b(6) << 5) |
    (b(2) << 4) |
    (b(1) << 3) |
    (b(5) << 2);
  return (f3 << 13) | imm | ((rs1 - 8) << 7) | 0b01;
}

/** CI format: funct3, rd, 6-bit immediate (bit 5 into bit 12), quadrant. */
export const cI = (f3: number, rd: number, imm6: number, q: number) =>
  (f3 << 13) | (((imm6 >> 5) & 1) << 12) | (rd << 7) | ((imm6 & 31) << 2) | q;

/** CR format: funct4, rd/rs1, rs2 (quadrant 2). */
export const cR = (f4: number, rd: number, rs2: number) => (f4 << 12) | (rd << 7) | (rs2 << 2) | 0b10;

/** CA format (quadrant 1, funct6 100x11): c.sub/xor/or/and (w=0), c.subw/addw (w=1). */
export const cA = (w: number, f2: number, rd: number, rs2: number) =>
  (0b100011 << 10) | (w << 12) | ((rd - 8) << 7) | (f2 << 5) | ((rs2 - 8) << 2) | 0b01;

/** c.srli (f2 0), c.srai (1), c.andi (2) on x8-x15. */
export const cB = (f2: number, rd: number, imm6: number) =>
  (0b100 << 13) | (((imm6 >> 5) & 1) << 12) | (f2 << 10) | ((rd - 8) << 7) | ((imm6 & 31) << 2) | 0b01;

/** c.lw/c.sw (word) and c.ld/c.sd/c.fld/c.fsd (double) with rd'/rs2' and rs1' in x8-x15. */
export function cMem(f3: number, r: number, base: number, off: number, double: boolean): number {
  const hi = (off >> 3) & 7;
  const lo = double ? (off >> 6) & 3 : (((off >> 2) & 1) << 1) | ((off >> 6) & 1);
  return (f3 << 13) | (hi << 10) | ((base - 8) << 7) | (lo << 5) | ((r - 8) << 2) | 0b00;
}

/** c.lwsp (f3 2), c.ldsp (3), c.fldsp (1): word or double offsets from sp. */
export function cLoadSp(f3: number, rd: number, off: number, double: boolean): number {
  const imm5 = double
    ? (((off >> 3) & 3) << 3) | ((off >> 6) & 7)
    : (((off >> 2) & 7) << 2) | ((off >> 6) & 3);
  return (f3 << 13) | (((off >> 5) & 1) << 12) | (rd << 7) | (imm5 << 2) | 0b10;
}

/** c.swsp (f3 6), c.sdsp (7), c.fsdsp (5). */
export function cStoreSp(f3: number, rs2: number, off: number, double: boolean): number {
  const imm6 = double
    ? (((off >> 3) & 7) << 3) | ((off >> 6) & 7)
    : (((off >> 2) & 15) << 2) | ((off >> 6) & 3);
  return (f3 << 13) | (imm6 << 7) | (rs2 << 2) | 0b10;
}

/** c.addi4spn: rd' = sp + nzuimm (multiple of 4, 4-1020). */
export function cAddi4spn(rd: number, imm: number): number {
  const b = (i: number) => (imm >> i) & 1;
  const f = (b(5) << 12) | (b(4) << 11) | (((imm >> 6) & 15) << 7) | (b(2) << 6) | (b(3) << 5);
  return f | ((rd - 8) << 2);
}
