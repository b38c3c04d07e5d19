// Running the prebuilt guest on QEMU, shared by the QEMU tests and the
// benchmark: a file-system image from the prebuilt user programs, and a
// QEMU process whose console we type into and read back.

import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type MkfsOptions, mkfs } from "./mkfs";

export const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const prebuiltDir = join(pkgDir, "prebuilt");
export const QEMU = process.env.QEMU_SYSTEM_RISCV64 ?? "qemu-system-riscv64";
export const hasQemu = spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status === 0;
export const noQemuReason = `${QEMU} is not on PATH`;

/** Writes dir/fs.img holding the prebuilt user programs plus `extra`; returns its path. */
export function buildImage(
  dir: string,
  extra: { name: string; data: Uint8Array }[] = [],
  opts: MkfsOptions = {},
): string {
  const files = readdirSync(join(prebuiltDir, "user"))
    .sort()
    .map((f) => ({
      name: f.replace(/^_/, ""),
      data: new Uint8Array(readFileSync(join(prebuiltDir, "user", f))),
    }));
  const img = join(dir, "fs.img");
  writeFileSync(img, mkfs([...files, ...extra], opts));
  return img;
}

export interface GuestOptions {
  kernel?: string;
  cpus: number;
  /** The image file, attached as xv6's Makefile does. */
  image?: string;
  /** Or a whole `-drive` value, which must use id=x0. */
  drive?: string;
}

// Bytes of /proc/PID/stat are "pid (comm) state ..."; utime and stime are
// the 14th and 15th fields, counted in clock ticks.
const CLK_TCK = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const n = Number(r.stdout?.trim());
  return n > 0 ? n : 100;
})();

export class Guest {
  private proc: ChildProcessWithoutNullStreams;
  private out = "";
  private waiters: (() => void)[] = [];
  private exited: Promise<void>;
  readonly started = Date.now();

  constructor(opts: GuestOptions) {
    const drive = opts.drive ?? `file=${opts.image},if=none,format=raw,id=x0`;
    this.proc = spawn(QEMU, [
      ...["-machine", "virt", "-bios", "none", "-kernel", opts.kernel ?? join(prebuiltDir, "kernel")],
      ...["-m", "128M", "-smp", String(opts.cpus), "-nographic"],
      ...["-global", "virtio-mmio.force-legacy=false", "-drive", drive],
      ...["-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0"],
      // Names the vCPU threads ("CPU 0/TCG"), for sampleHarts().
      ...["-name", "xv6,debug-threads=on"],
    ]);
    this.exited = new Promise((resolve) => this.proc.on("close", () => resolve()));
    const onData = (d: Buffer) => {
      this.out += d.toString("latin1");
      for (const w of this.waiters.splice(0)) w();
    };
    this.proc.stdout.on("data", onData);
    this.proc.stderr.on("data", onData);
  }

  get output(): string {
    return this.out;
  }

  /**
   * CPU time QEMU has used so far (all its threads, user and system), in
   * seconds; undefined where /proc is missing.
   */
  cpuSeconds(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.proc.pid}/stat`, "latin1");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[0] is the 3rd field (state), so utime and stime are at 11 and 12.
      return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
    } catch {
      return undefined;
    }
  }

  /**
   * Starts sampling, every `ms` milliseconds, whether each hart's vCPU
   * thread is running or ready to run (state R in /proc/PID/task/TID/stat)
   * or asleep (its hart waits in wfi, or the thread waits inside QEMU).
   * Unlike CPU time, this does not change when other jobs keep QEMU off the
   * host's cores. The returned function stops sampling and reports, per
   * hart, the share of samples it was busy, and the share in which no hart
   * was. Undefined where /proc does not show QEMU's vCPU threads.
   */
  sampleHarts(ms = 5): (() => { samples: number; busy: number[]; allIdle: number }) | undefined {
    const dir = `/proc/${this.proc.pid}/task`;
    let stats: string[];
    try {
      stats = readdirSync(dir)
        .map((tid) => ({ tid, name: readFileSync(`${dir}/${tid}/comm`, "latin1").trim() }))
        .filter((t) => /^CPU \d+\//.test(t.name))
        .sort((a, b) => Number(a.name.slice(4).split("/")[0]) - Number(b.name.slice(4).split("/")[0]))
        .map((t) => `${dir}/${t.tid}/stat`);
    } catch {
      return undefined;
    }
    if (stats.length === 0) return undefined;
    const busy = stats.map(() => 0);
    let samples = 0;
    let allIdle = 0;
    const timer = setInterval(() => {
      let any = false;
      try {
        for (const [i, f] of stats.entries()) {
          const st = readFileSync(f, "latin1");
          if (st[st.lastIndexOf(")") + 2] === "R") {
            busy[i]++;
            any = true;
          }
        }
      } catch {
        return; // QEMU has gone
      }
      samples++;
      if (!any) allIdle++;
    }, ms);
    return () => {
      clearInterval(timer);
      const n = Math.max(samples, 1);
      return { samples, busy: busy.map((b) => b / n), allIdle: allIdle / n };
    };
  }

  // Wait until test(output from `from` on) holds.
  private waitFor(from: number, test: (s: string) => boolean, ms: number, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out after ${ms} ms waiting for ${what}; output:\n${this.out.slice(-3000)}`));
      }, ms);
      const check = () => {
        const s = this.out.slice(from);
        if (/panic/.test(s)) {
          clearTimeout(timer);
          reject(new Error(`kernel panic:\n${s.slice(-3000)}`));
        } else if (test(s)) {
          clearTimeout(timer);
          resolve(s);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  async prompt(ms = 60_000): Promise<number> {
    await this.waitFor(0, (s) => s.includes("$ "), ms, "the first prompt");
    return Date.now() - this.started;
  }

  // Type a command line and return what appeared until the next prompt.
  async run(cmd: string, ms = 60_000): Promise<string> {
    const from = this.out.length;
    this.proc.stdin.write(`${cmd}\n`);
    const s = await this.waitFor(from, (t) => /\n\$ $/.test(t), ms, `"${cmd}" to finish`);
    return s.replace(/\r/g, "");
  }

  /** Ends QEMU at once, as a host crash would, and waits until it has gone. */
  kill(): Promise<void> {
    this.proc.kill("SIGKILL");
    return this.exited;
  }
}
