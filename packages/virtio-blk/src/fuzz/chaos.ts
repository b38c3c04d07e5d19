/**
 * The fuzzer without an answer key: random register writes in any order, random descriptor tables
 * and ring indices. Guest RAM holds only bytes >= 0x80, so no header the device can find says IN,
 * OUT, FLUSH or GET_ID: whatever it serves must fail, and nothing may reach the disk. Ring
 * registers only ever point at the ring area or outside RAM, so the device's own used-ring writes
 * never become a header either.
 */
import { DEVICE_ID_BLOCK, Desc, MAGIC, Reg, Status, VENDOR_ID } from "../constants.js";
import { MemoryBackend } from "../memory-backend.js";
import { Driver, QUEUE_BASE } from "../test-driver.js";
import { BUFFERS, CountingBackend, RAM_BASE, RAM_END } from "./guest.js";
import type { Rng } from "./rng.js";

const REGS = Object.values(Reg).filter((r) => r < Reg.Config);
const RING_REGS = new Set<number>([
  Reg.QueueDescLow,
  Reg.QueueDriverLow,
  Reg.QueueDeviceLow,
  Reg.QueuePfn,
  Reg.GuestPageSize,
  Reg.QueueAlign,
]);

/** A value for a register that places rings: in the ring area, or nowhere in RAM. */
function ringValue(rng: Rng, reg: number): number {
  if (reg === Reg.QueuePfn) return rng.pick([0, QUEUE_BASE / 4096, QUEUE_BASE / 4096 + 1, 0x10, 0xffff_ffff]);
  if (reg === Reg.GuestPageSize) return rng.pick([0, 4096, 1 << 20, 0xffff_ffff]);
  if (reg === Reg.QueueAlign) return rng.pick([0, 1, 2, 3, 4096, 0xffff_ffff]);
  return rng.pick([
    0,
    QUEUE_BASE,
    QUEUE_BASE + 8 * rng.int(0x200),
    RAM_END - 2 - rng.int(16),
    0x1000,
    0xffff_fff0,
  ]);
}

function value(rng: Rng, reg: number, num: number): number {
  if (RING_REGS.has(reg)) return ringValue(rng, reg);
  return rng.pick([0, 1, 2, 3, 4, 8, 0x40, 0x80, 0xff, num, 1 << rng.int(32), 0xffff_ffff, rng.u32()]) >>> 0;
}

/** A buffer address for a random descriptor: in the high-byte area, across RAM's end, or outside. */
function bufferAddr(rng: Rng): number {
  switch (rng.int(5)) {
    case 0:
      return RAM_END - rng.int(64);
    case 1:
      return rng.pick([0, 0x1000, 2 ** 40, 2 ** 64 - 4096]);
    default:
      return BUFFERS + rng.int(RAM_END - BUFFERS);
  }
}

/**
 * A chain shaped like a request (readable header, writable status), mostly well formed, so that
 * the device gets as far as reading a header: one full of high bytes, so IOERR or UNSUPP.
 */
function plausibleChain(rng: Rng, d: Driver<CountingBackend>): void {
  const num = Math.max(d.num, 1);
  const n = 1 + rng.int(Math.min(num, 4));
  const first = rng.int(num);
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const flags = (last ? 0 : Desc.Next) | (last || (i > 0 && rng.bool(0.3)) ? Desc.Write : 0);
    const len = last ? 1 + rng.int(4) : rng.pick([16, 8, 24, 512, 1024]);
    d.setDesc(
      (first + i) % num,
      bufferAddr(rng),
      len,
      rng.bool(0.95) ? flags : rng.int(8),
      (first + i + 1) % num,
    );
  }
  d.post(first);
  d.notify();
}

/** One random thing a confused driver does. */
function act(rng: Rng, d: Driver<CountingBackend>): void {
  const r = rng.int(20);
  if (r < 5) {
    const reg = rng.pick(REGS);
    d.dev.write(reg, 4, value(rng, reg, d.num));
  } else if (r < 6) {
    // Accesses of any size to any offset, config space included: a bus error at worst.
    d.dev.write(rng.int(0x1100), rng.pick([1, 2, 4, 8, 3]), rng.u32());
    d.dev.read(rng.int(0x1100), rng.pick([1, 2, 4, 8, 3]));
  } else if (r < 8) {
    const len = rng.pick([0, 1, 15, 16, 17, 32, 512, 513, 4096, 0xffff_ffff, rng.u32()]);
    const flags = rng.bool(0.8) ? rng.int(8) : rng.int(0x10000);
    const next = rng.bool(0.9) ? rng.int(Math.max(d.num, 1)) : rng.int(0x10000);
    d.setDesc(rng.int(Math.max(d.num, 1)), bufferAddr(rng), len, flags, next);
  } else if (r < 11) {
    plausibleChain(rng, d);
  } else if (r < 13) {
    if (d.num > 0) d.post(rng.bool(0.9) ? rng.int(d.num) : rng.int(0x10000));
  } else if (r < 14) {
    d.setAvailIdx(rng.u32());
  } else if (r < 18) {
    d.notify();
  } else if (r < 19) {
    d.w(Reg.Status, rng.pick([0, 1, 3, 11, 15, 0x4f, 0xff, rng.int(256)]));
  } else {
    d.w(Reg.InterruptAck, rng.u32());
  }
}

/** Bytes in the request area may only have become status bytes 1 (IOERR) or 2 (UNSUPP). */
function areaProblem(d: Driver<CountingBackend>, area: Uint8Array): string {
  const now = d.ram.bytes.subarray(BUFFERS - RAM_BASE);
  for (let i = 0; i < now.length; i++) {
    if (now[i] !== area[i] && now[i] !== 1 && now[i] !== 2) {
      return `byte at 0x${(BUFFERS + i).toString(16)} became ${now[i]}: only IOERR or UNSUPP may land there`;
    }
  }
  return "";
}

/** What holds after any sequence of driver actions; "" when it does. */
function invariantProblem(d: Driver<CountingBackend>): string {
  if (
    d.r(Reg.MagicValue) !== MAGIC ||
    d.r(Reg.DeviceId) !== DEVICE_ID_BLOCK ||
    d.r(Reg.VendorId) !== VENDOR_ID
  ) {
    return "identity registers changed";
  }
  const is = d.r(Reg.InterruptStatus);
  if (d.irq.level !== (is !== 0)) return `interrupt line ${d.irq.level} with InterruptStatus ${is}`;
  if ((is & ~3) !== 0) return `InterruptStatus ${is} has undefined bits`;
  if ((d.status() & Status.DeviceNeedsReset) !== 0 && d.dev.fault === "")
    return "DEVICE_NEEDS_RESET without a reason";
  if (d.backend.writes > 0) return "the disk was written, but no request could be valid";
  return "";
}

export function chaosCase(rng: Rng): string {
  const transport = rng.bool(0.5) ? "legacy" : "modern";
  const disk = new Uint8Array(512 * (1 + rng.int(256)));
  const backend = new CountingBackend(new MemoryBackend(disk));
  const d = new Driver({ transport, backend, num: 2 ** rng.int(9) });
  if (rng.bool(0.7)) d.init((f) => (rng.bool(0.5) ? f : f % 2 ** 28));
  else {
    // No bring-up: the driver still writes where a modern bring-up would have put the rings.
    d.desc = QUEUE_BASE;
    d.avail = QUEUE_BASE + 0x1000;
    d.used = QUEUE_BASE + 0x2000;
  }
  // High bytes everywhere requests can point; the rings keep what the driver set up.
  const high = d.ram.bytes.subarray(BUFFERS - RAM_BASE);
  for (let i = 0; i < high.length; i++) high[i] = 0x80 | rng.int(0x80);
  const area = high.slice();
  const before = disk.slice();
  const steps = 50 + rng.int(250);
  for (let i = 0; i < steps; i++) {
    try {
      // A driver that sees DEVICE_NEEDS_RESET often resets and starts again.
      if (d.status() & Status.DeviceNeedsReset && rng.bool(0.3)) d.init();
      act(rng, d);
    } catch (e) {
      return `${transport} step ${i}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    }
    // The area scan is the slow part: every 32 steps, and at the end.
    const problem = invariantProblem(d) || (i % 32 === 31 || i === steps - 1 ? areaProblem(d, area) : "");
    if (problem) return `${transport} step ${i}: ${problem}`;
  }
  return disk.every((b, i) => b === before[i]) ? "" : `${transport}: the disk changed`;
}
