import {
  BootRom,
  CLINT_BASE,
  CLINT_SIZE,
  Clint,
  clintState,
  type Device,
  FINISHER_BASE,
  FINISHER_SIZE,
  Finisher,
  type IrqLine,
  PLIC_BASE,
  PLIC_SIZE,
  Plic,
  plicState,
  RAM_BASE,
  RamDma,
  ROM_BASE,
  ROM_SIZE,
  UART_BASE,
  UART_IRQ,
  UART_SIZE,
  Uart16550,
  VIRTIO_BASE,
  VIRTIO_IRQ,
  VIRTIO_SIZE,
} from "@xv6-machine/devices";
import {
  DebugPoints,
  type Engine,
  EngineMismatch,
  HALT_NONE,
  HALT_WATCH,
  Hart,
  hartDiff,
  loadSegments,
  parseElf,
  Ram,
  ramDiff,
  SimpleBus,
  shareRamState,
  type Watchpoint,
} from "@xv6-machine/rv-cpu";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { type BlockBackend, MemoryBackend, Reg, VirtioBlk } from "@xv6-machine/virtio-blk";
import { MachineError, SnapshotError } from "./errors.js";
import { WakingClint } from "./parallel/clint.js";
import type { RemoteRange } from "./parallel/control.js";
import { plicPins } from "./parallel/hart-side.js";
import { ParallelHarts } from "./parallel/harts.js";
import { HostHarts, refreshing } from "./parallel/host.js";
import { Roaming, type RoamingDisk, roamingState } from "./parallel/roaming.js";
import { type DecodedSnapshot, decodeSnapshot, encodeSnapshot } from "./snapshot.js";
import { warmUp } from "./warm-up.js";

export { CLINT_BASE, FINISHER_BASE, PLIC_BASE, RAM_BASE, UART_BASE, UART_IRQ, VIRTIO_BASE, VIRTIO_IRQ };

/** Guest instructions per mtime tick (10 MHz) in the deterministic clock: a 100 MIPS machine. */
export const STEPS_PER_TICK = 10;
const MIB = 1 << 20;
/** Guest time (mtime ticks: half a second) without output after which a prompt counts as one. */
const PROMPT_QUIET_TICKS = 5_000_000;
/** Instructions a hart runs before the next hart gets its turn. */
const QUANTUM = 2000;
/** The most a lone hart runs between looks at devices and timers (see soloQuantum). */
const SOLO_QUANTUM = 20_000;

export type ClockMode = "deterministic" | "realtime";

export interface MachineOptions {
  /** The kernel ELF, loaded at its physical addresses; the boot ROM jumps to its entry. */
  kernel?: Uint8Array;
  /**
   * Continue from a snapshot (Machine.snapshot) instead of booting `kernel`. cpus, memMiB, clock
   * and virtio come from it (given ones must agree); so does the disk's content, written into
   * `disk` if one is given (of the same size), else into a MemoryBackend.
   */
  snapshot?: Uint8Array;
  /** The disk behind virtio-blk (none: no disk device). */
  disk?: BlockBackend;
  cpus?: number;
  memMiB?: number;
  virtio?: "legacy" | "modern";
  clock?: ClockMode;
  /**
   * How harts execute: "jit" (default) compiles hot code, "interp" only interprets; "check" runs
   * the compiler and, beside it in step, an interpreted twin machine (with a copy of the disk),
   * and throws EngineMismatch at the first slice after which their harts, output or RAM differ.
   * Needs the deterministic clock.
   */
  engine?: Engine | "check";
  /** Console output as it happens. */
  output?: (bytes: Uint8Array) => void;
  /**
   * The buffer guest RAM lives in, `memMiB` MiB long (default: a fresh ArrayBuffer). The CLI
   * passes a SharedArrayBuffer whose pages a worker thread faults in while the guest boots.
   */
  memory?: ArrayBufferLike;
  /**
   * Harts in parallel: hart 0 on this thread with the devices, every other hart on a worker thread
   * of its own once there is parallel work for it (see moveAfterMs), RAM in a SharedArrayBuffer
   * (see the README's "Parallel harts"). Needs the real-time clock (the default then); `harts` is
   * empty. Call close() when done.
   */
  parallel?: boolean;
  /**
   * With `parallel`: every hart on a worker thread from reset, and this thread only serves the
   * devices.
   */
  workerPerHart?: boolean;
  /**
   * With `parallel` (and not `workerPerHart`): the harts start on this thread, and each but hart
   * 0 moves to its worker once two or more harts here have wanted to run at once for this many
   * milliseconds (after each move, counting again); 0 moves them as soon as their workers are up.
   */
  moveAfterMs?: number;
}

/** The 16550's line status register. */
const UART_LSR = 5;
/**
 * The default of MachineOptions.moveAfterMs: longer than our guest's boot keeps its harts busy at
 * once (freeing its pages: about 0.6 s on the 2-core machine of the README's runs), where a move
 * made the boot slower, and short beside usertests.
 */
const MOVE_AFTER_MS = 1000;
/** How long a parallel machine's slice serves the harts' device accesses before it returns. */
const PARALLEL_SLICE_MS = 10;

export { MachineError, SnapshotError } from "./errors.js";

/** A wait ended by its `failOn` pattern: `match` is what the guest printed. */
export class GuestFailure extends MachineError {
  override name = "GuestFailure";
  readonly match: string;
  constructor(what: string, match: string) {
    super(`no ${what}: the output shows "${match}"`);
    this.match = match;
  }
}

/** A wait ended because no hart can ever run again without input from outside the machine. */
export class GuestStuck extends MachineError {
  override name = "GuestStuck";
}

/** Budgets for the wait methods; `failOn` stops early when the output shows the guest is lost. */
export interface WaitOptions {
  maxInstructions?: number;
  timeoutMs?: number;
  /**
   * Reject as soon as the output still to be consumed matches (a kernel's `panic: `, say); for
   * runCommand, the console's echo of the typed line does not count.
   */
  failOn?: RegExp;
}

/** Why a slice of running stopped ("halted": for a debugger, see Machine.debugStop). */
export type SliceResult = "running" | "idle" | "off" | "halted";

/** Where and why the machine stopped for a debugger. */
export interface DebugStop {
  hart: number;
  reason: "breakpoint" | "watchpoint" | "interrupt" | "step";
  /** For a watchpoint: the one hit and the address accessed (the access has been made). */
  watch?: Watchpoint;
  address?: number;
}

/**
 * QEMU's `virt` board as xv6 uses it: boot ROM, test finisher, CLINT, PLIC, UART, virtio-blk and
 * RAM, with 1 to 8 harts interleaved on one thread.
 */
export class Machine {
  readonly ram: Ram;
  readonly bus: SimpleBus;
  readonly harts: Hart[];
  readonly clint: Clint;
  readonly plic: Plic;
  readonly uart: Uart16550;
  readonly disk: VirtioBlk | undefined;
  readonly diskBackend: BlockBackend | undefined;
  readonly clockMode: ClockMode;
  /** Set when the guest powers off through the finisher: 0 for pass, else its code. */
  powerOff: number | undefined;
  /** Every byte of console output so far, as text. */
  output = "";
  /** Guest instructions executed, summed over harts. */
  instructions = 0;

  private readonly input: number[] = [];
  private readonly onOutput: ((bytes: Uint8Array) => void) | undefined;
  /** mtime at the start of the current round (deterministic clock). */
  private roundTicks = 0;
  private readonly roundStart: Float64Array;
  private current = -1;
  private wallStart = performance.now();
  /** Where the boot ROM jumps (the kernel's entry). */
  private readonly entry: number;
  private outputCursor = 0;
  /** Length of the output when every hart was last seen waiting in wfi. */
  private quietAt = -1;
  /** mtime when the last byte of output appeared. */
  private outputAt = 0;
  /** The harts' threads, when they run in parallel. */
  private readonly par: ParallelHarts | undefined;
  /** The parallel harts on this thread (hart 0, and others until they move to their workers). */
  private readonly host: HostHarts | undefined;
  /** The interpreted twin in check mode, and how many slices both have run. */
  private readonly twin: Machine | undefined;
  private slices = 0;
  /** The debugger's breakpoints and watchpoints, once one is attached. */
  private points: DebugPoints | undefined;
  private stopRequested = false;
  /** Why the last slice ended "halted". */
  debugStop: DebugStop | undefined;

  constructor(options: MachineOptions) {
    // Once per thread, before any hart runs (see warm-up.ts).
    warmUp();
    // A double from the start, as Hart.instret: passing 2^30 later would change the shape.
    this.instructions = 2 ** 31;
    this.instructions = 0;
    const snap = options.snapshot !== undefined ? decodeSnapshot(options.snapshot) : undefined;
    const opts = snap ? snapshotOptions(options, snap) : options;
    const cpus = opts.cpus ?? 1;
    if (!Number.isInteger(cpus) || cpus < 1 || cpus > 8) throw new MachineError("cpus must be 1 to 8");
    const mem = opts.memMiB ?? 128;
    if (!Number.isInteger(mem) || mem < 16 || mem > 2048)
      throw new MachineError("memory must be 16 to 2048 MiB");
    const parallel = opts.parallel === true;
    this.clockMode = opts.clock ?? (parallel ? "realtime" : "deterministic");
    if (parallel && this.clockMode !== "realtime")
      throw new MachineError("parallel harts run in real time: the deterministic clock needs one thread");
    const moveAfter = opts.moveAfterMs;
    if (moveAfter !== undefined && !(moveAfter >= 0 && moveAfter < Number.POSITIVE_INFINITY))
      throw new MachineError(`moveAfterMs must be a number of milliseconds, not ${moveAfter}`);
    if (parallel && opts.engine === "check")
      throw new MachineError("the check engine runs on one thread: it cannot be used with parallel harts");
    if (opts.engine === "check") {
      if (this.clockMode !== "deterministic")
        throw new MachineError("the check engine needs the deterministic clock");
      let disk: BlockBackend | undefined;
      if (opts.disk) {
        const bytes = new Uint8Array(opts.disk.size);
        opts.disk.read(0, bytes);
        disk = new MemoryBackend(bytes, { readOnly: opts.disk.readOnly });
      }
      this.twin = new Machine({ ...opts, engine: "interp", disk, output: undefined, memory: undefined });
    }
    this.onOutput = opts.output;
    if (opts.memory !== undefined && opts.memory.byteLength !== mem * MIB)
      throw new MachineError(`the memory buffer holds ${opts.memory.byteLength} bytes, not ${mem} MiB`);
    const size = mem * MIB;
    let memory = opts.memory;
    let ramState: SharedArrayBuffer | undefined;
    const hostsHart = parallel && opts.workerPerHart !== true;
    if (parallel) {
      if (!(memory instanceof SharedArrayBuffer)) memory = new SharedArrayBuffer(size);
      ramState = shareRamState(size, cpus);
    }
    // Hart 0, when it runs here, shares this Ram's code caches with the devices' DMA.
    const share = ramState && { state: ramState, hart: hostsHart ? 0 : -1 };
    this.ram = new Ram(size, RAM_BASE, cpus, memory, share);
    this.bus = new SimpleBus(this.ram);
    let entry: number;
    if (snap) entry = snap.meta.machine.entry;
    else {
      if (opts.kernel === undefined) throw new MachineError("a kernel (or a snapshot) is needed");
      const elf = parseElf(opts.kernel);
      loadSegments(this.ram, elf);
      entry = elf.entry;
    }
    this.entry = entry;
    this.roundStart = new Float64Array(cpus);
    // Harts on this thread: all of them, or with parallel harts those that start here.
    const harts = Array.from({ length: parallel && !hostsHart ? 0 : cpus }, (_, id) => {
      const hart: Hart = new Hart({
        bus: this.bus,
        id,
        mmu: new Sv39Mmu(this.ram),
        clock: { now: () => this.timeFor(id) },
        resetPc: ROM_BASE,
        engine: opts.engine === "check" ? "jit" : opts.engine,
      });
      // With others to run, a hart seen spinning gives up the rest of its turn.
      hart.yieldOnSpin = cpus > 1;
      return hart;
    });
    this.harts = parallel ? [] : harts;
    const clintBuffer = parallel ? clintState(cpus) : undefined;
    const plicBuffer = parallel ? plicState(cpus) : undefined;
    if (parallel) {
      this.par = new ParallelHarts(cpus, this.bus);
      const par = this.par;
      const here = (h: number): Hart | undefined => this.host?.hart(h);
      // Each thread drives the timer pins of the harts it runs from the shared registers.
      this.clint = new Clint(
        Array.from({ length: cpus }, (_, h) => ({
          setInterrupt: (bit: number, level: boolean) => here(h)?.setInterrupt(bit, level),
        })),
        () => this.now(),
        clintBuffer,
      );
      if (hostsHart) this.host = new HostHarts(harts, par, this.clint, moveAfter ?? MOVE_AFTER_MS);
      this.plic = new Plic(plicPins(par.control, here), plicBuffer);
    } else {
      this.clint = new Clint(this.harts, () => this.now());
      this.plic = new Plic(this.harts);
    }
    this.uart = new Uart16550(this.deviceLine(UART_IRQ), (b) => this.emit(b));
    this.bus.map(ROM_BASE, ROM_SIZE, new BootRom(entry, { cpus, ramBase: RAM_BASE, ramSize: mem * MIB }));
    this.bus.map(FINISHER_BASE, FINISHER_SIZE, new Finisher((code) => this.off(code)));
    this.bus.map(
      CLINT_BASE,
      CLINT_SIZE,
      this.par ? new WakingClint(this.clint, this.par.control, 0) : this.clint,
    );
    this.bus.map(PLIC_BASE, PLIC_SIZE, this.plic);
    this.bus.map(UART_BASE, UART_SIZE, this.hostView(this.uart));
    this.diskBackend = opts.disk;
    let roaming: RoamingDisk | undefined;
    if (opts.disk) {
      const transport = opts.virtio ?? "modern";
      this.disk = new VirtioBlk({
        memory: new RamDma(this.ram),
        irq: this.deviceLine(VIRTIO_IRQ),
        backend: opts.disk,
        transport,
      });
      // With parallel harts, a disk their threads can reach themselves is served on the hart that
      // asks (see parallel/roaming.ts); any other stays on this thread.
      const backend = parallel ? opts.disk.shareable?.() : undefined;
      if (backend !== undefined) {
        const state = roamingState();
        this.bus.map(VIRTIO_BASE, VIRTIO_SIZE, new Roaming(this.disk, state, true));
        roaming = { base: VIRTIO_BASE, size: VIRTIO_SIZE, irq: VIRTIO_IRQ, transport, backend, state };
      } else this.bus.map(VIRTIO_BASE, VIRTIO_SIZE, this.hostView(this.disk));
    }
    if (snap) this.restoreFrom(snap);
    if (this.par !== undefined) {
      // The status registers drivers poll or read for every interrupt come from shadows.
      const remote: RemoteRange[] = [
        { base: FINISHER_BASE, size: FINISHER_SIZE },
        {
          base: UART_BASE,
          size: UART_SIZE,
          shadows: [{ offset: UART_LSR, size: 1, slot: 0 }],
        },
      ];
      const uart = this.uart;
      this.par.shadow(0, () => uart.peek(UART_LSR, 1));
      const disk = this.disk;
      if (disk && roaming === undefined) {
        remote.push({
          base: VIRTIO_BASE,
          size: VIRTIO_SIZE,
          shadows: [{ offset: Reg.InterruptStatus, size: 4, slot: 1 }],
        });
        this.par.shadow(1, () => disk.peek(Reg.InterruptStatus, 4));
      }
      this.par.start({
        cpus,
        ramSize: size,
        ram: memory as SharedArrayBuffer,
        ramState: ramState as SharedArrayBuffer,
        clint: clintBuffer as SharedArrayBuffer,
        plic: plicBuffer as SharedArrayBuffer,
        engine: opts.engine === "interp" ? "interp" : "jit",
        entry,
        start: performance.timeOrigin + this.wallStart,
        remote,
        disk: roaming,
        hosted: this.host !== undefined,
      });
    }
  }

  /**
   * The whole machine as bytes (see the README's "Snapshots"): harts, devices, RAM, the disk's
   * content, the console output so far and input not yet taken. `new Machine({ snapshot })`
   * continues from it; in the deterministic clock exactly as this machine would. Take it between
   * slices (not from an output callback); parallel harts cannot be saved.
   */
  snapshot(): Uint8Array {
    if (this.par !== undefined) throw new MachineError("a machine with parallel harts cannot be saved");
    let disk: Uint8Array | undefined;
    if (this.diskBackend !== undefined) {
      disk = new Uint8Array(this.diskBackend.size);
      this.diskBackend.read(0, disk);
    }
    return encodeSnapshot({
      meta: {
        machine: {
          cpus: this.harts.length,
          memMiB: this.ram.size / MIB,
          clock: this.clockMode,
          entry: this.entry,
          disk:
            this.diskBackend && this.disk
              ? {
                  bytes: this.diskBackend.size,
                  readOnly: this.diskBackend.readOnly,
                  transport: this.disk.legacy ? "legacy" : "modern",
                }
              : null,
        },
        state: {
          instructions: this.instructions,
          mtime: this.clockMode === "deterministic" ? this.roundTicks : this.now(),
          output: this.output,
          outputCursor: this.outputCursor,
          quietAt: this.quietAt,
          outputAt: this.outputAt,
          input: [...this.input],
          powerOff: this.powerOff ?? null,
        },
        harts: this.harts.map((h) => h.saveState()),
        uart: this.uart.saveState(),
        virtio: this.disk?.saveState() ?? null,
      },
      clint: this.clint.saveState(),
      plic: this.plic.saveState(),
      ram: this.ram.u8,
      disk,
    });
  }

  private restoreFrom(snap: DecodedSnapshot): void {
    const m = snap.meta;
    try {
      snap.ram(this.ram.u8);
      if (!Array.isArray(m.harts) || m.harts.length !== this.harts.length)
        throw new SnapshotError("the snapshot's harts do not match its machine");
      for (let i = 0; i < this.harts.length; i++) this.harts[i].loadState(m.harts[i]);
      this.clint.loadState(snap.clint);
      this.plic.loadState(snap.plic);
      this.uart.loadState(m.uart);
      if (this.disk && m.virtio) this.disk.loadState(m.virtio);
      const st = m.state;
      const num = (v: unknown) => {
        if (typeof v !== "number" || !Number.isFinite(v))
          throw new SnapshotError("the snapshot's state is damaged");
        return v;
      };
      this.instructions = num(st.instructions);
      if (this.clockMode === "deterministic") this.roundTicks = num(st.mtime);
      // In real time the clock goes on from the saved mtime, not from the machine's creation.
      else this.wallStart = performance.now() - num(st.mtime) / 10_000;
      if (typeof st.output !== "string") throw new SnapshotError("the snapshot's state is damaged");
      this.output = st.output;
      this.outputCursor = num(st.outputCursor);
      this.quietAt = num(st.quietAt);
      this.outputAt = num(st.outputAt);
      this.input.push(...(Array.isArray(st.input) ? st.input.map((b) => num(b) & 0xff) : []));
      this.powerOff = st.powerOff === null ? undefined : num(st.powerOff);
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError(`the snapshot is damaged: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** True when the harts run on threads of their own (see MachineOptions.parallel). */
  get parallel(): boolean {
    return this.par !== undefined;
  }

  /** The harts that run on worker threads of their own now (see MachineOptions.moveAfterMs). */
  get workerHarts(): number[] {
    const par = this.par;
    if (par === undefined) return [];
    const ids: number[] = [];
    for (let id = 0; id < par.control.harts; id++) if (this.host?.hart(id) === undefined) ids.push(id);
    return ids;
  }

  /**
   * Ends the harts' threads (parallel harts; nothing to do otherwise) and resolves once they have
   * stopped. The machine runs no more after it.
   */
  close(): Promise<void> {
    return this.par?.stop() ?? Promise.resolve();
  }

  private off(code: number): void {
    if (this.powerOff === undefined) this.powerOff = code;
    void this.par?.stop();
  }

  private emit(byte: number): void {
    this.output += String.fromCharCode(byte);
    this.outputAt = this.now();
    this.onOutput?.(Uint8Array.of(byte));
  }

  /** mtime now: in the deterministic clock, as the hart that is running sees it. */
  now(): number {
    return this.timeFor(this.current);
  }

  private timeFor(id: number): number {
    if (this.clockMode === "realtime") return Math.floor((performance.now() - this.wallStart) * 10_000);
    if (id < 0 || id !== this.current) return Math.floor(this.roundTicks);
    return Math.floor(this.roundTicks + (this.harts[id].instret - this.roundStart[id]) / STEPS_PER_TICK);
  }

  /** Queues console input (typed into the UART as its FIFO has room). */
  type(text: string | Uint8Array): void {
    this.twin?.type(text);
    const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
    for (const b of bytes) this.input.push(b);
  }

  /** Bytes of input not yet taken by the guest. */
  get pendingInput(): number {
    return this.input.length;
  }

  /** A device the other harts keep shadows of, as hart 0 reaches it from this thread. */
  private hostView(dev: Device): Device {
    return this.host && this.par ? refreshing(dev, this.par) : dev;
  }

  /**
   * A device's interrupt line. With parallel harts the shadow registers are brought up to date
   * before the line changes, so a hart that takes the interrupt reads the status that raised it.
   */
  private deviceLine(irq: number): IrqLine {
    const line = this.plic.line(irq);
    const par = this.par;
    if (par === undefined) return line;
    return {
      set: (level: boolean) => {
        par.refresh();
        line.set(level);
      },
    };
  }

  private feedInput(): void {
    while (this.input.length > 0 && this.uart.rxSpace > 0) this.uart.receive(this.input.shift() as number);
  }

  /** The earliest timer deadline of any hart (mtime ticks), or Infinity. */
  nextDeadline(): number {
    let d = this.clint.nextDeadline();
    for (const h of this.harts) d = Math.min(d, h.nextDeadline());
    return d;
  }

  /**
   * Runs about `budget` instructions (summed over harts), one round-robin round of QUANTUM each at a
   * time. Returns "idle" when every hart waits in wfi and nothing can wake one before a timer
   * deadline that, in the real-time clock, has not yet come (or that does not exist).
   */
  runSlice(budget: number): SliceResult {
    const result = this.slice(budget);
    const twin = this.twin;
    if (twin !== undefined) {
      const other = twin.slice(budget);
      let diff: string | undefined;
      if (result !== other) diff = `slice ended ${result} vs ${other}`;
      else if (this.instructions !== twin.instructions)
        diff = `instructions ${this.instructions} vs ${twin.instructions}`;
      else if (this.output !== twin.output) diff = "console output";
      for (let id = 0; diff === undefined && id < this.harts.length; id++) {
        const d = hartDiff(this.harts[id], twin.harts[id]);
        if (d !== undefined) diff = `hart ${id}: ${d}`;
      }
      if (diff === undefined && (++this.slices % 16 === 0 || result === "off"))
        diff = ramDiff(this.ram, twin.ram);
      if (diff !== undefined) {
        throw new EngineMismatch(
          `compiled and interpreted machines differ after ${this.instructions} instructions: ${diff}`,
        );
      }
    }
    return result;
  }

  /**
   * A lone hart's turn: up to SOLO_QUANTUM instructions (fewer trips through this loop, and room
   * for compiled loops to run long), but never past the next timer deadline, so a timer interrupt
   * comes no later than with QUANTUM-long turns. A deadline that the guest sets during a turn is
   * seen when the turn ends (at most 2,000 ticks, 0.2 ms of guest time, later).
   */
  private soloQuantum(): number {
    if (this.clockMode !== "deterministic") return QUANTUM;
    const left = (this.nextDeadline() - this.roundTicks) * STEPS_PER_TICK;
    // A deadline already past has raised its interrupt: the hart takes it once it enables it.
    if (left <= 0) return SOLO_QUANTUM;
    return Math.max(1, Math.min(SOLO_QUANTUM, Math.ceil(left)));
  }

  /**
   * Parallel harts run on their own; a slice answers their device accesses for a while, feeds
   * typed input, and notes the instructions they retired.
   */
  private parallelSlice(par: ParallelHarts): SliceResult {
    if (this.powerOff === undefined) {
      const done = (): boolean => {
        this.feedInput();
        return this.powerOff !== undefined;
      };
      if (this.host) this.host.runFor(PARALLEL_SLICE_MS, done);
      else par.serveFor(PARALLEL_SLICE_MS, done);
    }
    this.instructions = par.instructions();
    if (par.failure !== undefined) {
      void par.stop();
      throw new MachineError(`a hart's thread failed: ${par.failure}`);
    }
    if (par.allWaiting()) this.quietAt = this.output.length;
    return this.powerOff !== undefined ? "off" : "running";
  }

  private slice(budget: number): SliceResult {
    if (this.par !== undefined) return this.parallelSlice(this.par);
    let done = 0;
    let halted = false;
    while (done < budget && !halted) {
      if (this.powerOff !== undefined) break;
      if (this.stopRequested) {
        this.stopRequested = false;
        this.debugStop = { hart: 0, reason: "interrupt" };
        halted = true;
        break;
      }
      this.feedInput();
      let longest = 0;
      const quantum = this.harts.length === 1 ? this.soloQuantum() : QUANTUM;
      for (let id = 0; id < this.harts.length; id++) {
        const hart = this.harts[id];
        this.current = id;
        this.roundStart[id] = hart.instret;
        let used = 0;
        let turn = 0;
        while (used < quantum && this.powerOff === undefined) {
          this.clint.update();
          const n = hart.run(quantum - used);
          used += n;
          if (hart.halt !== HALT_NONE) {
            used += this.debugHalted(id);
            halted = true;
            break;
          }
          if (hart.spun) {
            // It would have spun for the rest of its turn: guest time passes as if it had.
            turn = quantum;
            break;
          }
          if (n === 0) break;
        }
        this.current = -1;
        longest = Math.max(longest, used, turn);
        done += used;
        if (halted) break;
      }
      if (this.clockMode === "deterministic") this.roundTicks += longest / STEPS_PER_TICK;
      if (this.allWaiting()) this.quietAt = this.output.length;
      if (longest === 0 && !halted) {
        if (this.powerOff !== undefined) return "off";
        if (this.input.length > 0 && this.uart.rxSpace > 0) continue;
        const deadline = this.nextDeadline();
        const now = this.now();
        if (this.clockMode === "realtime" || !(deadline < 2 ** 53) || deadline <= now) {
          this.instructions += done;
          return "idle";
        }
        // Every hart sleeps: in deterministic time, skip straight to the next timer.
        this.roundTicks = deadline;
      }
    }
    this.instructions += done;
    if (halted) return "halted";
    return this.powerOff !== undefined ? "off" : "running";
  }

  /**
   * Hart `id` stopped for the debugger: records why. A watched access is made before the stop is
   * reported (the hart stopped before it), as QEMU reports watchpoints. Returns the steps taken.
   */
  private debugHalted(id: number): number {
    const hart = this.harts[id];
    if (hart.halt !== HALT_WATCH) {
      hart.halt = HALT_NONE;
      this.debugStop = { hart: id, reason: "breakpoint" };
      return 0;
    }
    this.debugStop = this.watchStop(id);
    return this.stepOnce(hart, true);
  }

  private watchStop(id: number): DebugStop {
    const hart = this.harts[id];
    return { hart: id, reason: "watchpoint", watch: hart.haltWatch, address: hart.haltAddress };
  }

  /**
   * Runs one instruction of `hart` with interrupts held off (as QEMU steps); with `over`, the
   * debugger's breakpoints and watchpoints are suspended for it (the instruction a hart stopped at).
   */
  private stepOnce(hart: Hart, over: boolean): number {
    const points = this.points as DebugPoints;
    hart.halt = HALT_NONE;
    points.suspended = over;
    hart.holdInterrupts = true;
    const n = hart.run(1);
    hart.holdInterrupts = false;
    points.suspended = false;
    return n;
  }

  /**
   * Attaches a debugger: from now on the harts stop at the returned object's breakpoints and
   * watchpoints (runSlice then returns "halted" and debugStop says where). Call debugResume after
   * changing them.
   */
  attachDebugger(): DebugPoints {
    if (this.par !== undefined) throw new MachineError("a debugger cannot attach to parallel harts");
    if (this.points === undefined) {
      this.points = new DebugPoints();
      for (const h of this.harts) h.debug = this.points;
    }
    return this.points;
  }

  /** Removes every breakpoint and watchpoint; the harts run as if no debugger had come. */
  detachDebugger(): void {
    if (this.points === undefined) return;
    this.points.clear();
    for (const h of this.harts) {
      h.debug = null;
      h.halt = HALT_NONE;
      h.debugChanged();
    }
    this.points = undefined;
  }

  /** Asks a running machine to stop at the end of the current round (a debugger's Ctrl-C). */
  requestStop(): void {
    this.stopRequested = true;
  }

  /** Before running again after a stop: the harts see the debugger's changes to the points. */
  debugResume(): void {
    this.stopRequested = false;
    for (const h of this.harts) h.debugChanged();
  }

  /**
   * Executes one instruction on hart `id` alone, with interrupts held off (as QEMU steps), and
   * returns why it stopped: "step", or "watchpoint" if the instruction made a watched access.
   * A hart waiting in wfi does not move.
   */
  debugStep(id: number): DebugStop {
    const hart = this.harts[id];
    this.debugResume();
    this.current = id;
    this.roundStart[id] = hart.instret;
    this.clint.update();
    let n = this.stepOnce(hart, false);
    let stop: DebugStop = { hart: id, reason: "step" };
    if (hart.halt === HALT_WATCH) stop = this.watchStop(id);
    // Stopped before a watched access, or at a breakpoint where it stands: run that instruction.
    if (hart.halt !== HALT_NONE) n += this.stepOnce(hart, true);
    this.current = -1;
    if (this.clockMode === "deterministic") this.roundTicks += n / STEPS_PER_TICK;
    this.instructions += n;
    return stop;
  }

  /** Wall milliseconds until the next timer deadline in the real-time clock (for an idle wait). */
  idleDelayMs(): number {
    const d = this.nextDeadline();
    if (!(d < 2 ** 53)) return 50;
    return Math.max(0, Math.min(50, (d - this.now()) / 10_000));
  }

  /**
   * True when nothing can ever run again without input from outside: every hart waits in wfi with
   * no interrupt pending, no typed input can be delivered, and no timer is set for a time still to
   * come (devices answer at once, so they cannot wake a hart later on their own).
   */
  stuck(): boolean {
    // Parallel harts run in real time, and each sleeps until its own timer.
    if (this.par !== undefined || this.powerOff !== undefined || !this.allWaiting()) return false;
    if (this.input.length > 0 && this.uart.rxSpace > 0) return false;
    this.clint.update();
    const now = this.now();
    for (let id = 0; id < this.harts.length; id++) {
      const h = this.harts[id];
      if ((h.readMip() & h.mie) !== 0) return false;
      for (const d of [this.clint.compare(id), h.nextDeadline()]) if (d < 2 ** 53 && d > now) return false;
    }
    return true;
  }

  private allWaiting(): boolean {
    if (this.par !== undefined) return this.par.allWaiting();
    for (const h of this.harts) if (!h.waiting) return false;
    return true;
  }

  /**
   * Runs until `found` returns how much of the unconsumed output it accepts (a character count),
   * then consumes and returns that much. Rejects on power-off or when a budget runs out.
   */
  private async until(
    found: (rest: string) => number,
    what: string,
    opts: WaitOptions,
    echo = "",
  ): Promise<string> {
    const limit = this.instructions + (opts.maxInstructions ?? Number.POSITIVE_INFINITY);
    const deadline = performance.now() + (opts.timeoutMs ?? Number.POSITIVE_INFINITY);
    let scanned = -1;
    let stuck = false;
    for (;;) {
      const rest = this.output.slice(this.outputCursor);
      const end = found(rest);
      if (end >= 0) {
        this.outputCursor += end;
        return rest.slice(0, end);
      }
      // Most slices print nothing: scan again only when the output grew.
      if (opts.failOn && rest.length !== scanned) {
        scanned = rest.length;
        const lost = opts.failOn.exec(echo && rest.startsWith(echo) ? rest.slice(echo.length) : rest);
        if (lost) throw new GuestFailure(what, lost[0]);
      }
      if (this.powerOff !== undefined) throw new MachineError(`machine powered off (code ${this.powerOff})`);
      if (this.instructions >= limit) throw new MachineError(`no ${what} within the instruction budget`);
      if (performance.now() >= deadline) throw new MachineError(`no ${what} within the time budget`);
      if (stuck) {
        throw new GuestStuck(`no ${what}: every hart waits in wfi with no timer set and nothing to wake it`);
      }
      const r = this.runSlice(Math.min(200_000, limit - this.instructions));
      // Looked at on the next turn, once the output of this slice has been matched.
      stuck = r === "idle" && this.stuck();
      if (stuck) continue;
      if (r === "idle") await sleep(this.clockMode === "realtime" ? this.idleDelayMs() : 5);
      else await yieldToHost();
    }
  }

  /**
   * Runs until the console output (after what earlier waits consumed) matches `pattern`. Resolves
   * with the output up to and including the match. Rejects on power-off, or when the instruction
   * or wall-clock budget runs out.
   */
  waitFor(pattern: string | RegExp, opts: WaitOptions = {}): Promise<string> {
    return this.until(
      (rest) => {
        const m = typeof pattern === "string" ? indexMatch(rest, pattern) : pattern.exec(rest);
        return m ? m.index + m[0].length : -1;
      },
      `match for ${String(pattern)}`,
      opts,
    );
  }

  /**
   * Runs until the shell waits for input: the output ends with the prompt `$ ` and since then every
   * hart has gone to sleep in wfi, or (for kernels whose idle loop spins instead) nothing more was
   * printed for PROMPT_QUIET_TICKS of guest time. (A prompt alone is not enough: `sh < script`
   * prints prompts while it reads its script.) Resolves with the output before the prompt.
   */
  waitForPrompt(opts: WaitOptions = {}): Promise<string> {
    return this.promptAfter("", opts);
  }

  /**
   * True when the shell waits at its prompt: the output ends with `$ ` and the guest has gone idle
   * since (see waitForPrompt), and no typed input is left for it to read.
   */
  atPrompt(): boolean {
    return this.input.length === 0 && this.output.endsWith("$ ") && this.quietSincePrompt();
  }

  private quietSincePrompt(): boolean {
    return this.quietAt === this.output.length || this.now() - this.outputAt >= PROMPT_QUIET_TICKS;
  }

  private async promptAfter(echo: string, opts: WaitOptions): Promise<string> {
    const out = await this.until(
      (rest) => (rest.endsWith("$ ") && this.quietSincePrompt() ? rest.length : -1),
      "shell prompt",
      opts,
      echo,
    );
    return out.slice(0, -2);
  }

  /** Types a command at the shell prompt and returns its output up to the next prompt. */
  runCommand(line: string, opts: WaitOptions = {}): Promise<string> {
    this.type(`${line}\n`);
    return this.promptAfter(`${line}\n`, opts);
  }

  /** The disk's bytes as the guest left them (memory backends only). */
  diskBytes(): Uint8Array | undefined {
    return (this.diskBackend as { bytes?: Uint8Array } | undefined)?.bytes;
  }
}

function indexMatch(text: string, s: string): { index: number; 0: string } | null {
  const i = text.indexOf(s);
  return i < 0 ? null : { index: i, 0: s };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Lets the host run its event loop (input, timers) between slices. */
function yieldToHost(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((r) => setImmediate(r));
  return new Promise((r) => setTimeout(r, 0));
}

/** The options a snapshot implies, checked against those given. */
function snapshotOptions(o: MachineOptions, snap: DecodedSnapshot): MachineOptions {
  const m = snap.meta.machine;
  if (typeof m !== "object" || m === null || !Number.isInteger(m.entry))
    throw new SnapshotError("the snapshot's description is damaged");
  if (o.parallel) throw new SnapshotError("a snapshot restores onto harts on one thread, not parallel ones");
  const agree = (what: string, given: unknown, saved: unknown) => {
    if (given !== undefined && given !== saved)
      throw new SnapshotError(
        `the snapshot is of a machine with ${what} ${String(saved)}, not ${String(given)}`,
      );
  };
  agree("cpus", o.cpus, m.cpus);
  agree("memMiB", o.memMiB, m.memMiB);
  agree("clock", o.clock, m.clock);
  agree("virtio", o.virtio, m.disk?.transport);
  let disk = o.disk;
  if (m.disk === null) {
    if (disk !== undefined) throw new SnapshotError("the snapshot is of a machine without a disk");
  } else {
    const bytes = snap.disk() as Uint8Array;
    if (disk === undefined) disk = new MemoryBackend(bytes, { readOnly: m.disk.readOnly });
    else {
      if (disk.size !== bytes.length)
        throw new SnapshotError(`the snapshot's disk has ${bytes.length} bytes, the one given ${disk.size}`);
      disk.write(0, bytes);
    }
  }
  return { ...o, cpus: m.cpus, memMiB: m.memMiB, clock: m.clock, virtio: m.disk?.transport, disk };
}
