/** Splits a batch's console output into per-program dumps, and compares two dumps field by field. */
import {
  DUMP_CSR,
  DUMP_CSRS,
  DUMP_F,
  DUMP_FCSR,
  DUMP_LOG,
  DUMP_SCRATCH,
  DUMP_SIZE,
  DUMP_TRAPS,
  MAX_TRAPS,
  SCRATCH_SIZE,
} from "./layout.js";

/** A dump's fields as [name, value] pairs (hex strings), in dump order. */
export type Fields = [string, string][];

const CAUSE_BREAKPOINT = 3n;
const MIP_MTIP = 1n << 7n;

const hex = (v: bigint) => `0x${v.toString(16).padStart(16, "0")}`;

/** The dumps in `output` (latin1 text of bytes), one per program that finished. */
export function splitDumps(output: string): string[] {
  const out: string[] = [];
  for (let at = 0; at + DUMP_SIZE <= output.length; at += DUMP_SIZE)
    out.push(output.slice(at, at + DUMP_SIZE));
  return out;
}

function u64(d: string, at: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(d.charCodeAt(at + i) & 0xff);
  return v;
}

/** The program index a dump says it belongs to (x0's slot). */
export const dumpIndex = (d: string) => Number(u64(d, 0));

/**
 * A dump's fields, with what legitimately differs between implementations taken out: mip's timer
 * bit, and a breakpoint's mtval in the trap log (0 or the pc, both allowed by the privileged
 * specification; the trap handler zeroes the CSR itself).
 */
export function fields(d: string): Fields {
  const f: Fields = [];
  for (let i = 1; i < 32; i++) f.push([`x${i}`, hex(u64(d, i * 8))]);
  for (let i = 0; i < 32; i++) f.push([`f${i}`, hex(u64(d, DUMP_F + i * 8))]);
  f.push(["fcsr", hex(u64(d, DUMP_FCSR))]);
  DUMP_CSRS.forEach(([name], i) => {
    let v = u64(d, DUMP_CSR + i * 8);
    if (name === "mip") v &= ~MIP_MTIP;
    f.push([name, hex(v)]);
  });
  const traps = Number(u64(d, DUMP_TRAPS));
  f.push(["traps", String(traps)]);
  for (let i = 0; i < Math.min(traps, MAX_TRAPS); i++) {
    const cause = u64(d, DUMP_LOG + i * 24);
    const tval = cause === CAUSE_BREAKPOINT ? 0n : u64(d, DUMP_LOG + i * 24 + 16);
    f.push([`trap${i}`, `cause ${cause} epc ${hex(u64(d, DUMP_LOG + i * 24 + 8))} tval ${hex(tval)}`]);
  }
  for (let i = 0; i < SCRATCH_SIZE; i += 8) f.push([`mem+${i}`, hex(u64(d, DUMP_SCRATCH + i))]);
  return f;
}

const FS_SD = (3n << 13n) | (1n << 63n);

/**
 * mstatus/sstatus agree, or ours says FS is Dirty where QEMU says Initial or Clean. The specification
 * lets an implementation set Dirty whenever the state may have changed; our hart does for every FP
 * instruction that raises a flag, QEMU 7.2 not for those that write only an integer register (which
 * the specification requires when fflags changes).
 */
function statusAgrees(ours: string, ref: string): boolean {
  const a = BigInt(ours);
  const b = BigInt(ref);
  const fsA = (a >> 13n) & 3n;
  const fsB = (b >> 13n) & 3n;
  return a === b || (fsA === 3n && (fsB === 1n || fsB === 2n) && (a & ~FS_SD) === (b & ~FS_SD));
}

/** Lines "name: ours vs theirs" for each field that differs (empty when the dumps agree). */
export function diffDumps(ours: string, ref: string): string[] {
  if (ours === ref) return [];
  const a = fields(ours);
  const b = fields(ref);
  const out: string[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.[0] === y?.[0] && (x?.[0] === "mstatus" || x?.[0] === "sstatus") && statusAgrees(x[1], y[1]))
      continue;
    if (x?.[0] !== y?.[0] || x?.[1] !== y?.[1])
      out.push(`${x?.[0] ?? y?.[0]}: ${x?.[1] ?? "-"} vs ${y?.[1] ?? "-"}`);
  }
  return out;
}
