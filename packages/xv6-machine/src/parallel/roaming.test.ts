import { RamDma } from "@xv6-machine/devices";
import { MemoryBackend, Reg, Status, VirtioBlk } from "@xv6-machine/virtio-blk";
import { describe, expect, it } from "vitest";
import { Roaming, roamingState } from "./roaming.js";

const RAM_BASE = 0x8000_0000;

/** Two devices over the same RAM and disk, as two threads hold them, sharing one state. */
function pair() {
  const u8 = new Uint8Array(64 * 1024);
  const ram = {
    base: RAM_BASE,
    u8,
    contains: (pa: number, len: number) => pa >= RAM_BASE && pa + len <= RAM_BASE + u8.length,
    writeBytes: (pa: number, bytes: Uint8Array) => u8.set(bytes, pa - RAM_BASE),
  };
  const levels: boolean[] = [];
  const disk = new MemoryBackend(new Uint8Array(4096));
  const make = () =>
    new VirtioBlk({
      memory: new RamDma(ram),
      irq: { set: (l) => levels.push(l) },
      backend: disk,
      transport: "modern",
    });
  const state = roamingState();
  const a = make();
  const b = make();
  return { a, b, ra: new Roaming(a, state, true), rb: new Roaming(b, state, false), levels };
}

describe("a device whose state roams between threads", () => {
  it("shows each thread's register writes to the other", () => {
    const { ra, rb } = pair();
    ra.write(Reg.Status, 4, Status.Acknowledge | Status.Driver);
    expect(rb.read(Reg.Status, 4)).toBe(Status.Acknowledge | Status.Driver);
    rb.write(Reg.QueueDescLow, 4, 0x1234);
    expect(ra.read(Reg.QueueDescLow, 4)).toBe(0x1234);
    ra.write(Reg.Status, 4, 0);
    expect(rb.read(Reg.QueueDescLow, 4)).toBe(0);
  });

  it("carries a fault from the thread that found it, and it reads back the same everywhere", () => {
    const { a, b, ra, rb } = pair();
    ra.write(Reg.Status, 4, Status.Acknowledge | Status.Driver | Status.FeaturesOk);
    ra.write(Reg.QueueNum, 4, 3); // not a power of two
    ra.write(Reg.QueueReady, 4, 1);
    ra.write(Reg.Status, 4, Status.Acknowledge | Status.Driver | Status.FeaturesOk | Status.DriverOk);
    expect(a.fault).not.toBe("");
    rb.read(Reg.Status, 4);
    expect(b.fault).toBe(a.fault);
    expect(rb.read(Reg.Status, 4) & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
    expect(rb.read(Reg.InterruptStatus, 4)).toBe(ra.read(Reg.InterruptStatus, 4));
  });
});
