// Boots the prebuilt kernel on QEMU with a fresh file system built from
// the prebuilt user programs, and drives the shell: usertests -q, ls, a
// pipeline and a shell script, on 1 and on 3 harts.
//
// Needs qemu-system-riscv64 on PATH; without it the tests are skipped
// and say so.

import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkfs } from "./mkfs";

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const prebuiltDir = join(pkgDir, "prebuilt");
const QEMU = "qemu-system-riscv64";
const hasQemu = spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status === 0;
const skipReason = `${QEMU} is not on PATH`;

if (!hasQemu) {
  console.warn(`xv6-guest QEMU tests SKIPPED: ${skipReason} (apt-get install qemu-system-misc)`);
}

const SCRIPT = [
  "echo script start",
  "mkdir sdir",
  "echo alpha > sdir/a",
  "echo beta >> sdir/a",
  "cat sdir/a | wc",
  "(echo one; echo two) | grep o",
  "cd sdir",
  "ls a",
  "cd /",
  "rm sdir/a",
  "rm sdir",
  "echo script end",
  "",
].join("\n");

function buildImage(dir: string): string {
  const files = readdirSync(join(prebuiltDir, "user"))
    .sort()
    .map((f) => ({
      name: f.replace(/^_/, ""),
      data: new Uint8Array(readFileSync(join(prebuiltDir, "user", f))),
    }));
  files.push({ name: "script", data: new Uint8Array(new TextEncoder().encode(SCRIPT)) });
  const img = join(dir, "fs.img");
  writeFileSync(img, mkfs(files));
  return img;
}

class Guest {
  private proc: ChildProcessWithoutNullStreams;
  private out = "";
  private waiters: (() => void)[] = [];
  readonly started = Date.now();

  constructor(kernel: string, image: string, cpus: number) {
    this.proc = spawn(QEMU, [
      "-machine",
      "virt",
      "-bios",
      "none",
      "-kernel",
      kernel,
      "-m",
      "128M",
      "-smp",
      String(cpus),
      "-nographic",
      "-global",
      "virtio-mmio.force-legacy=false",
      "-drive",
      `file=${image},if=none,format=raw,id=x0`,
      "-device",
      "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0",
    ]);
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

  kill(): void {
    this.proc.kill("SIGKILL");
  }
}

const README = readFileSync(join(prebuiltDir, "user", "README"), "latin1");

for (const cpus of [1, 3]) {
  describe.skipIf(!hasQemu)(
    `xv6-guest on QEMU, ${cpus} hart(s)${hasQemu ? "" : ` (skipped: ${skipReason})`}`,
    () => {
      let dir: string;
      let guest: Guest;

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), "xv6-guest-"));
        guest = new Guest(join(prebuiltDir, "kernel"), buildImage(dir), cpus);
        const ms = await guest.prompt();
        console.log(`xv6-guest ${cpus} hart(s): boot to prompt ${ms} ms`);
      });

      afterAll(() => {
        guest?.kill();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      it("ls lists the programs", async () => {
        const out = await guest.run("ls");
        for (const name of ["README", "cat", "sh", "usertests", "console"]) {
          expect(out).toMatch(new RegExp(`^${name} +\\d+ \\d+ \\d+$`, "m"));
        }
        expect(out).toMatch(/^\. +1 1 \d+$/m);
      });

      it("runs a pipeline", async () => {
        const lines = README.split("\n").filter((l) => l.includes("xv6"));
        const words = lines
          .join(" ")
          .split(/\s+/)
          .filter((w) => w.length > 0).length;
        const bytes = lines.reduce((n, l) => n + l.length + 1, 0);
        const out = await guest.run("cat README | grep xv6 | wc");
        expect(out).toContain(`\n${lines.length} ${words} ${bytes} \n`);
      });

      it("runs a shell script", async () => {
        const out = await guest.run("sh script");
        const expected = ["script start", "2 2 11 ", "one", "two", /^a +2 \d+ 11$/m, "script end"];
        for (const e of expected) {
          if (typeof e === "string") expect(out).toContain(`${e}\n`);
          else expect(out).toMatch(e);
        }
        expect(out).not.toMatch(/failed|cannot/);
        const ls = await guest.run("ls sdir");
        expect(ls).toContain("cannot open sdir");
      });

      // One configuration runs usertests in full, slow tests included (issue 7: mmap must not
      // break the file system when it fills up, nor exec, sbrk or fork); -q elsewhere saves time.
      const usertests = cpus === 3 ? "usertests" : "usertests -q";
      it(`passes ${usertests}`, async () => {
        const t0 = Date.now();
        const out = await guest.run(usertests, 900_000);
        console.log(`xv6-guest ${cpus} hart(s): ${usertests} ${Date.now() - t0} ms`);
        expect(out).toContain("ALL TESTS PASSED");
        expect(out).not.toMatch(/: FAILED/);
      }, 960_000);
    },
  );
}

if (!hasQemu) {
  describe("xv6-guest on QEMU", () => {
    it.skip(`skipped: ${skipReason}`, () => {});
  });
}
