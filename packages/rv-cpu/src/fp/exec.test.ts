import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "../bus.js";
import { loadSegments, parseElf } from "../elf.js";
import { type Engine, Hart } from "../hart.js";

// testdata/fp-smoke.S, built with riscv64-unknown-elf-gcc -march=rv64gc (kept beside it).
const elf = parseElf(new Uint8Array(readFileSync(new URL("testdata/fp-smoke.elf", import.meta.url))));
const dv = new DataView(new ArrayBuffer(8));
const f64 = (h: Hart, r: number) => {
  dv.setInt32(0, h.f[2 * r], true);
  dv.setInt32(4, h.f[2 * r + 1], true);
  return dv.getFloat64(0, true);
};

describe.each(["interp", "jit"] as Engine[])("F and D instructions (%s)", (engine) => {
  it("loads, divides with NX, converts, moves, takes a square root, fuses a multiply-add, compares and classifies", () => {
    const ram = new Ram(1 << 20, 0x8000_0000);
    loadSegments(ram, elf);
    const h = new Hart({ bus: new SimpleBus(ram), resetPc: elf.entry, engine });
    h.run(18);
    expect(f64(h, 3)).toBe(1 / 3);
    expect(h.x[6 * 2]).toBe(1); // frflags: NX
    expect(h.x[7 * 2]).toBe(3); // fcvt.w.d
    dv.setFloat32(0, Math.fround(1 / 3), true);
    expect(h.x[28 * 2]).toBe(dv.getInt32(0, true)); // fmv.x.w of fcvt.s.d
    expect(f64(h, 5)).toBe(Math.sqrt(3));
    expect(f64(h, 6)).toBe(4);
    expect(h.x[29 * 2]).toBe(1); // feq
    expect(h.x[30 * 2]).toBe(1 << 6); // fclass: positive normal
    expect(f64(h, 8)).toBe(3); // c.fld
    expect(h.mstatus & 0x6000).toBe(0x6000);
  });

  it("traps every FP instruction as illegal while FS is Off", () => {
    const ram = new Ram(1 << 20, 0x8000_0000);
    loadSegments(ram, elf);
    const h = new Hart({ bus: new SimpleBus(ram), resetPc: elf.entry + 6, engine }); // skip csrs mstatus
    h.mtvecLo = 0x8000_0800 | 0;
    h.run(3); // auipc, addi, fld -> illegal
    expect(h.mcauseLo).toBe(2);
    expect(h.mtvalLo >>> 0).toBe(0x00053087);
  });
});

const boxing = parseElf(new Uint8Array(readFileSync(new URL("testdata/fp-boxing.elf", import.meta.url))));

describe("NaN-boxing, FS and SD, rounding modes, saturation", () => {
  it("behaves as the F and D chapters say", () => {
    const ram = new Ram(1 << 20, 0x8000_0000);
    loadSegments(ram, boxing);
    const h = new Hart({ bus: new SimpleBus(ram), resetPc: boxing.entry, engine: "interp" });
    h.mtvecLo = 0x8000_0800 | 0;
    h.run(19);
    // fadd.s read an unboxed f2 as the canonical NaN: the result is the boxed canonical NaN.
    expect(h.x[12 * 2] >>> 0).toBe(0x7fc0_0000);
    expect(h.x[12 * 2 + 1]).toBe(-1);
    // FS went from Initial to Dirty, and SD (bit 63) says so.
    expect((h.x[13 * 2] >>> 13) & 3).toBe(3);
    expect(h.x[13 * 2 + 1] >>> 31).toBe(1);
    expect(h.x[16 * 2] >>> 0).toBe(0x4eff_ffff); // 2^31 - 1 rounded down to binary32
    expect(h.x[17 * 2]).toBe(0); // fcvt.wu.s of -7 saturates at 0
    expect(h.x[18 * 2]).toBe(16 | 1); // NV (from fcvt.wu) and NX (from the inexact fcvt.s.w)
    // csrwi frm, 5, then fadd.s with the dynamic mode at 0x8000_0044: illegal.
    for (let i = 0; i < 4 && h.pc !== 0x8000_0044; i++) h.run(1);
    h.run(1);
    expect(h.mcauseLo).toBe(2);
    expect(h.mtvalLo >>> 0).toBe(0x0010f353 >>> 0);
  });
});
