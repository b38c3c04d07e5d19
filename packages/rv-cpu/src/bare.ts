import { Clint } from "@xv6-machine/devices";
import { Ram, SimpleBus } from "./bus.js";
import { EngineMismatch, hartDiff, ramDiff } from "./check.js";
import { ElfError, loadSegments, parseElf } from "./elf.js";
import { type Engine, Hart } from "./hart.js";
import type { Mmu } from "./mmu.js";

export interface BareOptions {
  /** Stop after this many instructions (default 1e9). */
  maxInstructions?: number;
  /** RAM size in bytes (default 128 MiB at 0x8000_0000). */
  ramSize?: number;
  /** Console output from the program (HTIF putchar and write syscalls). */
  output?: (bytes: Uint8Array) => void;
  /** Called before each instruction when set (slow: runs one instruction at a time). */
  trace?: (hart: Hart) => void;
  /** Translation for satp modes other than Bare (the sv39 package provides one). */
  mmu?: (ram: Ram) => Mmu;
  /**
   * Execution engine of the hart (see HartOptions), or "check": the compiler runs the program and
   * the interpreter runs it beside, in step; the first difference in registers, pc, CSRs, output or
   * memory throws an EngineMismatch.
   */
  engine?: Engine | "check";
  /** See HartOptions.jitThreshold. */
  jitThreshold?: number;
  /** See HartOptions.jitMinLength. */
  jitMinLength?: number;
}

export type BareResult =
  | { status: "pass"; instructions: number }
  | { status: "fail"; test: number; instructions: number }
  | { status: "limit"; instructions: number }
  | { status: "stuck"; instructions: number };

const CHUNK = 4096;
const CLINT_BASE = 0x0200_0000;
/** Retired instructions per mtime tick in the deterministic clock. */
const STEPS_PER_TICK = 10;
const SYS_WRITE = 64;
const SYS_EXIT = 93;

/**
 * A bare machine for test programs: RAM at 0x8000_0000, a CLINT at 0x0200_0000, and the HTIF
 * `tohost`/`fromhost` mailbox that riscv-tests use, found by ELF symbol.
 */
export class BareMachine {
  readonly ram: Ram;
  readonly bus: SimpleBus;
  readonly hart: Hart;
  readonly clint: Clint;
  readonly tohost: number;
  readonly fromhost: number;
  private readonly view: DataView;
  private skippedTicks = 0;
  /** The interpreted twin in check mode. */
  private readonly shadow: BareMachine | undefined;
  /** Set by slice() when the program has finished or can never go on. */
  private ended: BareResult | undefined;

  constructor(elfBytes: Uint8Array, opts: BareOptions = {}) {
    const elf = parseElf(elfBytes);
    this.ram = new Ram(opts.ramSize ?? 128 << 20);
    this.bus = new SimpleBus(this.ram);
    this.view = new DataView(this.ram.u8.buffer);
    const tohost = elf.symbols.get("tohost");
    if (tohost === undefined) throw new ElfError("ELF file has no `tohost` symbol (HTIF programs need one)");
    if (!this.ram.contains(tohost, 8)) throw new ElfError("`tohost` is not in RAM");
    this.tohost = tohost;
    const fromhost = elf.symbols.get("fromhost");
    // Replies are written there: outside RAM they would be lost, or land on RAM modulo 2^32.
    if (fromhost !== undefined && !this.ram.contains(fromhost, 8))
      throw new ElfError("`fromhost` is not in RAM");
    this.fromhost = fromhost ?? -1;
    loadSegments(this.ram, elf);
    const clock = { now: () => Math.floor(this.hart.instret / STEPS_PER_TICK) + this.skippedTicks };
    this.hart = new Hart({
      bus: this.bus,
      mmu: opts.mmu?.(this.ram),
      clock,
      resetPc: elf.entry,
      engine: opts.engine === "check" ? "jit" : opts.engine,
      jitThreshold: opts.jitThreshold,
      jitMinLength: opts.jitMinLength,
    });
    this.clint = new Clint([this.hart], () => clock.now());
    this.bus.map(CLINT_BASE, 0x10000, this.clint);
    if (opts.engine === "check") this.shadow = new BareMachine(elfBytes, { ...opts, engine: "interp" });
  }

  // Byte for byte: tohost and the syscall block may sit at any alignment (the hart's own
  // misaligned stores put them there), and the caller has checked they lie in RAM.
  private read64(pa: number): bigint {
    return this.view.getBigUint64(pa - this.ram.base, true);
  }

  private write64(pa: number, v: bigint): void {
    this.view.setBigUint64(pa - this.ram.base, v, true);
    this.ram.noteStore(pa - this.ram.base, 8);
  }

  /** Handles a pending tohost request. Returns the exit code once the program has finished. */
  private serviceHtif(output: (b: Uint8Array) => void): bigint | undefined {
    const v = this.read64(this.tohost);
    if (v === 0n) return undefined;
    const device = Number(v >> 56n);
    const command = Number((v >> 48n) & 0xffn);
    const payload = v & 0xffff_ffff_ffffn;
    if (device === 0 && command === 0 && payload & 1n) return payload >> 1n;
    this.write64(this.tohost, 0n);
    if (device === 1 && command === 1) {
      output(Uint8Array.of(Number(payload & 0xffn)));
    } else if (device === 0 && command === 0) {
      return this.syscall(Number(payload), output);
    }
    return undefined;
  }

  /** The proxy-kernel style syscall block: eight 64-bit words [n, a0, a1, ...]; result in word 0. */
  private syscall(addr: number, output: (b: Uint8Array) => void): bigint | undefined {
    if (!this.ram.contains(addr, 64)) return undefined;
    const arg = (k: number) => this.read64(addr + 8 * k);
    const n = Number(arg(0));
    let ret = -38n; // ENOSYS
    if (n === SYS_EXIT) return arg(1);
    if (n === SYS_WRITE) {
      const buf = Number(arg(2));
      const len = Number(arg(3));
      if (this.ram.contains(buf, len)) {
        output(this.ram.readBytes(buf, len));
        ret = BigInt(len);
      } else ret = -14n; // EFAULT
    }
    this.write64(addr, BigInt.asUintN(64, ret));
    if (this.fromhost >= 0) this.write64(this.fromhost, 1n);
    return undefined;
  }

  /** Runs until the program reports through tohost, the limit is reached, or it waits forever. */
  run(opts: BareOptions = {}): BareResult {
    const max = opts.maxInstructions ?? 1e9;
    const output = opts.output ?? (() => {});
    const shadow = this.shadow;
    let total = 0;
    let chunks = 0;
    while (total < max) {
      const budget = opts.trace ? 1 : Math.min(CHUNK, max - total);
      opts.trace?.(this.hart);
      if (shadow === undefined) {
        total += this.slice(budget, output, total);
      } else {
        const mine: number[] = [];
        const theirs: number[] = [];
        const n = this.slice(budget, (b) => mine.push(...b), total);
        const m = shadow.slice(budget, (b) => theirs.push(...b), total);
        let diff = n !== m ? `steps ${n} vs ${m}` : hartDiff(this.hart, shadow.hart);
        if (diff === undefined && mine.join() !== theirs.join()) diff = "console output";
        if (diff === undefined && (++chunks % 64 === 0 || this.ended !== undefined))
          diff = ramDiff(this.ram, shadow.ram);
        if (diff === undefined && this.ended?.status !== shadow.ended?.status) diff = "how the program ended";
        if (diff !== undefined) {
          throw new EngineMismatch(`compiled and interpreted runs differ after ${total} steps: ${diff}`);
        }
        if (mine.length > 0) output(Uint8Array.from(mine));
        total += n;
      }
      const ended = this.ended;
      if (ended !== undefined) return { ...ended, instructions: total };
    }
    return { status: "limit", instructions: total };
  }

  /** Runs up to `budget` steps and services HTIF; sets `ended` when the program is done. */
  private slice(budget: number, output: (b: Uint8Array) => void, total: number): number {
    const hart = this.hart;
    this.clint.update();
    const n = hart.run(budget);
    const code = this.serviceHtif(output);
    if (code !== undefined) {
      this.ended =
        code === 0n
          ? { status: "pass", instructions: total + n }
          : { status: "fail", test: Number(code), instructions: total + n };
      return n;
    }
    if (n === 0 && hart.waiting) {
      // Nothing runs until a timer fires: jump time forward to the nearest deadline.
      const deadline = Math.min(this.clint.nextDeadline(), hart.nextDeadline());
      const now = this.clint.now();
      if (!(deadline < 2 ** 53)) this.ended = { status: "stuck", instructions: total };
      else if (deadline > now) this.skippedTicks += deadline - now;
      else if (hart.pendingInterrupt() < 0 && (hart.readMip() & hart.mie) === 0) {
        this.ended = { status: "stuck", instructions: total };
      }
    }
    return n;
  }
}

/** Loads an HTIF test program into a bare machine and runs it. */
export function runBare(elfBytes: Uint8Array, opts: BareOptions = {}): BareResult {
  return new BareMachine(elfBytes, opts).run(opts);
}
