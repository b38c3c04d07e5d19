import { describe, expect, it } from "vitest";
import {
  ACCESS_FAULT,
  PAGE_FAULT,
  type PhysicalMemory,
  peekTranslate,
  Sv39Mmu,
  type TranslateRequest,
} from "./sv39.js";

// PTE bits from the privileged spec.
const V = 1;
const R = 2;
const W = 4;
const X = 8;
const U = 16;
const A = 64;
const D = 128;

const BASE = 0x8000_0000;

class Memory implements PhysicalMemory {
  readonly base = BASE;
  readonly size = 4 << 20;
  readonly i32 = new Int32Array(this.size / 4);
  stores: number[] = [];
  noteStore(off: number): void {
    this.stores.push(off);
  }
  /** Writes a PTE (64-bit) at physical address pa pointing at physical page address `to`. */
  pte(pa: number, to: number, flags: number, hiExtra = 0): void {
    const ppn = to / 4096;
    const i = (pa - BASE) / 4;
    this.i32[i] = ((ppn % 4194304) * 1024 + flags) | 0;
    this.i32[i + 1] = Math.floor(ppn / 4194304) | hiExtra;
  }
  flagsAt(pa: number): number {
    return this.i32[(pa - BASE) / 4] & 0xff;
  }
}

// Page-table pages.
const ROOT = BASE + 0x1000;
const L1 = BASE + 0x2000;
const L0 = BASE + 0x3000;
const DATA = BASE + 0x10_0000;

function satp(root: number, mode = 8): { satpLo: number; satpHi: number } {
  const ppn = root / 4096;
  return { satpLo: ppn | 0, satpHi: (mode << 28) | Math.floor(ppn / 2 ** 32) };
}

function req(va: bigint, access: number, priv = 1, extra: Partial<TranslateRequest> = {}): TranslateRequest {
  const v = BigInt.asUintN(64, va);
  return {
    lo: Number(BigInt.asIntN(32, v)),
    hi: Number(BigInt.asIntN(32, v >> 32n)),
    access,
    priv,
    sum: false,
    mxr: false,
    ...satp(ROOT),
    ...extra,
  };
}

const LOAD = 1;
const STORE = 2;
const FETCH = 0;

/** VA 0x0040_1000: root[0] -> L1, L1[2] -> L0, L0[1] -> DATA. */
function setup(leafFlags: number): Memory {
  const m = new Memory();
  m.pte(ROOT + 0 * 8, L1, V);
  m.pte(L1 + 2 * 8, L0, V);
  m.pte(L0 + 1 * 8, DATA, leafFlags);
  return m;
}
const VA = 0x0040_1000n;

describe("Sv39 page walks", () => {
  it("translates a 4 KiB page through three levels", () => {
    const mmu = new Sv39Mmu(setup(V | R | W | A | D));
    expect(mmu.translate(req(VA + 0x123n, LOAD))).toBe(DATA + 0x123);
  });

  it("translates 2 MiB and 1 GiB superpages, taking the low VPNs from the address", () => {
    const m = new Memory();
    m.pte(ROOT + 0 * 8, L1, V);
    m.pte(L1 + 3 * 8, BASE + 0x20_0000, V | R | A); // 2 MiB page at VA 0x0060_0000
    m.pte(ROOT + 2 * 8, BASE, V | R | A); // 1 GiB page at VA 0x8000_0000 (identity)
    const mmu = new Sv39Mmu(m);
    expect(mmu.translate(req(0x0060_0000n + 0x1_2345n, LOAD))).toBe(BASE + 0x20_0000 + 0x1_2345);
    expect(mmu.translate(req(0x8012_3456n, LOAD))).toBe(0x8012_3456);
  });

  it("walks four levels for Sv48", () => {
    const m = new Memory();
    const L2 = BASE + 0x4000;
    // VA 0x0000_0080_0040_1000: vpn3 = 1 (bit 39), vpn2 = 0, vpn1 = 2, vpn0 = 1
    m.pte(ROOT + 1 * 8, L2, V);
    m.pte(L2 + 0 * 8, L1, V);
    m.pte(L1 + 2 * 8, L0, V);
    m.pte(L0 + 1 * 8, DATA, V | R | A);
    const mmu = new Sv39Mmu(m);
    const r = req(0x0000_0080_0040_1008n, LOAD, 1, satp(ROOT, 9));
    expect(mmu.translate(r)).toBe(DATA + 8);
    expect(mmu.supportsMode(9)).toBe(true);
    expect(new Sv39Mmu(m, { sv48: false }).supportsMode(9)).toBe(false);
  });

  it.each([
    ["an invalid leaf", V & 0],
    ["W without R", V | W | A | D],
    ["W and X without R", V | W | X | A | D],
  ])("page-faults on %s", (_n, flags) => {
    expect(new Sv39Mmu(setup(flags)).translate(req(VA, LOAD))).toBe(PAGE_FAULT);
  });

  it("page-faults when reserved bits 63:54 of a PTE are set", () => {
    const m = setup(V | R | A);
    m.pte(L0 + 8, DATA, V | R | A, 1 << 22); // bit 54
    expect(new Sv39Mmu(m).translate(req(VA, LOAD))).toBe(PAGE_FAULT);
    m.pte(L0 + 8, DATA, V | R | A, 1 << 31); // bit 63 (N, Svnapot: not implemented)
    expect(new Sv39Mmu(m).translate(req(VA, LOAD))).toBe(PAGE_FAULT);
  });

  it("page-faults on a misaligned superpage", () => {
    const m = new Memory();
    m.pte(ROOT + 0 * 8, L1, V);
    m.pte(L1 + 3 * 8, BASE + 0x1000, V | R | A); // 2 MiB leaf whose PPN is not 2 MiB aligned
    expect(new Sv39Mmu(m).translate(req(0x0060_0000n, LOAD))).toBe(PAGE_FAULT);
  });

  it("page-faults when the last level holds a pointer, not a leaf", () => {
    const m = setup(V);
    m.pte(L0 + 8, L0, V); // a non-leaf at level 0
    expect(new Sv39Mmu(m).translate(req(VA, LOAD))).toBe(PAGE_FAULT);
  });

  it("page-faults on non-canonical addresses and accepts canonical high ones", () => {
    const m = setup(V | R | A);
    m.pte(ROOT + 511 * 8, L1, V);
    m.pte(L1 + 511 * 8, L0, V);
    m.pte(L0 + 511 * 8, DATA, V | R | A);
    const mmu = new Sv39Mmu(m);
    expect(mmu.translate(req(0x0000_0040_0000_0000n, LOAD))).toBe(PAGE_FAULT); // bit 38 set, 39+ clear
    expect(mmu.translate(req(0x0000_0080_0040_1000n, LOAD))).toBe(PAGE_FAULT); // bit 39 set alone
    expect(mmu.translate(req(-4096n, LOAD))).toBe(DATA); // 0xffff_ffff_ffff_f000
  });

  it("access-faults when the walk leaves memory", () => {
    const m = new Memory();
    m.pte(ROOT, 0x1000, V); // next level at physical 0x1000: no RAM there
    expect(new Sv39Mmu(m).translate(req(VA, LOAD))).toBe(ACCESS_FAULT);
    const far = new Sv39Mmu(m).translate({ ...req(VA, LOAD), ...satp(0x4000) });
    expect(far).toBe(ACCESS_FAULT);
  });
});

describe("permissions", () => {
  const check = (flags: number, access: number, priv: number, sum = false, mxr = false) =>
    new Sv39Mmu(setup(V | A | D | flags)).translate(req(VA, access, priv, { sum, mxr })) >= 0;

  it("needs R to load, W to store and X to fetch", () => {
    expect(check(R, LOAD, 1)).toBe(true);
    expect(check(X, LOAD, 1)).toBe(false);
    expect(check(R, STORE, 1)).toBe(false);
    expect(check(R | W, STORE, 1)).toBe(true);
    expect(check(R, FETCH, 1)).toBe(false);
    expect(check(X, FETCH, 1)).toBe(true);
  });

  it("makes executable pages readable with MXR", () => {
    expect(check(X, LOAD, 1, false, true)).toBe(true);
    expect(check(X, STORE, 1, false, true)).toBe(false);
  });

  it("lets S touch U pages only with SUM, and never fetch from them", () => {
    expect(check(U | R | W | X, LOAD, 1)).toBe(false);
    expect(check(U | R | W | X, LOAD, 1, true)).toBe(true);
    expect(check(U | R | W | X, STORE, 1, true)).toBe(true);
    expect(check(U | R | W | X, FETCH, 1, true)).toBe(false);
  });

  it("keeps U out of S pages", () => {
    expect(check(R | W | X, LOAD, 0)).toBe(false);
    expect(check(R | W | X, FETCH, 0)).toBe(false);
    expect(check(U | R | W | X, FETCH, 0)).toBe(true);
  });
});

describe("A/D bits and the TLB", () => {
  it("sets A on a load and A and D on a store, in memory", () => {
    const m = setup(V | R | W);
    const mmu = new Sv39Mmu(m);
    mmu.translate(req(VA, LOAD));
    expect(m.flagsAt(L0 + 8) & (A | D)).toBe(A);
    expect(m.stores).toContain(L0 + 8 - BASE);
    mmu.translate(req(VA, STORE));
    expect(m.flagsAt(L0 + 8) & (A | D)).toBe(A | D);
  });

  it("does not set A or D when the access faults", () => {
    const m = setup(V | R);
    expect(new Sv39Mmu(m).translate(req(VA, STORE))).toBe(PAGE_FAULT);
    expect(m.flagsAt(L0 + 8) & (A | D)).toBe(0);
  });

  it("caches translations until sfence.vma, and walks again for a store to a clean page", () => {
    const m = setup(V | R | W);
    const mmu = new Sv39Mmu(m);
    mmu.translate(req(VA, LOAD));
    mmu.translate(req(VA + 8n, LOAD));
    expect(mmu.walks).toBe(1);
    mmu.translate(req(VA, STORE)); // D not yet set: must walk to set it
    expect(mmu.walks).toBe(2);
    mmu.translate(req(VA, STORE));
    expect(mmu.walks).toBe(2);
    // Remap without fencing: the old translation may stay; after the fence the new one is used.
    m.pte(L0 + 8, DATA + 0x1000, V | R | W | A | D);
    mmu.fence();
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA + 0x1000);
  });

  it("re-checks permissions on a TLB hit", () => {
    const mmu = new Sv39Mmu(setup(V | R | U | A));
    expect(mmu.translate(req(VA, LOAD, 0))).toBe(DATA);
    expect(mmu.translate(req(VA, LOAD, 1))).toBe(PAGE_FAULT); // S without SUM
    expect(mmu.translate(req(VA, STORE, 0))).toBe(PAGE_FAULT);
  });

  it("keeps translations of different address spaces apart", () => {
    const m = setup(V | R | A);
    const ROOT2 = BASE + 0x5000;
    m.pte(ROOT2, L1, V);
    const mmu = new Sv39Mmu(m);
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA);
    expect(mmu.translate({ ...req(VA, LOAD), ...satp(ROOT2) })).toBe(DATA);
    m.pte(ROOT2, 0, 0); // invalid in the second space
    mmu.fence();
    expect(mmu.translate({ ...req(VA, LOAD), ...satp(ROOT2) })).toBe(PAGE_FAULT);
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA);
  });
});

/** Memory that tracks page-table pages the way rv-cpu's Ram does. */
class TrackingMemory extends Memory {
  readonly marked = new Set<number>();
  ptEpoch = 0;
  markPageTable(page: number): void {
    this.marked.add(page);
  }
  override noteStore(off: number, _len = 4, walker = false): void {
    super.noteStore(off);
    if (!walker && this.marked.delete(off >>> 12)) this.ptEpoch++;
  }
  /** A store by software to a PTE. */
  storePte(pa: number, to: number, flags: number): void {
    this.pte(pa, to, flags);
    this.noteStore(pa - BASE);
  }
}

describe("sfence.vma over memory that tracks page tables", () => {
  function tracked(): TrackingMemory {
    const m = new TrackingMemory();
    m.pte(ROOT + 0 * 8, L1, V);
    m.pte(L1 + 2 * 8, L0, V);
    m.pte(L0 + 1 * 8, DATA, V | R | W);
    return m;
  }

  it("marks every page it reads a PTE from, and its own A/D update does not count as a change", () => {
    const m = tracked();
    const mmu = new Sv39Mmu(m);
    expect(mmu.translate(req(VA, STORE))).toBe(DATA);
    expect([...m.marked].sort()).toEqual([ROOT, L1, L0].map((pa) => (pa - BASE) >>> 12));
    expect(m.flagsAt(L0 + 8) & (A | D)).toBe(A | D);
    expect(m.ptEpoch).toBe(0);
  });

  it("keeps its translations, of every address space, when no page table changed", () => {
    const m = tracked();
    const ROOT2 = BASE + 0x5000;
    m.pte(ROOT2, L1, V);
    const mmu = new Sv39Mmu(m);
    mmu.fence();
    mmu.translate(req(VA, LOAD));
    mmu.fence();
    mmu.fence();
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA);
    expect(mmu.walks).toBe(1);
    expect(mmu.translate({ ...req(VA, LOAD), ...satp(ROOT2) })).toBe(DATA);
    expect(mmu.walks).toBe(2);
    mmu.fence();
    expect(mmu.translate({ ...req(VA, LOAD), ...satp(ROOT2) })).toBe(DATA);
    expect(mmu.walks).toBe(2);
    expect(mmu.fencesKept).toBe(3);
  });

  it("empties the cache at the first sfence.vma after a store to a page table", () => {
    const m = tracked();
    const mmu = new Sv39Mmu(m);
    mmu.fence();
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA);
    m.storePte(L0 + 8, DATA + 0x1000, V | R | A);
    expect(m.ptEpoch).toBe(1);
    mmu.fence();
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA + 0x1000);
    // That walk marked L0 again: the next store counts; one after it, before any walk has read
    // the page again, does not need to (nothing cached was read from it since), but the fence
    // still empties the cache because of the first.
    m.storePte(L0 + 16, DATA, V | R | A);
    m.storePte(L0 + 8, DATA + 0x2000, V | R | A);
    expect(m.ptEpoch).toBe(2);
    mmu.fence();
    expect(mmu.translate(req(VA, LOAD))).toBe(DATA + 0x2000);
    expect(mmu.fencesKept).toBe(0);
  });

  it("always empties the cache over memory that does not track page tables", () => {
    const mmu = new Sv39Mmu(setup(V | R | A));
    mmu.translate(req(VA, LOAD));
    mmu.fence();
    mmu.translate(req(VA, LOAD));
    expect(mmu.walks).toBe(2);
    expect(mmu.fencesKept).toBe(0);
  });
});

describe("Sv48 canonical form", () => {
  it("page-faults when bits 63:48 do not copy bit 47", () => {
    const mmu = new Sv39Mmu(setup(V | R | A));
    expect(mmu.translate(req(0x0000_8000_0000_0000n, LOAD, 1, satp(ROOT, 9)))).toBe(PAGE_FAULT);
  });
});

describe("peekTranslate (a debugger's look)", () => {
  const satpOf = (root: number, mode = 8) => (BigInt(mode) << 60n) | BigInt(root / 4096);

  it("follows the same tables as a hart, ignoring U and leaving A and D alone", () => {
    const m = setup(V | R | U);
    expect(peekTranslate(m, satpOf(ROOT), VA + 0x123n)).toBe(DATA + 0x123);
    expect(m.flagsAt(L0 + 8)).toBe(V | R | U);
    expect(m.stores).toEqual([]);
  });

  it("maps superpages and reports unmapped and non-canonical addresses", () => {
    const m = new Memory();
    m.pte(ROOT + 2 * 8, BASE, V | R | X); // 1 GiB identity at 0x8000_0000
    expect(peekTranslate(m, satpOf(ROOT), 0x8012_3456n)).toBe(0x8012_3456);
    expect(peekTranslate(m, satpOf(ROOT), 0x4000_0000n)).toBe(PAGE_FAULT);
    expect(peekTranslate(m, satpOf(ROOT), 0x40_0000_0000n)).toBe(PAGE_FAULT); // bit 38 set, not extended
  });

  it("gives an access fault when a table lies outside memory", () => {
    const m = new Memory();
    m.pte(ROOT, 0x1000, V);
    expect(peekTranslate(m, satpOf(ROOT), 0x1000n)).toBe(ACCESS_FAULT);
  });
});
