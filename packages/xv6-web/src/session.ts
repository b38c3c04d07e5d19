/**
 * One machine at a time and what the page asks of it: boot, restore, type, run for a while, save,
 * add files, hand out the disk. It knows nothing of workers or the DOM, so Node tests drive it as
 * the worker does.
 */

import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { addFiles, type FileEntry } from "@xv6-machine/xv6-mkfs";
import { Machine, MachineError } from "xv6-machine";

export type Engine = "jit" | "interp";

export interface BootSpec {
  kernel: Uint8Array;
  disk: Uint8Array;
  cpus: number;
  engine: Engine;
}

export type RunState = "running" | "idle" | "off";

export interface Status {
  state: RunState;
  harts: number;
  engine: Engine;
  instructions: number;
  /** Millions of instructions a second since the last status. */
  mips: number;
  /** Set once the guest has powered itself off: 0 for pass, else its code. */
  exitCode?: number;
}

/** Instructions per runSlice call: small enough that input and status are never held up long. */
const SLICE = 200_000;

export class Session {
  private machine: Machine | undefined;
  private kernel: Uint8Array | undefined;
  private engine: Engine = "jit";
  /** The disk when no machine runs (after power-off), so it can still be downloaded or booted. */
  private parkedDisk: Uint8Array | undefined;
  private lastCount = 0;
  private lastTime = 0;

  constructor(private readonly output: (bytes: Uint8Array) => void) {}

  /** Boots `spec.kernel` from its reset vector with a copy of `spec.disk`, in real time. */
  boot(spec: BootSpec): void {
    const machine = new Machine({
      kernel: spec.kernel,
      disk: new MemoryBackend(spec.disk.slice()),
      cpus: spec.cpus,
      engine: spec.engine,
      clock: "realtime",
      output: this.output,
    });
    this.replace(machine, spec.engine);
    this.kernel = spec.kernel;
  }

  /**
   * Continues from a snapshot. Returns the console output it holds, for the terminal to show.
   * `kernel` is what a later reboot starts (a snapshot holds RAM, not the ELF it was booted from).
   */
  restore(snapshot: Uint8Array, engine: Engine, kernel?: Uint8Array): string {
    const machine = new Machine({ snapshot, engine, output: this.output });
    this.replace(machine, engine);
    if (kernel !== undefined) this.kernel = kernel;
    return machine.output;
  }

  private replace(machine: Machine, engine: Engine): void {
    void this.machine?.close();
    this.machine = machine;
    this.engine = engine;
    this.parkedDisk = undefined;
    this.lastCount = 0;
    this.lastTime = performance.now();
  }

  get running(): boolean {
    return this.machine !== undefined && this.machine.powerOff === undefined;
  }

  get harts(): number {
    return this.machine?.harts.length ?? 0;
  }

  /** The kernel a reboot would start, if one is known. */
  get bootKernel(): Uint8Array | undefined {
    return this.kernel;
  }

  /** The kernel a reboot starts when none is known (after restoring a snapshot without one). */
  defaultKernel(kernel: Uint8Array): void {
    this.kernel ??= kernel;
  }

  type(text: string | Uint8Array): void {
    this.machine?.type(text);
  }

  /** Runs for about `ms` of wall time, or until every hart waits for a timer or input. */
  run(ms: number): RunState {
    const m = this.machine;
    if (m === undefined || m.powerOff !== undefined) return "off";
    const end = performance.now() + ms;
    do {
      const r = m.runSlice(SLICE);
      if (r === "off") return "off";
      if (r === "idle") return "idle";
    } while (performance.now() < end);
    return "running";
  }

  /** How long an idle machine may sleep before its next timer (ms). */
  idleDelay(): number {
    return this.machine?.idleDelayMs() ?? 50;
  }

  /** Stops the machine as a power switch would; the disk stays, as it was last written. */
  powerOff(): void {
    const disk = this.disk();
    void this.machine?.close();
    this.machine = undefined;
    this.parkedDisk = disk;
  }

  /** The disk's bytes now (a copy). */
  disk(): Uint8Array | undefined {
    const bytes = this.machine?.diskBytes() ?? this.parkedDisk;
    return bytes?.slice();
  }

  snapshot(): Uint8Array {
    if (this.machine === undefined) throw new MachineError("no machine is running to save");
    return this.machine.snapshot();
  }

  /** Reboots with the same kernel and harts and the disk as it is now (QEMU's system_reset). */
  reset(cpus = this.harts || 1, engine = this.engine): void {
    this.boot({ ...this.bootFiles(), cpus, engine });
  }

  /**
   * Writes `files` into the root directory of the disk and reboots onto it: the running kernel
   * caches the file system, so it must not be changed under it.
   */
  addFiles(files: readonly FileEntry[]): void {
    const { kernel, disk } = this.bootFiles();
    this.boot({ kernel, disk: addFiles(disk, files), cpus: this.harts || 1, engine: this.engine });
  }

  /** The kernel last booted and the disk now: what a reboot starts from. */
  private bootFiles(): { kernel: Uint8Array; disk: Uint8Array } {
    const kernel = this.kernel;
    const disk = this.disk();
    if (kernel === undefined || disk === undefined)
      throw new MachineError("nothing to reboot: boot a kernel first");
    return { kernel, disk };
  }

  /** Where the machine is; MIPS counts from the previous call. */
  status(state: RunState): Status {
    const m = this.machine;
    const now = performance.now();
    const count = m?.instructions ?? 0;
    const mips = now > this.lastTime ? (count - this.lastCount) / (now - this.lastTime) / 1000 : 0;
    this.lastCount = count;
    this.lastTime = now;
    const status: Status = { state, harts: this.harts, engine: this.engine, instructions: count, mips };
    if (m?.powerOff !== undefined) status.exitCode = m.powerOff;
    return status;
  }
}
