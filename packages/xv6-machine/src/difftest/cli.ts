/**
 * Long differential-testing campaigns: `pnpm difftest -- --seed S --count N [--batch B] [--only I]`.
 * Prints throughput as it goes and every difference (seed, program, first differing instruction);
 * exits 1 if any was found.
 */
import { parseArgs } from "node:util";
import { type Finding, formatFinding, runBatch } from "./campaign.js";
import { hasQemu, QEMU, QemuRunner } from "./run.js";

// `pnpm difftest -- --seed S` may pass the `--` on.
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--"));
const { values } = parseArgs({
  args: argv,
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "1000" },
    batch: { type: "string", default: "250" },
    start: { type: "string", default: "0" },
    only: { type: "string" },
  },
});

async function main(): Promise<number> {
  if (!hasQemu()) {
    console.error(`difftest: ${QEMU} not found (set QEMU_SYSTEM_RISCV64 to another build)`);
    return 2;
  }
  const seed = Number(values.seed);
  const only = values.only === undefined ? undefined : Number(values.only);
  const start = only ?? Number(values.start);
  const count = only === undefined ? Number(values.count) : 1;
  const batch = Number(values.batch);
  const qemu = new QemuRunner();
  const t0 = performance.now();
  const findings: Finding[] = [];
  try {
    for (let at = start; at < start + count; at += batch) {
      const n = Math.min(batch, start + count - at);
      const found = await runBatch(qemu, seed, at, n);
      for (const f of found) console.log(formatFinding(f));
      findings.push(...found);
      const done = at + n - start;
      const s = (performance.now() - t0) / 1000;
      console.log(
        `difftest: ${done}/${count} programs, ${findings.length} differences, ${s.toFixed(1)} s (${(done / s).toFixed(0)} programs/s)`,
      );
    }
  } finally {
    qemu.close();
  }
  return findings.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
