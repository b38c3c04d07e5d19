/**
 * A GDB remote-protocol stub for a Machine, like QEMU's: each hart is a thread (ids 1..N),
 * stopping is all-stop, memory is read and written as the selected hart sees it (through its
 * satp), and registers and CSRs are named by a target description. It knows nothing of sockets:
 * feed it the debugger's bytes with `receive` and give it a way to answer with `connect`.
 *
 * The code that runs the machine asks `holding` before each slice (and waits on `whenRunning`),
 * and tells the stub when a slice ended "halted" (`halted`) or the guest powered off (`exited`).
 */

import { ROM_BASE, ROM_SIZE } from "@xv6-machine/devices";
import type { DebugPoints, Hart, WatchKind } from "@xv6-machine/rv-cpu";
import { ACCESS_FAULT, PAGE_FAULT, peekTranslate } from "@xv6-machine/sv39";
import type { DebugStop, Machine } from "../machine.js";
import { bytesToHex, frame, hexToBytes, le64, PacketReader, parseLe64, toHex } from "./packets.js";
import { CSRS, FIRST_CSR_REG, G_REGS, PC_REG, PRIV_REG, TARGET_XML } from "./target.js";

export interface GdbStubOptions {
  /** Start with the harts halted until the debugger continues them (QEMU's -S). */
  waitForDebugger?: boolean;
  /** The debugger sent `k` (kill): end the emulator. */
  onKill?: () => void;
}

const WATCH_KINDS: Record<string, WatchKind> = { "2": "write", "3": "read", "4": "access" };
const WATCH_REPLY: Record<WatchKind, string> = { write: "watch", read: "rwatch", access: "awatch" };
const PACKET_SIZE = 0x4000;

function big(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, "0");
}

export class GdbStub {
  private readonly machine: Machine;
  private readonly opts: GdbStubOptions;
  private readonly reader = new PacketReader();
  private send: ((data: string) => void) | undefined;
  private points: DebugPoints | undefined;
  private noAck = false;
  /** True while the machine must not run: stopped for the debugger. */
  holding: boolean;
  /** True while the debugger waits for a stop reply (after c, s or vCont). */
  private running = false;
  private waiters: (() => void)[] = [];
  /** The hart that register and memory packets address (Hg), and the last stop. */
  private current = 0;
  private lastStop: DebugStop = { hart: 0, reason: "step" };
  /** A step asked of a hart waiting in wfi: it happens when the hart wakes. */
  private stepWaiter = -1;

  constructor(machine: Machine, opts: GdbStubOptions = {}) {
    this.machine = machine;
    this.opts = opts;
    this.holding = opts.waitForDebugger === true;
  }

  /** True while a debugger is connected. */
  get connected(): boolean {
    return this.send !== undefined;
  }

  /** A debugger connected; `send` delivers bytes (latin1) to it. Like QEMU, the machine stops. */
  connect(send: (data: string) => void): void {
    this.send = send;
    this.noAck = false;
    this.points = this.machine.attachDebugger();
    this.holding = true;
    this.running = false;
    // Like QEMU, a new debugger hears SIGTRAP: the machine is stopped for it.
    this.lastStop = { hart: 0, reason: "step" };
  }

  /** The debugger went away without detaching: drop its points and let the guest run. */
  disconnect(): void {
    if (this.send === undefined) return;
    this.send = undefined;
    this.detach();
  }

  /** Resolves when the machine may run again. */
  whenRunning(): Promise<void> {
    if (!this.holding) return Promise.resolve();
    return new Promise((r) => this.waiters.push(r));
  }

  /** A slice ended "halted": report the stop to the debugger. */
  halted(): void {
    const stop = this.machine.debugStop ?? { hart: 0, reason: "interrupt" };
    if (stop.reason === "interrupt" && this.stepWaiter >= 0) {
      stop.hart = this.stepWaiter;
      stop.reason = "step";
    }
    this.stepWaiter = -1;
    this.stopped(stop);
  }

  /** Called after every slice: a step waiting on a sleeping hart happens once it wakes. */
  afterSlice(): void {
    if (this.stepWaiter >= 0 && !this.machine.harts[this.stepWaiter].waiting) this.machine.requestStop();
  }

  /** The guest powered off: a waiting debugger hears that the program exited. */
  exited(code: number): void {
    if (this.send !== undefined) this.reply(`W${hex2(code & 0xff)}`);
  }

  /** Bytes from the debugger. */
  receive(bytes: Uint8Array): void {
    for (const m of this.reader.push(bytes)) {
      if (m.kind === "interrupt") {
        if (this.running) this.machine.requestStop();
        continue;
      }
      if (!this.noAck) this.raw(m.kind === "packet" ? "+" : "-");
      if (m.kind === "packet") this.packet(m.payload);
    }
  }

  private raw(s: string): void {
    this.send?.(s);
  }

  private reply(payload: string): void {
    this.raw(frame(payload));
  }

  private stopped(stop: DebugStop): void {
    this.holding = true;
    this.running = false;
    this.lastStop = stop;
    this.current = stop.hart;
    this.reply(this.stopReply(stop));
  }

  private stopReply(stop: DebugStop): string {
    const thread = `thread:${hex2(stop.hart + 1)};`;
    if (stop.reason === "interrupt") return `T02${thread}`;
    if (stop.reason === "watchpoint" && stop.watch !== undefined) {
      return `T05${WATCH_REPLY[stop.watch.kind]}:${(stop.address ?? stop.watch.start).toString(16)};${thread}`;
    }
    return `T05${thread}`;
  }

  private resume(): void {
    this.machine.debugResume();
    this.holding = false;
    this.running = true;
    for (const w of this.waiters.splice(0)) w();
  }

  private detach(): void {
    this.machine.detachDebugger();
    this.points = undefined;
    this.running = false;
    this.holding = false;
    this.stepWaiter = -1;
    for (const w of this.waiters.splice(0)) w();
  }

  /** A thread id from a packet: a hart index, -1 for all, 0 for any; undefined if there is none such. */
  private thread(s: string): number | undefined {
    if (s === "-1") return -1;
    const n = Number.parseInt(s, 16);
    if (!(n >= 0) || n > this.machine.harts.length) return undefined;
    return n === 0 ? 0 : n;
  }

  private hart(): Hart {
    return this.machine.harts[this.current];
  }

  private packet(p: string): void {
    const reply = this.handle(p);
    if (reply !== undefined) this.reply(reply);
  }

  /** The reply to a packet, or undefined when the answer comes later (a stop) or never. */
  private handle(p: string): string | undefined {
    const c = p[0];
    switch (c) {
      case "?":
        return this.stopReply(this.lastStop);
      case "g":
        return this.readAll();
      case "G":
        return this.writeAll(p.slice(1));
      case "p":
        return this.readReg(Number.parseInt(p.slice(1), 16));
      case "P": {
        const [n, v] = p.slice(1).split("=");
        return this.writeReg(Number.parseInt(n, 16), v ?? "");
      }
      case "m":
        return this.readMem(p.slice(1));
      case "M":
        return this.writeMem(p.slice(1), false);
      case "X":
        return this.writeMem(p.slice(1), true);
      case "c":
      case "C":
        return this.cont(p.slice(1), c === "c");
      case "s":
      case "S":
        return this.step(this.current, c === "s" ? p.slice(1) : "");
      case "H": {
        const t = this.thread(p.slice(2));
        if (t === undefined) return "E22";
        if (p[1] === "g" && t > 0) this.current = t - 1;
        return "OK";
      }
      case "T":
        return (this.thread(p.slice(1)) ?? 0) > 0 ? "OK" : "E22";
      case "Z":
      case "z":
        return this.point(c === "Z", p.slice(1));
      case "k":
        this.opts.onKill?.();
        return undefined;
      case "D":
        this.detach();
        return "OK";
      case "q":
      case "Q":
        return this.query(p);
      case "v":
        return this.v(p);
      default:
        return "";
    }
  }

  private query(p: string): string {
    if (p.startsWith("qSupported")) {
      return `PacketSize=${PACKET_SIZE.toString(16)};qXfer:features:read+;vContSupported+;QStartNoAckMode+`;
    }
    if (p === "QStartNoAckMode") {
      this.noAck = true;
      return "OK";
    }
    if (p.startsWith("qXfer:features:read:")) {
      const [annex, range] = p.slice("qXfer:features:read:".length).split(":");
      if (annex !== "target.xml" || range === undefined) return "E00";
      const [off, len] = range.split(",").map((x) => Number.parseInt(x, 16));
      const chunk = TARGET_XML.slice(off, off + len);
      return (off + len < TARGET_XML.length ? "m" : "l") + chunk;
    }
    if (p === "qAttached" || p.startsWith("qAttached:")) return "1";
    if (p === "qC") return `QC${hex2(this.current + 1)}`;
    if (p === "qfThreadInfo") return `m${this.machine.harts.map((_, i) => hex2(i + 1)).join(",")}`;
    if (p === "qsThreadInfo") return "l";
    if (p.startsWith("qThreadExtraInfo,")) {
      const t = this.thread(p.slice("qThreadExtraInfo,".length));
      if (t === undefined || t <= 0) return "E22";
      const h = this.machine.harts[t - 1];
      return toHex(`CPU#${t - 1} [${h.waiting ? "halted " : "running"}]`);
    }
    if (p.startsWith("qSymbol")) return "OK";
    return "";
  }

  private v(p: string): string | undefined {
    if (p === "vCont?") return "vCont;c;C;s;S";
    if (p.startsWith("vCont;")) {
      const actions = p.slice(6).split(";");
      for (const a of actions) {
        const [act, tid] = a.split(":");
        if (act[0] === "s" || act[0] === "S") {
          const t = tid === undefined ? this.current + 1 : this.thread(tid);
          if (t === undefined || t <= 0) return "E22";
          return this.step(t - 1, "");
        }
      }
      if (actions.some((a) => a[0] === "c" || a[0] === "C")) return this.cont("", true);
      return "E22";
    }
    if (p.startsWith("vKill")) {
      this.opts.onKill?.();
      return "OK";
    }
    return "";
  }

  private cont(arg: string, plain: boolean): string | undefined {
    // `c ADDR` resumes at ADDR; `C sig;ADDR` carries a signal we have no use for.
    const addr = plain ? arg : arg.split(";")[1];
    if (addr) this.setPc(this.hart(), BigInt(`0x${addr}`));
    this.resume();
    return undefined;
  }

  private step(id: number, addr: string): string | undefined {
    const hart = this.machine.harts[id];
    if (addr) this.setPc(hart, BigInt(`0x${addr}`));
    if (hart.waiting) {
      // It cannot move until an interrupt wakes it: let the machine run until then.
      this.stepWaiter = id;
      this.resume();
      return undefined;
    }
    this.stopped(this.machine.debugStep(id));
    return undefined;
  }

  private setPc(hart: Hart, v: bigint): void {
    const u = BigInt.asUintN(64, v);
    hart.setPc(Number(u & 0xffffffffn) | 0, Number(u >> 32n) | 0);
  }

  private regValue(hart: Hart, n: number): bigint | undefined {
    if (n < 32) return big(hart.x[2 * n], hart.x[2 * n + 1]);
    if (n === PC_REG) return big(hart.pcLo, hart.pcHi);
    if (n === PRIV_REG) return BigInt(hart.priv);
    const csr = CSRS[n - FIRST_CSR_REG];
    return csr === undefined ? undefined : hart.debugReadCsr(csr[1]);
  }

  private readAll(): string {
    let out = "";
    for (let n = 0; n < G_REGS; n++) out += le64(this.regValue(this.hart(), n) ?? 0n);
    return out;
  }

  private writeAll(h: string): string {
    if (h.length < G_REGS * 16) return "E22";
    for (let n = 1; n < G_REGS; n++) {
      const r = this.writeReg(n, h.slice(n * 16, n * 16 + 16));
      if (r !== "OK") return r;
    }
    return "OK";
  }

  private readReg(n: number): string {
    const v = this.regValue(this.hart(), n);
    if (v !== undefined) return le64(v);
    // Known to the description but without a value on this hart: "unavailable".
    return n < FIRST_CSR_REG + CSRS.length ? "x".repeat(16) : "E45";
  }

  private writeReg(n: number, h: string): string {
    const v = parseLe64(h);
    if (v === undefined) return "E22";
    const hart = this.hart();
    const u = BigInt.asUintN(64, v);
    const lo = Number(u & 0xffffffffn) | 0;
    const hi = Number(u >> 32n) | 0;
    if (n < 32) {
      if (n !== 0) {
        hart.x[2 * n] = lo;
        hart.x[2 * n + 1] = hi;
      }
      return "OK";
    }
    if (n === PC_REG) {
      hart.setPc(lo, hi);
      return "OK";
    }
    if (n === PRIV_REG) {
      if (lo !== 0 && lo !== 1 && lo !== 3) return "E22";
      hart.priv = lo;
      hart.debugChanged();
      return "OK";
    }
    const csr = CSRS[n - FIRST_CSR_REG];
    return csr !== undefined && hart.debugWriteCsr(csr[1], v) ? "OK" : "E45";
  }

  /** The physical address the selected hart would reach at `va`, or undefined. */
  private physical(va: bigint): number | undefined {
    const hart = this.hart();
    const ram = this.machine.ram;
    if (hart.priv === 3 || hart.satpHi >>> 28 === 0) {
      return va < 2n ** 53n ? Number(va) : undefined;
    }
    const pa = peekTranslate(ram, big(hart.satpLo, hart.satpHi), va);
    return pa === PAGE_FAULT || pa === ACCESS_FAULT ? undefined : pa;
  }

  private readByte(va: bigint): number | undefined {
    const pa = this.physical(va);
    if (pa === undefined) return undefined;
    const ram = this.machine.ram;
    if (ram.contains(pa, 1)) return ram.u8[pa - ram.base];
    // The boot ROM has no side effects to fear; devices do, so the debugger does not read them.
    if (pa >= ROM_BASE && pa < ROM_BASE + ROM_SIZE) {
      const v = this.machine.bus.read(pa, 1);
      return v < 0 ? undefined : v;
    }
    return undefined;
  }

  private readMem(args: string): string {
    const [a, l] = args.split(",");
    const addr = BigInt(`0x${a}`);
    const len = Math.min(Number.parseInt(l, 16), PACKET_SIZE / 2);
    const out = new Uint8Array(len);
    let n = 0;
    while (n < len) {
      const b = this.readByte(addr + BigInt(n));
      if (b === undefined) break;
      out[n++] = b;
    }
    return n === 0 && len > 0 ? "E14" : bytesToHex(out.subarray(0, n));
  }

  private writeMem(args: string, binary: boolean): string {
    const colon = args.indexOf(":");
    const [a, l] = args.slice(0, colon).split(",");
    const data = args.slice(colon + 1);
    const len = Number.parseInt(l, 16);
    let bytes: Uint8Array | undefined;
    if (binary) bytes = Uint8Array.from(data, (ch) => ch.charCodeAt(0));
    else bytes = hexToBytes(data);
    if (bytes === undefined || bytes.length !== len) return "E22";
    const addr = BigInt(`0x${a}`);
    const ram = this.machine.ram;
    for (let i = 0; i < len; i++) {
      const pa = this.physical(addr + BigInt(i));
      if (pa === undefined || !ram.contains(pa, 1)) return "E14";
      ram.writeBytes(pa, bytes.subarray(i, i + 1));
    }
    return "OK";
  }

  private point(insert: boolean, args: string): string {
    const [type, a, k] = args.split(",");
    const points = this.points;
    if (points === undefined || a === undefined || k === undefined) return "E22";
    const addr = BigInt(`0x${a}`);
    if (type === "0" || type === "1") {
      if (insert) points.addBreakpoint(addr);
      else points.removeBreakpoint(addr);
      return "OK";
    }
    const kind = WATCH_KINDS[type];
    if (kind === undefined) return "";
    const len = Number.parseInt(k, 16);
    if (insert) points.addWatchpoint(addr, len, kind);
    else points.removeWatchpoint(addr, len, kind);
    return "OK";
  }
}
