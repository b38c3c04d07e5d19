/**
 * Loops the compiler runs many iterations of at once: a one-block loop that stores one register to
 * consecutive addresses (memset's `sb; addi; bne`) or copies bytes forward (memmove's `lbu; sb;
 * addi; addi; bne`). xv6 spends most of its instructions in these two loops (kinit, kalloc and
 * kfree fill every page; copyin, copyout and exec copy byte by byte).
 *
 * The bulk step only covers iterations whose every effect the ordinary code would have had: the
 * accesses stay inside pages this call already translated (the memo of the load or store), so none
 * can fault, touch a device or code, or break a reservation; the step budget and the spin count are
 * consumed exactly; and the loop's last iteration is always left to the ordinary code, which takes
 * the exit. Registers, memory, instret and the spin count then match the interpreter's.
 */
import { Op } from "./ops.js";

const SIGN = -2147483648;

function lo(r: number): string {
  return r === 0 ? "0" : `l${r}`;
}
function hi(r: number): string {
  return r === 0 ? "0" : `h${r}`;
}

interface Fields {
  op: number;
  rd: number;
  rs1: number;
  rs2: number;
  imm: number;
}

function fields(w: number, imm: number): Fields {
  return {
    op: w & 255,
    rd: ((w >>> 8) & 127) >>> 1,
    rs1: ((w >>> 15) & 63) >>> 1,
    rs2: ((w >>> 21) & 63) >>> 1,
    imm,
  };
}

/** The memo variables of the load or store at a slot: its page, the page's high half, RAM offset. */
export type Memo = (slot: number) => [string, string, string];

/** `r += n` on a register pair, for a small positive n held in `k`. */
function advance(r: number, n: string): string {
  return `v = ${lo(r)}; ${lo(r)} = (v + ${n}) | 0; ${hi(r)} = (${hi(r)} + ((${lo(r)} ^ ${SIGN}) < (v ^ ${SIGN}) ? 1 : 0)) | 0;`;
}

/** `k` = rb - ra when that is a positive number below 2^31, else 0 (64-bit difference). */
function distance(ra: number, rb: number): string {
  return (
    `k = (${lo(rb)} - ${lo(ra)}) | 0; ` +
    `if (((${hi(rb)} - ${hi(ra)} - ((${lo(rb)} ^ ${SIGN}) < (${lo(ra)} ^ ${SIGN}) ? 1 : 0)) | 0) !== 0 || k < 0) k = 0;`
  );
}

/** `a, ah` = register r + imm (64-bit). */
function address(r: number, imm: number): string {
  return `a = (${lo(r)} + ${imm}) | 0; ah = (${hi(r)} + ${imm >> 31} + ((a ^ ${SIGN}) < (${lo(r)} ^ ${SIGN}) ? 1 : 0)) | 0;`;
}

/**
 * Code run at the top of a one-block loop (before its budget check) that does as many whole
 * iterations as it safely can, or nothing; undefined when the block is not such a loop.
 */
export function loopIdiom(
  entry: number,
  slots: number[],
  ops: Int32Array,
  imms: Int32Array,
  memo: Memo,
  shared = false,
): string | undefined {
  const f = slots.map((i) => fields(ops[i], imms[i]));
  const last = f[f.length - 1];
  const loops = last.op === Op.BNE && slots[slots.length - 1] + (last.imm >> 1) === entry;
  if (!loops) return undefined;
  if (f.length === 3) return fill(slots, f, memo, shared);
  if (f.length === 5) return copy(slots, f, memo);
  return undefined;
}

/** `S{B,H,W,D} v, imm(p); addi p, p, size; bne p, e, loop` (or `bne e, p`). */
function fill(slots: number[], f: Fields[], memo: Memo, shared: boolean): string | undefined {
  const [st, add, br] = f;
  if (st.op < Op.SB || st.op > Op.SD) return undefined;
  const shift = st.op - Op.SB;
  const size = 1 << shift;
  const p = st.rs1;
  const val = st.rs2;
  if (p === 0 || val === p || add.op !== Op.ADDI || add.rd !== p || add.rs1 !== p || add.imm !== size)
    return undefined;
  const e = br.rs1 === p ? br.rs2 : br.rs2 === p ? br.rs1 : -1;
  if (e < 0 || e === p) return undefined;
  const [mp, mph, mo] = memo(slots[0]);
  let store: string;
  if (size === 1) store = `u8.fill(${lo(val)}, t, t + k);`;
  else if (size === 2) store = `u16.fill(${lo(val)}, t >>> 1, (t + k) >>> 1);`;
  else if (size === 4) store = `i32.fill(${lo(val)}, t >>> 2, (t + k) >>> 2);`;
  else if (shared)
    // Each doubleword in one 8-byte access, as another thread may be reading it (see Ram.f64).
    store = `pI[0] = ${lo(val)}; pI[1] = ${hi(val)}; v = pF[0]; for (let j = t >>> 3, z = (t + k) >>> 3; j < z; j++) f64[j] = v;`;
  else
    store = `for (let j = t >>> 2, z = (t + k) >>> 2; j < z; j += 2) { i32[j] = ${lo(val)}; i32[j + 1] = ${hi(val)}; }`;
  return [
    address(p, st.imm),
    `if ((a & -4096) === ${mp} && ah === ${mph}${size > 1 ? ` && (a & ${size - 1}) === 0` : ""}) {`,
    distance(p, e),
    // Bytes this step writes: all but the last iteration, within the page, budget and spin count.
    `k = Math.min(k - ${size}, 4096 - (a & 4095), ((left - s) / 3 | 0) * ${size}, ys ? (spin - 1) * ${size} : k) & -${size};`,
    "if (k > 0) {",
    `t = ${mo} + (a & 4095); ${store}`,
    `s += 3 * (k >>> ${shift}); if (ys) spin -= k >>> ${shift};`,
    advance(p, "k"),
    "} }",
  ].join("\n");
}

/** `lbu|lb t, i(src); sb t, j(dst); addi src, src, 1; addi dst, dst, 1; bne src|dst, e, loop`. */
function copy(slots: number[], f: Fields[], memo: Memo): string | undefined {
  const [ld, st, add1, add2, br] = f;
  if ((ld.op !== Op.LBU && ld.op !== Op.LB) || st.op !== Op.SB) return undefined;
  const tmp = ld.rd;
  const src = ld.rs1;
  const dst = st.rs1;
  if (tmp === 0 || tmp >= 32 || st.rs2 !== tmp || src === 0 || dst === 0 || src === dst) return undefined;
  if (tmp === src || tmp === dst) return undefined;
  const bumps = (g: Fields, r: number) => g.op === Op.ADDI && g.rd === r && g.rs1 === r && g.imm === 1;
  if (!((bumps(add1, src) && bumps(add2, dst)) || (bumps(add1, dst) && bumps(add2, src)))) return undefined;
  const counter = br.rs1 === src || br.rs1 === dst ? br.rs1 : br.rs2;
  const e = counter === br.rs1 ? br.rs2 : br.rs1;
  if ((counter !== src && counter !== dst) || e === src || e === dst || e === tmp) return undefined;
  const [lp, lph, lof] = memo(slots[0]);
  const [sp, sph, sof] = memo(slots[1]);
  const value = ld.op === Op.LB ? `(u8[t + k - 1] << 24) >> 24` : "u8[t + k - 1]";
  return [
    address(src, ld.imm),
    `if ((a & -4096) === ${lp} && ah === ${lph}) {`,
    "v = a;",
    address(dst, st.imm),
    `if ((a & -4096) === ${sp} && ah === ${sph}) {`,
    distance(counter, e),
    `k = Math.min(k - 1, 4096 - (v & 4095), 4096 - (a & 4095), (left - s) / 5 | 0, ys ? spin - 1 : k);`,
    // t: where the bytes go, vh: where they come from; a forward byte copy is copyWithin's unless
    // the destination starts inside the source after its start.
    `t = ${sof} + (a & 4095); vh = ${lof} + (v & 4095);`,
    "if (k > 0 && (t <= vh || t >= vh + k)) {",
    `u8.copyWithin(t, vh, vh + k); ${lo(tmp)} = ${value}; ${hi(tmp)} = ${ld.op === Op.LB ? `${lo(tmp)} >> 31` : "0"};`,
    "s += 5 * k; if (ys) spin -= k;",
    advance(src, "k"),
    advance(dst, "k"),
    "} } }",
  ].join("\n");
}
