import { describe, expect, it } from "vitest";
import { Ram, SimpleBus } from "./bus.js";
import { Hart } from "./hart.js";
import { MIP_SEIP, MIP_SSIP } from "./state.js";

// Privileged spec, mip: SEIP reads as the OR of its software-writable bit and the external
// interrupt line, but only the software bit takes part in a csrrs/csrrc read-modify-write.
const BASE = 0x8000_0000;
const CSRS_MIP_T0 = 0x3442a073; // csrs mip, t0
const CSRC_MIP_T0 = 0x3442b073; // csrc mip, t0
const CSRR_T1_MIP = 0x34402373; // csrr t1, mip

function hartWith(words: number[]): Hart {
  const ram = new Ram(1 << 16, BASE);
  const bytes = new Uint8Array(words.length * 4);
  const dv = new DataView(bytes.buffer);
  words.forEach((w, i) => {
    dv.setUint32(i * 4, w, true);
  });
  ram.writeBytes(BASE, bytes);
  return new Hart({ bus: new SimpleBus(ram), resetPc: BASE, engine: "interp" });
}

describe("mip.SEIP in a read-modify-write", () => {
  it("csrs mip does not latch the external line into the software bit", () => {
    const h = hartWith([CSRS_MIP_T0, CSRR_T1_MIP]);
    h.x[2 * 5] = MIP_SSIP; // t0
    h.setInterrupt(MIP_SEIP, true);
    h.run(1);
    expect(h.readMip() & (MIP_SEIP | MIP_SSIP)).toBe(MIP_SEIP | MIP_SSIP);
    h.setInterrupt(MIP_SEIP, false);
    h.run(1);
    // The line went low: SEIP reads 0, since software never set its own bit.
    expect(h.x[2 * 6] & (MIP_SEIP | MIP_SSIP)).toBe(MIP_SSIP);
  });

  it("csrc mip of SSIP keeps a software-set SEIP while the line is high", () => {
    const h = hartWith([CSRS_MIP_T0, CSRC_MIP_T0, CSRR_T1_MIP]);
    h.x[2 * 5] = MIP_SEIP | MIP_SSIP;
    h.run(1);
    h.setInterrupt(MIP_SEIP, true);
    h.x[2 * 5] = MIP_SSIP;
    h.run(1);
    h.setInterrupt(MIP_SEIP, false);
    h.run(1);
    expect(h.x[2 * 6] & (MIP_SEIP | MIP_SSIP)).toBe(MIP_SEIP);
  });
});
