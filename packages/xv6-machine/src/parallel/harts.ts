/**
 * The device thread's side of parallel harts: one worker thread per hart (see worker.ts), RAM in a
 * SharedArrayBuffer, and MMIO from the harts answered here, where the devices live.
 */
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { Device } from "@xv6-machine/devices";
import type { Engine, HartState } from "@xv6-machine/rv-cpu";
import {
  Control,
  DONE,
  DOOR,
  ERROR,
  HOME,
  OP,
  PA,
  READ,
  READY,
  REQUEST,
  RESULT,
  type RemoteRange,
  SHADOWS,
  SIZE,
  STATE,
  STOP,
  VALUE,
  WAITING,
} from "./control.js";
import type { RoamingDisk } from "./roaming.js";
import type { HartThreadData } from "./worker.js";

/** Polls of the doorbell before the device thread sleeps on it. */
const SPIN = 2_000;

export interface ParallelOptions {
  cpus: number;
  ramSize: number;
  ram: SharedArrayBuffer;
  ramState: SharedArrayBuffer;
  clint: SharedArrayBuffer;
  plic: SharedArrayBuffer;
  engine: Engine;
  entry: number;
  start: number;
  /** Where the devices answered on this thread sit. */
  remote: RemoteRange[];
  /** A disk the harts' threads serve themselves. */
  disk?: RoamingDisk;
  /**
   * The harts start on the device thread (see host.ts): hart 0 stays there and has no thread, the
   * others move to theirs later (see move). Otherwise every hart has a thread from reset.
   */
  hosted: boolean;
}

/** What a shadow register would read now, or undefined when reading it has an effect. */
export type Peek = () => number | undefined;

/** The built worker: dist/hart-worker.js, also when this module runs from its TypeScript source. */
function workerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith(".ts")) return new URL("../../dist/hart-worker.js", here);
  return new URL("./hart-worker.js", here);
}

export class ParallelHarts {
  readonly control: Control;
  private readonly workers: Worker[] = [];
  /** By hart: where its state goes when it moves to its worker. */
  private readonly ports: MessagePort[] = [];
  private readonly bus: Device;
  /** Why a hart's thread failed, if one did. */
  failure: string | undefined;
  private stopped = false;
  private exited = 0;
  private options: ParallelOptions | undefined;
  private spawned = false;
  private readonly allExited: Promise<void>;

  private exitedAll: () => void = () => {};

  /** The shadow registers, by slot. */
  private readonly peeks: Peek[] = [];

  constructor(cpus: number, bus: Device) {
    this.control = new Control(cpus);
    this.bus = bus;
    this.allExited = new Promise((r) => {
      this.exitedAll = r;
    });
  }

  /**
   * Starts a thread per hart: RAM must hold what they boot by now. When the harts start on the
   * device thread instead (`o.hosted`), their threads start at `spawn()`.
   */
  start(o: ParallelOptions): void {
    this.options = o;
    if (o.hosted) {
      for (let id = 1; id < o.cpus; id++) Atomics.store(this.control.i32, this.control.at(id, HOME), 1);
    } else this.spawn();
  }

  /** Starts the harts' threads, if not yet started. */
  spawn(): void {
    const o = this.options;
    if (o === undefined || this.spawned || this.stopped) return;
    this.spawned = true;
    // Hart 0 has no thread when the harts start on the device thread.
    const first = o.hosted ? 1 : 0;
    const threads = o.cpus - first;
    if (threads === 0) this.exitedAll();
    for (let id = first; id < o.cpus; id++) {
      const { port1, port2 } = new MessageChannel();
      port1.unref();
      this.ports[id] = port1;
      const data: HartThreadData = {
        id,
        cpus: o.cpus,
        ramSize: o.ramSize,
        ram: o.ram,
        ramState: o.ramState,
        control: this.control.buffer,
        clint: o.clint,
        plic: o.plic,
        engine: o.engine,
        entry: o.entry,
        start: o.start,
        remote: o.remote,
        disk: o.disk,
        port: port2,
      };
      const w = new Worker(workerUrl(), { workerData: data, transferList: [port2] });
      w.on("message", (m: { kind: string; message?: string }) => {
        if (m.kind === "failed" && this.failure === undefined) this.failure = `hart ${id}: ${m.message}`;
      });
      w.on("error", (e) => {
        if (this.failure === undefined) this.failure = `hart ${id}: ${e.stack ?? e.message}`;
      });
      w.on("exit", () => {
        if (++this.exited === threads) this.exitedAll();
      });
      // A machine left running does not keep the process alive.
      w.unref();
      this.workers.push(w);
    }
  }

  /** True when hart `id`'s worker waits to take it over from the device thread. */
  ready(id: number): boolean {
    return Atomics.load(this.control.i32, this.control.at(id, READY)) === 1;
  }

  /** Hands hart `id`, which ran on the device thread until now, to its worker. */
  move(id: number, state: HartState): void {
    const c = this.control;
    this.ports[id].postMessage(state);
    Atomics.store(c.i32, c.at(id, HOME), 0);
    Atomics.notify(c.i32, c.at(id, HOME));
  }

  /** Keeps shadow register `slot` (see Control.shadows) at what `peek` says. */
  shadow(slot: number, peek: Peek): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= SHADOWS)
      throw new RangeError(`no shadow slot ${slot}`);
    this.peeks[slot] = peek;
    this.refresh();
  }

  /** Brings the shadow registers up to date: call after anything that may change them. */
  refresh(): void {
    const s = this.control.shadows;
    for (let i = 0; i < this.peeks.length; i++) {
      const v = this.peeks[i]?.();
      Atomics.store(s, i, v !== undefined && v >= 0 && v <= 0x7fffffff ? v : -1);
    }
  }

  /** Answers every waiting MMIO request; returns how many there were. */
  serve(): number {
    const c = this.control.i32;
    let n = 0;
    for (let h = 0; h < this.control.harts; h++) {
      const box = this.control.at(h, 0);
      if (Atomics.load(c, box + STATE) !== REQUEST) continue;
      const pa = c[box + PA] >>> 0;
      const size = c[box + SIZE];
      if (c[box + OP] === READ) {
        const v = this.bus.read(pa, size);
        c[box + RESULT] = v;
        c[box + ERROR] = v < 0 ? 1 : 0;
      } else {
        c[box + ERROR] = this.bus.write(pa, size, c[box + VALUE] >>> 0) ? 0 : 1;
      }
      this.refresh();
      Atomics.store(c, box + STATE, DONE);
      Atomics.notify(c, box + STATE);
      n++;
    }
    return n;
  }

  /**
   * Serves MMIO until `ms` have passed or `done()` says to stop, sleeping on the doorbell when no
   * request comes (a short spin first: an answer within microseconds keeps a hart from sleeping).
   */
  serveFor(ms: number, done: () => boolean): void {
    const c = this.control.i32;
    const until = performance.now() + ms;
    for (;;) {
      const seen = Atomics.load(c, DOOR);
      if (this.serve() > 0) continue;
      if (done() || this.failure !== undefined) return;
      const left = until - performance.now();
      if (left <= 0) return;
      let k = 0;
      while (k < SPIN && Atomics.load(c, DOOR) === seen) k++;
      if (k === SPIN) Atomics.wait(c, DOOR, seen, left);
    }
  }

  /** Instructions retired, summed over harts (as of each hart's last quantum). */
  instructions(): number {
    let n = 0;
    for (const v of this.control.instret) n += v;
    return n;
  }

  /** True when every hart sleeps in wfi. */
  allWaiting(): boolean {
    const c = this.control;
    for (let h = 0; h < c.harts; h++) if (Atomics.load(c.i32, c.at(h, WAITING)) === 0) return false;
    return true;
  }

  /** Tells every hart to stop, wakes them, and resolves once every thread has ended. */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      const c = this.control;
      Atomics.store(c.i32, STOP, 1);
      for (let h = 0; h < c.harts; h++) {
        c.wake(h);
        Atomics.notify(c.i32, c.at(h, STATE));
      }
      for (const w of this.workers) void w.terminate();
      // No thread was ever started.
      if (!this.spawned) this.exitedAll();
    }
    return this.allExited;
  }
}
