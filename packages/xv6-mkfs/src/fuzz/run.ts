import { printable } from "../errors.js";
import { fsck } from "../fsck.js";
import { type Base, bases } from "./bases.js";
import { BENIGN, syscall } from "./benign.js";
import { checkImage } from "./check.js";
import { choose, HOSTILE, type Mutation, resize } from "./mutate.js";
import { type Places, placesOf } from "./places.js";
import { mix, Prng } from "./prng.js";

export interface FuzzCase {
  seed: number;
  index: number;
  base: string;
  benign: boolean;
  notes: string[];
  img: Uint8Array;
}

export interface FuzzFailure extends FuzzCase {
  violations: string[];
}

let cached: { base: Base; places: Places; clean: boolean }[] | undefined;

function prepared() {
  cached ??= bases().map((base) => ({
    base,
    places: placesOf(base.bytes),
    clean: fsck(base.bytes.slice()).problems.length === 0,
  }));
  return cached;
}

/** Case `index` of `seed`: the same pair always gives the same image, so any failure can be replayed. */
export function makeCase(seed: number, index: number): FuzzCase {
  const rng = new Prng(mix(seed) ^ mix(index + 0x51ed));
  // One case in four makes only changes that keep a sound image sound, to catch false alarms.
  const benign = rng.chance(0.25);
  const pool = prepared().filter((b) => b.clean || !benign);
  const { base, places } = rng.pick(pool);
  const table: [Mutation, number][] = benign ? BENIGN : HOSTILE;
  let img: Uint8Array = base.bytes.slice();
  const notes: string[] = [];
  const changes = Array.from({ length: rng.int(1, 3) }, () => choose(rng, table));
  // Changing the length last keeps the others' offsets, taken from the base, inside the image; a
  // system call goes last too, as it may take a free inode or block that another change fills with noise.
  const last = (m: Mutation) => Number(m === resize || m === syscall);
  changes.sort((a, b) => last(a) - last(b));
  for (const change of changes) {
    const done = change(rng, img, places);
    img = done.img;
    notes.push(done.note);
  }
  return { seed, index, base: base.name, benign, notes, img };
}

/** Checks one case; returns its failure, if any. */
export function runCase(seed: number, index: number): FuzzFailure | undefined {
  const c = makeCase(seed, index);
  const violations = checkImage(c.img);
  if (c.benign) {
    const problems = fsck(c.img.slice()).problems;
    if (problems.length > 0) violations.push(`a harmless change was reported: ${problems[0]}`);
  }
  return violations.length > 0 ? { ...c, violations } : undefined;
}

export function describeFailure(f: FuzzFailure): string {
  return [
    `seed ${f.seed} case ${f.index} (base ${f.base}${f.benign ? ", harmless changes" : ""}): ${f.notes.join("; ")}`,
    ...f.violations.map((v) => `  ${printable(v)}`),
  ].join("\n");
}

export interface FuzzRun {
  failures: FuzzFailure[];
  /** The case that took longest, for spotting a loop that is bounded but too slow. */
  slowest: { index: number; ms: number };
}

/** Runs cases start .. start+count-1 of `seed`, stopping after `maxFailures` failures. */
export function runFuzz(seed: number, start: number, count: number, maxFailures = 5): FuzzRun {
  const run: FuzzRun = { failures: [], slowest: { index: start, ms: 0 } };
  for (let i = start; i < start + count && run.failures.length < maxFailures; i++) {
    const began = performance.now();
    const failure = runCase(seed, i);
    const ms = performance.now() - began;
    if (ms > run.slowest.ms) run.slowest = { index: i, ms };
    if (failure) run.failures.push(failure);
  }
  return run;
}
