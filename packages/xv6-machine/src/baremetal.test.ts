// The bare-metal programs of baremetal/ (see its README.md) on xv6-machine, compared with the output
// QEMU's virt board gave (baremetal/expected/), and, where qemu-system-riscv64 is installed, with a
// fresh run on QEMU.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { afterAll, describe, expect, it } from "vitest";
import { Machine } from "./machine.js";

const BAREMETAL = join(dirname(fileURLToPath(import.meta.url)), "..", "baremetal");
/** The QEMU to compare with (CI installs qemu-system-riscv64; another build can be named here). */
const QEMU = process.env.QEMU_SYSTEM_RISCV64 ?? "qemu-system-riscv64";
const hasQemu = spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status === 0;
const QEMU_SKIP = hasQemu ? "" : ` (skipped: ${QEMU} not found)`;

/** Guest instructions a program may take on our machine before the test gives up. */
const MAX_INSTRUCTIONS = 50_000_000;
// Generous: QEMU may share a busy 2-core CI machine with other tests.
const QEMU_TIMEOUT_MS = 90_000;

type Transport = "legacy" | "modern";

interface Program {
  /** The ELF's name in baremetal/bin. */
  elf: string;
  /** Its expected output's name in baremetal/expected. */
  expected: string;
  /** Console input, typed before it starts. */
  input?: string;
  /** With a disk: the virtio-mmio transport. */
  virtio?: Transport;
  /** The finisher's code: 0 = pass. */
  powerOff: number;
}

const UART_IRQ_IN_INPUT = "hello\nnext\nThe quick brown fox jumps over the lazy dog\nquit\n";

const programs: Program[] = [
  { elf: "uart_out", expected: "uart_out", powerOff: 0 },
  { elf: "uart_irq_in", expected: "uart_irq_in", input: UART_IRQ_IN_INPUT, powerOff: 0 },
  { elf: "uart_irq_out", expected: "uart_irq_out", powerOff: 0 },
  { elf: "clint_timer", expected: "clint_timer", powerOff: 0 },
  { elf: "sstc_timer", expected: "sstc_timer", powerOff: 0 },
  { elf: "virtio_blk", expected: "virtio_blk-legacy", virtio: "legacy", powerOff: 0 },
  { elf: "virtio_blk", expected: "virtio_blk-modern", virtio: "modern", powerOff: 0 },
  { elf: "poweroff_fail", expected: "poweroff_fail", powerOff: 42 },
];

const title = (p: Program) => (p.virtio ? `${p.elf} (${p.virtio})` : p.elf);
const elfBytes = (p: Program) => new Uint8Array(readFileSync(join(BAREMETAL, "bin", `${p.elf}.elf`)));
const expectedOutput = (p: Program) =>
  readFileSync(join(BAREMETAL, "expected", `${p.expected}.txt`), "latin1");

/** The disk virtio_blk expects: 64 KiB, byte i = (i * 7 + (i >> 9)) & 0xff. */
function makeDisk(): Uint8Array {
  const d = new Uint8Array(64 * 1024);
  for (let i = 0; i < d.length; i++) d[i] = (i * 7 + (i >> 9)) & 0xff;
  return d;
}

/** Sectors (512 bytes) where two images differ. */
function changedSectors(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let s = 0; s * 512 < a.length; s++) {
    const x = a.subarray(s * 512, s * 512 + 512);
    const y = b.subarray(s * 512, s * 512 + 512);
    if (x.some((v, i) => v !== y[i])) out.push(s);
  }
  return out;
}

interface Run {
  output: string;
  powerOff: number | undefined;
  disk?: Uint8Array;
}

/** Runs a program on xv6-machine until it powers off, goes idle for good, or runs out of budget. */
function runOurs(p: Program, engine: "jit" | "check" = "jit"): Run {
  const disk = p.virtio ? new MemoryBackend(makeDisk()) : undefined;
  const m = new Machine({ kernel: elfBytes(p), disk, virtio: p.virtio, cpus: 1, engine });
  if (p.input) m.type(p.input);
  while (m.powerOff === undefined && m.instructions < MAX_INSTRUCTIONS) {
    // "idle" in the deterministic clock: every hart waits and no timer or input can wake one.
    if (m.runSlice(1_000_000) === "idle") break;
  }
  return { output: m.output, powerOff: m.powerOff, disk: disk?.bytes };
}

/**
 * Runs a program on QEMU's virt board; resolves with its console output and exit status. The console
 * goes to a file: on a pipe or socket QEMU's UART model drops bytes whenever a write would block.
 */
function runQemu(p: Program, diskPath?: string): Promise<{ output: string; status: number | null }> {
  const args = ["-machine", "virt", "-bios", "none", "-m", "128M", "-display", "none"];
  args.push("-serial", "stdio", "-monitor", "none", "-kernel", join(BAREMETAL, "bin", `${p.elf}.elf`));
  if (p.virtio && diskPath) {
    if (p.virtio === "modern") args.push("-global", "virtio-mmio.force-legacy=false");
    args.push("-drive", `file=${diskPath},if=none,format=raw,id=x0`);
    args.push("-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0");
  }
  const outPath = join(tmp, `${p.expected}.qemu.txt`);
  const output = () => readFileSync(outPath, "latin1");
  return new Promise((resolve, reject) => {
    const fd = openSync(outPath, "w");
    const child = spawn(QEMU, args, { stdio: ["pipe", fd, "pipe"] });
    closeSync(fd);
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`QEMU timed out after ${QEMU_TIMEOUT_MS} ms; output so far:\n${output()}`));
    }, QEMU_TIMEOUT_MS);
    child.stderr?.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      if (err.trim() !== "") console.warn(`QEMU (${title(p)}) stderr: ${err}`);
      resolve({ output: output(), status });
    });
    // Input is written but stdin stays open: QEMU's stdio backend is not always happy with an early
    // EOF, and every program powers off by itself.
    child.stdin?.on("error", () => {});
    child.stdin?.write(p.input ?? "");
  });
}

/** runQemu, tried a second time if QEMU (a reference tool on a possibly busy machine) times out. */
async function runQemuRetry(
  p: Program,
  diskPath?: string,
): Promise<{ output: string; status: number | null }> {
  try {
    return await runQemu(p, diskPath);
  } catch (e) {
    if (!String(e).includes("timed out")) throw e;
    if (diskPath && p.virtio) writeFileSync(diskPath, makeDisk());
    return runQemu(p, diskPath);
  }
}

const ours = new Map<Program, Run>();
function oursFor(p: Program): Run {
  let r = ours.get(p);
  if (!r) {
    r = runOurs(p);
    ours.set(p, r);
  }
  return r;
}

const tmp = mkdtempSync(join(tmpdir(), "xv6-baremetal-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("bare-metal programs", () => {
  for (const p of programs) {
    describe(title(p), () => {
      it("on xv6-machine: output as recorded from QEMU, and the right power-off code", () => {
        const r = oursFor(p);
        expect(r.output).toBe(expectedOutput(p));
        expect(r.powerOff).toBe(p.powerOff);
        if (p.virtio) expect(changedSectors(makeDisk(), r.disk as Uint8Array)).toEqual([3, 10, 11]);
      });

      it("compiled and interpreted in step (engine: check), with the same output", () => {
        const r = runOurs(p, "check");
        expect(r.output).toBe(expectedOutput(p));
        expect(r.powerOff).toBe(p.powerOff);
      });

      it.skipIf(!hasQemu)(
        `on QEMU: same output and exit status as on xv6-machine${QEMU_SKIP}`,
        async () => {
          let diskPath: string | undefined;
          if (p.virtio) {
            diskPath = join(tmp, `disk-${p.virtio}.img`);
            writeFileSync(diskPath, makeDisk());
          }
          const q = await runQemuRetry(p, diskPath);
          expect(q.output, "QEMU's output differs from the one recorded in baremetal/expected").toBe(
            expectedOutput(p),
          );
          expect(q.status).toBe(p.powerOff);
          const r = oursFor(p);
          expect(r.output, "xv6-machine's output differs from QEMU's").toBe(q.output);
          if (diskPath)
            expect(r.disk, "the disks differ after the run").toEqual(new Uint8Array(readFileSync(diskPath)));
        },
        240_000, // two QEMU attempts of up to 90 s each
      );
    });
  }

  it("uart_irq_in on xv6-machine with input typed line by line as the echoes come back", async () => {
    const p = programs[1];
    const m = new Machine({ kernel: elfBytes(p), cpus: 1 });
    const budget = { maxInstructions: 10_000_000 };
    await m.waitFor('until "next"\n', budget);
    for (const line of UART_IRQ_IN_INPUT.split("\n").filter((l) => l !== "")) {
      m.type(`${line}\n`);
      await m.waitFor(`echo: ${line}\n`, budget);
    }
    await m.waitFor("uart_irq_in: done\n", budget);
    for (let i = 0; i < 100 && m.powerOff === undefined; i++) m.runSlice(100_000);
    expect(m.output).toBe(expectedOutput(p));
    expect(m.powerOff).toBe(0);
  });
});
