/**
 * Instruction encodings from the unprivileged spec, for tests that write small programs by hand
 * (not part of the package's API). Results are unsigned 32-bit words.
 */

export const T0 = 5;
export const T1 = 6;
export const A0 = 10;
export const A1 = 11;
export const A2 = 12;

export const iType = (op: number, f3: number, rd: number, rs1: number, imm: number) =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
export const sType = (op: number, f3: number, rs1: number, rs2: number, imm: number) =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | op) >>> 0;
export const uType = (op: number, rd: number, imm20: number) =>
  (((imm20 & 0xfffff) << 12) | (rd << 7) | op) >>> 0;

export function bne(rs1: number, rs2: number, off: number): number {
  const i = off & 0x1fff;
  return (
    ((((i >> 12) & 1) << 31) |
      (((i >> 5) & 63) << 25) |
      (rs2 << 20) |
      (rs1 << 15) |
      (1 << 12) |
      (((i >> 1) & 15) << 8) |
      (((i >> 11) & 1) << 7) |
      0x63) >>>
    0
  );
}

export const addi = (rd: number, rs1: number, imm: number) => iType(0x13, 0, rd, rs1, imm);
export const lw = (rd: number, rs1: number, imm: number) => iType(0x03, 2, rd, rs1, imm);
export const ld = (rd: number, rs1: number, imm: number) => iType(0x03, 3, rd, rs1, imm);
export const sw = (rs2: number, rs1: number, imm: number) => sType(0x23, 2, rs1, rs2, imm);
export const sd = (rs2: number, rs1: number, imm: number) => sType(0x23, 3, rs1, rs2, imm);
export const fld = (rd: number, rs1: number, imm: number) => iType(0x07, 3, rd, rs1, imm);
export const fsd = (rs2: number, rs1: number, imm: number) => sType(0x27, 3, rs1, rs2, imm);
export const lui = (rd: number, imm20: number) => uType(0x37, rd, imm20);
export const auipc = (rd: number, imm20: number) => uType(0x17, rd, imm20);
/** csrrs zero, csr, rs1 */
export const csrs = (csr: number, rs1: number) => iType(0x73, 2, 0, rs1, csr);
/** jal x0, 0 */
export const JAL_SELF = 0x6f;
