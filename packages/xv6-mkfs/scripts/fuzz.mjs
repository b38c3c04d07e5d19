// Longer fuzzing runs than `pnpm test` makes: `pnpm fuzz [--seed S] [--iterations N] [--start I]`.
// The cases live in src/fuzz (TypeScript, run by vitest); this passes the numbers on to them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const usage =
  "usage: pnpm fuzz [--seed S] [--iterations N] [--start I]  (defaults: a random seed, 20000 cases, from 0)";

let values;
try {
  ({ values } = parseArgs({
    options: {
      seed: { type: "string" },
      iterations: { type: "string" },
      start: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (err) {
  console.error(`fuzz: ${err.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
for (const flag of ["seed", "iterations", "start"]) {
  if (values[flag] !== undefined && !/^\d+$/.test(values[flag])) {
    console.error(`fuzz: --${flag} needs a whole number, not "${values[flag]}"\n${usage}`);
    process.exit(2);
  }
}
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
const iterations = values.iterations ?? "20000";
const start = values.start ?? "0";
console.log(`fuzz: seed ${seed}, cases ${start}..${Number(start) + Number(iterations) - 1}`);

const root = fileURLToPath(new URL("..", import.meta.url));
// vitest comes from the workspace root; its package exports no path to its command, but its bin does.
const vitestPackage = createRequire(import.meta.url).resolve("vitest/package.json");
const vitest = join(dirname(vitestPackage), "vitest.mjs");
const run = spawnSync(process.execPath, [vitest, "run", "src/fuzz/fuzz.test.ts", "-t", "mutated images"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, XV6_FUZZ_SEED: seed, XV6_FUZZ_ITERATIONS: iterations, XV6_FUZZ_START: start },
});
process.exit(run.status ?? 1);
