import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { Machine } from "./machine.js";

// mmap in our guest (issue 7): mmaptest and the demos, on xv6-machine and on QEMU, with 1 and 3 harts.
// Afterwards the disk image is read back with the xv6-fs command: MAP_SHARED stores must have reached
// their files, MAP_PRIVATE stores must not have, and fsck must find the image clean.

const guest = guestFiles();
const QEMU = process.env.QEMU_SYSTEM_RISCV64 ?? "qemu-system-riscv64";
const hasQemu = spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status === 0;
const XV6_FS = join(dirname(createRequire(import.meta.url).resolve("@xv6-machine/xv6-mkfs")), "xv6-fs.js");
const MINUTES = 60_000;

if (!hasQemu)
  console.warn(`mmap tests on QEMU SKIPPED: ${QEMU} is not on PATH (apt-get install qemu-system-misc)`);

const MMAPTEST_NAMES = [
  "read lazy beforetouch prot closefd munmap shared private fork exit exec errors vmas sbrk",
  "offset fixed anonprivate anonshared split guard mprotect devzero coherent sharefork",
  "shareunrelated privatecow msync",
]
  .join(" ")
  .split(" ");

const README = guest ? new TextDecoder().decode(guest.user.find((f) => f.name === "README")?.bytes) : "";

/** Each command typed at the shell, and lines its output must contain. */
const STEPS: { cmd: string; lines: string[] }[] = [
  {
    cmd: "mmaptest",
    lines: [...MMAPTEST_NAMES.map((n) => `test ${n}: OK`), "mmaptest: all tests succeeded"],
  },
  {
    cmd: "mmapshare",
    lines: [
      "mmapshare: the parent read the child's message: hello parent, this is your child",
      "mmapshare: the child read the parent's reply: hello child, this is your parent",
      "mmapshare: done",
    ],
  },
  {
    cmd: "mmapwriter & mmapreader",
    lines: [
      "mmapreader: the writer says: mmapwriter says hello.",
      "mmapreader: storing a reply in the shared page",
      "mmapwriter: the reader replied: mmapreader got it and says hello back.",
      "mmapreader: the writer confirmed: mmapwriter got the reply.",
    ],
  },
  {
    cmd: "mmapprivate",
    lines: [
      "mmapprivate: the file mapped MAP_PRIVATE reads: This is the original text of mmap.private.",
      "mmapprivate: after storing through the mapping, the mapping reads: This is the CHANGED! text of mmap.private.",
      "mmapprivate: but read() of the file still gives: This is the original text of mmap.private.",
      "mmapprivate: after munmap the file still holds: This is the original text of mmap.private.",
    ],
  },
  { cmd: "mmapcat README", lines: README.split("\n").filter((l) => l !== "") },
];

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/** What the programs leave on the disk (documented at the top of each program's source). */
function expectedFiles(): Record<string, Uint8Array> {
  const shared = new Uint8Array(10000).fill(0x61);
  shared.set(latin1("SSSSSSSSSS"), 0); // stored through a MAP_SHARED mapping, then munmap
  shared.set(latin1("wwwww"), 4096); // write() into a page the mapping had only read
  shared.set(latin1("SSSSSSSSSS"), 8192); // stored by a child that exited without munmap
  const priv = new Uint8Array(5000).map((_, i) => 0x61 + (i % 26));
  const demo = new Uint8Array(4096);
  demo.set(
    latin1("mmapwriter says hello.\nmmapreader got it and says hello back.\nmmapwriter got the reply.\n"),
  );
  return {
    "mt.shared": shared,
    "mt.private": priv,
    "mmap.demo": demo,
    "mmap.private": latin1("This is the original text of mmap.private.\n"),
  };
}

function xv6fs(...args: string[]) {
  return spawnSync(process.execPath, [XV6_FS, ...args], { maxBuffer: 1 << 24 });
}

function checkDisk(image: string): void {
  const fsck = xv6fs("fsck", image);
  expect(fsck.stdout.toString() + fsck.stderr.toString()).toContain("clean");
  expect(fsck.status).toBe(0);
  for (const [name, want] of Object.entries(expectedFiles())) {
    const got = xv6fs("cat", image, name);
    expect(got.status, `xv6-fs cat ${name}: ${got.stderr}`).toBe(0);
    const bytes = new Uint8Array(got.stdout.buffer, got.stdout.byteOffset, got.stdout.length);
    expect(Buffer.compare(bytes, want), `contents of ${name}`).toBe(0);
  }
}

async function runSteps(run: (cmd: string) => Promise<string>): Promise<void> {
  for (const step of STEPS) {
    const out = (await run(step.cmd)).replace(/\r/g, "");
    for (const line of step.lines) expect(out, step.cmd).toContain(`${line}\n`);
    expect(out, step.cmd).not.toMatch(/failed|panic/);
  }
}

/** A shell on QEMU's console: type a line, collect the output up to the next prompt. */
class QemuShell {
  private proc: ChildProcessWithoutNullStreams;
  private out = "";
  private wake: (() => void) | undefined;

  constructor(kernel: string, image: string, cpus: number) {
    this.proc = spawn(QEMU, [
      ...["-machine", "virt", "-bios", "none", "-kernel", kernel, "-m", "128M", "-smp", String(cpus)],
      ...["-nographic", "-global", "virtio-mmio.force-legacy=false"],
      ...["-drive", `file=${image},if=none,format=raw,id=x0`],
      ...["-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0"],
    ]);
    const onData = (d: Buffer) => {
      this.out += d.toString("latin1");
      this.wake?.();
    };
    this.proc.stdout.on("data", onData);
    this.proc.stderr.on("data", onData);
  }

  until(from: number, done: (s: string) => boolean, ms: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`QEMU timed out; output:\n${this.out.slice(-3000)}`)),
        ms,
      );
      this.wake = () => {
        const s = this.out.slice(from);
        if (done(s) || /panic/.test(s)) {
          clearTimeout(timer);
          this.wake = undefined;
          resolve(s);
        }
      };
      this.wake();
    });
  }

  run(cmd: string): Promise<string> {
    const from = this.out.length;
    this.proc.stdin.write(`${cmd}\n`);
    return this.until(from, (s) => /\n\$ $/.test(s), 5 * MINUTES);
  }

  /** Ends QEMU and waits until it has gone, so the image file is complete. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.proc.on("close", () => resolve());
      this.proc.kill("SIGKILL");
    });
  }
}

describe.skipIf(!guest)("mmap in our guest", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "xv6-mmap-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const cpus of [1, 3]) {
    const harts = `${cpus} hart${cpus > 1 ? "s" : ""}`;

    it.each(cpus === 1 ? ["jit", "interp"] : ["jit"])(
      `passes mmaptest and the demos on xv6-machine, ${harts} (%s), and leaves the right files`,
      async (engine) => {
        if (!guest) return;
        const disk = new MemoryBackend(buildImage(guest.user));
        const m = new Machine({ kernel: guest.kernel, disk, cpus, engine: engine as "jit" | "interp" });
        await m.waitFor("$ ", { timeoutMs: 5 * MINUTES });
        await runSteps((cmd) => m.runCommand(cmd, { timeoutMs: 10 * MINUTES }));
        const image = join(dir, `machine-${cpus}-${engine}.img`);
        writeFileSync(image, m.diskBytes() ?? new Uint8Array());
        checkDisk(image);
      },
      30 * MINUTES,
    );

    it.skipIf(!hasQemu)(
      `passes mmaptest and the demos on QEMU, ${harts}, and leaves the right files${hasQemu ? "" : " (skipped: no QEMU)"}`,
      async () => {
        if (!guest) return;
        const kernel = join(dir, "kernel");
        writeFileSync(kernel, guest.kernel);
        const image = join(dir, `qemu-${cpus}.img`);
        writeFileSync(image, buildImage(guest.user));
        const shell = new QemuShell(kernel, image, cpus);
        try {
          await shell.until(0, (s) => s.includes("$ "), 2 * MINUTES);
          await runSteps((cmd) => shell.run(cmd));
        } finally {
          await shell.stop();
        }
        checkDisk(image);
      },
      15 * MINUTES,
    );
  }

  it("reads the expected files back from a fresh image as missing (the check can fail)", () => {
    if (!guest) return;
    const image = join(dir, "fresh.img");
    writeFileSync(image, buildImage(guest.user));
    expect(xv6fs("fsck", image).status).toBe(0);
    expect(xv6fs("cat", image, "mt.shared").status).not.toBe(0);
  });
});
