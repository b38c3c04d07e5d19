import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage, fsck, openImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { Machine } from "./machine.js";

const guest = guestFiles();
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const BOOT_BUDGET = 2e9;

function prebuilt() {
  if (!guest) throw new Error("no prebuilt guest");
  return guest;
}

function boot(opts: { cpus?: number; virtio?: "legacy" | "modern" } = {}) {
  const { kernel, user } = prebuilt();
  return new Machine({ kernel, disk: new MemoryBackend(buildImage(user)), ...opts });
}

describe.skipIf(!guest)("xv6-machine with our prebuilt guest", () => {
  it("boots to a shell prompt and runs commands (1 hart)", async () => {
    const m = boot();
    await m.waitFor("$ ", { maxInstructions: BOOT_BUDGET });
    const ls = await m.runCommand("ls", { maxInstructions: 2e8 });
    expect(ls).toMatch(/README\s+2 \d+ \d+/);
    expect(ls).toMatch(/console\s+3 \d+ 0/);
    expect(await m.runCommand("echo hello world | wc", { maxInstructions: 2e8 })).toMatch(/1 2 12/);
  }, 120_000);

  it("boots on 3 harts with the legacy transport too", async () => {
    const m = boot({ cpus: 3, virtio: "legacy" });
    await m.waitFor("$ ", { maxInstructions: 3 * BOOT_BUDGET });
    expect(await m.runCommand("echo three harts", { maxInstructions: 6e8 })).toContain("three harts");
  }, 180_000);

  it("is deterministic: two runs reach the prompt after the same instructions with the same output", async () => {
    const a = boot();
    const b = boot();
    await a.waitFor("$ ", { maxInstructions: BOOT_BUDGET });
    await b.waitFor("$ ", { maxInstructions: BOOT_BUDGET });
    expect(a.output).toBe(b.output);
    expect(a.now()).toBe(b.now());
  }, 120_000);

  it("leaves the guest's file writes on the disk, readable by xv6-fs", async () => {
    const m = boot();
    await m.waitFor("$ ", { maxInstructions: BOOT_BUDGET });
    await m.runCommand("echo kept on disk > note", { maxInstructions: 2e8 });
    const img = m.diskBytes();
    expect(img).toBeDefined();
    const fs = openImage(img as Uint8Array);
    expect(new TextDecoder().decode(fs.readFile("/note"))).toBe("kept on disk\n");
    expect(fsck(img as Uint8Array).problems).toEqual([]);
  }, 120_000);
});

describe.skipIf(!guest)("the xv6-machine command with our guest", () => {
  it("boots with no options, runs each --cmd and exits 0", () => {
    const r = spawnSync(process.execPath, [cli, "--cmd", "echo first", "--cmd", "ls README"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stdout).toContain("first");
    expect(r.stdout).toMatch(/README\s+2/);
    expect(r.status).toBe(0);
  }, 130_000);

  it("writes the guest's changes back to an --fs image", () => {
    const dir = mkdtempSync(join(tmpdir(), "xv6-machine-fs-"));
    const image = join(dir, "fs.img");
    writeFileSync(image, buildImage(prebuilt().user));
    const r = spawnSync(process.execPath, [cli, "--fs", image, "--cmd", "echo saved > saved.txt"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const fs = openImage(new Uint8Array(readFileSync(image)));
    expect(new TextDecoder().decode(fs.readFile("/saved.txt"))).toBe("saved\n");
  }, 130_000);

  it("types piped stdin into the console", () => {
    const r = spawnSync(process.execPath, [cli, "--timeout", "20"], {
      encoding: "utf8",
      input: "echo piped-in\n",
      timeout: 60_000,
    });
    expect(r.stdout).toContain("piped-in\n");
    expect(r.stdout).not.toContain("timed out");
    expect(r.status).toBe(0); // stdin ended and the shell is back at its prompt
  }, 70_000);
});
