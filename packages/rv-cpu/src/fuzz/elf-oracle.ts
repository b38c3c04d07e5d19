/**
 * What may come of running any byte string as an ELF program: a clear ElfError before anything
 * runs, or a BareResult within the instruction budget. Anything else is a defect.
 */
import { Sv39Mmu } from "@xv6-machine/sv39";
import { BareMachine, type BareResult } from "../bare.js";
import { ElfError, parseElf } from "../elf.js";

export type Outcome = { kind: "refused"; message: string } | { kind: "ran"; result: BareResult };

export interface Checked {
  outcome?: Outcome;
  /** What went wrong, or "" when the outcome is one of the allowed ones. */
  problem: string;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return `non-Error thrown: ${String(e)}`;
}

/** A refusal must be an ElfError with one line of explanation (rv-run prints it as is). */
function refusalProblem(e: unknown): string {
  if (!(e instanceof ElfError)) return `threw ${describe(e)}`;
  if (e.message === "" || e.message.includes("\n"))
    return `ElfError without a one-line message: ${e.message}`;
  return "";
}

const STATUSES = new Set(["pass", "fail", "limit", "stuck"]);

/** Checks the parser alone: it accepts only what it can describe exactly. */
function parseProblem(bytes: Uint8Array): string {
  let elf: ReturnType<typeof parseElf>;
  try {
    elf = parseElf(bytes);
  } catch (e) {
    return refusalProblem(e);
  }
  if (!Number.isSafeInteger(elf.entry) || elf.entry < 0) return `entry ${elf.entry} is not an exact address`;
  for (const s of elf.segments) {
    if (!Number.isSafeInteger(s.paddr) || s.paddr < 0) return `segment address ${s.paddr} is not exact`;
    if (!Number.isSafeInteger(s.memsz) || s.data.length > s.memsz) return "segment holds more than its memsz";
  }
  for (const [name, v] of elf.symbols) {
    if (!Number.isSafeInteger(v) || v < 0) return `symbol ${name} = ${v} is not exact`;
  }
  return "";
}

/** Loads and runs `bytes` on a bare machine (Sv39 available, as in rv-run) and checks the outcome. */
export function checkElf(bytes: Uint8Array, budget: number, ramSize: number): Checked {
  const parsed = parseProblem(bytes);
  if (parsed) return { problem: `parseElf: ${parsed}` };
  let machine: BareMachine;
  try {
    machine = new BareMachine(bytes, { ramSize, mmu: (ram) => new Sv39Mmu(ram) });
  } catch (e) {
    const problem = refusalProblem(e);
    return { outcome: { kind: "refused", message: (e as Error).message }, problem };
  }
  const { ram, tohost, fromhost } = machine;
  if (!ram.contains(tohost, 8)) return { problem: `accepted tohost 0x${tohost.toString(16)} outside RAM` };
  if (fromhost !== -1 && !ram.contains(fromhost, 8)) {
    return { problem: `accepted fromhost 0x${fromhost.toString(16)} outside RAM` };
  }
  let result: BareResult;
  try {
    result = machine.run({ maxInstructions: budget });
  } catch (e) {
    return { problem: `run threw ${describe(e)}` };
  }
  const outcome: Outcome = { kind: "ran", result };
  const n = result.instructions;
  if (!STATUSES.has(result.status)) return { outcome, problem: `unknown status ${result.status}` };
  if (!Number.isInteger(n) || n < 0 || n > budget)
    return { outcome, problem: `${n} instructions, budget ${budget}` };
  if (result.status === "limit" && n !== budget) return { outcome, problem: `limit after ${n} of ${budget}` };
  return { outcome, problem: "" };
}
