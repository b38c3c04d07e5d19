import { describe, expect, it } from "vitest";
import { Desc, Feature, Interrupt, Reg, Request, Status } from "./constants.js";
import { MemoryBackend } from "./memory-backend.js";
import { Driver, HEADER, QUEUE_BASE, RAM_BASE, STATUS, TABLE, TestIrq, TestRam } from "./test-driver.js";
import { QUEUE_NUM_MAX, VirtioBlk } from "./virtio-blk.js";

const bit = (n: number) => 2 ** n;
const has = (features: number, n: number) => Math.floor(features / bit(n)) % 2 === 1;

describe.each(["legacy", "modern"] as const)("%s transport", (transport) => {
  const version = transport === "legacy" ? 1 : 2;

  it("identifies itself as QEMU's virtio block device", () => {
    const d = new Driver({ transport });
    expect(d.r(Reg.MagicValue)).toBe(0x74726976);
    expect(d.r(Reg.Version)).toBe(version);
    expect(d.r(Reg.DeviceId)).toBe(2);
    expect(d.r(Reg.VendorId)).toBe(0x554d4551);
    expect(d.r(Reg.QueueNumMax)).toBe(QUEUE_NUM_MAX);
    expect(d.status()).toBe(0);
  });

  it("has one queue", () => {
    const d = new Driver({ transport });
    d.w(Reg.QueueSel, 1);
    expect(d.r(Reg.QueueNumMax)).toBe(0);
    d.w(Reg.QueueSel, 0);
    expect(d.r(Reg.QueueNumMax)).toBe(QUEUE_NUM_MAX);
  });

  it("offers VERSION_1 only on the modern transport, and the ring and block features on both", () => {
    const f = new Driver({ transport }).offered();
    expect(has(f, Feature.Version1)).toBe(transport === "modern");
    expect(has(f, Feature.RingIndirectDesc)).toBe(true);
    expect(has(f, Feature.RingEventIdx)).toBe(false);
    expect(has(f, Feature.BlkFlush)).toBe(true);
    expect(has(f, Feature.BlkBlkSize)).toBe(true);
    expect(has(f, Feature.BlkSegMax)).toBe(true);
    expect(has(f, Feature.BlkRo)).toBe(false);
    expect(has(new Driver({ transport, readOnly: true }).offered(), Feature.BlkRo)).toBe(true);
  });

  it("has no features beyond bit 63", () => {
    const d = new Driver({ transport });
    d.w(Reg.DeviceFeaturesSel, 2);
    expect(d.r(Reg.DeviceFeatures)).toBe(0);
  });

  it("reports capacity in sectors, seg_max and blk_size in config space", () => {
    const d = new Driver({ transport, disk: new Uint8Array(3 << 20) });
    expect(d.dev.read(Reg.Config, 4)).toBe((3 << 20) / 512);
    expect(d.dev.read(Reg.Config + 4, 4)).toBe(0);
    expect(d.dev.read(Reg.Config + 12, 4)).toBe(QUEUE_NUM_MAX - 2);
    expect(d.dev.read(Reg.Config + 20, 4)).toBe(512);
    // Linux's legacy path reads the config a byte at a time.
    const bytes = [0, 1, 2, 3].map((i) => d.dev.read(Reg.Config + i, 1));
    expect(bytes).toEqual([0x00, 0x18, 0x00, 0x00]);
    expect(d.dev.read(Reg.Config + 20, 2)).toBe(512);
    // Past the fields we define: zeros.
    expect(d.dev.read(Reg.Config + 0x80, 4)).toBe(0);
    expect(d.r(Reg.ConfigGeneration)).toBe(0);
  });

  it("splits a capacity above 2^32 sectors across both words", () => {
    const backend = { size: 2 ** 42, readOnly: false, read() {}, write() {}, flush() {} };
    const dev = new VirtioBlk({ memory: new TestRam(), irq: new TestIrq(), backend, transport });
    expect(dev.read(Reg.Config, 4)).toBe(0);
    expect(dev.read(Reg.Config + 4, 4)).toBe(2);
  });

  it("ignores writes to config space", () => {
    const d = new Driver({ transport });
    expect(d.dev.write(Reg.Config, 4, 7)).toBe(true);
    expect(d.dev.read(Reg.Config, 4)).toBe(128);
  });

  it("turns wrong-sized, misaligned and out-of-window accesses into bus errors", () => {
    const d = new Driver({ transport });
    expect(d.dev.read(Reg.MagicValue, 1)).toBe(-1);
    expect(d.dev.read(Reg.MagicValue, 2)).toBe(-1);
    expect(d.dev.read(Reg.MagicValue, 8)).toBe(-1);
    expect(d.dev.read(Reg.Version + 1, 4)).toBe(-1);
    expect(d.dev.read(Reg.Config + 2, 4)).toBe(-1);
    expect(d.dev.read(0x1000, 4)).toBe(-1);
    expect(d.dev.read(-4, 4)).toBe(-1);
    expect(d.dev.write(Reg.Status, 1, 1)).toBe(false);
    expect(d.dev.write(0x1000, 4, 0)).toBe(false);
    expect(d.status()).toBe(0);
    // Reserved offsets inside the window read as 0 and take writes.
    expect(d.r(0x0e0)).toBe(0);
    expect(d.dev.write(0x0e0, 4, 1)).toBe(true);
    expect(d.r(0x800)).toBe(0);
  });

  it("keeps the other transport's registers out of the way", () => {
    const d = new Driver({ transport });
    d.w(Reg.QueueNum, 8);
    if (transport === "legacy") {
      d.w(Reg.QueueReady, 1);
      d.w(Reg.QueueDescLow, 0x1234);
      expect(d.r(Reg.QueueReady)).toBe(0);
      expect(d.r(Reg.QueueDescLow)).toBe(0);
      expect(d.r(Reg.ShmLenLow)).toBe(0);
    } else {
      d.w(Reg.QueuePfn, 0x80001);
      expect(d.r(Reg.QueuePfn)).toBe(0);
      expect(d.r(Reg.QueueReady)).toBe(0);
      // No shared memory regions: the length reads as all ones.
      expect(d.r(Reg.ShmLenLow)).toBe(0xffffffff);
      expect(d.r(Reg.ShmLenHigh)).toBe(0xffffffff);
    }
  });

  it("resets on a write of 0 to Status", () => {
    const d = new Driver({ transport });
    d.init();
    d.request(Request.Flush, 0, 0);
    expect(d.irq.level).toBe(true);
    d.w(Reg.Status, 0);
    expect(d.status()).toBe(0);
    expect(d.r(Reg.InterruptStatus)).toBe(0);
    expect(d.irq.level).toBe(false);
    expect(d.r(transport === "legacy" ? Reg.QueuePfn : Reg.QueueReady)).toBe(0);
    if (transport === "modern") expect(d.r(Reg.QueueDescLow)).toBe(0);
    // After a reset the driver starts over with zeroed rings, and so does the device.
    d.init();
    expect(d.request(Request.Flush, 0, 0)).toEqual({ status: 0, id: 0, len: 1 });
    expect(d.usedIdx()).toBe(1);
  });

  it("serves nothing before DRIVER_OK, and what was posted once DRIVER_OK arrives", () => {
    const d = new Driver({ transport });
    d.w(Reg.Status, Status.Acknowledge | Status.Driver);
    d.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.FeaturesOk);
    d.setupQueue();
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    d.post(0);
    d.notify();
    expect(d.usedIdx()).toBe(0);
    expect(d.irq.level).toBe(false);
    d.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.FeaturesOk | Status.DriverOk);
    expect(d.usedIdx()).toBe(1);
    expect(d.irq.level).toBe(true);
  });

  it("raises the interrupt for a used buffer and lowers it on InterruptACK", () => {
    const d = new Driver({ transport });
    d.init();
    d.request(Request.Flush, 0, 0);
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.UsedBuffer);
    expect(d.irq.level).toBe(true);
    d.w(Reg.InterruptAck, Interrupt.ConfigChange); // the wrong bit changes nothing
    expect(d.irq.level).toBe(true);
    d.w(Reg.InterruptAck, Interrupt.UsedBuffer);
    expect(d.r(Reg.InterruptStatus)).toBe(0);
    expect(d.irq.level).toBe(false);
  });

  it("offers InterruptStatus to peek, without reading it, and no other register", () => {
    const d = new Driver({ transport });
    d.init();
    expect(d.dev.peek(Reg.InterruptStatus, 4)).toBe(0);
    d.request(Request.Flush, 0, 0);
    expect(d.dev.peek(Reg.InterruptStatus, 4)).toBe(Interrupt.UsedBuffer);
    expect(d.dev.peek(Reg.InterruptStatus, 2)).toBeUndefined();
    expect(d.dev.peek(Reg.Status, 4)).toBeUndefined();
    d.w(Reg.InterruptAck, Interrupt.UsedBuffer);
    expect(d.dev.peek(Reg.InterruptStatus, 4)).toBe(0);
  });

  it("raises no interrupt when the driver sets VIRTQ_AVAIL_F_NO_INTERRUPT", () => {
    const d = new Driver({ transport });
    d.init();
    d.ram.set16(d.avail, 1);
    expect(d.request(Request.Flush, 0, 0).status).toBe(0);
    expect(d.usedIdx()).toBe(1);
    expect(d.irq.level).toBe(false);
    expect(d.r(Reg.InterruptStatus)).toBe(0);
  });

  it("ignores notifications for queues it does not have", () => {
    const d = new Driver({ transport });
    d.init();
    d.setHeader(Request.Flush, 0);
    d.post(0);
    d.w(Reg.QueueNotify, 1);
    expect(d.usedIdx()).toBe(0);
  });

  it("power-on reset() restores everything", () => {
    const d = new Driver({ transport });
    d.init();
    d.request(Request.Flush, 0, 0);
    d.dev.reset();
    expect(d.status()).toBe(0);
    expect(d.irq.level).toBe(false);
    expect(d.r(Reg.QueueNumMax)).toBe(QUEUE_NUM_MAX);
  });
});

describe("modern feature negotiation", () => {
  const okBits = Status.Acknowledge | Status.Driver | Status.FeaturesOk;

  it("keeps FEATURES_OK for any subset of the offer, even without VERSION_1 (current xv6)", () => {
    const d = new Driver({ transport: "modern" });
    d.w(Reg.Status, Status.Acknowledge | Status.Driver);
    d.w(Reg.DeviceFeaturesSel, 0);
    const low = d.r(Reg.DeviceFeatures) & ~(1 << Feature.RingIndirectDesc);
    d.w(Reg.DriverFeaturesSel, 0);
    d.w(Reg.DriverFeatures, low);
    d.w(Reg.Status, okBits);
    expect(d.status() & Status.FeaturesOk).toBe(Status.FeaturesOk);
  });

  it("refuses FEATURES_OK when the driver accepts a feature that was not offered", () => {
    const d = new Driver({ transport: "modern" });
    d.w(Reg.Status, Status.Acknowledge | Status.Driver);
    d.w(Reg.DriverFeaturesSel, 0);
    d.w(Reg.DriverFeatures, 1 << Feature.RingEventIdx);
    d.w(Reg.Status, okBits);
    expect(d.status()).toBe(Status.Acknowledge | Status.Driver);
  });

  it("refuses a high feature bit that was not offered", () => {
    const d = new Driver({ transport: "modern" });
    d.w(Reg.Status, Status.Acknowledge | Status.Driver);
    d.w(Reg.DriverFeaturesSel, 1);
    d.w(Reg.DriverFeatures, 1 | 2); // VERSION_1 and ACCESS_PLATFORM
    d.w(Reg.Status, okBits);
    expect(d.status() & Status.FeaturesOk).toBe(0);
  });

  it("freezes the driver's features once FEATURES_OK is set", () => {
    const d = new Driver({ transport: "modern" });
    d.init((f) => f - bit(Feature.RingIndirectDesc));
    d.w(Reg.DriverFeaturesSel, 0);
    d.w(Reg.DriverFeatures, 1 << Feature.RingIndirectDesc);
    // Indirect descriptors were not negotiated, so using one breaks the device.
    d.setDesc(0, TABLE, 48, Desc.Indirect);
    d.post(0);
    d.notify();
    expect(d.status() & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
  });
});

describe("legacy transport", () => {
  it("keeps GuestPageSize across a driver reset, as Linux writes it once before resetting", () => {
    const d = new Driver({ transport: "legacy" });
    d.w(Reg.GuestPageSize, 0x10000);
    d.w(Reg.Status, 0);
    d.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.DriverOk);
    d.w(Reg.QueueNum, 8);
    // With 64 KiB pages the ring is at pfn * 64 KiB, so pfn 0x8000 puts it at RAM_BASE.
    d.w(Reg.QueuePfn, 0x8000);
    d.desc = RAM_BASE;
    d.avail = d.desc + 128;
    d.used = RAM_BASE + 0x1000;
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    d.post(0);
    d.notify();
    expect(d.usedIdx()).toBe(1);
  });

  it("places the used ring at the next QueueAlign boundary", () => {
    const d = new Driver({ transport: "legacy", num: 256 });
    d.init();
    // 256 descriptors (4096 bytes) + avail ring (518 bytes) -> used ring at +8192.
    expect(d.used - d.desc).toBe(8192);
    expect(d.request(Request.Flush, 0, 0).status).toBe(0);
    expect(d.usedIdx()).toBe(1);
  });

  it("honours a smaller QueueAlign", () => {
    const d = new Driver({ transport: "legacy" });
    d.init();
    d.w(Reg.QueueAlign, 64);
    d.w(Reg.QueuePfn, QUEUE_BASE / 4096);
    d.used = d.desc + 192; // 128 + 22 rounded up to 64
    expect(d.request(Request.Flush, 0, 0).status).toBe(0);
    expect(d.usedIdx()).toBe(1);
  });

  it("takes the queue away when the driver writes QueuePFN 0", () => {
    const d = new Driver({ transport: "legacy" });
    d.init();
    d.w(Reg.QueuePfn, 0);
    expect(d.r(Reg.QueuePfn)).toBe(0);
    d.setHeader(Request.Flush, 0);
    d.post(0);
    d.notify();
    expect(d.usedIdx()).toBe(0);
    expect(d.status() & Status.DeviceNeedsReset).toBe(0);
  });
});

describe("xv6's own bring-up sequences", () => {
  function checkIdentity(d: Driver, version: number): void {
    if (
      d.r(Reg.MagicValue) !== 0x74726976 ||
      d.r(Reg.Version) !== version ||
      d.r(Reg.DeviceId) !== 2 ||
      d.r(Reg.VendorId) !== 0x554d4551
    ) {
      throw new Error("could not find virtio disk");
    }
  }
  // xv6 clears these feature bits and keeps the rest.
  const xv6Mask = ~((1 << 5) | (1 << 7) | (1 << 11) | (1 << 12) | (1 << 27) | (1 << 29) | (1 << 28));

  /** xv6's disk request: header, data and status in three descriptors. */
  function rw(d: Driver, write: boolean, sector: number): number {
    return d.request(write ? Request.Out : Request.In, sector, 1024).status;
  }

  it("2020 (legacy): DRIVER_OK before the queue exists, no QueueAlign", () => {
    const d = new Driver({ transport: "legacy" });
    checkIdentity(d, 1);
    let status = Status.Acknowledge;
    d.w(Reg.Status, status);
    status |= Status.Driver;
    d.w(Reg.Status, status);
    d.w(Reg.DriverFeatures, d.r(Reg.DeviceFeatures) & xv6Mask);
    status |= Status.FeaturesOk;
    d.w(Reg.Status, status);
    status |= Status.DriverOk;
    d.w(Reg.Status, status);
    d.w(Reg.GuestPageSize, 4096);
    d.w(Reg.QueueSel, 0);
    expect(d.r(Reg.QueueNumMax)).toBeGreaterThanOrEqual(8);
    expect(d.r(Reg.QueuePfn)).toBe(0);
    d.w(Reg.QueueNum, 8);
    d.w(Reg.QueuePfn, QUEUE_BASE >>> 12);
    d.desc = QUEUE_BASE;
    d.avail = QUEUE_BASE + 8 * 16;
    d.used = QUEUE_BASE + 4096;
    d.ram.bytes.fill(0x5a, 0x20000, 0x20400);
    expect(rw(d, true, 6)).toBe(0);
    expect(d.ack()).toBe(1);
    expect(d.backend.bytes[6 * 512 + 1023]).toBe(0x5a);
    d.ram.bytes.fill(0, 0x20000, 0x20400);
    expect(rw(d, false, 6)).toBe(0);
    expect(d.ram.bytes[0x20000 + 1023]).toBe(0x5a);
  });

  it("today (modern): FEATURES_OK checked, QueueReady, 64-bit ring addresses", () => {
    const d = new Driver({ transport: "modern" });
    checkIdentity(d, 2);
    let status = 0;
    d.w(Reg.Status, status);
    status |= Status.Acknowledge;
    d.w(Reg.Status, status);
    status |= Status.Driver;
    d.w(Reg.Status, status);
    d.w(Reg.DriverFeatures, d.r(Reg.DeviceFeatures) & xv6Mask);
    status |= Status.FeaturesOk;
    d.w(Reg.Status, status);
    expect(d.status() & Status.FeaturesOk).toBe(Status.FeaturesOk);
    d.w(Reg.QueueSel, 0);
    expect(d.r(Reg.QueueReady)).toBe(0);
    expect(d.r(Reg.QueueNumMax)).toBeGreaterThanOrEqual(8);
    d.w(Reg.QueueNum, 8);
    d.desc = QUEUE_BASE;
    d.avail = QUEUE_BASE + 0x1000;
    d.used = QUEUE_BASE + 0x2000;
    d.setQueueAddresses(d.desc, d.avail, d.used);
    d.w(Reg.QueueReady, 1);
    expect(d.r(Reg.QueueReady)).toBe(1);
    status |= Status.DriverOk;
    d.w(Reg.Status, status);
    d.ram.bytes.fill(0xa5, 0x20000, 0x20400);
    expect(rw(d, true, 100)).toBe(0);
    expect(d.ack()).toBe(1);
    d.ram.bytes.fill(0, 0x20000, 0x20400);
    expect(rw(d, false, 100)).toBe(0);
    expect(d.ram.bytes[0x20000]).toBe(0xa5);
    expect(d.irq.level).toBe(true);
  });
});

describe("MemoryBackend", () => {
  it("is the bytes it was given, rounded down to whole sectors", () => {
    const bytes = new Uint8Array(1500);
    const b = new MemoryBackend(bytes);
    expect(b.bytes).toBe(bytes);
    expect(b.size).toBe(1024);
    b.write(512, new Uint8Array([1, 2]));
    expect(bytes[513]).toBe(2);
    expect(() => b.read(1000, new Uint8Array(100))).toThrow(RangeError);
  });

  it("is shareable with other threads only when its bytes are in a SharedArrayBuffer", () => {
    expect(new MemoryBackend(new Uint8Array(512)).shareable()).toBeUndefined();
    const bytes = new Uint8Array(new SharedArrayBuffer(512));
    expect(new MemoryBackend(bytes, { readOnly: true }).shareable()).toEqual({
      kind: "bytes",
      bytes,
      readOnly: true,
    });
  });

  it("refuses writes when read-only", () => {
    const b = new MemoryBackend(new Uint8Array(512), { readOnly: true });
    expect(b.readOnly).toBe(true);
    expect(() => b.write(0, new Uint8Array(1))).toThrow();
  });
});
