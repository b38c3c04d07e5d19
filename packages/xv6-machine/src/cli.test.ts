import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
// Runs S-mode code for a while, prints a line and powers off with the pass code; no shell prompt.
const program = fileURLToPath(new URL("../bench/programs/paged-timer.elf", import.meta.url));
// An HTIF test program: on this board nothing answers its tohost writes, so it spins for ever.
const spinner = fileURLToPath(new URL("../../rv-cpu/bench/programs/alu.elf", import.meta.url));

// A user directory holding one small file, for a file system the program never reads.
const userDir = mkdtempSync(join(tmpdir(), "xv6-machine-cli-"));
writeFileSync(join(userDir, "README"), "hello\n");

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input: "", timeout: 60_000 });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe("xv6-machine command line", () => {
  it.each([
    [["--bogus"], /Unknown option/],
    [["--cpus", "9", "--kernel", program, "--user", userDir], /--cpus must be a whole number from 1 to 8/],
    [["--cpus", "two", "--kernel", program, "--user", userDir], /--cpus/],
    [["--virtio", "v3", "--kernel", program, "--user", userDir], /--virtio must be legacy or modern/],
    [
      ["--clock", "fast", "--kernel", program, "--user", userDir],
      /--clock must be deterministic or realtime/,
    ],
    [["--timeout", "0", "--kernel", program, "--user", userDir], /--timeout must be a positive number/],
    [["--fs", "a.img", "--user", "dir", "--kernel", program], /cannot be used together/],
    [["--kernel", "/nonexistent/kernel"], /cannot read kernel/],
    [["--kernel", program, "--fs", "/nonexistent/fs.img"], /cannot open disk image/],
    [["--kernel", "/etc/hostname", "--user", userDir], /not an ELF file|too short/],
    [["--parallel", "--clock", "deterministic", "--kernel", program, "--user", userDir], /real time/],
    [["--parallel", "--engine", "check", "--kernel", program, "--user", userDir], /--engine check/],
    [["--parallel", "--gdb", "1234", "--kernel", program, "--user", userDir], /--gdb/],
    [["--restore", "s.snap", "--fs", "a.img"], /--restore brings its own kernel and disk/],
    [["--restore", "s.snap", "--parallel"], /--restore runs the harts on one thread/],
    [["--restore", "/nonexistent/s.snap"], /cannot read snapshot/],
    [["--restore", program], /not an xv6-machine snapshot/],
  ])("rejects %j with exit 2 and one clear message", (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    noStack(r.stderr);
  });

  it("skips the -- that `pnpm start -- …` passes on", () => {
    const r = run("--", "--kernel", program, "--user", userDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("timer ticks seen");
  });

  it("exits 0 when the guest powers off with the pass code", () => {
    const r = run("--kernel", program, "--user", userDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("timer ticks seen");
  });

  // paged-timer is a one-hart program: with more harts, each runs it and their lines interleave.
  it("with --parallel, exits 0 when the guest powers off, its hart thread ending with it", () => {
    const r = run("--parallel", "--cpus", "1", "--kernel", program, "--user", userDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("timer ticks seen");
  });

  it.skipIf(!guestFiles())("with --parallel, runs --cmd lines on 3 harts and exits 0", () => {
    const r = run("--parallel", "--cpus", "3", "--cmd", "echo hello from threads", "--timeout", "50");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("hart 2 starting");
    expect(r.stdout).toMatch(/\nhello from threads\n/);
  });

  it.skipIf(!guestFiles())("with --parallel and --fs, the harts' threads write the image file", () => {
    const image = join(mkdtempSync(join(tmpdir(), "xv6-par-")), "fs.img");
    const files = guestFiles();
    if (!files) return;
    writeFileSync(image, buildImage(files.user));
    const w = run("--parallel", "--cpus", "2", "--fs", image, "--cmd", "echo kept > note", "--timeout", "50");
    expect(w.status).toBe(0);
    const r = run("--fs", image, "--cmd", "cat note", "--timeout", "50");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nkept\n/);
  });

  it("exits 3 when a scripted run times out waiting for a prompt", () => {
    const r = run("--kernel", spinner, "--user", userDir, "--cmd", "ls", "--timeout", "1");
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("timed out");
    noStack(r.stderr);
  });

  // A panicked kernel never prints another prompt. Here a user program prints the line and `cat`
  // then waits for input that never comes: the run must end at the line, not at the timeout.
  it.skipIf(!guestFiles())("exits 1 as soon as a scripted run prints a panic line", () => {
    const r = run("--cmd", "echo panic: on purpose; cat", "--cmd", "echo not reached", "--timeout", "50");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("panic: on purpose\n");
    expect(r.stdout).not.toContain("not reached\n");
    expect(r.stderr).not.toContain("timed out");
    noStack(r.stderr);
  });

  it.skipIf(!guestFiles())("types a piped stdin, and ends at the prompt after it (exit 0)", () => {
    const r = spawnSync(process.execPath, [cli], {
      encoding: "utf8",
      input: "echo piped-in\nls README\n",
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\$ piped-in$/m); // sh's prompt, then echo's output
    expect(r.stdout).toMatch(/README +2 /);
  });

  it.skipIf(!guestFiles())("does not take a typed command line for the kernel's panic", () => {
    const r = run("--cmd", "echo no panic: here | wc", "--timeout", "50");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1 3 15 $/m);
  });

  it.skipIf(!guestFiles())("saves a snapshot after the last --cmd and continues from it", () => {
    const snap = join(userDir, "s.snap");
    const first = run("--cmd", "echo kept > f", "--save", snap);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`saved a snapshot to ${snap}`);
    const second = run("--restore", snap, "--cmd", "cat f");
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("kept");
    const other = run("--restore", snap, "--cpus", "2", "--cmd", "cat f");
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/machine with cpus 1, not 2/);
    noStack(other.stderr);
  });
});
