import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { Machine, MachineError } from "./machine.js";
import { prefaultedMemory } from "./prefault.js";

const guest = guestFiles();
const MIB = 1 << 20;

describe("guest RAM in a buffer from outside", () => {
  it("prefaultedMemory gives shared memory of the size asked, all zero, while its worker runs", async () => {
    const memory = prefaultedMemory(64 * MIB);
    expect(memory).toBeInstanceOf(SharedArrayBuffer);
    expect(memory.byteLength).toBe(64 * MIB);
    for (let pass = 0; pass < 2; pass++) {
      expect(new BigUint64Array(memory).some((v) => v !== 0n)).toBe(false);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it("refuses a buffer of the wrong size", () => {
    const kernel = new Uint8Array(16);
    expect(() => new Machine({ kernel, memMiB: 32, memory: new ArrayBuffer(16 * MIB) })).toThrow(
      new MachineError("the memory buffer holds 16777216 bytes, not 32 MiB"),
    );
  });

  it.skipIf(!guest)(
    "boots our guest with 2048 MiB in a prefaulted buffer and keeps RAM there",
    async () => {
      if (!guest) return;
      const memory = prefaultedMemory(2048 * MIB);
      const m = new Machine({
        kernel: guest.kernel,
        disk: new MemoryBackend(buildImage(guest.user)),
        memMiB: 2048,
        memory,
      });
      await m.waitFor("$ ", { maxInstructions: 2e9 });
      expect(await m.runCommand("echo big", { maxInstructions: 2e8 })).toContain("big");
      const text = new TextDecoder("latin1").decode(new Uint8Array(memory, 0, 64 * MIB));
      expect(text).toContain("xv6-guest kernel is booting");
    },
    120_000,
  );
});
