import { describe, expect, it } from "vitest";
import type { Hart } from "../hart.js";
import { MIP_MEIP, MIP_MSIP, MIP_MTIP, MIP_SEIP } from "../state.js";
import { Campaign } from "./campaign.js";
import { randomHart } from "./hart-setup.js";
import { Rng } from "./rng.js";

const STEPS = 6000;
/** Steps between kicks: random code soon finds a handler that traps to itself for ever. */
const KICK = 300;
const LINES = [MIP_MSIP, MIP_MTIP, MIP_MEIP, MIP_SEIP];

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** What must hold after every run() call, whatever the code did. */
function stateProblem(h: Hart): string {
  if (h.x[0] !== 0 || h.x[1] !== 0) return "x0 is not zero";
  if (h.priv !== 0 && h.priv !== 1 && h.priv !== 3) return `privilege ${h.priv}`;
  if (h.pcLo & 1) return `odd pc 0x${h.pc.toString(16)}`;
  return "";
}

/** Runs random code with random budgets and interrupt lines; returns a problem or "". */
function fuzzBudgets(seed: number): string {
  const rng = new Rng(seed);
  const { hart, kick } = randomHart(rng, { clint: true });
  let total = 0;
  let nextKick = KICK;
  for (let calls = 0; total < STEPS && calls < 5000; calls++) {
    if (rng.bool(0.05)) hart.setInterrupt(rng.pick(LINES), rng.bool());
    if (total >= nextKick) {
      kick(rng);
      nextKick = total + KICK;
    }
    const budget = 1 + rng.int(rng.bool(0.5) ? 8 : 1000);
    const before = hart.instret;
    let n: number;
    try {
      n = hart.run(budget);
    } catch (e) {
      return `run(${budget}) threw ${describeError(e)} after ${total} steps`;
    }
    if (!Number.isInteger(n) || n < 0 || n > budget) return `run(${budget}) returned ${n}`;
    if (n === 0 && !hart.waiting) return `run(${budget}) took no step, not waiting in wfi`;
    const retired = hart.instret - before;
    if (retired < 0 || retired > n) return `instret moved by ${retired} in ${n} steps`;
    const bad = stateProblem(hart);
    if (bad) return `${bad} after ${total + n} steps`;
    total += n;
    // A device would wake a hart waiting in wfi; half the time, one does.
    if (n === 0 && rng.bool(0.5)) hart.setInterrupt(rng.pick(LINES), true);
  }
  return "";
}

/** The architectural state two runs of the same program must agree on. */
function snapshot(h: Hart): string {
  const csrs = [
    h.mstatus,
    h.mcauseLo,
    h.mepcLo,
    h.mtvalLo,
    h.scauseLo,
    h.sepcLo,
    h.stvalLo,
    h.satpLo,
    h.satpHi,
  ];
  let sum = 0;
  for (let i = 0; i < h.ram.i32.length; i++) sum = (Math.imul(sum, 31) + h.ram.i32[i]) | 0;
  return `pc=${h.pc.toString(16)} priv=${h.priv} instret=${h.instret} waiting=${h.waiting} x=${[...h.x.subarray(0, 64)]} csr=${csrs} ram=${sum}`;
}

/**
 * With time standing still and no devices, nothing outside the hart changes its interrupt state,
 * so cutting a run into budgets of any size must not change what it does: one step at a time and
 * random slices end in the same state.
 */
function fuzzSlicing(seed: number): string {
  const whole = randomHart(new Rng(seed), { clint: false });
  const stepped = randomHart(new Rng(seed), { clint: false });
  // Both get the same kicks at the same step counts.
  const kicksA = new Rng(~seed);
  const kicksB = new Rng(~seed);
  const slices = new Rng(seed ^ 0x5a5a5a5a);
  const steps = 3000;
  try {
    for (let done = 0; done < steps; ) {
      if (done > 0 && done % KICK === 0) whole.kick(kicksA);
      const n = whole.hart.run(Math.min(KICK - (done % KICK), 1 + slices.int(KICK)));
      if (n === 0) break;
      done += n;
    }
    for (let done = 0; done < steps; done++) {
      if (done > 0 && done % KICK === 0) stepped.kick(kicksB);
      if (stepped.hart.run(1) === 0) break;
    }
  } catch (e) {
    return `run threw ${describeError(e)}`;
  }
  const a = snapshot(whole.hart);
  const b = snapshot(stepped.hart);
  return a === b ? "" : `sliced run ended in\n  ${a}\nbut one step at a time in\n  ${b}`;
}

describe("random instruction streams", () => {
  it("run() never throws, takes at most its budget, and fewer only by leaving early", () => {
    const c = new Campaign("hart budgets", 100);
    for (const seed of c.seeds()) {
      const problem = fuzzBudgets(seed);
      if (problem) c.fail(seed, problem);
    }
    expect(c.problems).toEqual([]);
  });

  it("a run cut into slices of any size ends where single steps end", () => {
    const c = new Campaign("hart slicing", 80);
    for (const seed of c.seeds()) {
      const problem = fuzzSlicing(seed);
      if (problem) c.fail(seed, problem);
    }
    expect(c.problems).toEqual([]);
  });
});
