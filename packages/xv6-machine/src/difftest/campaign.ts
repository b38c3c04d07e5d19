/**
 * Seeded batches of random programs, run on QEMU and on both of our engines; each difference is
 * bisected to the first instruction after which the dumps differ.
 */
import { diffDumps, splitDumps } from "./compare.js";
import { generate, type Program } from "./generate.js";
import { buildBatch } from "./image.js";
import { programSeed } from "./rng.js";
import { type OurEngine, type QemuRunner, runOurs } from "./run.js";

export const ENGINES: readonly OurEngine[] = ["interp", "jit"];

export interface Finding {
  /** The campaign seed and the program's number in it (`--seed S --only N` replays it). */
  seed: number;
  index: number;
  engine: OurEngine;
  /** Fields that differ in the whole program's dump (ours vs QEMU). */
  diffs: string[];
  /** The first instruction after which the dumps differ, found by truncating the body. */
  first?: { item: number; name: string; pc: number; encoding: string; diffs: string[] };
}

/** Runs a batch's ELF on QEMU and on our engines (QEMU's process runs while ours do). */
async function runAll(
  qemu: QemuRunner,
  elf: Uint8Array,
  engines: readonly OurEngine[],
): Promise<{ ref: string[]; ours: Map<OurEngine, string[]> }> {
  const pending = qemu.run(elf);
  const ours = new Map<OurEngine, string[]>();
  for (const e of engines) ours.set(e, splitDumps(runOurs(elf, e).output));
  const ref = splitDumps((await pending).output);
  return { ref, ours };
}

/**
 * Compare hook: tests change a dump on our side to prove that differences are caught. `length` is
 * the body's truncation while bisecting (undefined for the whole program).
 */
export type Perturb = (engine: OurEngine, index: number, dump: string, length?: number) => string;

export interface BatchOptions {
  engines?: readonly OurEngine[];
  perturb?: Perturb;
  bisect?: boolean;
}

/** Programs `start` to `start + count - 1` of campaign `seed`; returns what differed. */
export function runBatch(
  qemu: QemuRunner,
  seed: number,
  start: number,
  count: number,
  opts: BatchOptions = {},
): Promise<Finding[]> {
  const programs: Program[] = [];
  for (let i = 0; i < count; i++) programs.push(generate(programSeed(seed, start + i)));
  return runPrograms(qemu, seed, start, programs, opts);
}

/** Runs `programs` (numbered from `start`) in one batch and bisects each difference. */
export async function runPrograms(
  qemu: QemuRunner,
  seed: number,
  start: number,
  programs: readonly Program[],
  opts: BatchOptions = {},
): Promise<Finding[]> {
  const engines = opts.engines ?? ENGINES;
  const { ref, ours } = await runAll(qemu, buildBatch(programs).elf, engines);
  const findings: Finding[] = [];
  for (const e of engines) {
    const dumps = ours.get(e) ?? [];
    for (let i = 0; i < programs.length; i++) {
      const index = start + i;
      const mine = opts.perturb ? opts.perturb(e, index, dumps[i] ?? "") : dumps[i];
      const diffs = compareOne(mine, ref[i]);
      if (diffs.length === 0) continue;
      const f: Finding = { seed, index, engine: e, diffs };
      if (opts.bisect !== false) {
        const perturb = opts.perturb;
        f.first = await bisect(qemu, programs[i], e, perturb && ((en, k, d) => perturb(en, index, d, k)));
      }
      findings.push(f);
    }
  }
  return findings;
}

function compareOne(mine: string | undefined, ref: string | undefined): string[] {
  if (mine === undefined && ref === undefined) return ["no dump from either side"];
  if (mine === undefined) return ["no dump from our machine"];
  if (ref === undefined) return ["no dump from QEMU"];
  return diffDumps(mine, ref);
}

/**
 * Every truncation of the program (0 to all of its items) in one batch: the first length whose
 * dumps differ names the instruction that made the difference.
 */
export async function bisect(
  qemu: QemuRunner,
  p: Program,
  engine: OurEngine,
  perturb?: Perturb,
): Promise<Finding["first"]> {
  const n = p.body.length;
  const programs = Array.from({ length: n + 1 }, () => p);
  const lengths = programs.map((_, k) => k);
  const batch = buildBatch(programs, lengths);
  const { ref, ours } = await runAll(qemu, batch.elf, [engine]);
  const mine = ours.get(engine) ?? [];
  for (let k = 0; k <= n; k++) {
    const m = perturb ? perturb(engine, k, mine[k] ?? "") : mine[k];
    const diffs = compareOne(m, ref[k]);
    if (diffs.length === 0) continue;
    if (k === 0) return { item: -1, name: "(initial state)", pc: 0, encoding: "", diffs };
    const item = p.body[k - 1];
    const at = batch.placed[k].addresses[k - 1];
    const halves = item.enc(
      at,
      item.target !== undefined && item.target < k
        ? batch.placed[k].addresses[item.target]
        : batch.placed[k].addresses[k],
    );
    const encoding = halves.map((h) => h.toString(16).padStart(4, "0")).join(" ");
    return { item: k - 1, name: item.name, pc: at, encoding, diffs };
  }
  return undefined;
}

export function formatFinding(f: Finding): string {
  const lines = [`seed ${f.seed} program ${f.index} (${f.engine} vs QEMU):`];
  if (f.first) {
    lines.push(
      `  first differing instruction: item ${f.first.item} ${f.first.name} [${f.first.encoding}] at 0x${f.first.pc.toString(16)}`,
    );
    for (const d of f.first.diffs.slice(0, 12)) lines.push(`    ${d}`);
  } else {
    lines.push("  (not reproduced when bisecting) whole-program differences:");
    for (const d of f.diffs.slice(0, 12)) lines.push(`    ${d}`);
  }
  return lines.join("\n");
}
