/**
 * The fuzzer with an answer key: a driver brings the device up (sometimes in an odd order), posts
 * batches of planned requests, and checks every status byte, used element, interrupt bit and the
 * disk itself against a shadow copy that only valid, completed writes change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BlkStatus, ID_BYTES, Interrupt, Reg, Status } from "../constants.js";
import { FileBackend } from "../file.js";
import { MemoryBackend } from "../memory-backend.js";
import { Driver } from "../test-driver.js";
import { Allocator, BUFFERS, CountingBackend, RAM_END, TABLES, TABLES_END } from "./guest.js";
import { type Placed, place } from "./place.js";
import { type Planned, planRequest } from "./plan.js";
import type { Rng } from "./rng.js";

const ACK_DRIVER = Status.Acknowledge | Status.Driver;
const INDIRECT_BIT = 28;

interface Setup {
  rng: Rng;
  d: Driver<CountingBackend>;
  shadow: Uint8Array;
  id: Uint8Array;
  sectors: number;
  readOnly: boolean;
  /** Reads the disk as it now is (the file, for a file backend). */
  disk: () => Uint8Array;
  buffers: Allocator;
  tables: Allocator;
}

/** Brings the device up with a random subset of the offered features; DRIVER_OK maybe withheld. */
function bringUp(s: Setup, withholdDriverOk: boolean): { indirectOk: boolean; problem: string } {
  const { d, rng } = s;
  d.w(Reg.Status, 0);
  d.w(Reg.Status, Status.Acknowledge);
  d.w(Reg.Status, ACK_DRIVER);
  d.w(Reg.DeviceFeaturesSel, 0);
  const low = d.r(Reg.DeviceFeatures) & (rng.bool(0.7) ? -1 : rng.u32());
  d.w(Reg.DeviceFeaturesSel, 1);
  const high = d.r(Reg.DeviceFeatures) & (rng.bool(0.7) ? -1 : rng.u32());
  d.w(Reg.DriverFeaturesSel, 0);
  d.w(Reg.DriverFeatures, low);
  d.w(Reg.DriverFeaturesSel, 1);
  d.w(Reg.DriverFeatures, high);
  d.w(Reg.Status, ACK_DRIVER | Status.FeaturesOk);
  // A subset of the offer is always acceptable.
  if (!d.legacy && !(d.status() & Status.FeaturesOk))
    return { indirectOk: false, problem: "FEATURES_OK refused a subset" };
  d.setupQueue();
  if (!withholdDriverOk) d.w(Reg.Status, ACK_DRIVER | Status.FeaturesOk | Status.DriverOk);
  return { indirectOk: ((low >>> INDIRECT_BIT) & 1) === 1, problem: "" };
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

interface Posted {
  p: Planned;
  at: Placed;
}

function describe({ p, at }: Posted): string {
  return `${p.what} -> ${"fatal" in at.fate ? `reset (${at.fate.fatal})` : `status ${at.fate.status}`}`;
}

/** What the device did with one batch, checked; "" when all is as the spec says. */
function checkBatch(
  s: Setup,
  posted: Posted[],
  usedBefore: number,
  flushesBefore: number,
  noIrq: boolean,
  ahead: boolean,
): string {
  const { d } = s;
  const firstFatal = ahead ? 0 : posted.findIndex(({ at }) => "fatal" in at.fate);
  const fatal = firstFatal >= 0;
  const served = fatal ? firstFatal : posted.length;
  const moved = (d.usedIdx() - usedBefore) & 0xffff;
  if (moved !== served) {
    const why =
      fatal && !ahead ? `; chain ${firstFatal} should break the ring: ${describe(posted[firstFatal])}` : "";
    return `${moved} chains used, expected ${served}${why}`;
  }
  let flushes = 0;
  for (let j = 0; j < posted.length; j++) {
    const { p, at } = posted[j];
    const statusByte = p.statusAt >= 0x8000_0000 && p.statusAt < RAM_END ? d.ram.u8(p.statusAt) : -1;
    if (j >= served) {
      if (statusByte !== -1 && statusByte !== 0xff) return `${p.what}: served after the ring broke`;
      continue;
    }
    const fate = at.fate as { status: number; usedLen?: number };
    const e = d.usedElem((usedBefore + j) & 0xffff);
    if (e.id !== at.head) return `${p.what}: used id ${e.id}, expected ${at.head}`;
    if (statusByte !== fate.status) return `${p.what}: status ${statusByte}, expected ${fate.status}`;
    if (fate.usedLen !== undefined ? e.len !== fate.usedLen : e.len < 1 || e.len > p.writable) {
      return `${p.what}: used len ${e.len}, expected ${fate.usedLen ?? `1..${p.writable}`}`;
    }
    if (fate.status === BlkStatus.Ok) {
      if (p.flush) flushes++;
      const bad = p.onOk?.(d.ram, s.shadow, s.id);
      if (bad) return `${p.what}: ${bad}`;
    }
  }
  if (d.backend.flushes - flushesBefore !== flushes)
    return `${d.backend.flushes - flushesBefore} flushes, expected ${flushes}`;
  const is = d.r(Reg.InterruptStatus);
  const wantIs = (served > 0 && !noIrq ? Interrupt.UsedBuffer : 0) | (fatal ? Interrupt.ConfigChange : 0);
  if (is !== wantIs) return `InterruptStatus ${is}, expected ${wantIs}`;
  if (d.irq.level !== (is !== 0)) return `interrupt line ${d.irq.level} with InterruptStatus ${is}`;
  if (((d.status() & Status.DeviceNeedsReset) !== 0) !== fatal)
    return `DEVICE_NEEDS_RESET is ${!fatal}, fault '${d.dev.fault}'`;
  if (!same(s.disk(), s.shadow)) {
    return `the disk differs from the shadow of valid writes; batch: ${posted.map(describe).join(" | ")}`;
  }
  if (s.readOnly && d.backend.writes > 0) return "a read-only disk was written";
  return "";
}

/** One batch: plan, place, post, notify, check; then acknowledge, and reset after a broken ring. */
function batch(s: Setup, indirectOk: boolean, driverOkLate: boolean): { problem: string; reset: boolean } {
  const { d, rng } = s;
  s.buffers.reset();
  s.tables.reset();
  const free = rng.shuffled(d.num);
  const posted: Posted[] = [];
  const count = 1 + rng.int(Math.min(d.num, 12));
  for (let i = 0; i < count; i++) {
    const p = planRequest({ rng, ram: d.ram, buffers: s.buffers, sectors: s.sectors, readOnly: s.readOnly });
    const at = p && place({ rng, driver: d, free, tables: s.tables, indirectOk }, p);
    if (!p || !at) break;
    d.post(at.head);
    posted.push({ p, at });
  }
  const noIrq = rng.bool(0.1);
  d.ram.set16(d.avail, noIrq ? 1 : 0);
  const usedBefore = d.usedIdx();
  const flushesBefore = d.backend.flushes;
  const ahead = rng.bool(0.03);
  if (ahead) d.setAvailIdx(usedBefore + d.num + 1 + rng.int(1000));
  // Notifications the device must ignore: a queue it does not have, or before DRIVER_OK.
  if (rng.bool(0.1)) d.w(Reg.QueueNotify, 1 + rng.int(100));
  if (driverOkLate) {
    d.notify();
    if (d.usedIdx() !== usedBefore || d.irq.level)
      return { problem: "served before DRIVER_OK", reset: false };
    d.w(Reg.Status, ACK_DRIVER | Status.FeaturesOk | Status.DriverOk);
  } else d.notify();
  const problem = checkBatch(s, posted, usedBefore, flushesBefore, noIrq, ahead);
  if (problem) return { problem, reset: false };
  d.w(Reg.InterruptAck, d.r(Reg.InterruptStatus));
  if (d.irq.level) return { problem: "the line stays up after InterruptACK", reset: false };
  const broken = (d.status() & Status.DeviceNeedsReset) !== 0;
  if (broken) {
    const used = d.usedIdx();
    d.notify();
    if (d.usedIdx() !== used || d.irq.level)
      return { problem: "served after DEVICE_NEEDS_RESET", reset: true };
  }
  return { problem: "", reset: broken };
}

/** A queue size the spec does not allow breaks the ring as soon as the driver says DRIVER_OK. */
function badQueueSize(s: Setup): string {
  const { d, rng } = s;
  d.num = rng.pick([0, 3, 6, 100, 512, 1024, 0xffff, 0xffff_ffff]);
  bringUp(s, false);
  if (!/power of 2/.test(d.dev.fault)) return `queue size ${d.num} gave fault '${d.dev.fault}'`;
  if (!(d.status() & Status.DeviceNeedsReset) || d.r(Reg.InterruptStatus) !== Interrupt.ConfigChange) {
    return `queue size ${d.num}: status ${d.status()}, InterruptStatus ${d.r(Reg.InterruptStatus)}`;
  }
  return "";
}

/** A device over a random disk (memory or file), driven through a few batches. */
export function structuredCase(rng: Rng, dir: string): string {
  const transport = rng.bool(0.5) ? "legacy" : "modern";
  const readOnly = rng.bool(0.15);
  const sectors = 1 + rng.int(rng.bool(0.5) ? 64 : 2048);
  const bytes = new Uint8Array(sectors * 512 + (rng.bool(0.2) ? 1 + rng.int(511) : 0));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(256);
  let inner: MemoryBackend | FileBackend;
  let disk: () => Uint8Array;
  if (rng.bool(0.3)) {
    const path = join(dir, `disk-${rng.u32()}.img`);
    writeFileSync(path, bytes);
    inner = FileBackend.open(path, { readOnly });
    disk = () => new Uint8Array(readFileSync(path));
  } else {
    const mem = new MemoryBackend(bytes.slice(), { readOnly });
    inner = mem;
    disk = () => mem.bytes;
  }
  const backend = new CountingBackend(inner);
  const num = 2 ** rng.int(9);
  const d = new Driver({ transport, backend, num });
  const id = new Uint8Array(ID_BYTES);
  id.set(new TextEncoder().encode("xv6-machine"));
  const s: Setup = {
    rng,
    d,
    shadow: bytes.slice(),
    id,
    sectors,
    readOnly,
    disk,
    buffers: new Allocator(BUFFERS, RAM_END),
    tables: new Allocator(TABLES, TABLES_END),
  };
  try {
    if (rng.bool(0.05)) {
      const problem = badQueueSize(s);
      if (problem) return `${transport}: ${problem}`;
      d.num = num;
    }
    let late = rng.bool(0.2);
    let up = bringUp(s, late);
    if (up.problem) return up.problem;
    const batches = 1 + rng.int(5);
    for (let b = 0; b < batches; b++) {
      const r = batch(s, up.indirectOk, late);
      if (r.problem) return `${transport} num ${num} batch ${b}: ${r.problem}`;
      late = false;
      if (r.reset) {
        up = bringUp(s, false);
        if (d.status() !== (ACK_DRIVER | Status.FeaturesOk | Status.DriverOk))
          return `status ${d.status()} after a reset and bring-up`;
        if (up.problem) return up.problem;
      }
    }
    return "";
  } finally {
    if (inner instanceof FileBackend) inner.close();
  }
}
