import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ElfError, EngineMismatch } from "@xv6-machine/rv-cpu";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { FileBackend } from "@xv6-machine/virtio-blk/file";
import { buildImage, imageName } from "@xv6-machine/xv6-mkfs";
import { runConsole } from "./console.js";
import { listenGdb } from "./gdb/server.js";
import { guestFiles } from "./guest.js";
// The package's own entry: the published CLI imports it rather than bundling the machine again.
import { type ClockMode, GdbStub, GuestFailure, GuestStuck, Machine, MachineError } from "./index.js";
import { prefaultedMemory } from "./prefault.js";
import { Terminal } from "./terminal.js";

const MIB = 1 << 20;

const USAGE = `usage: xv6-machine [--kernel ELF] [--fs IMAGE | --user DIR] [--cpus N] [--mem MIB]
                   [--virtio legacy|modern] [--clock deterministic|realtime]
                   [--engine jit|interp|check] [--parallel] [--cmd "LINE"]...
                   [--timeout SECONDS] [--gdb PORT [--wait-gdb]]
                   [--save FILE] [--restore FILE]
  --parallel   harts run in parallel, a thread each (real time; not with --gdb or --engine check)
  --save       write a snapshot of the machine to FILE after the last --cmd, at power-off,
               or on Ctrl-A S in the console
  --restore    continue from a snapshot instead of booting (it holds the kernel and the disk)`;

/** Exit statuses. */
const EXIT_OK = 0;
const EXIT_PANIC = 1;
const EXIT_USAGE = 2;
const EXIT_TIMEOUT = 3;
const EXIT_GUEST_FAIL = 4;
const EXIT_ENGINE_MISMATCH = 5;
/** 128 + the signal's number, as shells report a process ended by it. */
const EXIT_ON_SIGNAL: [NodeJS.Signals, number][] = [
  ["SIGHUP", 129],
  ["SIGINT", 130],
  ["SIGTERM", 143],
];

class UsageError extends Error {}

function intOption(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${v}'`);
  }
  return Number(v);
}

function readFile(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** The files of a directory as xv6-mkfs would name them (directory part and a leading `_` dropped). */
function userDir(dir: string): { name: string; bytes: Uint8Array }[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(`cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code}`);
  }
  return names
    .filter((n) => statSync(join(dir, n)).isFile())
    .map((n) => ({ name: imageName(n), bytes: readFile(join(dir, n), "file") }));
}

interface Parsed {
  kernel?: string;
  fs?: string;
  user?: string;
  cpus: number;
  mem: number;
  virtio: "legacy" | "modern";
  clock: ClockMode;
  engine: "jit" | "interp" | "check";
  cmds: string[];
  timeout?: number;
  gdb?: number;
  waitGdb: boolean;
  parallel: boolean;
  save?: string;
  restore?: string;
  /** Options given on the command line (not defaults). */
  given: Set<string>;
}

function parse(argv: string[]): Parsed | "help" {
  let p: ReturnType<typeof parseArgs>;
  try {
    p = parseArgs({
      args: argv,
      options: {
        kernel: { type: "string" },
        fs: { type: "string" },
        user: { type: "string" },
        cpus: { type: "string" },
        mem: { type: "string" },
        virtio: { type: "string" },
        clock: { type: "string" },
        engine: { type: "string" },
        cmd: { type: "string", multiple: true },
        timeout: { type: "string" },
        gdb: { type: "string" },
        "wait-gdb": { type: "boolean" },
        parallel: { type: "boolean" },
        save: { type: "string" },
        restore: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = p.values as Record<string, string | string[] | boolean | undefined>;
  const given = new Set(Object.keys(v).filter((k) => v[k] !== undefined));
  if (v.help) return "help";
  if (v.fs !== undefined && v.user !== undefined)
    throw new UsageError("--fs and --user cannot be used together");
  const virtio = (v.virtio as string | undefined) ?? "modern";
  if (virtio !== "legacy" && virtio !== "modern")
    throw new UsageError(`--virtio must be legacy or modern, got '${virtio}'`);
  const parallel = v.parallel === true;
  const clock = (v.clock as string | undefined) ?? (parallel ? "realtime" : "deterministic");
  if (parallel && clock !== "realtime")
    throw new UsageError("--parallel runs in real time: it cannot be used with --clock deterministic");
  if (clock !== "deterministic" && clock !== "realtime") {
    throw new UsageError(`--clock must be deterministic or realtime, got '${clock}'`);
  }
  const engine = (v.engine as string | undefined) ?? "jit";
  if (engine !== "jit" && engine !== "interp" && engine !== "check") {
    throw new UsageError(`--engine must be jit, interp or check, got '${engine}'`);
  }
  if (engine === "check" && clock !== "deterministic") {
    throw new UsageError("--engine check needs --clock deterministic");
  }
  let timeout: number | undefined;
  if (v.timeout !== undefined) {
    timeout = Number(v.timeout);
    if (!(timeout > 0))
      throw new UsageError(`--timeout must be a positive number of seconds, got '${v.timeout}'`);
  }
  const gdb = v.gdb === undefined ? undefined : intOption(v.gdb as string, "gdb", 1, 65535, 0);
  if (v["wait-gdb"] && gdb === undefined) throw new UsageError("--wait-gdb needs --gdb PORT");
  if (parallel && engine === "check") throw new UsageError("--parallel cannot be used with --engine check");
  if (parallel && gdb !== undefined) throw new UsageError("--parallel cannot be used with --gdb");
  if (gdb !== undefined && engine === "check")
    throw new UsageError("--gdb cannot be used with --engine check");
  if (v.restore !== undefined) {
    for (const o of ["kernel", "fs", "user"])
      if (v[o] !== undefined)
        throw new UsageError(`--restore brings its own kernel and disk: it cannot be used with --${o}`);
    if (parallel)
      throw new UsageError("--restore runs the harts on one thread: it cannot be used with --parallel");
  }
  if (parallel && v.save !== undefined)
    throw new UsageError("--parallel machines cannot be saved: drop --save");
  if (gdb !== undefined && (v.cmd as string[] | undefined)?.length)
    throw new UsageError("--gdb is for interactive runs: it cannot be used with --cmd");
  return {
    kernel: v.kernel as string | undefined,
    fs: v.fs as string | undefined,
    user: v.user as string | undefined,
    cpus: intOption(v.cpus as string | undefined, "cpus", 1, 8, 1),
    mem: intOption(v.mem as string | undefined, "mem", 16, 2048, 128),
    virtio,
    clock,
    engine,
    cmds: (v.cmd as string[] | undefined) ?? [],
    timeout,
    gdb,
    waitGdb: v["wait-gdb"] === true,
    parallel,
    save: v.save as string | undefined,
    restore: v.restore as string | undefined,
    given,
  };
}

// A whole line, so the kernel's message is out before we stop: a panicked kernel prints no prompt.
const PANIC = /panic: [^\n]*\n/;

async function main(argv: string[]): Promise<number> {
  let args: Parsed | "help";
  let fileDisk: FileBackend | undefined;
  let machine: Machine;
  const out = (b: Uint8Array) => process.stdout.write(b);
  try {
    args = parse(argv);
    if (args === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (args.restore !== undefined) machine = restoreMachine(args, out);
    else {
      const guest =
        args.kernel === undefined || (args.fs === undefined && args.user === undefined)
          ? guestFiles()
          : undefined;
      let kernel: Uint8Array;
      if (args.kernel !== undefined) kernel = readFile(args.kernel, "kernel");
      else if (guest) kernel = guest.kernel;
      else throw new UsageError("our guest kernel is not built into this package yet: pass --kernel ELF");
      let disk: MemoryBackend | FileBackend;
      if (args.fs !== undefined) {
        try {
          fileDisk = FileBackend.open(args.fs, { readOnly: false });
        } catch (e) {
          throw new UsageError(`cannot open disk image ${args.fs}: ${(e as Error).message}`);
        }
        // Every way out (a signal, Ctrl-A X, a crash) goes through process.exit: flush the disk there.
        const opened = fileDisk;
        process.once("exit", () => opened.close());
        disk = opened;
      } else {
        const files = args.user !== undefined ? userDir(args.user) : guest?.user;
        if (!files) throw new UsageError("no user programs: pass --fs IMAGE or --user DIR");
        disk = new MemoryBackend(buildImage(files));
      }
      machine = new Machine({
        kernel,
        disk,
        cpus: args.cpus,
        memMiB: args.mem,
        virtio: args.virtio,
        clock: args.clock,
        engine: args.engine,
        parallel: args.parallel,
        output: out,
        memory: prefaultedMemory(args.mem * MIB),
      });
    }
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ElfError ||
      e instanceof MachineError ||
      e instanceof RangeError
    ) {
      process.stderr.write(`xv6-machine: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
      return EXIT_USAGE;
    }
    if ((e as Error).name === "FsError") {
      process.stderr.write(`xv6-machine: cannot build the file system: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return runDriven(machine, args, fileDisk);
}

async function runDriven(machine: Machine, args: Parsed, fileDisk: FileBackend | undefined): Promise<number> {
  try {
    return await drive(machine, args);
  } catch (e) {
    if (!(e instanceof EngineMismatch)) throw e;
    process.stderr.write(`\nxv6-machine: engine check failed: ${e.message}\n`);
    return EXIT_ENGINE_MISMATCH;
  } finally {
    // The harts' threads may serve the disk through its descriptor (--parallel): end them first.
    await machine.close();
    fileDisk?.close();
  }
}

/** A machine from --restore's snapshot; the given --cpus, --mem, --virtio and --clock must agree. */
function restoreMachine(args: Parsed, out: (b: Uint8Array) => void): Machine {
  const snapshot = readFile(args.restore as string, "snapshot");
  const machine = new Machine({
    snapshot,
    cpus: args.given.has("cpus") ? args.cpus : undefined,
    memMiB: args.given.has("mem") ? args.mem : undefined,
    virtio: args.given.has("virtio") ? args.virtio : undefined,
    clock: args.given.has("clock") ? args.clock : undefined,
    engine: args.engine,
    output: out,
  });
  // Show where the console was: its last line (the prompt, most often).
  const last = machine.output.slice(machine.output.lastIndexOf("\n") + 1);
  if (last.length > 0) process.stdout.write(last);
  return machine;
}

/** Writes --save's snapshot; a failure is reported, and the run goes on. */
function save(machine: Machine, path: string | undefined): void {
  if (path === undefined) return;
  try {
    writeFileSync(path, machine.snapshot());
    process.stderr.write(`\r\nxv6-machine: saved a snapshot to ${path}\r\n`);
  } catch (e) {
    process.stderr.write(`\r\nxv6-machine: cannot save a snapshot to ${path}: ${(e as Error).message}\r\n`);
  }
}

async function drive(machine: Machine, args: Parsed): Promise<number> {
  let stub: GdbStub | undefined;
  if (args.gdb !== undefined) {
    stub = new GdbStub(machine, { waitForDebugger: args.waitGdb, onKill: () => process.exit(EXIT_OK) });
    try {
      await listenGdb(stub, args.gdb);
    } catch (e) {
      process.stderr.write(
        `xv6-machine: cannot listen for gdb on port ${args.gdb}: ${(e as NodeJS.ErrnoException).code}\n`,
      );
      return EXIT_USAGE;
    }
    process.stderr.write(
      `xv6-machine: ${args.waitGdb ? "waiting for" : "listening for"} gdb on port ${args.gdb}\n`,
    );
  }
  const started = performance.now();
  const timeoutMs = args.timeout === undefined ? Number.POSITIVE_INFINITY : args.timeout * 1000;
  const outcome = (): number | undefined => {
    if (PANIC.test(machine.output)) return EXIT_PANIC;
    if (machine.powerOff !== undefined) return machine.powerOff === 0 ? EXIT_OK : EXIT_GUEST_FAIL;
    return undefined;
  };
  if (args.cmds.length > 0) {
    // A panic line ends the wait at once; the console's echo of a command (`grep panic: f`) is
    // not the kernel's output, and runCommand leaves it out of the check.
    const term = Terminal.forwardOnly();
    try {
      // A machine restored at its prompt is there already.
      if (args.restore === undefined || !machine.atPrompt())
        await machine.waitForPrompt({ timeoutMs, failOn: PANIC });
      for (const cmd of args.cmds) {
        const left = Math.max(0, timeoutMs - (performance.now() - started));
        await machine.runCommand(cmd, { timeoutMs: left, failOn: PANIC });
      }
      process.stdout.write("\n");
      save(machine, args.save);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof GuestFailure) return EXIT_PANIC;
      if (e instanceof GuestStuck) {
        process.stderr.write(
          `\nxv6-machine: stuck: every hart waits in wfi with no timer set and no interrupt to wake it ` +
            `(after ${machine.instructions} instructions)\n`,
        );
        return EXIT_TIMEOUT;
      }
      if (!(e instanceof MachineError)) throw e;
      if (machine.powerOff !== undefined) return machine.powerOff === 0 ? EXIT_OK : EXIT_GUEST_FAIL;
      process.stderr.write(`\nxv6-machine: timed out after ${args.timeout} s\n`);
      return EXIT_TIMEOUT;
    } finally {
      term.restore();
    }
  }
  return runConsole(machine, {
    timeoutMs,
    onTimeout: () => {
      process.stderr.write(`\nxv6-machine: timed out after ${args.timeout} s\n`);
      return EXIT_TIMEOUT;
    },
    finished: () => {
      const code = outcome();
      if (code !== undefined && machine.powerOff !== undefined) save(machine, args.save);
      return code;
    },
    onSave: () => save(machine, args.save ?? "xv6-machine.snapshot"),
    stub,
    // `echo ls | xv6-machine` ends after ls, as --cmd ls does (unless a debugger is attached).
    endWithInput: stub === undefined,
  });
}

// Signal handlers run between slices (a slice always ends within its budget), so the disk is never
// mid-request; process.exit then runs the exit hooks that restore the terminal and close the disk.
for (const [sig, code] of EXIT_ON_SIGNAL) process.once(sig, () => process.exit(code));

// `pnpm start -- --cmd ls` hands the separator on to us: skip it.
const argv = process.argv.slice(2);
main(argv[0] === "--" ? argv.slice(1) : argv).then(
  (code) => {
    process.exitCode = code;
    // Stdin may still hold the event loop open.
    setImmediate(() => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`xv6-machine: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(70);
  },
);
