import { describe, expect, it } from "vitest";
import { BlkStatus, Desc, Interrupt, Reg, Request, Status } from "./constants.js";
import { DATA, Driver, HEADER, OUTSIDE, RAM_BASE, STATUS, sameBytes, TABLE } from "./test-driver.js";

const IOERR = BlkStatus.IoErr;

describe.each(["legacy", "modern"] as const)("%s transport: bad guest programming", (transport) => {
  function ready(opts: { num?: number; readOnly?: boolean } = {}): Driver {
    const d = new Driver({ transport, ...opts });
    d.init();
    return d;
  }

  /** The device gave up: DEVICE_NEEDS_RESET, a config-change interrupt, and nothing served after. */
  function expectNeedsReset(d: Driver, why: RegExp): void {
    expect(d.status() & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
    expect(d.r(Reg.InterruptStatus) & Interrupt.ConfigChange).toBe(Interrupt.ConfigChange);
    expect(d.irq.level).toBe(true);
    expect(d.dev.fault).toMatch(why);
    const used = d.usedIdx();
    d.ack();
    d.notify();
    expect(d.irq.level).toBe(false);
    expect(d.usedIdx()).toBe(used);
    // A reset brings it back.
    d.w(Reg.Status, 0);
    expect(d.status()).toBe(0);
    expect(d.dev.fault).toBe("");
    d.init();
    expect(d.request(Request.Flush, 0, 0).status).toBe(BlkStatus.Ok);
  }

  /** A request that fails with a status byte leaves the device healthy. */
  function expectHealthy(d: Driver): void {
    expect(d.status() & Status.DeviceNeedsReset).toBe(0);
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.UsedBuffer);
    expect(d.request(Request.Flush, 0, 0).status).toBe(BlkStatus.Ok);
  }

  it("IOERR for a request shorter than its 16-byte header", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 12, Desc.Next, 1);
    d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 2);
    d.setDesc(2, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: IOERR, id: 0, len: 1 });
    // No readable part at all.
    d.setDesc(0, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: IOERR, id: 0, len: 1 });
    expectHealthy(d);
  });

  it("IOERR for a sector beyond capacity, and for a transfer running past the end", () => {
    const d = ready();
    const before = d.backend.bytes.slice();
    expect(d.request(Request.In, 128, 512)).toEqual({ status: IOERR, id: 0, len: 1 });
    expect(d.request(Request.In, 127, 1024).status).toBe(IOERR);
    expect(d.request(Request.Out, 127, 1024).status).toBe(IOERR);
    expect(d.request(Request.Out, 2 ** 40, 512).status).toBe(IOERR);
    d.setHeader(Request.In, 0);
    d.ram.set32(HEADER + 12, 0xffffffff); // sector 2^64 - 2^32: far beyond anything
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    expect(d.submit(0).status).toBe(IOERR);
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
    expectHealthy(d);
  });

  it("IOERR for data that is not whole sectors", () => {
    const d = ready();
    const before = d.backend.bytes.slice();
    expect(d.request(Request.In, 0, 100).status).toBe(IOERR);
    expect(d.request(Request.Out, 0, 513).status).toBe(IOERR);
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
    expectHealthy(d);
  });

  it("IOERR for a write to a read-only disk, and the disk is unchanged", () => {
    const d = ready({ readOnly: true });
    const before = d.backend.bytes.slice();
    d.ram.bytes.fill(1, DATA - RAM_BASE, DATA - RAM_BASE + 512);
    expect(d.request(Request.Out, 0, 512)).toEqual({ status: IOERR, id: 0, len: 1 });
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
    expectHealthy(d);
  });

  it("IOERR for a read into a buffer outside RAM", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, OUTSIDE - 512, 1024, Desc.Write | Desc.Next, 2);
    d.setDesc(2, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: IOERR, id: 0, len: 1 });
    // A 64-bit address far above RAM.
    d.setDesc(1, 2 ** 40 + RAM_BASE, 512, Desc.Write | Desc.Next, 2);
    expect(d.submit(0).status).toBe(IOERR);
    expectHealthy(d);
  });

  it("IOERR for a write from a buffer outside RAM, and nothing reaches the disk", () => {
    const d = ready();
    const before = d.backend.bytes.slice();
    d.setHeader(Request.Out, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, DATA, 512, Desc.Next, 2);
    d.setDesc(2, OUTSIDE - 256, 512, Desc.Next, 3);
    d.setDesc(3, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: IOERR, id: 0, len: 1 });
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
    // The header itself outside RAM.
    d.setDesc(0, 0x1000, 16, Desc.Next, 1);
    expect(d.submit(0).status).toBe(IOERR);
    expectHealthy(d);
  });

  it("IOERR when GET_ID's buffer is outside RAM", () => {
    const d = ready();
    d.setHeader(Request.GetId, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, OUTSIDE - 8, 20, Desc.Write | Desc.Next, 2);
    d.setDesc(2, STATUS, 1, Desc.Write);
    expect(d.submit(0).status).toBe(IOERR);
    expectHealthy(d);
  });

  it("IOERR when the backend fails", () => {
    const d = ready();
    d.backend.read = () => {
      throw new Error("disk on fire");
    };
    d.backend.flush = d.backend.read as () => void;
    expect(d.request(Request.In, 0, 512).status).toBe(IOERR);
    expect(d.request(Request.Flush, 0, 0).status).toBe(IOERR);
  });

  it("needs reset when the status byte is outside RAM", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 2);
    d.setDesc(2, OUTSIDE, 1, Desc.Write);
    d.post(0);
    d.notify();
    expect(d.usedIdx()).toBe(0);
    expectNeedsReset(d, /status byte/);
  });

  it("needs reset when a chain has no device-writable byte", () => {
    const d = ready();
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, 0);
    d.post(0);
    d.notify();
    expectNeedsReset(d, /status byte/);
  });

  it("needs reset for a looping chain", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 2);
    d.setDesc(2, DATA, 512, Desc.Write | Desc.Next, 1);
    d.post(0);
    d.notify();
    expectNeedsReset(d, /loops/);
  });

  it("needs reset for a descriptor that chains to itself", () => {
    const d = ready();
    d.setDesc(3, HEADER, 16, Desc.Next, 3);
    d.post(3);
    d.notify();
    expectNeedsReset(d, /loops/);
  });

  it("needs reset for a next index beyond the table", () => {
    const d = ready();
    d.setDesc(0, HEADER, 16, Desc.Next, 8);
    d.post(0);
    d.notify();
    expectNeedsReset(d, /beyond the table/);
  });

  it("needs reset for a head index beyond the table", () => {
    const d = ready();
    d.post(200);
    d.notify();
    expectNeedsReset(d, /beyond the table/);
  });

  it("needs reset when the available index runs ahead by more than the queue size", () => {
    const d = ready();
    d.setAvailIdx(9);
    d.notify();
    expectNeedsReset(d, /more than the queue size/);
  });

  it("needs reset for a device-readable descriptor after a device-writable one", () => {
    const d = ready();
    d.setHeader(Request.Out, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write | Desc.Next, 2);
    d.setDesc(2, DATA, 512, 0);
    d.post(0);
    d.notify();
    expectNeedsReset(d, /readable descriptor after/);
  });

  it("still completes the chains before the broken one, and says so", () => {
    const d = ready();
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    d.setDesc(2, HEADER, 16, Desc.Next, 2);
    d.post(0);
    d.post(2);
    d.notify();
    expect(d.usedIdx()).toBe(1);
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.UsedBuffer | Interrupt.ConfigChange);
    expectNeedsReset(d, /loops/);
  });

  describe("indirect descriptors", () => {
    it("needs reset when they were not negotiated", () => {
      const d = new Driver({ transport });
      d.init((f) => f - 2 ** 28);
      d.setDesc(0, TABLE, 32, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /without VIRTIO_F_INDIRECT_DESC/);
    });

    it("needs reset for an indirect descriptor inside a table", () => {
      const d = ready();
      d.setDesc(0, TABLE + 64, 32, Desc.Indirect, 0, TABLE);
      d.setDesc(0, TABLE, 16, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /inside an indirect table/);
    });

    it("needs reset for INDIRECT together with NEXT", () => {
      const d = ready();
      d.setDesc(0, TABLE, 32, Desc.Indirect | Desc.Next, 1);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /with NEXT/);
    });

    it("needs reset for a table length that is not a multiple of 16", () => {
      const d = ready();
      d.setDesc(0, TABLE, 20, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /multiple of 16/);
    });

    it("needs reset for an empty table", () => {
      const d = ready();
      d.setDesc(0, TABLE, 0, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /multiple of 16/);
    });

    it("needs reset for a table outside RAM", () => {
      const d = ready();
      d.setDesc(0, OUTSIDE, 48, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /indirect table outside RAM/);
    });

    it("needs reset for a loop inside a table", () => {
      const d = ready();
      d.setDesc(0, HEADER, 16, Desc.Next, 1, TABLE);
      d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 0, TABLE);
      d.setDesc(0, TABLE, 32, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /loops/);
    });

    it("needs reset for a next index beyond the table's own length", () => {
      const d = ready();
      d.setDesc(0, HEADER, 16, Desc.Next, 2, TABLE);
      d.setDesc(0, TABLE, 32, Desc.Indirect);
      d.post(0);
      d.notify();
      expectNeedsReset(d, /beyond the table/);
    });
  });

  describe("queue set-up", () => {
    it("needs reset for a queue size that is 0, above QueueNumMax, or not a power of 2", () => {
      for (const num of [0, 512, 6]) {
        const d = new Driver({ transport, num });
        d.init();
        d.post(0);
        d.notify();
        expect(d.dev.fault).toMatch(/power of 2/);
        expect(d.status() & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
        expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.ConfigChange);
      }
    });

    it("needs reset when the descriptor table is outside RAM", () => {
      const d = ready();
      if (transport === "legacy") {
        d.w(Reg.QueuePfn, 0x1000); // page 0x1000 = 16 MiB, not RAM
      } else {
        d.w(Reg.QueueDescLow, 0x1000);
      }
      d.notify();
      expect(d.dev.fault).toMatch(/virtqueue outside RAM/);
      expect(d.status() & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
    });

    it("needs reset when the rings run off the end of RAM", () => {
      const d = ready();
      if (transport === "legacy") {
        // Descriptors fit in the last page but the used ring would be on the next one.
        d.w(Reg.QueuePfn, (OUTSIDE - 4096) / 4096);
      } else {
        d.w(Reg.QueueDeviceLow, OUTSIDE - 16);
      }
      d.notify();
      expectNeedsReset(d, /virtqueue outside RAM/);
    });

    if (transport === "modern") {
      it("needs reset when the available ring's address has high bits set", () => {
        const d = ready();
        d.w(Reg.QueueDriverHigh, 1);
        d.notify();
        expectNeedsReset(d, /virtqueue outside RAM/);
      });
    }

    if (transport === "legacy") {
      it("needs reset for a zero QueueAlign or GuestPageSize", () => {
        const d = ready();
        d.w(Reg.QueueAlign, 0);
        d.notify();
        expectNeedsReset(d, /QueueAlign is 0/);
        d.w(Reg.GuestPageSize, 0);
        d.notify();
        expect(d.dev.fault).toMatch(/GuestPageSize/);
      });
    }

    it("checks the queue when DRIVER_OK arrives after it was set up", () => {
      const d = new Driver({ transport, num: 6 });
      d.w(Reg.Status, Status.Acknowledge | Status.Driver);
      d.setupQueue();
      expect(d.dev.fault).toBe("");
      d.w(Reg.Status, Status.Acknowledge | Status.Driver | Status.DriverOk);
      expect(d.dev.fault).toMatch(/power of 2/);
      expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.ConfigChange);
    });
  });
});
