import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "./bus.js";
import { DebugPoints, HALT_BREAK, HALT_NONE, HALT_WATCH } from "./debug.js";
import { type Engine, Hart } from "./hart.js";
import { A0, A1, addi, bne, JAL_SELF, lw, sw, T0, T1 } from "./test-encode.js";

const BASE = 0x8000_0000;
const DATA = BASE + 0x2000;
/** loop: t0++; mem[a0] = t0; a1 = mem[a0]; t1--; bne t1, x0, loop; then spin. */
const LOOP = [addi(T0, T0, 1), sw(T0, A0, 0), lw(A1, A0, 0), addi(T1, T1, -1), bne(T1, 0, -16), JAL_SELF];

function machine(engine: Engine) {
  const ram = new Ram(1 << 20, BASE, 1);
  const bytes = new Uint8Array(LOOP.length * 4);
  LOOP.forEach((w, i) => {
    new DataView(bytes.buffer).setUint32(i * 4, w, true);
  });
  ram.writeBytes(BASE, bytes);
  const hart = new Hart({ bus: new SimpleBus(ram), resetPc: BASE, engine, jitThreshold: 1, jitMinLength: 1 });
  hart.x[A0 * 2] = DATA | 0;
  hart.x[T1 * 2] = 100_000;
  const debug = new DebugPoints();
  hart.debug = debug;
  const word = () => ram.i32[(DATA - BASE) / 4];
  /** Resumes as a debugger does: the stopped instruction runs with the points suspended. */
  const resume = (budget: number) => {
    hart.halt = HALT_NONE;
    debug.suspended = true;
    hart.run(1);
    debug.suspended = false;
    return hart.run(budget);
  };
  return { ram, hart, debug, word, resume };
}

describe.each(["interp", "jit"] as Engine[])("debugger stops (%s)", (engine) => {
  it("stops at a breakpoint with the instructions before it retired, and again next time round", () => {
    const { hart, debug, resume } = machine(engine);
    debug.addBreakpoint(BigInt(BASE + 12));
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_BREAK);
    expect(hart.pc).toBe(BASE + 12);
    expect(hart.instret).toBe(3);
    expect(hart.run(100)).toBe(0); // stays stopped until the debugger clears halt
    resume(1_000_000);
    expect(hart.halt).toBe(HALT_BREAK);
    expect(hart.pc).toBe(BASE + 12);
    expect(hart.instret).toBe(8);
    expect(hart.x[T0 * 2]).toBe(2);
  });

  it("hits a breakpoint set in code that already runs compiled", () => {
    const { hart, debug } = machine(engine);
    hart.run(50_000);
    debug.addBreakpoint(BigInt(BASE + 4));
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_BREAK);
    expect(hart.pc).toBe(BASE + 4);
    // k whole iterations of 5 instructions, then this iteration's addi.
    expect(hart.instret % 5).toBe(1);
    expect(hart.x[T0 * 2]).toBe((hart.instret - 1) / 5 + 1);
  });

  it("runs on past a removed breakpoint", () => {
    const { hart, debug, resume } = machine(engine);
    debug.addBreakpoint(BigInt(BASE + 12));
    hart.debugChanged();
    hart.run(1_000_000);
    debug.removeBreakpoint(BigInt(BASE + 12));
    hart.debugChanged();
    resume(1_000_000);
    expect(hart.halt).toBe(HALT_NONE);
    expect(hart.x[T1 * 2]).toBe(0);
    expect(hart.x[T0 * 2]).toBe(100_000);
  });

  it("stops before a watched store, with memory and instret as before it", () => {
    const { hart, debug, word, resume } = machine(engine);
    hart.run(50_000); // compiled by now, with its store's page memoised
    const stored = word();
    debug.addWatchpoint(BigInt(DATA), 4, "write");
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_WATCH);
    expect(hart.haltAddress).toBe(DATA);
    expect(hart.pc).toBe(BASE + 4);
    expect(word()).toBe(stored);
    expect(hart.x[T0 * 2]).toBe(stored + 1);
    const n = hart.instret;
    resume(1_000_000);
    expect(word()).toBe(stored + 1); // the stepped store; the next iteration's stops before its own
    expect(hart.instret).toBe(n + 5);
  });

  it("stops before a watched load, and an access watch takes both", () => {
    const { hart, debug, resume } = machine(engine);
    hart.run(50_000);
    debug.addWatchpoint(BigInt(DATA + 2), 1, "read");
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_WATCH);
    expect(hart.pc).toBe(BASE + 8);
    debug.removeWatchpoint(BigInt(DATA + 2), 1, "read");
    debug.addWatchpoint(BigInt(DATA), 8, "access");
    hart.debugChanged();
    resume(1_000_000);
    expect(hart.pc).toBe(BASE + 4);
    resume(1_000_000);
    expect(hart.pc).toBe(BASE + 8);
  });

  it("a watch on another page leaves the loop alone", () => {
    const { hart, debug } = machine(engine);
    debug.addWatchpoint(BigInt(DATA + 0x1000), 4, "access");
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_NONE);
    expect(hart.x[T1 * 2]).toBe(0);
  });
});

describe("debugger helpers", () => {
  it("a breakpoint in a slot rewritten by a store is still hit", () => {
    const { ram, hart, debug } = machine("jit");
    debug.addBreakpoint(BigInt(BASE + 12));
    hart.debugChanged();
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_BREAK);
    // Rewrite the same instruction (a store invalidates the decoded slot), then go on.
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, addi(T1, T1, -1), true);
    ram.writeBytes(BASE + 12, bytes);
    hart.halt = HALT_NONE;
    debug.suspended = true;
    hart.run(1);
    debug.suspended = false;
    hart.run(1_000_000);
    expect(hart.halt).toBe(HALT_BREAK);
    expect(hart.pc).toBe(BASE + 12);
  });

  it("holdInterrupts keeps a pending interrupt from being taken", () => {
    const { hart } = machine("interp");
    hart.mtvecLo = (BASE + 0x100) | 0;
    hart.mstatus = 8; // MIE
    hart.mie = 0x80; // MTIE
    hart.setInterrupt(0x80, true);
    hart.holdInterrupts = true;
    hart.run(1);
    expect(hart.pc).toBe(BASE + 4);
    hart.holdInterrupts = false;
    hart.run(0); // takes the interrupt, runs nothing
    expect(hart.pc).toBe(BASE + 0x100);
    expect(hart.mcauseLo).toBe(7);
  });

  it("reads and writes CSRs at any privilege", () => {
    const { hart } = machine("interp");
    hart.priv = 0;
    expect(hart.debugReadCsr(0x300)).toBe(0xa_0000_0000n); // UXL = SXL = 2 (64-bit)
    expect(hart.debugWriteCsr(0x340, 0x1234_5678_9abc_def0n)).toBe(true);
    expect(hart.debugReadCsr(0x340)).toBe(0x1234_5678_9abc_def0n);
    expect(hart.debugReadCsr(0x7ff)).toBeUndefined();
    expect(hart.priv).toBe(0);
  });
});
