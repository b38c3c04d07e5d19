import { describe, expect, it } from "vitest";
import { Desc, Interrupt, Reg, Request, Status } from "./constants.js";
import { DATA, Driver, HEADER, OUTSIDE, RAM_BASE, STATUS, sameBytes, TABLE } from "./test-driver.js";
import { QUEUE_NUM_MAX } from "./virtio-blk.js";

// Chains the fuzzer found the device acting on although it then gave up on the ring: a request
// whose status byte cannot be written is not performed, and an indirect table is bounded before
// it is walked.
describe.each(["legacy", "modern"] as const)("%s transport: requests on a broken ring", (transport) => {
  function ready(): Driver {
    const d = new Driver({ transport });
    d.init();
    d.ram.bytes.fill(0x5a, DATA - RAM_BASE, DATA - RAM_BASE + 1024);
    return d;
  }

  function expectGaveUp(d: Driver, why: RegExp, before: Uint8Array): void {
    expect(d.status() & Status.DeviceNeedsReset).toBe(Status.DeviceNeedsReset);
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.ConfigChange);
    expect(d.dev.fault).toMatch(why);
    expect(d.usedIdx()).toBe(0);
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
  }

  it("does not write the disk for an OUT whose status byte is outside RAM", () => {
    const d = ready();
    const before = d.backend.bytes.slice();
    d.setHeader(Request.Out, 2);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, DATA, 1024, Desc.Next, 2);
    d.setDesc(2, OUTSIDE, 1, Desc.Write);
    d.post(0);
    d.notify();
    expectGaveUp(d, /status byte/, before);
  });

  it("does not flush for a FLUSH whose status byte is outside RAM", () => {
    const d = ready();
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, OUTSIDE - 4, 8, Desc.Write); // the last byte, the status, is past the end
    d.post(0);
    d.notify();
    expectGaveUp(d, /status byte/, d.backend.bytes.slice());
    expect(d.backend.flushes).toBe(0);
  });

  it("does not serve a chain in an indirect table longer than QueueNumMax", () => {
    const d = ready();
    const before = d.backend.bytes.slice();
    const n = QUEUE_NUM_MAX + 1;
    // Zero-length entries first, then a valid OUT: only the table's length is wrong.
    for (let i = 0; i < n - 3; i++) d.setDesc(i, HEADER, 0, Desc.Next, i + 1, TABLE);
    d.setHeader(Request.Out, 2);
    d.setDesc(n - 3, HEADER, 16, Desc.Next, n - 2, TABLE);
    d.setDesc(n - 2, DATA, 1024, Desc.Next, n - 1, TABLE);
    d.setDesc(n - 1, STATUS, 1, Desc.Write, 0, TABLE);
    d.setDesc(0, TABLE, 16 * n, Desc.Indirect);
    d.post(0);
    d.notify();
    expectGaveUp(d, /indirect table longer than QueueNumMax/, before);
  });

  it("does not serve a chain in an indirect table that runs past the end of RAM", () => {
    const d = ready();
    const table = OUTSIDE - 48 - 8;
    d.setHeader(Request.In, 0);
    d.ram.set8(STATUS, 0xff);
    d.setDesc(0, HEADER, 16, Desc.Next, 1, table);
    d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 2, table);
    d.setDesc(2, STATUS, 1, Desc.Write, 0, table);
    // A fourth entry is declared, and would straddle the end of RAM.
    d.setDesc(0, table, 64, Desc.Indirect);
    d.post(0);
    d.notify();
    expectGaveUp(d, /indirect table outside RAM/, d.backend.bytes.slice());
    expect(d.ram.u8(STATUS)).toBe(0xff); // not served
  });

  it("gives up at once on a looping indirect table of 2^20 entries", () => {
    const d = ready();
    d.setDesc(0, HEADER, 16, Desc.Next, 0, TABLE);
    d.setDesc(0, TABLE, 16 * 2 ** 20, Desc.Indirect);
    d.post(0);
    d.notify();
    expectGaveUp(d, /indirect table longer than QueueNumMax/, d.backend.bytes.slice());
  });
});
