/**
 * One hart on its own thread (see harts.ts): RAM and its bookkeeping are shared; the boot ROM, the
 * CLINT and the PLIC (whose registers are shared) answer here; every other device is asked on the
 * device thread through this hart's mailbox.
 */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import {
  BootRom,
  CLINT_BASE,
  CLINT_SIZE,
  Clint,
  type Device,
  PLIC_BASE,
  PLIC_SIZE,
  Plic,
  RAM_BASE,
  RamDma,
  ROM_BASE,
  ROM_SIZE,
} from "@xv6-machine/devices";
import { type Engine, Hart, type HartState, Ram, SimpleBus } from "@xv6-machine/rv-cpu";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { type BlockBackend, MemoryBackend, VirtioBlk } from "@xv6-machine/virtio-blk";
import { FileBackend } from "@xv6-machine/virtio-blk/file";
import { warmUp } from "../warm-up.js";
import { WakingClint } from "./clint.js";
import {
  Control,
  ERROR,
  HOME,
  IDLE,
  OP,
  OWED_MS,
  PA,
  READ,
  READY,
  REQUEST,
  RESULT,
  type RemoteRange,
  SIZE,
  SpinPause,
  STATE,
  VALUE,
  WAKE,
  WRITE,
} from "./control.js";
import { plicPins, sleepInWfi, takePins } from "./hart-side.js";
import { Roaming, type RoamingDisk } from "./roaming.js";

export interface HartThreadData {
  id: number;
  cpus: number;
  ramSize: number;
  ram: SharedArrayBuffer;
  ramState: SharedArrayBuffer;
  control: SharedArrayBuffer;
  clint: SharedArrayBuffer;
  plic: SharedArrayBuffer;
  engine: Engine;
  entry: number;
  /** performance.timeOrigin + performance.now() on the device thread when mtime was 0. */
  start: number;
  /** Device ranges answered on the device thread. */
  remote: RemoteRange[];
  /** A disk this thread serves itself. */
  disk?: RoamingDisk;
  /**
   * Where the hart's state comes from when it starts on the device thread (HOME is set): the
   * worker waits for it and runs the hart from there.
   */
  port: MessagePort;
}

/** Instructions a hart runs between looks at its interrupt pins, the timer and the stop flag. */
const QUANTUM = 20_000;
/** Polls of a mailbox before sleeping on it: the device thread usually answers within them. */
const SPIN = 2_000;
/** The longest a sleeping hart waits before looking again (a timer set by another thread). */
const MAX_SLEEP_MS = 1_000;

const d = workerData as HartThreadData;
const ctl = new Control(d.cpus, d.control);
const c = ctl.i32;
const startHere = d.start - performance.timeOrigin;
const now = (): number => Math.floor((performance.now() - startHere) * 10_000);

const ram = new Ram(d.ramSize, RAM_BASE, d.cpus, d.ram, { state: d.ramState, hart: d.id });
const bus = new SimpleBus(ram);
const hart = new Hart({
  bus,
  id: d.id,
  mmu: new Sv39Mmu(ram),
  clock: { now },
  resetPc: ROM_BASE,
  engine: d.engine,
});
const pins = Array.from({ length: d.cpus }, (_, h) => (h === d.id ? hart : { setInterrupt() {} }));
const clint = new Clint(pins, now, d.clint);

/**
 * A device on the device thread: each access waits for its answer there, except reads of the
 * registers it keeps shadows of.
 */
class Remote implements Device {
  /** Shadow slots by offset * 8 + size. */
  private readonly shadows = new Map<number, number>();
  private readonly base: number;

  constructor(r: RemoteRange) {
    this.base = r.base;
    for (const v of r.shadows ?? []) this.shadows.set(v.offset * 8 + v.size, v.slot);
  }

  read(offset: number, size: number): number {
    const slot = this.shadows.get(offset * 8 + size);
    if (slot !== undefined) {
      const v = Atomics.load(ctl.shadows, slot);
      if (v >= 0) return v;
    }
    return call(READ, this.base + offset, size, 0);
  }

  write(offset: number, size: number, value: number): boolean {
    return call(WRITE, this.base + offset, size, value) >= 0;
  }
}

const box = ctl.at(d.id, 0);
function call(op: number, pa: number, size: number, value: number): number {
  c[box + OP] = op;
  c[box + PA] = pa;
  c[box + SIZE] = size;
  c[box + VALUE] = value;
  Atomics.store(c, box + STATE, REQUEST);
  ctl.ring();
  for (let k = 0; Atomics.load(c, box + STATE) === REQUEST; k++) {
    // Shutting down: the device thread answers no more; the machine is off, so say nothing.
    if (ctl.stopping()) return 0;
    if (k >= SPIN) Atomics.wait(c, box + STATE, REQUEST, 50);
  }
  const result = c[box + ERROR] !== 0 ? -1 : c[box + RESULT] >>> 0;
  Atomics.store(c, box + STATE, IDLE);
  // A claim or an acknowledgement may have lowered a pin: see it before the next instruction.
  takePins(hart, ctl, d.id);
  return result;
}

bus.map(ROM_BASE, ROM_SIZE, new BootRom(d.entry, { cpus: d.cpus, ramBase: RAM_BASE, ramSize: d.ramSize }));
bus.map(CLINT_BASE, CLINT_SIZE, new WakingClint(clint, ctl, d.id));
// Claims and completions, the most frequent device accesses of all, stay on this thread.
const plic = new Plic(
  plicPins(ctl, (h) => (h === d.id ? hart : undefined)),
  d.plic,
);
bus.map(PLIC_BASE, PLIC_SIZE, plic);
for (const r of d.remote) bus.map(r.base, r.size, new Remote(r));
if (d.disk !== undefined) {
  const s = d.disk.backend;
  const backend: BlockBackend =
    s.kind === "fd" ? FileBackend.borrow(s) : new MemoryBackend(s.bytes, { readOnly: s.readOnly });
  const dev = new VirtioBlk({
    memory: new RamDma(ram),
    irq: plic.line(d.disk.irq),
    backend,
    transport: d.disk.transport,
  });
  bus.map(d.disk.base, d.disk.size, new Roaming(dev, d.disk.state, false));
}

function loop(): void {
  const wake = ctl.at(d.id, WAKE);
  // A hart seen spinning ends its run early, and now and then gives its host core away.
  hart.yieldOnSpin = d.cpus > 1;
  const pause = new SpinPause();
  while (!ctl.stopping()) {
    const seen = Atomics.load(c, wake);
    takePins(hart, ctl, d.id);
    clint.update();
    const n = hart.run(QUANTUM);
    ctl.instret[d.id] = hart.instret;
    ctl.payOwed(OWED_MS);
    if (n === 0 && hart.waiting) sleepInWfi([hart], clint, ctl, wake, seen, MAX_SLEEP_MS);
    const ms = pause.after(hart.spun);
    if (ms > 0) Atomics.wait(c, wake, seen, ms);
  }
}

/**
 * Waits while the hart runs on the device thread, then takes over its state; false if the machine
 * stopped first.
 */
function arrive(): boolean {
  const home = ctl.at(d.id, HOME);
  // Set before the worker started: a hart that never ran elsewhere starts from reset, here.
  if (Atomics.load(c, home) === 0) return true;
  Atomics.store(c, ctl.at(d.id, READY), 1);
  while (Atomics.load(c, home) !== 0) {
    if (ctl.stopping()) return false;
    Atomics.wait(c, home, 1, MAX_SLEEP_MS);
  }
  // Posted before HOME was cleared; a message between threads may still be on its way.
  for (;;) {
    const m = receiveMessageOnPort(d.port);
    if (m !== undefined) {
      hart.loadState(m.message as HartState);
      return true;
    }
    if (ctl.stopping()) return false;
    Atomics.wait(c, home, 0, 1);
  }
}

try {
  // This thread's interpreter has not run yet (see warm-up.ts).
  warmUp();
  if (arrive()) loop();
  parentPort?.postMessage({ kind: "stopped" });
} catch (e) {
  parentPort?.postMessage({
    kind: "failed",
    message: e instanceof Error ? (e.stack ?? e.message) : String(e),
  });
}
