import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Sv39Mmu } from "@xv6-machine/sv39";
// The package's own entry: the published CLI imports it rather than bundling a second hart.
import { BareMachine, ElfError, EngineMismatch, type Hart } from "./index.js";

const USAGE = "usage: rv-run [--max-insns N] [--engine jit|interp|check] [--trace] FILE.elf";

/** Exits 2 with one line; a usage line follows only for mistakes in the command line itself. */
function fail(message: string, usage = false): never {
  process.stderr.write(`rv-run: ${message}\n${usage ? `${USAGE}\n` : ""}`);
  process.exit(2);
}

function trace(h: Hart): void {
  const pc = h.pc.toString(16).padStart(16, "0");
  const regs: string[] = [];
  for (let r = 1; r < 32; r++) {
    const lo = h.x[r * 2];
    const hi = h.x[r * 2 + 1];
    if (lo !== 0 || hi !== 0) {
      const v = ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString(16);
      regs.push(`x${r}=${v}`);
    }
  }
  process.stderr.write(`${"UShM"[h.priv]} ${pc} ${regs.join(" ")}\n`);
}

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "max-insns": { type: "string" },
        engine: { type: "string" },
        trace: { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  } catch (e) {
    fail((e as Error).message, true);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length !== 1) fail("expected exactly one ELF file", true);
  let max = 1e9;
  const maxArg = parsed.values["max-insns"];
  if (maxArg !== undefined) {
    if (typeof maxArg !== "string" || !/^\d+$/.test(maxArg) || Number(maxArg) <= 0) {
      fail(`--max-insns needs a positive whole number, got '${String(maxArg)}'`, true);
    }
    max = Number(maxArg);
  }
  const engine = parsed.values.engine ?? "jit";
  if (engine !== "jit" && engine !== "interp" && engine !== "check") {
    fail(`--engine must be jit, interp or check, got '${String(engine)}'`, true);
  }
  const file = parsed.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let machine: BareMachine;
  try {
    machine = new BareMachine(bytes, { mmu: (ram) => new Sv39Mmu(ram), engine });
  } catch (e) {
    if (e instanceof ElfError || e instanceof RangeError) fail(`${file}: ${e.message}`);
    throw e;
  }
  let result: ReturnType<BareMachine["run"]>;
  try {
    result = machine.run({
      maxInstructions: max,
      output: (b) => process.stdout.write(b),
      trace: parsed.values.trace ? trace : undefined,
    });
  } catch (e) {
    if (!(e instanceof EngineMismatch)) throw e;
    process.stderr.write(`rv-run: engine check failed: ${e.message}\n`);
    return 4;
  }
  switch (result.status) {
    case "pass":
      return 0;
    case "fail":
      process.stdout.write(`FAIL test ${result.test}\n`);
      return 1;
    case "stuck":
      process.stderr.write(
        `rv-run: the hart waits in wfi with no timer set (after ${result.instructions} instructions)\n`,
      );
      return 3;
    default:
      process.stderr.write(`rv-run: instruction limit of ${max} reached\n`);
      return 3;
  }
}

process.exitCode = main(process.argv.slice(2));
