import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";

const qemu = fileURLToPath(new URL("../dist/qemu-cli.js", import.meta.url));
const kernel = fileURLToPath(new URL("../../xv6-guest/prebuilt/kernel", import.meta.url));
const poweroff = fileURLToPath(new URL("../bench/programs/paged-timer.elf", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xv6-qemu-"));
const guest = guestFiles();

function image(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, buildImage(guest?.user ?? []));
  return path;
}

const sha = (path: string) =>
  createHash("sha256")
    .update(new Uint8Array(readFileSync(path)))
    .digest("hex");

/** QEMUOPTS as xv6's Makefile (2024) writes them. */
function makefileArgs(img: string, cpus: number, legacy?: boolean): string[] {
  const args = [
    "-machine",
    "virt",
    "-bios",
    "none",
    "-kernel",
    kernel,
    "-m",
    "128M",
    "-smp",
    `${cpus}`,
    "-nographic",
  ];
  if (legacy !== undefined) args.push("-global", `virtio-mmio.force-legacy=${legacy}`);
  args.push("-drive", `file=${img},if=none,format=raw,id=x0`);
  args.push("-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0");
  return args;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [qemu, ...args], { encoding: "utf8", input: "", timeout: 30_000 });
}

/** Starts xv6-qemu with stdin on a pipe; `until` resolves once stdout matches. */
function start(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [qemu, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const until = async (re: RegExp, ms = 60_000) => {
    const end = Date.now() + ms;
    while (!re.test(out)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${re}; output so far:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, until, exited, type: (s: string) => child.stdin?.write(s), out: () => out, err: () => err };
}

describe("xv6-qemu: QEMU's command line", () => {
  it("-help has a line that starts with -gdb (xv6's Makefile looks for it), -version names a QEMU version", () => {
    const help = run("-help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^-gdb /m);
    const version = run("-version");
    expect(version.stdout).toMatch(/^QEMU emulator version \d+\.\d+\.\d+/);
  });

  it.each([
    [["-netdev", "user,id=net0,hostfwd=udp::26999-:2000"], /-netdev user,id=net0.*not supported/],
    [["-device", "e1000,netdev=net0,bus=pcie.0"], /-device e1000: device not supported/],
    [["-object", "filter-dump,id=net0,netdev=net0,file=packets.pcap"], /-object filter-dump.*not supported/],
    [["-bios", "default"], /-bios default/],
    [["-m", "lots"], /-m lots/],
    [["-smp", "16"], /-smp 16/],
    [["-gdb", "udp::1234"], /-gdb udp::1234/],
    [["-frobnicate"], /-frobnicate: option not supported/],
  ])("refuses %j by name with exit 1", (extra, message) => {
    const r = run("-machine", "virt", "-bios", "none", "-kernel", kernel, "-nographic", ...extra);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("needs a kernel, and says when it cannot read one", () => {
    expect(run("-machine", "virt").stderr).toMatch(/-kernel FILE is required/);
    const r = run("-kernel", "/nonexistent/kernel");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/could not load kernel/);
  });

  it("exits with 0 when the guest powers off with the pass code", () => {
    const r = run("-machine", "virt", "-bios", "none", "-kernel", poweroff, "-nographic");
    expect(r.status).toBe(0);
  });

  it.each([
    ["modern virtio, 3 harts", 3, false],
    ["legacy virtio (QEMU's default), 3 harts", 3, undefined],
    ["legacy virtio, 1 hart", 1, true],
  ])("boots our guest from xv6's Makefile command line: %s", async (_name, cpus, legacy) => {
    const img = image(`fs-${cpus}-${legacy}.img`);
    const q = start(makefileArgs(img, cpus, legacy));
    await q.until(/\$ $/);
    q.type("ls\n");
    await q.until(/console\s+3 /);
    q.child.kill("SIGTERM");
    expect(await q.exited).toBe(0);
    expect(q.out()).toMatch(/init: starting sh/);
  });

  it("with -snapshot leaves the image as it was; without, keeps the guest's writes", async () => {
    for (const snapshot of [true, false]) {
      const img = image(`fs-snap-${snapshot}.img`);
      const before = sha(img);
      const q = start([...makefileArgs(img, 1, false), ...(snapshot ? ["-snapshot"] : [])]);
      await q.until(/\$ $/);
      q.type("echo hello > newfile\nls newfile\n");
      await q.until(/newfile\s+2 /);
      q.child.kill("SIGTERM");
      expect(await q.exited).toBe(0);
      if (snapshot) expect(sha(img)).toBe(before);
      else expect(sha(img)).not.toBe(before);
    }
  });
});
