import { readFileSync } from "node:fs";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { afterEach, describe, expect, it } from "vitest";
import { BareMachine, runBare } from "./bare.js";
import { Ram, SimpleBus } from "./bus.js";
import { EngineMismatch, hartDiff, ramDiff } from "./check.js";
import { type Engine, Hart } from "./hart.js";
import { CodeCache, forgetSources } from "./jit.js";
import { MIP_MTIP, MSTATUS_FS, MSTATUS_MIE } from "./state.js";

const BASE = 0x8000_0000;
const programs = new URL("../bench/programs/", import.meta.url);
const crc = new Uint8Array(readFileSync(new URL("crc.elf", programs)));

function hartWith(words: number[], engine: Engine, jitMinLength = 1): Hart {
  const ram = new Ram(1 << 16, BASE);
  const bytes = new Uint8Array(words.length * 4);
  const dv = new DataView(bytes.buffer);
  words.forEach((w, i) => {
    dv.setUint32(i * 4, w, true);
  });
  ram.writeBytes(BASE, bytes);
  return new Hart({ bus: new SimpleBus(ram), resetPc: BASE, engine, jitThreshold: 1, jitMinLength });
}

/** A deterministic stream of slice sizes from 1 to 5000. */
function* slices(seed: number): Generator<number> {
  let s = seed;
  for (;;) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const r = (s >>> 8) % 100;
    yield r < 30 ? 1 + (r % 7) : r < 60 ? 60 + r : 1 + ((s >>> 4) % 5000);
  }
}

describe("the compiling engine", () => {
  const realFunction = globalThis.Function;
  afterEach(() => {
    globalThis.Function = realFunction;
  });

  it("is the default, and an unknown engine is refused", () => {
    const ram = new Ram(1 << 16, BASE);
    expect(new Hart({ bus: new SimpleBus(ram) }).engine).toBe("jit");
    expect(() => new Hart({ bus: new SimpleBus(ram), engine: "fast" as Engine })).toThrow(/unknown engine/);
  });

  it("leaves a short trace that does not loop to the interpreter, and compiles a loop however short", () => {
    // 1: addi t0, t0, 1; csrr t1, mscratch; bne t0, t2, 1b; wfi  -- the trace at 1 is one addi
    const csrLoop = [0x00128293, 0x34002373, 0xfe729ce3, 0x10500073];
    // 1: addi t0, t0, 1; bne t0, t2, 1b; wfi  -- two instructions, but a loop
    const tight = [0x00128293, 0xfe729ee3, 0x10500073];
    const compiled = (words: number[], minLength?: number): number => {
      const h = hartWith(words, "jit", minLength);
      h.x[7 * 2] = 100;
      while (h.x[5 * 2] !== 100) h.run(1000);
      return h.jit?.stats.compiled ?? -1;
    };
    expect(compiled(csrLoop)).toBe(1);
    expect(compiled(csrLoop, 12)).toBe(0);
    expect(compiled(tight, 12)).toBe(1);
    expect(new Hart({ bus: new SimpleBus(new Ram(1 << 16, BASE)) }).jit?.minLength).toBe(12);
  });

  it("keeps the code of a loop that stores to data beside it in the same page", () => {
    // auipc t1, 0; 1: addi t0, t0, 1; sw t0, 0x7f0(t1); addi t2, t2, -1; bne t2, x0, 1b; j .
    const h = hartWith([0x00000317, 0x00128293, 0x7e532823, 0xfff38393, 0xfe039ae3, 0x0000006f], "jit");
    h.x[7 * 2] = 10_000;
    while (h.x[7 * 2] !== 0) h.run(5000);
    expect(h.ram.i32[0x7f0 / 4]).toBe(10_000);
    expect(h.ram.codeFlag[0]).toBe(1); // still code: its hart never left the page
    expect(h.jit?.stats.invalidated).toBe(0);
  });

  it("keeps a compiled loop with no way out within each run's budget, so interrupts get in", () => {
    const h = hartWith([0x0000_006f], "jit"); // 1: j 1b
    h.ram.writeBytes(BASE + 0x100, Uint8Array.of(0x6f, 0, 0, 0)); // the handler: j .
    for (let i = 0; i < 5; i++) expect(h.run(5000)).toBe(5000);
    expect(h.jit?.stats.compiled).toBeGreaterThan(0);
    expect(h.instret).toBe(25_000);
    h.mtvecLo = (BASE + 0x100) | 0;
    h.mie = MIP_MTIP;
    h.mstatus |= MSTATUS_MIE;
    h.setInterrupt(MIP_MTIP, true);
    h.run(100);
    expect(h.mcauseHi).toBe(1 << 31);
    expect(h.mcauseLo).toBe(7);
    expect(h.mepcLo).toBe(BASE | 0);
  });

  it("gives up a spinning turn at the same step as the interpreter", () => {
    // 1: nop; j 1b (a jump: never counted as spinning); li x1, 1; 2: nop; bne x0, x1, 2b (spins);
    // li x1, 1; auipc t1, 0; 3: sw x0, 0x400(t1); bne x0, x1, 3b (a loop that stores works).
    for (const [words, spins] of [
      [[0x0000_0013, 0xffdf_f06f], false],
      [[0x0010_0093, 0x0000_0013, 0xfe10_1ee3], true],
      [[0x0010_0093, 0x0000_0317, 0x4003_2023, 0xfe10_1ee3], false],
    ] as const) {
      const [a, b] = (["jit", "interp"] as const).map((e) => {
        const h = hartWith([...words], e);
        h.yieldOnSpin = true;
        return h;
      });
      for (let i = 0; i < 20; i++) {
        const n = a.run(3000);
        expect(b.run(3000)).toBe(n);
        expect(a.spun).toBe(b.spun);
        expect(hartDiff(a, b)).toBeUndefined();
      }
      expect(a.spun).toBe(spins);
    }
  });

  it("ends in the interpreter's state however the run is sliced (CRC and sort program)", () => {
    const a = new BareMachine(crc, { engine: "jit", jitThreshold: 2 });
    const b = new BareMachine(crc, { engine: "interp" });
    const sizes = slices(7);
    let total = 0;
    while (total < 2_000_000) {
      const n = sizes.next().value as number;
      const x = a.hart.run(n);
      expect(b.hart.run(n)).toBe(x);
      expect(x).toBeLessThanOrEqual(n);
      total += x;
      const d = hartDiff(a.hart, b.hart);
      if (d !== undefined) throw new Error(`after ${total} steps: ${d}`);
    }
    expect(ramDiff(a.ram, b.ram)).toBeUndefined();
    expect(a.hart.jit?.stats.compiled).toBeGreaterThan(10);
  });

  it("runs store and copy loops many iterations at a time, in step however sliced, spin count included", () => {
    const loops = new Uint8Array(
      readFileSync(new URL("../conformance/bin/store_loops.elf", import.meta.url)),
    );
    const copyWithin = Uint8Array.prototype.copyWithin;
    let bulk = 0;
    Uint8Array.prototype.copyWithin = function (this: Uint8Array, ...args) {
      bulk++;
      return copyWithin.apply(this, args);
    };
    try {
      for (const yieldOnSpin of [false, true]) {
        const a = new BareMachine(loops, {
          engine: "jit",
          jitThreshold: 1,
          jitMinLength: 1,
          ramSize: 1 << 20,
        });
        const b = new BareMachine(loops, { engine: "interp", ramSize: 1 << 20 });
        a.hart.yieldOnSpin = yieldOnSpin;
        b.hart.yieldOnSpin = yieldOnSpin;
        const sizes = slices(11);
        let total = 0;
        while (total < 300_000) {
          const n = sizes.next().value as number;
          const x = a.hart.run(n);
          expect(b.hart.run(n)).toBe(x);
          expect(a.hart.spun).toBe(b.hart.spun);
          total += x;
          const d = hartDiff(a.hart, b.hart);
          if (d !== undefined) throw new Error(`after ${total} steps: ${d}`);
        }
        expect(ramDiff(a.ram, b.ram)).toBeUndefined();
      }
      expect(
        runBare(loops, { engine: "check", jitThreshold: 1, jitMinLength: 1, ramSize: 1 << 20 }).status,
      ).toBe("pass");
    } finally {
      Uint8Array.prototype.copyWithin = copyWithin;
    }
    expect(bulk).toBeGreaterThan(0);
  });

  // (Under vitest the interpreter runs from source, much slower than the bundle: keep runs short.)
  it("runs the benchmark programs in step with the interpreter", () => {
    for (const f of ["crc.elf", "memset-sv39.elf", "alu.elf", "fp.elf"]) {
      const elf = new Uint8Array(readFileSync(new URL(f, programs)));
      const r = runBare(elf, {
        engine: "check",
        mmu: (ram) => new Sv39Mmu(ram),
        maxInstructions: 1_500_000,
        ramSize: 32 << 20,
      });
      expect(r.status).toBe("limit");
    }
  });

  it("is caught by the check engine when compiled code goes wrong", () => {
    const unitAt = CodeCache.prototype.unitAt;
    let broken = 0;
    CodeCache.prototype.unitAt = function (...args) {
      const u = unitAt.apply(this, args);
      if (u !== undefined && broken++ === 50) {
        const fn = u.fn;
        u.fn = (h, left) => {
          const n = fn(h, left);
          h.x[10] ^= 1; // a0 off by one bit after this call
          return n;
        };
      }
      return u;
    };
    try {
      expect(() => runBare(crc, { engine: "check", jitThreshold: 1, jitMinLength: 1 })).toThrow(
        EngineMismatch,
      );
    } finally {
      CodeCache.prototype.unitAt = unitAt;
    }
  });

  it("falls back to the interpreter where code generation is forbidden", () => {
    // What a strict Content-Security-Policy does to `new Function` (which then never ran before).
    forgetSources();
    globalThis.Function = class {
      constructor() {
        throw new EvalError("Code generation from strings disallowed for this context");
      }
    } as unknown as FunctionConstructor;
    const m = new BareMachine(crc, { engine: "jit", jitThreshold: 1, jitMinLength: 1 });
    m.run({ maxInstructions: 1_000_000 });
    globalThis.Function = realFunction;
    expect(m.hart.jit?.enabled).toBe(false);
    expect(m.hart.jit?.stats.compiled).toBe(0);
    const twin = new BareMachine(crc, { engine: "interp" });
    twin.run({ maxInstructions: 1_000_000 });
    expect(hartDiff(m.hart, twin.hart)).toBeUndefined();
  });

  it("compiles a source once per process: the same code in another machine reuses it", () => {
    forgetSources();
    let made = 0;
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args) {
        made++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const first = new BareMachine(crc, { engine: "jit", jitThreshold: 1, jitMinLength: 1 });
      expect(first.run().status).toBe("pass");
      const compiled = first.hart.jit?.stats.compiled ?? 0;
      expect(made).toBeGreaterThan(0);
      expect(made).toBeLessThanOrEqual(compiled);
      const before = made;
      const second = new BareMachine(crc, { engine: "jit", jitThreshold: 1, jitMinLength: 1 });
      expect(second.run().status).toBe("pass");
      expect(second.hart.jit?.stats.compiled).toBe(compiled);
      expect(made).toBe(before);
      expect(hartDiff(first.hart, second.hart)).toBeUndefined();
    } finally {
      globalThis.Function = realFunction;
    }
  });

  it("empties a full code cache and compiles again", () => {
    const m = new BareMachine(crc, { engine: "jit", jitThreshold: 1, jitMinLength: 1 });
    (m.hart.jit as CodeCache).limit = 8;
    const r = m.run();
    expect(r.status).toBe("pass");
    const stats = m.hart.jit?.stats;
    expect(stats?.flushes).toBeGreaterThan(0);
    expect(stats?.live).toBeLessThanOrEqual(8);
  });

  it("forgets compiled code that a store rewrites", () => {
    // 1: addi a0, a0, 1; j 1b  -- then the addi is rewritten to addi a0, a0, 2.
    const h = hartWith([0x0015_0513, 0xffdf_f06f], "jit");
    h.run(1000);
    expect(h.x[20]).toBe(500);
    expect(h.jit?.stats.live).toBeGreaterThan(0);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, 0x0025_0513, true);
    h.ram.writeBytes(BASE, bytes);
    expect(h.jit?.stats.invalidated).toBeGreaterThan(0);
    h.run(1000);
    expect(h.x[20]).toBe(1500);
  });
});

describe("compiled FP loads and stores", () => {
  it("forget compiled code that an fsw rewrites", () => {
    // 1: addi a0, a0, 1; fsw f0, 0(a1); j 1b -- f0 holds addi a0, a0, 2 and a1 the loop's address.
    const results = (["jit", "interp"] as const).map((engine) => {
      const h = hartWith([0x0015_0513, 0x0005_a027, 0xff9f_f06f], engine);
      h.mstatus |= MSTATUS_FS;
      h.x[22] = BASE | 0;
      h.x[23] = 0;
      h.f[0] = 0x0025_0513;
      h.f[1] = -1;
      h.run(300);
      return h.x[20];
    });
    expect(results).toEqual([199, 199]);
  });

  it("trap as illegal with FS Off, even when the page is in the translation cache", () => {
    // 1: fld f1, 16(a1); j 1b; then the trap handler's own loop at +8; the data at +16.
    for (const engine of ["jit", "interp"] as const) {
      const h = hartWith([0x0105_b087, 0xffdf_f06f, 0x0000_006f, 0, 0x1234_5678, 0x9abc_def0], engine);
      h.mstatus |= MSTATUS_FS;
      h.x[22] = BASE | 0;
      h.x[23] = 0;
      h.mtvecLo = (BASE + 8) | 0;
      h.run(100);
      expect([h.f[2], h.f[3], h.mcauseLo]).toEqual([0x1234_5678, 0x9abc_def0 | 0, 0]);
      h.mstatus &= ~MSTATUS_FS;
      h.run(100);
      expect(h.mcauseLo).toBe(2);
      expect(h.pc).toBe((BASE + 8) >>> 0);
    }
  });
});

describe("hartDiff and ramDiff", () => {
  it("name the first difference", () => {
    const a = hartWith([0x0000_006f], "interp");
    const b = hartWith([0x0000_006f], "interp");
    expect(hartDiff(a, b)).toBeUndefined();
    b.x[11] = 5;
    expect(hartDiff(a, b)).toBe("x5 0 vs 500000000");
    b.x[11] = 0;
    b.stvalLo = 3;
    expect(hartDiff(a, b)).toBe("stval 0 vs 3");
    b.stvalLo = 0;
    b.setPc(BASE + 4, 0);
    expect(hartDiff(a, b)).toMatch(/^pc /);
    expect(ramDiff(a.ram, b.ram)).toBeUndefined();
    b.ram.u8[0x1234] = 9;
    expect(ramDiff(a.ram, b.ram)).toBe("RAM byte at 0x80001234: 0 vs 9");
  });
});
