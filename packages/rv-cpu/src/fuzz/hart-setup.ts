/** A hart in a random but legal state, over RAM full of random code, for the instruction fuzzers. */

import { Clint } from "@xv6-machine/devices";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { Ram, SimpleBus } from "../bus.js";
import { writeCsr } from "../csr.js";
import { Hart } from "../hart.js";
import { randomCode, randomRegister } from "./random-code.js";
import type { Rng } from "./rng.js";

export const RAM_BASE = 0x8000_0000;
export const RAM_SIZE = 256 << 10;
const CODE_SIZE = 16 << 10;
const CLINT_BASE = 0x0200_0000;

/** CSRs set before the run, through the hart's own write path so that only legal values land. */
const SETUP_CSRS = [
  0x300, 0x302, 0x303, 0x304, 0x305, 0x105, 0x180, 0x30a, 0x14d, 0x306, 0x106, 0x341, 0x141,
];

export interface Setup {
  /** Map a CLINT and let time follow retired instructions (else time stands still, no CLINT). */
  clint: boolean;
}

function csrValue(rng: Rng, csr: number): [number, number] {
  const addr = RAM_BASE + rng.int(RAM_SIZE);
  switch (csr) {
    case 0x305:
    case 0x105:
    case 0x341:
    case 0x141:
      // Trap vectors and return addresses: in the code, anywhere in RAM, or nowhere (0).
      if (rng.bool(0.2)) return [0, 0];
      return [(rng.bool(0.6) ? RAM_BASE + rng.int(CODE_SIZE) : addr) | rng.int(2), 0];
    case 0x180: {
      // satp: Bare, Sv39 or Sv48 with a root table somewhere in RAM (whatever bytes it holds).
      const mode = rng.pick([0, 8, 9]);
      const ppn = Math.floor(addr / 4096);
      return [ppn | 0, (mode << 28) | rng.int(16)];
    }
    case 0x30a:
      return [rng.u32() | 0, rng.bool(0.5) ? 1 << 31 : 0]; // STCE
    case 0x14d:
      return [rng.int(4096), 0];
    default:
      return [rng.u32() | 0, rng.u32() | 0];
  }
}

/** A hart and a way to knock it out of wherever it is stuck (a handler that traps to itself). */
export interface FuzzHart {
  hart: Hart;
  /** Moves the pc somewhere random, maybe to another privilege, with new trap vectors and satp. */
  kick(rng: Rng): void;
}

function setCsrs(hart: Hart, rng: Rng, p: number): void {
  for (const csr of SETUP_CSRS) {
    if (rng.bool(p)) {
      const [lo, hi] = csrValue(rng, csr);
      writeCsr(hart, csr, lo, hi);
    }
  }
}

export function randomHart(rng: Rng, setup: Setup): FuzzHart {
  const ram = new Ram(RAM_SIZE, RAM_BASE);
  // Code everywhere: a trap vector or jump anywhere in RAM lands on instructions, and page-table
  // walks find random PTEs.
  ram.writeBytes(RAM_BASE, randomCode(rng, RAM_SIZE));
  const bus = new SimpleBus(ram);
  let hart: Hart | undefined;
  const clock = setup.clint ? { now: () => Math.floor((hart?.instret ?? 0) / 10) } : { now: () => 0 };
  hart = new Hart({ bus, mmu: new Sv39Mmu(ram), clock, resetPc: RAM_BASE + 2 * rng.int(CODE_SIZE / 2) });
  if (setup.clint) bus.map(CLINT_BASE, 0x10000, new Clint([hart], clock.now));
  for (let r = 1; r < 32; r++) {
    const v = randomRegister(rng, RAM_BASE, RAM_SIZE);
    hart.x[2 * r] = Number(v & 0xffff_ffffn) | 0;
    hart.x[2 * r + 1] = Number((v >> 32n) & 0xffff_ffffn) | 0;
  }
  setCsrs(hart, rng, 0.7);
  const h = hart;
  const kick = (r: Rng) => {
    setCsrs(h, r, 0.3);
    h.priv = r.pick([0, 1, 3]);
    h.flushTlb();
    h.setPc((RAM_BASE + 2 * r.int(RAM_SIZE / 2)) | 0, 0);
  };
  kick(rng);
  return { hart: h, kick };
}
