// pnpm bench: translations per second through Sv39Mmu (TLB hits and full walks).
import { Sv39Mmu } from "../dist/index.js";

const BASE = 0x8000_0000;
const mem = {
  base: BASE,
  size: 8 << 20,
  i32: new Int32Array(2 << 20),
  noteStore() {},
};
const pte = (pa, to, flags) => {
  const i = (pa - BASE) / 4;
  mem.i32[i] = (to / 4096) * 1024 + flags;
};
// root[0] -> L1, L1[0] -> L0, L0[0..511] -> 512 data pages (V R W A D)
pte(BASE + 0x1000, BASE + 0x2000, 1);
pte(BASE + 0x2000, BASE + 0x3000, 1);
for (let i = 0; i < 512; i++) pte(BASE + 0x3000 + i * 8, BASE + 0x10_0000 + i * 4096, 0xc7);
const req = { lo: 0, hi: 0, access: 1, priv: 1, sum: false, mxr: false, satpLo: 0x80001, satpHi: 8 << 28 };

function measure(name, n, fn) {
  fn(1e5);
  const t0 = performance.now();
  const sum = fn(n);
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(40)} ${(n / ms / 1000).toFixed(1).padStart(7)} M translations/s  (${sum})`);
}

const mmu = new Sv39Mmu(mem);
measure("TLB hit (same 64 pages)", 2e7, (n) => {
  let s = 0;
  for (let i = 0; i < n; i++) {
    req.lo = (i & 63) << 12;
    s += mmu.translate(req);
  }
  return s % 1000;
});
measure("page walk (sfence.vma before each)", 2e6, (n) => {
  let s = 0;
  for (let i = 0; i < n; i++) {
    mmu.fence();
    req.lo = (i & 511) << 12;
    s += mmu.translate(req);
  }
  return s % 1000;
});
console.log(
  "Hart-level numbers (byte-store loop with paging on vs Bare): pnpm --filter @xv6-machine/rv-cpu bench",
);
