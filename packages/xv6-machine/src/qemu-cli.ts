// xv6-qemu: our machine behind qemu-system-riscv64's command line, so that an unmodified xv6 lab
// tree runs it with `make QEMU=xv6-qemu qemu`, `make qemu-gdb` and `make grade`.
import { readFileSync } from "node:fs";
import { ElfError } from "@xv6-machine/rv-cpu";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { FileBackend } from "@xv6-machine/virtio-blk/file";
import { runConsole } from "./console.js";
import { listenGdb } from "./gdb/server.js";
import { GdbStub, Machine, MachineError } from "./index.js";
import { prefaultedMemory } from "./prefault.js";
import { parseQemuArgs, QEMU_HELP, QemuUsageError } from "./qemu-args.js";

// xv6's Makefiles compare QEMU's version with their minimum; we behave as this one does.
const VERSION = "QEMU emulator version 7.2.0 (xv6-qemu: xv6-machine's stand-in for qemu-system-riscv64)";
const MIB = 1 << 20;

function fail(message: string): number {
  process.stderr.write(`xv6-qemu: ${message}\n`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  let cfg: ReturnType<typeof parseQemuArgs>;
  try {
    cfg = parseQemuArgs(argv);
  } catch (e) {
    if (e instanceof QemuUsageError) return fail(e.message);
    throw e;
  }
  if (cfg.show === "help") {
    process.stdout.write(`${VERSION}\n${QEMU_HELP}`);
    return 0;
  }
  if (cfg.show === "version") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // Listen first: grading scripts give up on a port that is not open within two seconds.
  let giveStub: (s: GdbStub) => void = () => {};
  const stubReady = new Promise<GdbStub>((r) => {
    giveStub = r;
  });
  if (cfg.gdb !== undefined) {
    try {
      await listenGdb(stubReady, cfg.gdb.port, cfg.gdb.host);
    } catch (e) {
      return fail(
        `-gdb tcp:${cfg.gdb.host ?? ""}:${cfg.gdb.port}: ${(e as NodeJS.ErrnoException).code ?? e}`,
      );
    }
  } else if (cfg.waitGdb) {
    return fail("-S without -gdb or -s: the harts would wait for a debugger that cannot connect");
  }
  let kernel: Uint8Array;
  try {
    kernel = new Uint8Array(readFileSync(cfg.kernel as string));
  } catch (e) {
    return fail(`could not load kernel '${cfg.kernel}': ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  let disk: FileBackend | MemoryBackend | undefined;
  if (cfg.disk && cfg.drive !== undefined) {
    try {
      if (cfg.snapshot) {
        disk = new MemoryBackend(new Uint8Array(readFileSync(cfg.drive.file)));
      } else {
        const file = FileBackend.open(cfg.drive.file, { readOnly: false });
        // Every way out (Ctrl-A X, power-off, a signal) passes process.exit: flush the disk there.
        process.once("exit", () => file.close());
        disk = file;
      }
    } catch (e) {
      return fail(`could not open disk image ${cfg.drive.file}: ${(e as Error).message}`);
    }
  }
  let machine: Machine;
  try {
    machine = new Machine({
      kernel,
      disk,
      cpus: cfg.cpus,
      memMiB: cfg.memMiB,
      virtio: cfg.legacy ? "legacy" : "modern",
      clock: cfg.clock,
      engine: cfg.engine,
      // A thread per hart, as QEMU gives each its own; a debugger needs them on one thread.
      parallel: cfg.cpus > 1 && cfg.clock === "realtime" && cfg.gdb === undefined,
      output: (b) => process.stdout.write(b),
      memory: prefaultedMemory(cfg.memMiB * MIB),
    });
  } catch (e) {
    if (e instanceof ElfError || e instanceof MachineError || e instanceof RangeError) return fail(e.message);
    throw e;
  }
  let stub: GdbStub | undefined;
  if (cfg.gdb !== undefined) {
    stub = new GdbStub(machine, { waitForDebugger: cfg.waitGdb, onKill: () => process.exit(0) });
    giveStub(stub);
    gdbStub = stub;
  }
  // Like QEMU: a kernel that panics keeps the machine running; only power-off ends it.
  return runConsole(machine, {
    finished: () => machine.powerOff,
    stub,
  });
}

// Like QEMU, a terminating signal shuts the machine down cleanly (exit hooks flush the disk), and
// a connected debugger hears that the program exited.
let gdbStub: GdbStub | undefined;
for (const [sig, n] of [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
] as const) {
  process.once(sig, () => {
    process.stderr.write(`xv6-qemu: terminating on signal ${n}\n`);
    if (gdbStub?.connected) {
      gdbStub.exited(0);
      setTimeout(() => process.exit(0), 20);
    } else process.exit(0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`xv6-qemu: internal error: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(70);
  },
);
