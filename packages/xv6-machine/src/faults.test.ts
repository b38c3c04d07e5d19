import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildElf } from "@xv6-machine/rv-cpu";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { GuestStuck, Machine } from "./machine.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const harness = fileURLToPath(new URL("./pty-harness.py", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xv6-machine-faults-"));

// Kernels whose first trap goes to mtvec = 0 (its reset value), where nothing is mapped, so every
// fetch of the handler faults again, for ever.
const faulting: [string, number[]][] = [
  ["an illegal first instruction", [0x0000_0000]],
  ["a jump to an unmapped address", [0x1000_0293, 0x0002_8067]], // li t0, 0x100; jr t0
  ["a store far outside RAM", [0xfe00_3c23]], // sd zero, -8(zero)
];
// wfi with every interrupt disabled and no timer set: nothing can ever wake it.
const sleeper = [0x1050_0073, 0xffdf_f06f]; // 1: wfi; j 1b

function kernel(name: string, code: number[]): string {
  const f = join(dir, `${name}.elf`);
  writeFileSync(f, buildElf({ base: 0x8000_0000, code }));
  return f;
}

const image = join(dir, "fs.img");
writeFileSync(image, buildImage([{ name: "README", bytes: new TextEncoder().encode("hello\n") }]));
const illegal = kernel("illegal", faulting[0][1]);

function run(args: string[], timeout = 30_000) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input: "", timeout });
}

describe("a kernel that faults for ever", () => {
  it.each(faulting)("after %s, Machine.runSlice returns within its budget", (_name, code) => {
    const m = new Machine({ kernel: buildElf({ base: 0x8000_0000, code }) });
    for (let i = 0; i < 5; i++) expect(m.runSlice(1000)).toBe("running");
    expect(m.instructions).toBeGreaterThanOrEqual(5000);
    expect(m.harts[0].mcauseLo).toBe(1); // instruction access fault, at the handler
  });

  it.each(faulting)("after %s, --timeout ends an interactive run with exit 3", (name, code) => {
    const r = run(["--kernel", kernel(name.replace(/ /g, "-"), code), "--fs", image, "--timeout", "1"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("timed out after 1 s");
  });

  it("after an illegal first instruction, --timeout ends a scripted run with exit 3", () => {
    const r = run(["--kernel", illegal, "--fs", image, "--cmd", "ls", "--timeout", "1"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("timed out after 1 s");
  });
});

describe("a kernel that waits for ever", () => {
  const wfi = kernel("wfi", sleeper);

  it("makes a scripted wait reject with GuestStuck", async () => {
    const m = new Machine({ kernel: buildElf({ base: 0x8000_0000, code: sleeper }) });
    await expect(m.waitForPrompt({ timeoutMs: 60_000 })).rejects.toThrow(GuestStuck);
    expect(m.stuck()).toBe(true);
  });

  it("is not stuck while a key it would take is still to be typed", () => {
    const m = new Machine({
      kernel: buildElf({ base: 0x8000_0000, code: sleeper }),
      disk: new MemoryBackend(new Uint8Array(1024 * 1024)),
    });
    m.runSlice(1000);
    expect(m.stuck()).toBe(true);
    m.type("x");
    expect(m.stuck()).toBe(false);
  });

  it("ends a scripted run without --timeout: one line, exit 3", () => {
    const r = run(["--kernel", wfi, "--fs", image, "--cmd", "ls"]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^xv6-machine: stuck: every hart waits in wfi with no timer set/),
    ]);
  });

  it("keeps an interactive run waiting (a key could wake it) until a signal ends it", async () => {
    const child = spawn(process.execPath, [cli, "--kernel", wfi, "--fs", image], { stdio: "pipe" });
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
  });
});

// Node's fs bindings, wrapped so the child reports each fsync on stderr.
const fsyncProbe = join(dir, "fsync-probe.mjs");
writeFileSync(
  fsyncProbe,
  `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const fsync = fs.fsyncSync;
fs.fsyncSync = (fd) => { process.stderr.write("[fsync]\\n"); return fsync(fd); };
syncBuiltinESMExports();
`,
);

describe("leaving on a signal", () => {
  it.each([
    ["SIGTERM", 143, []],
    ["SIGINT", 130, []],
    ["SIGTERM", 143, ["--parallel", "--cpus", "3"]],
  ] as const)("%s during a fault loop exits promptly with the disk flushed %j", async (sig, code, extra) => {
    const args = ["--import", fsyncProbe, cli, ...extra, "--kernel", illegal, "--fs", image];
    const child = spawn(process.execPath, args, { stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (b) => {
      stderr += b;
    });
    const exited = new Promise<number | null>((res) => child.on("exit", (c) => res(c)));
    await new Promise((r) => setTimeout(r, 1500));
    const sent = performance.now();
    child.kill(sig);
    expect(await exited).toBe(code);
    expect(performance.now() - sent).toBeLessThan(5000);
    expect(stderr).toContain("[fsync]");
  });

  const python = spawnSync("python3", ["-c", "import pty, termios"]).status === 0;
  it.skipIf(!python).each([
    ["sigterm", 143],
    ["sigint", 130],
    ["ctrl-a-x", 0],
  ] as const)("on a terminal, %s ends the run promptly and restores the terminal", (action, code) => {
    const r = spawnSync(
      "python3",
      [harness, action, process.execPath, cli, "--kernel", illegal, "--fs", image],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { raw: boolean; code: number; seconds: number; restored: boolean };
    expect(report.raw).toBe(true); // the console really was in raw mode
    expect(report.code).toBe(code);
    expect(report.seconds).toBeLessThan(5);
    expect(report.restored).toBe(true);
  });
});
