/**
 * Long differential-testing campaigns: `pnpm difftest -- --seed S --count N [--batch B] [--only I]`.
 * Prints throughput as it goes and every difference (seed, program, first differing instruction);
 * exits 1 if any was found.
 */
import { parseArgs } from "node:util";
import { type Finding, formatFinding, runBatch } from "./campaign.js";
import { hasQemu, QEMU, QemuRunner } from "./run.js";

const USAGE = `usage: difftest [--seed S] [--count N] [--batch B] [--start K] [--only K]
  --seed S    generator seed (default 1)
  --count N   programs to run (default 1000)
  --batch B   programs per QEMU batch (default 250)
  --start K   first program index (default 0)
  --only K    run program K alone`;

interface Options {
  seed: number;
  start: number;
  count: number;
  batch: number;
}

function count(name: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new Error(`--${name}: expected an integer >= ${min}, got '${text}'`);
  }
  return Number(text);
}

// Returns the options, or a message for the user (the usage on --help).
function parse(argv: string[]): Options | { message: string; code: number } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        seed: { type: "string", default: "1" },
        count: { type: "string", default: "1000" },
        batch: { type: "string", default: "250" },
        start: { type: "string", default: "0" },
        only: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) return { message: USAGE, code: 0 };
    const only = values.only === undefined ? undefined : count("only", values.only, 0);
    return {
      seed: count("seed", values.seed ?? "1", 0),
      start: only ?? count("start", values.start ?? "0", 0),
      count: only === undefined ? count("count", values.count ?? "1000", 1) : 1,
      batch: count("batch", values.batch ?? "250", 1),
    };
  } catch (e) {
    return { message: `difftest: ${(e as Error).message}\n${USAGE}`, code: 2 };
  }
}

async function main(): Promise<number> {
  // `pnpm difftest -- --seed S` may pass the `--` on.
  const opts = parse(process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--")));
  if ("message" in opts) {
    (opts.code === 0 ? console.log : console.error)(opts.message);
    return opts.code;
  }
  if (!hasQemu()) {
    console.error(`difftest: ${QEMU} not found (set QEMU_SYSTEM_RISCV64 to another build)`);
    return 2;
  }
  const { seed, start, count, batch } = opts;
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
    console.error(`difftest: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
