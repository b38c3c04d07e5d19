/**
 * JavaScript code generation for compiled units. Registers live in local variables (lo, hi Int32
 * halves, like the interpreter's pairs) between entry and exit; each block checks the step budget
 * once, and a trap in the middle of a block gives back the steps of the instructions not reached.
 * Loads and stores use the hart's own translation caches and fall back to its slow paths, so the
 * architectural effect of every instruction is the interpreter's.
 */
import { expand } from "./fp/exec.js";
import { loopIdiom } from "./jit-idioms.js";
import { Op } from "./ops.js";
import { MSTATUS_FS } from "./state.js";

export interface Block {
  start: number;
  /** Decoded slots of the block's instructions, in order. */
  slots: number[];
  /** Fall-through slot after the last instruction (for blocks that do not end in a jump), or -1. */
  next: number;
}

/** Exit codes beyond any slot offset a jump can reach. */
const EXIT_SYNC = 0x40000000;
const EXIT_DONE = 0x40000001;
/** Taken backward branches between two looks for spinning (the interpreter's SPIN_CHECK). */
export const SPIN_CHECK = 128;

const TLB_MASK = 255;
/**
 * Unsigned compares flip the sign bit and compare signed: `x >>> 0` would make numbers above 2^31
 * that code not yet optimized by the engine keeps as heap objects.
 */
const SIGN = -2147483648;

function lo(r: number): string {
  return r === 0 ? "0" : `l${r}`;
}
function hi(r: number): string {
  return r === 0 ? "0" : `h${r}`;
}

interface Ctx {
  /** The trace's entry slot: the only place a jump may go without leaving the function. */
  entry: number;
  /** Where the code emitted next continues, when the current block's jump goes there. */
  follow: number;
  written: Set<number>;
  /** The page's decoded slots. */
  ops: Int32Array;
  lines: string[];
  /**
   * Slots of the loads and stores, each with its own memo of the last page it hit (an instruction
   * that two blocks of a trace share shares its memo too).
   */
  sites: Set<number>;
  /** Other threads' harts share the RAM: aligned doublewords move in one access (see Ram.f64). */
  shared: boolean;
}

/** The memo variables of the load or store at slot `idx`: page, its high half, RAM offset. */
function site(ctx: Ctx, idx: number): [string, string, string] {
  ctx.sites.add(idx);
  return [`m${idx}`, `m${idx}h`, `m${idx}o`];
}

/**
 * Source of a function `(H, left) => steps` running a trace: blocks[0] is the entry, and each
 * block's jump (or fall-through) to the next block's start is followed in straight-line code.
 * Jumps back to the entry loop inside the function; every other jump leaves it.
 */
export function emitUnit(blocks: Block[], ops: Int32Array, imms: Int32Array, shared = false): string {
  const used = new Set<number>();
  const written = new Set<number>();
  blocks.forEach((blk) => {
    for (const i of blk.slots) {
      const w = ops[i];
      const rd = ((w >>> 8) & 127) >>> 1;
      const rs1 = ((w >>> 15) & 63) >>> 1;
      const rs2 = ((w >>> 21) & 63) >>> 1;
      if (rd !== 0 && rd < 32) {
        used.add(rd);
        written.add(rd);
      }
      if (rs1 !== 0) used.add(rs1);
      if (rs2 !== 0) used.add(rs2);
    }
  });
  const ctx: Ctx = { entry: blocks[0].start, follow: -1, written, ops, lines: [], sites: new Set(), shared };
  const L = ctx.lines;
  if (blocks.length === 1) {
    const bulk = loopIdiom(ctx.entry, blocks[0].slots, ops, imms, (i) => site(ctx, i), shared);
    if (bulk !== undefined) L.push(bulk);
  }
  blocks.forEach((blk, id) => {
    const n = blk.slots.length;
    ctx.follow = id + 1 < blocks.length ? blocks[id + 1].start : -1;
    L.push(`if (s + ${n} > left) { nx = ${blk.start}; break out; }`);
    L.push(`s += ${n};`);
    blk.slots.forEach((idx, k) => {
      // On a trap here, the steps of the instructions after this one were never taken.
      const trap = `H.trapped = false; H.jitFault = 1; s -= ${n - k - 1}; nx = ${EXIT_DONE}; break out;`;
      emitInsn(ctx, ops[idx], imms[idx], idx, trap, n - k - 1);
    });
    if (blk.next >= 0 && blk.next !== ctx.follow) L.push(goTo(ctx, blk.next, blk.slots[n - 1]));
  });
  const body = L.join("\n");
  // Every call pays for its prologue: load only what the body uses.
  const head = ["const u8 = RAM.u8, u16 = RAM.u16, i32 = RAM.i32;"];
  if (body.includes("f64[")) head.push("const f64 = RAM.f64, pF = RAM.pairF64, pI = RAM.pairI32;");
  head.push("return function unit(H, left) {");
  head.push("const x = H.x;");
  if (body.includes("F[")) head.push("const F = H.f;");
  for (const r of used) head.push(`let l${r} = x[${2 * r}], h${r} = x[${2 * r + 1}];`);
  if (/\bp[lh]\b/.test(body)) head.push("const pl = H.fPageLo, ph = H.fPageHi;");
  const spins = body.includes("--spin");
  if (spins) head.push("const ys = H.yieldOnSpin; let spin = H.spinLeft;");
  // The last page each kind of access hit in the translation cache: within one call no entry is
  // ever dropped (only traps, CSR writes and fetch-page changes flush, and each ends the call).
  if (body.includes("+ tb;")) head.push("const tb = H.dBase;");
  if (body.includes("e0)")) head.push("const e0 = RAM.epoch;");
  if (body.includes("ltl[")) head.push("const ltl = H.ltagLo, lth = H.ltagHi, lof = H.loff;");
  if (body.includes("stl[")) head.push("const stl = H.stagLo, sth = H.stagHi, sof = H.soff;");
  for (const k of ctx.sites) head.push(`let m${k} = 1, m${k}h = 0, m${k}o = 0;`);
  head.push("let s = 0, nx = 0, a = 0, ah = 0, t = 0, v = 0, vh = 0, k = 0;");
  head.push("out: for (;;) {");
  const tail = ["}", writeBack(written)];
  if (spins) tail.push("H.spinLeft = spin;");
  tail.push(`if (nx === ${EXIT_SYNC}) H.syncFetch();`);
  tail.push(
    `else if (nx !== ${EXIT_DONE}) { if (nx < 0 || nx >= 2048) { H.pcAt(nx * 2); H.syncFetch(); } else H.fIdx = nx; }`,
  );
  tail.push("return s;", "};");
  return `${head.join("\n")}\n${body}\n${tail.join("\n")}`;
}

function writeBack(written: Set<number>): string {
  let s = "";
  for (const r of written) s += `x[${2 * r}] = l${r}; x[${2 * r + 1}] = h${r}; `;
  return s;
}

/**
 * The interpreter's spin check for a taken jump from `idx` to `target`, at the same branches and
 * the same count, so both engines give up a turn at the same instruction (the count only matters
 * to harts that yield).
 */
function spinCheck(ctx: Ctx, target: number, idx: number): string {
  if (target < 0 || target >= 2048 || target >= idx) return "";
  // A loop that stores is never taken for spinning (Hart.loopStores): only the count remains, and
  // loops such as memset keep their registers in locals instead of writing them back.
  if (loopStores(ctx.ops, target, idx)) return `if (ys && --spin === 0) spin = ${SPIN_CHECK}; `;
  return (
    `if (ys && --spin === 0) { spin = ${SPIN_CHECK}; ${writeBack(ctx.written)}` +
    `if (H.spinning(OPS, ${target}, ${idx})) { nx = ${EXIT_DONE}; break out; } } `
  );
}

/**
 * Hart.loopStores as far as the decoded slots tell: true only when it would be true (a slot not
 * decoded yet stops the walk; the hart's own walk then decides at run time).
 */
function loopStores(ops: Int32Array, target: number, from: number): boolean {
  for (let i = target; i <= from; ) {
    const w = ops[i];
    const op = w & 255;
    if ((op >= Op.SB && op <= Op.SD) || op === Op.FP) return true;
    if (op === Op.UNDECODED || w >>> 27 === 0) return false;
    i += w >>> 27;
  }
  return false;
}

/** Code that continues at slot `target` (inside the page or not) from the instruction at `idx`. */
function goTo(ctx: Ctx, target: number, idx: number, branch = true): string {
  // Like the interpreter, only conditional branches count toward the spin check, not jumps.
  const spin = branch ? spinCheck(ctx, target, idx) : "";
  if (target === ctx.entry) return `${spin}continue out;`;
  return `${spin}nx = ${target}; break out;`;
}

/**
 * After a slow load or store: a page-table walk may have made a page this call has memoized for
 * stores need the slow way (RAM.epoch moved); finish this instruction and leave.
 */
function stale(finish: string, after: number, next: number): string {
  return `if (RAM.epoch !== e0) { ${finish} s -= ${after}; nx = ${next}; break out; }`;
}

/** 64-bit `a, ah` = register rs1 + sign-extended imm. */
function address(rs1: number, imm: number): string {
  if (rs1 === 0) return `a = ${imm | 0}; ah = ${imm >> 31};`;
  if (imm === 0) return `a = ${lo(rs1)}; ah = ${hi(rs1)};`;
  return `a = (${lo(rs1)} + ${imm}) | 0; ah = (${hi(rs1)} + ${imm >> 31} + ((a ^ ${SIGN}) < (${lo(rs1)} ^ ${SIGN}) ? 1 : 0)) | 0;`;
}

function emitInsn(ctx: Ctx, w: number, imm: number, idx: number, trap: string, after: number): void {
  const L = ctx.lines;
  const op = w & 255;
  const rd = ((w >>> 8) & 127) >>> 1;
  const rs1 = ((w >>> 15) & 63) >>> 1;
  const rs2 = ((w >>> 21) & 63) >>> 1;
  const len = w >>> 27;
  const d = rd < 32 && rd !== 0;
  const set = (l: string, h: string) => (d ? `${lo(rd)} = ${l}; ${hi(rd)} = ${h};` : "");
  const A = lo(rs1);
  const AH = hi(rs1);
  const B = lo(rs2);
  const BH = hi(rs2);
  switch (op) {
    case Op.LUI:
      L.push(set(`${imm | 0}`, `${imm >> 31}`));
      return;
    case Op.AUIPC:
      // The fetch page is 4 KiB aligned, so pl + offset never carries.
      if (d)
        L.push(
          `a = pl + ${idx * 2}; v = (a + ${imm}) | 0; ${hi(rd)} = (ph + ${imm >> 31} + ((v ^ ${SIGN}) < (a ^ ${SIGN}) ? 1 : 0)) | 0; ${lo(rd)} = v;`,
        );
      return;
    case Op.JAL: {
      if (d)
        L.push(
          `a = (pl + ${(idx + len) * 2}) | 0; ${lo(rd)} = a; ${hi(rd)} = (ph + ((a ^ ${SIGN}) < (pl ^ ${SIGN}) ? 1 : 0)) | 0;`,
        );
      const target = idx + (imm >> 1);
      if (target !== ctx.follow) L.push(goTo(ctx, target, idx, false));
      return;
    }
    case Op.JALR: {
      L.push(address(rs1, imm));
      L.push("a &= -2;");
      if (d)
        L.push(
          `v = (pl + ${(idx + len) * 2}) | 0; ${lo(rd)} = v; ${hi(rd)} = (ph + ((v ^ ${SIGN}) < (pl ^ ${SIGN}) ? 1 : 0)) | 0;`,
        );
      L.push(`if (ah === ph && (a & -4096) === pl) { nx = (a & 4095) >>> 1; break out; }`);
      L.push(`H.pcLo = a; H.pcHi = ah; nx = ${EXIT_SYNC}; break out;`);
      return;
    }
    case Op.BEQ:
    case Op.BNE:
    case Op.BLT:
    case Op.BGE:
    case Op.BLTU:
    case Op.BGEU: {
      let cond: string;
      const eq = rs2 === 0 ? `(${A} | ${AH}) === 0` : `${A} === ${B} && ${AH} === ${BH}`;
      const lt = (s: boolean) =>
        s
          ? `(${AH} < ${BH} || (${AH} === ${BH} && (${A} ^ ${SIGN}) < (${B} ^ ${SIGN})))`
          : `((${AH} ^ ${SIGN}) < (${BH} ^ ${SIGN}) || (${AH} === ${BH} && (${A} ^ ${SIGN}) < (${B} ^ ${SIGN})))`;
      if (op === Op.BEQ) cond = eq;
      else if (op === Op.BNE) cond = `!(${eq})`;
      else if (op === Op.BLT) cond = lt(true);
      else if (op === Op.BGE) cond = `!${lt(true)}`;
      else if (op === Op.BLTU) cond = lt(false);
      else cond = `!${lt(false)}`;
      const target = idx + (imm >> 1);
      if (target === ctx.follow && target !== idx + len) {
        L.push(`if (!(${cond})) { ${goTo(ctx, idx + len, idx + len)} }`);
        L.push(spinCheck(ctx, target, idx));
      } else {
        L.push(`if (${cond}) { ${goTo(ctx, target, idx)} }`);
        if (idx + len !== ctx.follow) L.push(goTo(ctx, idx + len, idx + len));
      }
      return;
    }
    case Op.LB:
    case Op.LH:
    case Op.LW:
    case Op.LD:
    case Op.LBU:
    case Op.LHU:
    case Op.LWU: {
      const size = 1 << ((op - Op.LB) & 3);
      L.push(address(rs1, imm));
      const aligned = size === 1 ? "" : ` && (a & ${size - 1}) === 0`;
      let fast: string;
      // Each load has its own memo of the last page it hit (a loop's loads each keep to one page).
      const [np, nph, no] = site(ctx, idx);
      if (size === 1) fast = `v = u8[${no} + (a & 4095)];`;
      else if (size === 2) fast = `v = u16[(${no} + (a & 4095)) >>> 1];`;
      else if (size === 4) fast = `v = i32[(${no} + (a & 4095)) >>> 2];`;
      else if (ctx.shared) fast = `pF[0] = f64[(${no} + (a & 4095)) >>> 3]; v = pI[0]; vh = pI[1];`;
      else fast = `t = (${no} + (a & 4095)) >>> 2; v = i32[t]; vh = i32[t + 1];`;
      L.push(`if ((a & -4096) === ${np} && ah === ${nph}${aligned}) { ${fast} } else {`);
      L.push(`t = ((a >>> 12) & ${TLB_MASK}) + tb;`);
      L.push(
        `if (ltl[t] === (a & -4096) && lth[t] === ah${aligned}) { ${np} = a & -4096; ${nph} = ah; ${no} = lof[t]; ${fast} } else {`,
      );
      let setRd: string;
      if (!d) setRd = "";
      else if (op === Op.LB) setRd = `${lo(rd)} = (v << 24) >> 24; ${hi(rd)} = ${lo(rd)} >> 31;`;
      else if (op === Op.LH) setRd = `${lo(rd)} = (v << 16) >> 16; ${hi(rd)} = ${lo(rd)} >> 31;`;
      else if (op === Op.LW) setRd = `${lo(rd)} = v | 0; ${hi(rd)} = ${lo(rd)} >> 31;`;
      else if (op === Op.LD) setRd = `${lo(rd)} = v | 0; ${hi(rd)} = vh | 0;`;
      else setRd = `${lo(rd)} = v | 0; ${hi(rd)} = 0;`;
      L.push(`H.pcAt(${idx * 2}); v = H.loadSlow(a, ah, ${size}); if (H.trapped) { ${trap} }`);
      if (size === 8) L.push("vh = H.tmpHi;");
      L.push(stale(setRd, after, idx + len));
      L.push("} }");
      L.push(setRd);
      return;
    }
    case Op.SB:
    case Op.SH:
    case Op.SW:
    case Op.SD: {
      const size = 1 << (op - Op.SB);
      L.push(address(rs1, imm));
      const aligned = size === 1 ? "" : ` && (a & ${size - 1}) === 0`;
      let fast: string;
      const [mp, mph, mo] = site(ctx, idx);
      if (size === 1) fast = `u8[${mo} + (a & 4095)] = ${B};`;
      else if (size === 2) fast = `u16[(${mo} + (a & 4095)) >>> 1] = ${B};`;
      else if (size === 4) fast = `i32[(${mo} + (a & 4095)) >>> 2] = ${B};`;
      else if (ctx.shared) fast = `pI[0] = ${B}; pI[1] = ${BH}; f64[(${mo} + (a & 4095)) >>> 3] = pF[0];`;
      else fast = `t = (${mo} + (a & 4095)) >>> 2; i32[t] = ${B}; i32[t + 1] = ${BH};`;
      L.push(`if ((a & -4096) === ${mp} && ah === ${mph}${aligned}) { ${fast} } else {`);
      L.push(`t = ((a >>> 12) & ${TLB_MASK}) + tb;`);
      L.push(
        `if (stl[t] === (a & -4096) && sth[t] === ah${aligned}) { ${mp} = a & -4096; ${mph} = ah; ${mo} = sof[t]; ${fast} } else {`,
      );
      L.push(`if (!H.storeTracked(a, ah, ${size}, ${B}, ${BH})) {`);
      L.push(`H.fIdx = ${idx}; H.pcAt(${idx * 2}); H.storeSlow(a, ah, ${size}, ${B}, ${BH});`);
      L.push(`if (H.trapped) { ${trap} } }`);
      // The store may have rewritten this very unit's code: go on in the interpreter.
      L.push(`if (U.dead) { s -= ${after}; nx = ${idx + len}; break out; }`);
      L.push(stale("", after, idx + len));
      L.push("} }");
      return;
    }
    case Op.ADDI:
      if (!d) return;
      if (rs1 === 0) L.push(set(`${imm | 0}`, `${imm >> 31}`));
      else if (imm === 0) L.push(set(A, AH));
      else
        L.push(
          `a = ${A}; ${lo(rd)} = (a + ${imm}) | 0; ${hi(rd)} = (${AH} + ${imm >> 31} + ((${lo(rd)} ^ ${SIGN}) < (a ^ ${SIGN}) ? 1 : 0)) | 0;`,
        );
      return;
    case Op.SLTI:
    case Op.SLTIU: {
      if (!d) return;
      const ih = imm >> 31;
      const cond =
        op === Op.SLTI
          ? `${AH} < ${ih} || (${AH} === ${ih} && (${A} ^ ${SIGN}) < ${imm ^ SIGN})`
          : `(${AH} ^ ${SIGN}) < ${ih ^ SIGN} || (${AH} === ${ih} && (${A} ^ ${SIGN}) < ${imm ^ SIGN})`;
      L.push(set(`(${cond}) ? 1 : 0`, "0"));
      return;
    }
    case Op.XORI:
      L.push(set(`${A} ^ ${imm}`, `${AH} ^ ${imm >> 31}`));
      return;
    case Op.ORI:
      L.push(set(`${A} | ${imm}`, `${AH} | ${imm >> 31}`));
      return;
    case Op.ANDI:
      L.push(set(`${A} & ${imm}`, `${AH} & ${imm >> 31}`));
      return;
    case Op.SLLI:
    case Op.SRLI:
    case Op.SRAI:
      if (d) L.push(shiftConst(op, rd, A, AH, imm & 63));
      return;
    case Op.SLL:
    case Op.SRL:
    case Op.SRA:
      if (d) L.push(`a = ${A}; ah = ${AH}; t = ${B} & 63; ${shiftVar(op, rd)}`);
      return;
    case Op.ADD:
      if (!d) return;
      if (rs2 === 0) L.push(set(A, AH));
      else if (rs1 === 0) L.push(set(B, BH));
      else
        L.push(
          `a = ${A}; v = (a + ${B}) | 0; ${hi(rd)} = (${AH} + ${BH} + ((v ^ ${SIGN}) < (a ^ ${SIGN}) ? 1 : 0)) | 0; ${lo(rd)} = v;`,
        );
      return;
    case Op.SUB:
      if (d)
        L.push(
          `a = ${A}; v = ${B}; ${hi(rd)} = (${AH} - ${BH} - ((a ^ ${SIGN}) < (v ^ ${SIGN}) ? 1 : 0)) | 0; ${lo(rd)} = (a - v) | 0;`,
        );
      return;
    case Op.SLT:
    case Op.SLTU: {
      if (!d) return;
      const cond =
        op === Op.SLT
          ? `${AH} < ${BH} || (${AH} === ${BH} && (${A} ^ ${SIGN}) < (${B} ^ ${SIGN}))`
          : `(${AH} ^ ${SIGN}) < (${BH} ^ ${SIGN}) || (${AH} === ${BH} && (${A} ^ ${SIGN}) < (${B} ^ ${SIGN}))`;
      L.push(set(`(${cond}) ? 1 : 0`, "0"));
      return;
    }
    case Op.XOR:
      L.push(set(`${A} ^ ${B}`, `${AH} ^ ${BH}`));
      return;
    case Op.OR:
      L.push(set(`${A} | ${B}`, `${AH} | ${BH}`));
      return;
    case Op.AND:
      L.push(set(`${A} & ${B}`, `${AH} & ${BH}`));
      return;
    case Op.ADDIW:
      if (d) L.push(`${lo(rd)} = (${A} + ${imm}) | 0; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SLLIW:
      if (d) L.push(`${lo(rd)} = ${A} << ${imm & 31}; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SRLIW:
      if (d) L.push(`${lo(rd)} = (${A} >>> ${imm & 31}) | 0; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SRAIW:
      if (d) L.push(`${lo(rd)} = ${A} >> ${imm & 31}; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SLLW:
      if (d) L.push(`${lo(rd)} = ${A} << (${B} & 31); ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SRLW:
      if (d) L.push(`${lo(rd)} = (${A} >>> (${B} & 31)) | 0; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SRAW:
      if (d) L.push(`${lo(rd)} = ${A} >> (${B} & 31); ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.ADDW:
      if (d) L.push(`${lo(rd)} = (${A} + ${B}) | 0; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.SUBW:
      if (d) L.push(`${lo(rd)} = (${A} - ${B}) | 0; ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.MULW:
      if (d) L.push(`${lo(rd)} = Math.imul(${A}, ${B}); ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    case Op.DIVW:
    case Op.DIVUW:
    case Op.REMW:
    case Op.REMUW: {
      if (!d) return;
      const f = op === Op.DIVW || op === Op.REMW ? "divw" : "divuw";
      const rem = op === Op.REMW || op === Op.REMUW;
      L.push(`${lo(rd)} = ALU.${f}(${A}, ${B}, ${rem}); ${hi(rd)} = ${lo(rd)} >> 31;`);
      return;
    }
    case Op.MUL:
    case Op.MULH:
    case Op.MULHSU:
    case Op.MULHU:
    case Op.DIV:
    case Op.DIVU:
    case Op.REM:
    case Op.REMU: {
      if (!d) return;
      const args = `${A}, ${AH}, ${B}, ${BH}`;
      const call = {
        [Op.MUL]: `ALU.mul(${args})`,
        [Op.MULH]: `ALU.mulhSigned(${args}, true)`,
        [Op.MULHSU]: `ALU.mulhSigned(${args}, false)`,
        [Op.MULHU]: `ALU.mulhu(${args})`,
        [Op.DIV]: `ALU.divSigned(${args}, false)`,
        [Op.DIVU]: `ALU.divUnsigned(${args}, false)`,
        [Op.REM]: `ALU.divSigned(${args}, true)`,
        [Op.REMU]: `ALU.divUnsigned(${args}, true)`,
      }[op];
      L.push(`${call}; ${lo(rd)} = OUT[0]; ${hi(rd)} = OUT[1];`);
      return;
    }
    case Op.FENCE:
    case Op.FENCE_I:
      // Stores keep decoded and compiled code coherent, so neither has anything left to do.
      return;
    case Op.FP: {
      // FP loads and stores that hit the translation cache run inline (half of what FP code
      // executes); everything else, and every miss, goes to fp/exec.ts.
      const inline = fpMemory(ctx, imm, rs1, idx);
      if (inline !== "") L.push(inline);
      // fp/exec.ts runs it on the hart's registers: the integer register it reads goes there
      // first, the one it writes comes back (decode recorded both in the op word).
      if (rs1 !== 0) L.push(`x[${2 * rs1}] = ${A}; x[${2 * rs1 + 1}] = ${AH};`);
      L.push(`H.fIdx = ${idx}; H.pcAt(${idx * 2}); if (!ALU.fp(H, ${imm})) { ${trap} }`);
      if (d) L.push(`${lo(rd)} = x[${2 * rd}]; ${hi(rd)} = x[${2 * rd + 1}];`);
      const opcode = (imm & 3) === 3 ? imm & 0x7f : (imm >>> 13) & 4 ? 0x27 : 0x07;
      if (opcode === 0x27) L.push(`if (U.dead) { s -= ${after}; nx = ${idx + len}; break out; }`);
      if (opcode === 0x07 || opcode === 0x27) L.push(stale("", after, idx + len));
      if (inline !== "") L.push("}");
      return;
    }
    default:
      throw new Error(`op ${op} cannot be compiled`);
  }
}

/**
 * The opening `if (...) { fast } else {` of an FP load or store whose page is in the translation
 * cache (as the integer ones, with a per-site memo), or "" for any other FP instruction. A load
 * needs FS on (else it traps as illegal) and makes it Dirty; NaN-boxes a single.
 */
function fpMemory(ctx: Ctx, raw: number, base: number, idx: number): string {
  const bits = (raw & 3) === 3 ? raw : expand(raw & 0xffff);
  const opcode = bits & 0x7f;
  const f3 = (bits >>> 12) & 7;
  if ((opcode !== 0x07 && opcode !== 0x27) || (f3 !== 2 && f3 !== 3)) return "";
  const size = f3 === 2 ? 4 : 8;
  const load = opcode === 0x07;
  const imm = load ? bits >> 20 : ((bits >> 25) << 5) | ((bits >>> 7) & 31);
  const fr = load ? (bits >>> 7) & 31 : (bits >>> 20) & 31;
  const [mp, mph, mo] = site(ctx, idx);
  const fs = `(H.mstatus & ${MSTATUS_FS}) !== 0`;
  const hit = `(a & -4096) === ${mp} && ah === ${mph}`;
  const [tl, th, off] = load ? ["ltl", "lth", "lof"] : ["stl", "sth", "sof"];
  let fast: string;
  if (size === 8 && ctx.shared) {
    // One 8-byte access: see Ram.f64.
    const at = `f64[(${mo} + (a & 4095)) >>> 3]`;
    fast = load
      ? `pF[0] = ${at}; F[${2 * fr}] = pI[0]; F[${2 * fr + 1}] = pI[1]; H.mstatus |= ${MSTATUS_FS};`
      : `pI[0] = F[${2 * fr}]; pI[1] = F[${2 * fr + 1}]; ${at} = pF[0];`;
  } else if (load) {
    const high = size === 8 ? "i32[t + 1]" : "-1";
    fast = `t = (${mo} + (a & 4095)) >>> 2; F[${2 * fr}] = i32[t]; F[${2 * fr + 1}] = ${high}; H.mstatus |= ${MSTATUS_FS};`;
  } else {
    const high = size === 8 ? ` i32[t + 1] = F[${2 * fr + 1}];` : "";
    fast = `t = (${mo} + (a & 4095)) >>> 2; i32[t] = F[${2 * fr}];${high}`;
  }
  return (
    `${address(base, imm)} k = 0; if (${fs} && (a & ${size - 1}) === 0) { if (${hit}) k = 1; else { ` +
    `t = ((a >>> 12) & ${TLB_MASK}) + tb; if (${tl}[t] === (a & -4096) && ${th}[t] === ah) ` +
    `{ ${mp} = a & -4096; ${mph} = ah; ${mo} = ${off}[t]; k = 1; } } }\n` +
    `if (k === 1) { ${fast} } else {`
  );
}

function shiftConst(op: number, rd: number, A: string, AH: string, sh: number): string {
  const l = lo(rd);
  const h = hi(rd);
  if (sh === 0) return `${l} = ${A}; ${h} = ${AH};`;
  if (op === Op.SLLI) {
    if (sh < 32) return `${h} = (${AH} << ${sh}) | (${A} >>> ${32 - sh}); ${l} = ${A} << ${sh};`;
    return `${h} = ${A} << ${sh - 32}; ${l} = 0;`;
  }
  const srl = op === Op.SRLI;
  if (sh < 32) {
    return `${l} = (${A} >>> ${sh}) | (${AH} << ${32 - sh}); ${h} = ${srl ? `(${AH} >>> ${sh}) | 0` : `${AH} >> ${sh}`};`;
  }
  return srl
    ? `${l} = (${AH} >>> ${sh - 32}) | 0; ${h} = 0;`
    : `${l} = ${AH} >> ${sh - 32}; ${h} = ${AH} >> 31;`;
}

/** Shift of (a, ah) by t (0..63) into rd. */
function shiftVar(op: number, rd: number): string {
  const l = lo(rd);
  const h = hi(rd);
  if (op === Op.SLL) {
    return `if (t === 0) { ${l} = a; ${h} = ah; } else if (t < 32) { ${h} = (ah << t) | (a >>> (32 - t)); ${l} = a << t; } else { ${h} = a << (t - 32); ${l} = 0; }`;
  }
  const srl = op === Op.SRL;
  return (
    `if (t === 0) { ${l} = a; ${h} = ah; } else if (t < 32) { ${l} = (a >>> t) | (ah << (32 - t)); ${h} = ${srl ? "(ah >>> t) | 0" : "ah >> t"}; } ` +
    `else { ${l} = ${srl ? "(ah >>> (t - 32)) | 0" : "ah >> (t - 32)"}; ${h} = ${srl ? "0" : "ah >> 31"}; }`
  );
}
