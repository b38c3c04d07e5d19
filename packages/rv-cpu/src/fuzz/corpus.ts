/** Real ELF files to mutate: the benchmark programs, a spread of conformance tests, and tiny ones. */
import { readdirSync, readFileSync } from "node:fs";
import { buildElf } from "../elf-write.js";
import { randomCode } from "./random-code.js";
import type { Rng } from "./rng.js";

const BENCH = new URL("../../bench/programs/", import.meta.url);
const CONFORMANCE = new URL("../../conformance/bin/", import.meta.url);
const BASE = 0x8000_0000;

function elfsIn(dir: URL, every: number): Uint8Array[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".elf"))
    .sort();
  return names.filter((_, i) => i % every === 0).map((n) => new Uint8Array(readFileSync(new URL(n, dir))));
}

/** The files on disk (read once). */
export function diskCorpus(): Uint8Array[] {
  return [...elfsIn(BENCH, 1), ...elfsIn(CONFORMANCE, 8)];
}

/** A small HTIF program of random code, as buildElf writes it: symbols, one segment, bss. */
export function randomElf(rng: Rng): Uint8Array {
  const code = randomCode(rng, 4 * (1 + rng.int(256)));
  const end = BASE + code.length;
  return buildElf({
    base: BASE,
    code,
    bss: 64 + rng.int(4096),
    symbols: { tohost: (end + 7) & ~7, fromhost: ((end + 7) & ~7) + 8, begin_signature: end },
  });
}
