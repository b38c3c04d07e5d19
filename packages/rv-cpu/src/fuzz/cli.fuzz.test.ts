import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Campaign } from "./campaign.js";
import { diskCorpus, randomElf } from "./corpus.js";
import { mutateElf } from "./elf-mutate.js";
import { checkElf, type Outcome } from "./elf-oracle.js";
import { Rng } from "./rng.js";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const MAX_INSNS = 100_000;
/** rv-run's RAM, so that the in-process run predicts the command's result exactly. */
const RAM = 128 << 20;
const TIMEOUT_MS = 30_000;

interface Ran {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function rvRun(file: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "--max-insns", String(MAX_INSNS), file], {
      timeout: TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** The exit status rv-run must give for what the same bytes did in process. */
function expectedStatus(o: Outcome): number {
  if (o.kind === "refused") return 2;
  return { pass: 0, fail: 1, limit: 3, stuck: 3 }[o.result.status];
}

function problemWith(r: Ran, expected: Outcome): string {
  if (r.status === null) return `killed by ${r.signal} (hung for ${TIMEOUT_MS} ms?)`;
  if (/\bat .*\.[cm]?js:\d+/.test(r.stderr)) return `stack trace on stderr: ${r.stderr}`;
  const want = expectedStatus(expected);
  if (r.status !== want) return `exit ${r.status}, expected ${want}; stderr: ${r.stderr}`;
  if (r.status === 2 && !/^rv-run: [^\n]+\n$/.test(r.stderr))
    return `exit 2 without exactly one line: ${r.stderr}`;
  if (r.status === 1 && expected.kind === "ran" && expected.result.status === "fail") {
    if (!r.stdout.endsWith(`FAIL test ${expected.result.test}\n`))
      return `exit 1 without its FAIL line: ${r.stdout}`;
  }
  if (r.status === 3 && !/^rv-run: [^\n]+\n$/.test(r.stderr))
    return `exit 3 without one line of why: ${r.stderr}`;
  return "";
}

describe("rv-run on mutated ELF files", () => {
  const dir = mkdtempSync(join(tmpdir(), "rv-run-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 0, 1, 2 or 3 as the in-process run predicts, in time, without a stack trace", async () => {
    const c = new Campaign("rv-run", 24, "FUZZ_CLI_ITERATIONS");
    const corpus = diskCorpus();
    const pending = [...c.seeds()];
    const worker = async () => {
      for (let seed = pending.shift(); seed !== undefined; seed = pending.shift()) {
        const rng = new Rng(seed);
        const bytes = rng.bool(0.25) ? randomElf(rng) : mutateElf(rng.pick(corpus), rng, RAM);
        const expected = checkElf(bytes, MAX_INSNS, RAM);
        if (expected.problem || !expected.outcome) {
          c.fail(seed, `in process: ${expected.problem}`);
          continue;
        }
        const file = join(dir, `${seed}.elf`);
        writeFileSync(file, bytes);
        const problem = problemWith(await rvRun(file), expected.outcome);
        if (problem) c.fail(seed, problem);
        rmSync(file);
      }
    };
    // Two at a time: each is mostly a Node start-up.
    await Promise.all([worker(), worker()]);
    expect(c.problems).toEqual([]);
  }, 300_000);
});
