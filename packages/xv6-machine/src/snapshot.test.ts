import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { Machine, MachineError, SnapshotError } from "./machine.js";
import type { SnapshotMeta } from "./snapshot.js";

const guest = guestFiles();
const BUDGET = { maxInstructions: 3e9 };

function boot(cpus: number): { m: Machine; disk: MemoryBackend } {
  if (!guest) throw new Error("no prebuilt guest");
  const disk = new MemoryBackend(buildImage(guest.user));
  return { m: new Machine({ kernel: guest.kernel, disk, cpus }), disk };
}

/** `bytes` with its JSON description changed by `change`. */
function withMeta(bytes: Uint8Array, change: (meta: SnapshotMeta) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const n = view.getUint32(12, true);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + n)));
  change(meta);
  const json = new TextEncoder().encode(JSON.stringify(meta));
  const out = new Uint8Array(16 + json.length + bytes.length - 16 - n);
  out.set(bytes.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, json.length, true);
  out.set(json, 16);
  out.set(bytes.subarray(16 + n), 16 + json.length);
  return out;
}

/** Where the first run-length page of the RAM section starts (its kind byte). */
function firstRunsPage(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const n = view.getUint32(12, true);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + n))) as SnapshotMeta;
  let at = 16 + n + meta.sections[0] + meta.sections[1];
  for (;;) {
    const kind = bytes[at];
    if (kind === 2) return at;
    at += kind === 0 ? 2 : 1 + 4096;
  }
}

/** What follows the snapshot, the same on both machines. */
async function rest(m: Machine): Promise<void> {
  await m.waitForPrompt(BUDGET);
  await m.runCommand("echo saved > s; cat s; mmaptest", BUDGET);
  await m.runCommand("ls", BUDGET);
}

describe.skipIf(!guest)("machine snapshots", () => {
  for (const cpus of [1, 3]) {
    it(`restore into a run indistinguishable from the uninterrupted one (${cpus} hart${cpus > 1 ? "s" : ""})`, async () => {
      const { m: a, disk: diskA } = boot(cpus);
      await a.waitForPrompt(BUDGET);
      // Mid-command: the shell has forked, the disk is busy, the typed line half read.
      a.type("forktest\n");
      for (let i = 0; i < 7; i++) a.runSlice(60_000);
      const bytes = a.snapshot();
      const b = new Machine({ snapshot: bytes });
      expect(b.output).toBe(a.output);
      expect(b.instructions).toBe(a.instructions);
      await rest(a);
      await rest(b);
      expect(b.output).toBe(a.output);
      expect(a.output).toContain("fork test OK");
      expect(a.output).toContain("mmaptest: all tests succeeded");
      expect(b.instructions).toBe(a.instructions);
      const diskB = new Uint8Array(diskA.size);
      b.diskBackend?.read(0, diskB);
      expect(Buffer.compare(diskB, diskA.bytes)).toBe(0);
      expect(Buffer.compare(b.ram.u8, a.ram.u8)).toBe(0);
      // A snapshot of the same state is the same bytes.
      expect(Buffer.compare(b.snapshot(), a.snapshot())).toBe(0);
    }, 300_000);
  }

  it("writes the disk into a given backend, and keeps the clock going in real time", async () => {
    const { m: a } = boot(1);
    await a.waitForPrompt(BUDGET);
    const bytes = a.snapshot();
    const size = (a.diskBackend as MemoryBackend).size;
    const disk = new MemoryBackend(new Uint8Array(size));
    const b = new Machine({ snapshot: bytes, disk });
    expect(b.diskBackend).toBe(disk);
    expect(Buffer.compare(disk.bytes, (a.diskBackend as MemoryBackend).bytes)).toBe(0);
    expect(await b.runCommand("echo still here", BUDGET)).toContain("still here");
    expect(
      () => new Machine({ snapshot: bytes, disk: new MemoryBackend(new Uint8Array(size + 512)) }),
    ).toThrow(/disk has \d+ bytes/);
  }, 120_000);

  it("refuses bad snapshots with a clear error", async () => {
    const { m } = boot(1);
    await m.waitForPrompt(BUDGET);
    const good = m.snapshot();
    const bad =
      (bytes: Uint8Array, opts: object = {}) =>
      () =>
        new Machine({ snapshot: bytes, ...opts });
    expect(bad(good.subarray(0, good.length - 100))).toThrow(/truncated/);
    expect(bad(good.subarray(0, 10))).toThrow(SnapshotError);
    expect(bad(new TextEncoder().encode("ELF, not a snapshot at all"))).toThrow(
      /not an xv6-machine snapshot/,
    );
    const other = good.slice();
    other[8] = 9;
    expect(bad(other)).toThrow(/version 9; this xv6-machine reads versions 1 to 2/);
    // Free pages (junk after the free list's pointer) are runs: a booted 128 MiB machine with a
    // 2 MB disk saves in well under 4 MiB.
    expect(good.length).toBeLessThan(4 * 2 ** 20);
    const runs = firstRunsPage(good);
    const v1 = good.slice();
    v1[8] = 1; // version 1 had no run-length pages
    expect(bad(v1)).toThrow(/(RAM|disk) is damaged \(page \d+\)/);
    const overlong = good.slice();
    overlong[runs + 1] = 0xff; // the first literal's length, past the page
    overlong[runs + 2] = 0xff;
    expect(bad(overlong)).toThrow(/RAM is damaged/);
    expect(bad(good, { cpus: 2 })).toThrow(/machine with cpus 1, not 2/);
    expect(bad(good, { memMiB: 256 })).toThrow(/memMiB 128, not 256/);
    expect(bad(good, { parallel: true })).toThrow(/not parallel ones/);
    const damaged = good.slice();
    damaged[16] = 0x78; // the description's opening brace
    expect(bad(damaged)).toThrow(/description is damaged/);
    expect(bad(withMeta(good, (d) => (d.harts[0].x = [1, 2])))).toThrow(/x is not 64 integers/);
    expect(bad(withMeta(good, (d) => (d.uart.regs = [999])))).toThrow(/UART state/);
    expect(bad(withMeta(good, (d) => (d.machine.cpus = 2)))).toThrow(/harts do not match/);
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(bad(longer)).toThrow(/bytes after its end/);
    expect(SnapshotError.prototype).toBeInstanceOf(MachineError);
  }, 120_000);
});
