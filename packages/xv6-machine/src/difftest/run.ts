/** Runs a batch image on xv6-machine (in-process) and on QEMU's virt board (a subprocess). */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Machine } from "../machine.js";

export type OurEngine = "interp" | "jit";

/** The QEMU to compare with. */
export const QEMU = process.env.QEMU_SYSTEM_RISCV64 ?? "qemu-system-riscv64";

export function hasQemu(): boolean {
  return spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * QEMU 7.2's rv64 CPU with what our hart lacks turned off (bit manipulation, vectors, the
 * hypervisor); Zicbom/Zicboz have no switch in 7.2, so no program uses their encodings.
 */
export const QEMU_CPU =
  "rv64,h=false,v=false,zba=false,zbb=false,zbc=false,zbs=false,svinval=false,svnapot=false,svpbmt=false";

const MEM_MIB = 16;
const MAX_INSTRUCTIONS = 2_000_000_000;

/** Console output of a batch on our machine (latin1 bytes), and whether it powered off. */
export function runOurs(elf: Uint8Array, engine: OurEngine): { output: string; off: boolean } {
  const m = new Machine({ kernel: elf, memMiB: MEM_MIB, engine });
  while (m.powerOff === undefined && m.instructions < MAX_INSTRUCTIONS) {
    if (m.runSlice(5_000_000) === "idle") break;
  }
  return { output: m.output, off: m.powerOff === 0 };
}

/** A scratch directory for QEMU's kernels and console files. */
export class QemuRunner {
  private readonly dir = mkdtempSync(join(tmpdir(), "difftest-"));
  private n = 0;

  constructor(private readonly timeoutMs = 120_000) {}

  run(elf: Uint8Array): Promise<{ output: string; off: boolean }> {
    const id = this.n++;
    const kernel = join(this.dir, `b${id}.elf`);
    const outPath = join(this.dir, `b${id}.out`);
    writeFileSync(kernel, elf);
    const args = ["-machine", "virt", "-bios", "none", "-cpu", QEMU_CPU, "-m", `${MEM_MIB}M`, "-smp", "1"];
    args.push("-display", "none", "-serial", "stdio", "-monitor", "none", "-kernel", kernel);
    return new Promise((resolve, reject) => {
      // A file, not a pipe: QEMU's UART drops bytes when a write would block.
      const fd = openSync(outPath, "w");
      const child = spawn(QEMU, args, { stdio: ["ignore", fd, "pipe"] });
      closeSync(fd);
      let err = "";
      const timer = setTimeout(() => child.kill("SIGKILL"), this.timeoutMs);
      child.stderr?.on("data", (b: Buffer) => {
        err += b.toString();
      });
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        const output = readFileSync(outPath, "latin1");
        rmSync(kernel, { force: true });
        rmSync(outPath, { force: true });
        if (code !== 0 && err) reject(new Error(`QEMU exited ${code}: ${err.trim()}`));
        else resolve({ output, off: code === 0 });
      });
    });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
