#!/usr/bin/env node
// A long fuzz campaign: the fuzz tests of src/fuzz with many more cases and no test timeout.
// Usage: node scripts/fuzz.mjs [--seed N] [--iterations N] [--cli-iterations N] [FILTER...]
// FUZZ_SEED, FUZZ_ITERATIONS and FUZZ_CLI_ITERATIONS in the environment do the same; a failing case
// prints the FUZZ_SEED=... line that replays it alone.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: "string" }, iterations: { type: "string" }, "cli-iterations": { type: "string" } },
});
const seed = values.seed ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 32);
const iterations = values.iterations ?? process.env.FUZZ_ITERATIONS ?? "20000";
const cli =
  values["cli-iterations"] ?? process.env.FUZZ_CLI_ITERATIONS ?? String(Math.ceil(Number(iterations) / 50));
for (const [name, v] of [
  ["seed", seed],
  ["iterations", iterations],
  ["cli-iterations", cli],
]) {
  if (!/^\d+$/.test(v)) {
    console.error(`fuzz: --${name} needs a whole number, got '${v}'`);
    process.exit(2);
  }
}
if (!existsSync(new URL("../dist/cli.js", import.meta.url))) {
  console.error("fuzz: dist/cli.js is missing; run `pnpm build` first");
  process.exit(2);
}
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_ITERATIONS=${iterations} FUZZ_CLI_ITERATIONS=${cli}`);
const filters = positionals.length > 0 ? positionals : ["src/fuzz/"];
const r = spawnSync("npx", ["vitest", "run", "--testTimeout=0", ...filters], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_ITERATIONS: iterations, FUZZ_CLI_ITERATIONS: cli },
});
process.exit(r.status ?? 1);
