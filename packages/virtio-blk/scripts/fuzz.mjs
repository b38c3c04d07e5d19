#!/usr/bin/env node
// A long fuzz campaign: the fuzz tests of src/fuzz with many more cases and no test timeout.
// Usage: node scripts/fuzz.mjs [--seed N] [--iterations N] [FILTER...]
// FUZZ_SEED and FUZZ_ITERATIONS in the environment do the same; a failing case prints the
// FUZZ_SEED=... line that replays it alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string" }, iterations: { type: "string" } },
});
const seed = values.seed ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 32);
const iterations = values.iterations ?? process.env.FUZZ_ITERATIONS ?? "20000";
for (const [name, v] of [
  ["seed", seed],
  ["iterations", iterations],
]) {
  if (!/^\d+$/.test(v)) {
    console.error(`fuzz: --${name} needs a whole number, got '${v}'`);
    process.exit(2);
  }
}
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_ITERATIONS=${iterations}`);
const filters = positionals.length > 0 ? positionals : ["src/fuzz/"];
const r = spawnSync("npx", ["vitest", "run", "--testTimeout=0", ...filters], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_ITERATIONS: iterations },
});
process.exit(r.status ?? 1);
