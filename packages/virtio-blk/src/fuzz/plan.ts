/**
 * Requests the fuzzer knows the answer to: valid ones, and ones that are wrong in a way the device
 * must answer with IOERR or UNSUPP, or that break the ring so the device must ask for a reset.
 * Each is laid out in guest RAM as a list of descriptors cut at random places.
 */
import { BlkStatus, Desc, ID_BYTES, Request, SECTOR_SIZE } from "../constants.js";
import type { TestRam } from "../test-driver.js";
import { type Allocator, RAM_BASE, RAM_END } from "./guest.js";
import type { Rng } from "./rng.js";

export interface DescSpec {
  addr: number;
  len: number;
  /** Desc.Write or 0; NEXT is added when the chain is placed. */
  flags: number;
}

/** A status byte and the used length the device must report, or a broken ring. */
export type Fate = { status: number; usedLen?: number } | { fatal: string };

export interface Planned {
  what: string;
  descs: DescSpec[];
  fate: Fate;
  /** Where the status byte goes, and how many bytes the chain can take. */
  statusAt: number;
  writable: number;
  flush: boolean;
  /** Once the device says OK: checks the guest's copy, or applies a write to the shadow disk. */
  onOk?: (ram: TestRam, shadow: Uint8Array, id: Uint8Array) => string;
}

export interface PlanEnv {
  rng: Rng;
  ram: TestRam;
  buffers: Allocator;
  /** Disk capacity in sectors. */
  sectors: number;
  readOnly: boolean;
}

const KINDS = [
  ["in", 22],
  ["out", 22],
  ["flush", 6],
  ["getid", 6],
  ["unsupp", 6],
  ["range", 8],
  ["ragged", 6],
  ["short-header", 4],
  ["header-outside", 3],
  ["in-outside", 4],
  ["out-outside", 4],
  ["getid-outside", 2],
  ["status-outside", 3],
  ["no-writable", 2],
  ["readable-after-writable", 2],
] as const;
type Kind = (typeof KINDS)[number][0];

function pickKind(rng: Rng): Kind {
  const total = KINDS.reduce((s, [, w]) => s + w, 0);
  let r = rng.int(total);
  for (const [k, w] of KINDS) {
    r -= w;
    if (r < 0) return k;
  }
  return "in";
}

/** An address where a buffer of `len` bytes is at least partly outside RAM. */
function outside(rng: Rng, len: number): number {
  if (rng.bool(0.3)) return 2 ** 40 + rng.int(2 ** 20) * 16; // high bits set: far above RAM
  if (rng.bool(0.2)) return 0x1000 + rng.int(0x1000); // below RAM
  return RAM_END - rng.int(Math.max(len, 1)); // straddles the end
}

/** Cuts `len` bytes into 1..max pieces (never empty unless len is 0). */
function cuts(rng: Rng, len: number, max: number): number[] {
  const n = Math.max(1, Math.min(len, 1 + rng.int(max)));
  const points = new Set<number>();
  while (points.size < n - 1) points.add(1 + rng.int(len - 1));
  const sorted = [0, ...[...points].sort((a, b) => a - b), len];
  return sorted.slice(1).map((p, i) => p - sorted[i]);
}

class Layout {
  readonly descs: DescSpec[] = [];
  ok = true;

  constructor(private readonly env: PlanEnv) {}

  /** Places `bytes` in 1..3 fresh buffers (a writable one is filled with a poison byte). */
  add(bytes: Uint8Array, flags: number, where?: "outside"): DescSpec[] {
    const { rng, buffers, ram } = this.env;
    const placed: DescSpec[] = [];
    let at = 0;
    for (const len of cuts(rng, bytes.length, 3)) {
      let addr: number;
      if (where === "outside" && at + len === bytes.length) addr = outside(rng, len);
      else {
        addr = buffers.take(len, rng.pick([1, 2, 8, 16, 512, 4096]));
        if (addr < 0) {
          this.ok = false;
          return placed;
        }
        const content = flags & Desc.Write ? new Uint8Array(len).fill(0xee) : bytes.subarray(at, at + len);
        ram.bytes.set(content, addr - RAM_BASE);
      }
      const d = { addr, len, flags };
      placed.push(d);
      this.descs.push(d);
      if (rng.bool(0.05)) this.descs.push({ addr: addr + rng.int(len + 1), len: 0, flags });
      at += len;
    }
    return placed;
  }
}

function header(type: number, sector: number, rng: Rng): Uint8Array {
  const h = new Uint8Array(16);
  const v = new DataView(h.buffer);
  v.setUint32(0, type >>> 0, true);
  v.setUint32(4, rng.u32(), true); // reserved: the device must not care
  v.setUint32(8, sector % 2 ** 32, true);
  v.setUint32(12, Math.floor(sector / 2 ** 32), true);
  return h;
}

function randomBytes(rng: Rng, len: number): Uint8Array {
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++) b[i] = rng.int(256);
  return b;
}

/** Gathers the bytes a list of in-RAM descriptors covers. */
function gather(ram: TestRam, descs: DescSpec[]): Uint8Array {
  const parts = descs.map((d) => ram.slice(d.addr, d.len));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fateOf(kind: Kind, dataLen: number, readOnly: boolean): Fate {
  switch (kind) {
    case "in":
      return { status: BlkStatus.Ok, usedLen: dataLen + 1 };
    case "out":
      return readOnly ? { status: BlkStatus.IoErr } : { status: BlkStatus.Ok, usedLen: 1 };
    case "flush":
      return { status: BlkStatus.Ok, usedLen: 1 };
    case "getid":
      return { status: BlkStatus.Ok, usedLen: Math.min(ID_BYTES, dataLen) + 1 };
    case "unsupp":
      return { status: BlkStatus.Unsupp, usedLen: 1 };
    case "status-outside":
    case "no-writable":
    case "readable-after-writable":
      return { fatal: kind };
    default:
      // Every other kind is a request the device can answer, with an I/O error.
      return { status: BlkStatus.IoErr };
  }
}

/** Plans one request and writes its buffers into RAM; null when the buffer region is full. */
export function planRequest(env: PlanEnv): Planned | null {
  const { rng, sectors } = env;
  const kind = pickKind(rng);
  const n = Math.min(rng.bool(0.05) ? 129 + rng.int(8) : rng.int(9), sectors);
  let sector = rng.int(sectors - n + 1);
  let dataLen = n * SECTOR_SIZE;
  // Range and length errors need a type that reads them; other kinds may carry any type.
  const rangeKind = kind === "range" || kind === "ragged";
  let type: number = rng.pick(
    rangeKind ? [Request.In, Request.Out] : [Request.In, Request.Out, Request.Flush],
  );
  if (kind === "in" || kind === "in-outside") type = Request.In;
  if (kind === "out" || kind === "out-outside") type = Request.Out;
  if (kind === "flush") type = Request.Flush;
  if (kind === "getid" || kind === "getid-outside") type = Request.GetId;
  if (kind === "unsupp") type = rng.pick([2, 3, 5, 7, 11, 0x8000_0000, 0xffff_ffff, rng.u32() | 16]);
  if (kind === "range") {
    sector = rng.pick([
      sectors - n + 1 + rng.int(4),
      sectors + rng.int(1000),
      2 ** 32 + rng.int(9),
      2 ** 53,
      2 ** 64 - 2 ** 12,
    ]);
    dataLen = Math.max(dataLen, SECTOR_SIZE);
  }
  if (kind === "ragged") dataLen = n * SECTOR_SIZE + 1 + rng.int(SECTOR_SIZE - 1);
  if (kind === "flush" || kind === "getid") dataLen = rng.int(41);
  // GET_ID writes at most 20 bytes: the buffer outside RAM must be one it writes to.
  if (kind === "getid-outside") dataLen = 1 + rng.int(ID_BYTES);
  if (kind.endsWith("-outside") && dataLen === 0) dataLen = type === Request.GetId ? 1 : SECTOR_SIZE;
  const fate = fateOf(kind, dataLen, env.readOnly);

  const lay = new Layout(env);
  // The readable part: the header (maybe cut short), then OUT data.
  let hdr = header(type, sector, rng);
  if (kind === "short-header") hdr = hdr.subarray(0, rng.int(16));
  const hasOutData = type === Request.Out || kind === "unsupp";
  const outData = hasOutData && kind !== "short-header" ? randomBytes(rng, dataLen) : new Uint8Array(0);
  if (kind === "header-outside") lay.add(hdr, 0, "outside");
  else if (kind === "out-outside") {
    lay.add(hdr, 0);
    lay.add(outData, 0, "outside");
  } else {
    const both = new Uint8Array(hdr.length + outData.length);
    both.set(hdr);
    both.set(outData, hdr.length);
    if (both.length > 0) lay.add(both, 0);
  }
  const base = {
    what: `${kind} (type ${type}, sector ${sector}, ${dataLen} bytes)`,
    fate,
    flush: kind === "flush",
  };
  if (kind === "no-writable") return lay.ok ? { ...base, descs: lay.descs, statusAt: 0, writable: 0 } : null;

  // The writable part: IN data or the GET_ID buffer, then the status byte, apart or in one buffer.
  const inLen = type === Request.In || type === Request.GetId ? dataLen : 0;
  let inDescs: DescSpec[] = [];
  let statusAt: number;
  if (kind.endsWith("-outside") || rng.bool(0.5)) {
    const dataOutside = kind === "in-outside" || kind === "getid-outside";
    if (inLen > 0) inDescs = lay.add(new Uint8Array(inLen), Desc.Write, dataOutside ? "outside" : undefined);
    const s = lay.add(new Uint8Array(1), Desc.Write, kind === "status-outside" ? "outside" : undefined);
    statusAt = s.length > 0 ? s[0].addr : 0;
  } else {
    inDescs = lay.add(new Uint8Array(inLen + 1), Desc.Write);
    const last = inDescs[inDescs.length - 1];
    statusAt = last ? last.addr + last.len - 1 : 0;
  }
  if (kind === "readable-after-writable") lay.descs.push({ addr: statusAt, len: 1 + rng.int(16), flags: 0 });
  if (!lay.ok) return null;
  if (statusAt >= RAM_BASE && statusAt < RAM_END) env.ram.set8(statusAt, 0xff);
  const planned: Planned = { ...base, descs: lay.descs, statusAt, writable: inLen + 1 };
  if (!("status" in fate) || fate.status !== BlkStatus.Ok) return planned;

  const start = sector * SECTOR_SIZE;
  if (type === Request.Out) {
    planned.onOk = (_ram, shadow) => {
      shadow.set(outData, start);
      return "";
    };
  } else if (type === Request.In) {
    planned.onOk = (ram, shadow) => {
      const got = gather(ram, inDescs).subarray(0, dataLen);
      const want = shadow.subarray(start, start + dataLen);
      return got.every((b, i) => b === want[i]) ? "" : `IN data differs from the disk at sector ${sector}`;
    };
  } else if (type === Request.GetId) {
    planned.onOk = (ram, _shadow, id) => {
      const got = gather(ram, inDescs).subarray(0, Math.min(ID_BYTES, dataLen));
      return got.every((b, i) => b === id[i]) ? "" : "GET_ID bytes differ from the id";
    };
  }
  return planned;
}
