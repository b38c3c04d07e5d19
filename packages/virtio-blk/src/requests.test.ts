import { describe, expect, it } from "vitest";
import { BlkStatus, Desc, Feature, Interrupt, Reg, Request } from "./constants.js";
import { DATA, Driver, HEADER, STATUS, sameBytes, TABLE } from "./test-driver.js";
import { VirtioBlk } from "./virtio-blk.js";

const OK = BlkStatus.Ok;

describe.each(["legacy", "modern"] as const)("%s transport: requests", (transport) => {
  function ready(opts: { num?: number; readOnly?: boolean } = {}): Driver {
    const d = new Driver({ transport, ...opts });
    d.init();
    return d;
  }

  it("reads sectors into guest memory; used len counts the data and the status byte", () => {
    const d = ready();
    const r = d.request(Request.In, 3, 1024);
    expect(r).toEqual({ status: OK, id: 0, len: 1025 });
    expect(d.ram.slice(DATA, 1024)).toEqual(d.backend.bytes.slice(3 * 512, 5 * 512));
  });

  it("writes sectors from guest memory; used len is 1 (only the status byte)", () => {
    const d = ready();
    for (let i = 0; i < 2048; i++) d.ram.set8(DATA + i, (i & 0xff) ^ 0x3c);
    expect(d.request(Request.Out, 10, 2048)).toEqual({ status: OK, id: 0, len: 1 });
    expect(d.backend.bytes.slice(10 * 512, 14 * 512)).toEqual(d.ram.slice(DATA, 2048));
    // Neighbours untouched.
    expect(d.backend.bytes[10 * 512 - 1]).toBe(((10 * 512 - 1) * 7 + 9) & 0xff);
    d.ram.bytes.fill(0, DATA - 0x8000_0000, DATA - 0x8000_0000 + 2048);
    expect(d.request(Request.In, 10, 2048, 3).status).toBe(OK);
    for (let i = 0; i < 2048; i++) expect(d.ram.u8(DATA + i)).toBe((i & 0xff) ^ 0x3c);
  });

  it("reads the last sector and writes a whole 64 KiB request", () => {
    const d = ready();
    expect(d.request(Request.In, 127, 512).status).toBe(OK);
    d.ram.bytes.fill(9, DATA - 0x8000_0000, DATA - 0x8000_0000 + 0x10000);
    expect(d.request(Request.Out, 0, 0x10000).status).toBe(OK);
    expect(d.backend.bytes.every((b) => b === 9)).toBe(true);
  });

  it("moves more than one internal buffer's worth of data (chunked transfers)", () => {
    const disk = new Uint8Array(1 << 20);
    const d = new Driver({ transport, disk });
    d.init();
    // 0x30000 bytes = 192 KiB from DATA; RAM holds it.
    for (let i = 0; i < 0x30000; i++) d.ram.bytes[0x48000 + i] = (i >>> 8) & 0xff;
    d.setHeader(Request.Out, 8);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, 0x8004_8000, 0x30000, Desc.Next, 2);
    d.setDesc(2, STATUS, 1, Desc.Write);
    expect(d.submit(0).status).toBe(OK);
    expect(sameBytes(disk.subarray(4096, 4096 + 0x30000), d.ram.slice(0x8004_8000, 0x30000))).toBe(true);
    d.ram.bytes.fill(0, 0x48000, 0x78000);
    d.setHeader(Request.In, 8);
    d.setDesc(1, 0x8004_8000, 0x30000, Desc.Next | Desc.Write, 2);
    expect(d.submit(0)).toEqual({ status: OK, id: 0, len: 0x30001 });
    expect(sameBytes(disk.subarray(4096, 4096 + 0x30000), d.ram.slice(0x8004_8000, 0x30000))).toBe(true);
  });

  it("flushes the backend", () => {
    const d = ready();
    expect(d.request(Request.Flush, 0, 0)).toEqual({ status: OK, id: 0, len: 1 });
    expect(d.backend.flushes).toBe(1);
  });

  it("answers GET_ID with a 20-byte id string", () => {
    const d = ready();
    d.ram.bytes.fill(0xee, DATA - 0x8000_0000, DATA - 0x8000_0000 + 32);
    expect(d.request(Request.GetId, 0, 20)).toEqual({ status: OK, id: 0, len: 21 });
    const id = d.ram.slice(DATA, 20);
    expect(new TextDecoder().decode(id.subarray(0, 11))).toBe("xv6-machine");
    expect([...id.subarray(11)]).toEqual(new Array(9).fill(0));
    // Only 20 bytes are written even into a bigger buffer.
    expect(d.request(Request.GetId, 0, 32).len).toBe(21);
    expect(d.ram.u8(DATA + 20)).toBe(0xee);
  });

  it("answers unknown request types with UNSUPP", () => {
    const d = ready();
    expect(d.request(11 /* DISCARD */, 0, 0)).toEqual({ status: BlkStatus.Unsupp, id: 0, len: 1 });
    expect(d.request(0x80000000 /* legacy barrier flag */, 0, 0).status).toBe(BlkStatus.Unsupp);
  });

  it("does not depend on how the request is cut into descriptors", () => {
    const d = ready();
    // Header split 5 + 11, data and status in one writable buffer, chain out of order.
    d.setHeader(Request.In, 2);
    d.ram.set8(DATA + 512, 0xff);
    d.setDesc(5, HEADER, 5, Desc.Next, 2);
    d.setDesc(2, HEADER + 5, 11, Desc.Next, 7);
    d.setDesc(7, DATA, 513, Desc.Write);
    expect(d.submit(5, DATA + 512)).toEqual({ status: OK, id: 5, len: 513 });
    expect(d.ram.slice(DATA, 512)).toEqual(d.backend.bytes.slice(1024, 1536));
    // A write whose header and data share one descriptor.
    d.setHeader(Request.Out, 1, DATA - 16);
    d.setDesc(0, DATA - 16, 16 + 512, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    expect(d.submit(0).status).toBe(OK);
    expect(d.backend.bytes.slice(512, 1024)).toEqual(d.ram.slice(DATA, 512));
  });

  it("skips zero-length descriptors", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, DATA, 512, Desc.Write | Desc.Next, 2);
    d.setDesc(2, DATA + 4096, 0, Desc.Write | Desc.Next, 3);
    d.setDesc(3, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: OK, id: 0, len: 513 });
  });

  it("serves several chains from one notification, in order, with one interrupt", () => {
    const d = ready();
    const heads = [0, 3];
    for (const [k, head] of heads.entries()) {
      d.setHeader(Request.In, k, HEADER + 32 * k);
      d.setDesc(head, HEADER + 32 * k, 16, Desc.Next, head + 1);
      d.setDesc(head + 1, DATA + 512 * k, 512, Desc.Write | Desc.Next, head + 2);
      d.setDesc(head + 2, STATUS + k, 1, Desc.Write);
      d.post(head);
    }
    d.setHeader(Request.Flush, 0, HEADER + 64);
    d.setDesc(6, HEADER + 64, 16, Desc.Next, 7);
    d.setDesc(7, STATUS + 2, 1, Desc.Write);
    d.post(6);
    d.notify();
    expect(d.usedIdx()).toBe(3);
    expect([0, 1, 2].map((i) => d.usedElem(i))).toEqual([
      { id: 0, len: 513 },
      { id: 3, len: 513 },
      { id: 6, len: 1 },
    ]);
    expect(d.irq.edges).toBe(1);
    expect(d.ram.slice(DATA, 1024)).toEqual(d.backend.bytes.slice(0, 1024));
    // A second notification with nothing new changes nothing.
    d.notify();
    expect(d.usedIdx()).toBe(3);
  });

  it("wraps the 16-bit available and used indices", () => {
    const d = ready({ num: 4 });
    // Two chains of two descriptors each (header, status), posted again and again.
    d.setHeader(Request.Flush, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, STATUS, 1, Desc.Write);
    d.setDesc(2, HEADER, 16, Desc.Next, 3);
    d.setDesc(3, STATUS + 1, 1, Desc.Write);
    let used = 0;
    for (let round = 0; round < 65536 / 2 + 3; round++) {
      d.post(0);
      d.post(2);
      d.notify();
      d.ack();
      used = (used + 2) & 0xffff;
      if (d.usedIdx() !== used) throw new Error(`used idx ${d.usedIdx()} != ${used} in round ${round}`);
    }
    expect(d.usedIdx()).toBe(6);
    expect(d.usedElem(4)).toEqual({ id: 0, len: 1 });
    expect(d.usedElem(5)).toEqual({ id: 2, len: 1 });
    expect(d.backend.flushes).toBe(65536 + 6);
  });

  it("follows an indirect table when VIRTIO_F_INDIRECT_DESC is negotiated", () => {
    const d = ready();
    d.setHeader(Request.In, 4);
    d.setDesc(0, HEADER, 16, Desc.Next, 1, TABLE);
    d.setDesc(1, DATA, 1024, Desc.Write | Desc.Next, 2, TABLE);
    d.setDesc(2, STATUS, 1, Desc.Write, 0, TABLE);
    d.setDesc(6, TABLE, 48, Desc.Indirect);
    expect(d.submit(6)).toEqual({ status: OK, id: 6, len: 1025 });
    expect(d.ram.slice(DATA, 1024)).toEqual(d.backend.bytes.slice(2048, 3072));
  });

  it("follows a direct header chained to an indirect table, ignoring WRITE on the pointer", () => {
    const d = ready();
    d.setHeader(Request.In, 1);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    d.setDesc(1, TABLE, 32, Desc.Indirect | Desc.Write);
    d.setDesc(0, DATA, 512, Desc.Write | Desc.Next, 1, TABLE);
    d.setDesc(1, STATUS, 1, Desc.Write, 0, TABLE);
    expect(d.submit(0)).toEqual({ status: OK, id: 0, len: 513 });
  });

  it("serves a chain as long as the queue", () => {
    const d = ready();
    d.setHeader(Request.In, 0);
    d.setDesc(0, HEADER, 16, Desc.Next, 1);
    for (let i = 1; i < 7; i++) d.setDesc(i, DATA + 512 * (i - 1), 512, Desc.Write | Desc.Next, i + 1);
    d.setDesc(7, STATUS, 1, Desc.Write);
    expect(d.submit(0)).toEqual({ status: OK, id: 0, len: 6 * 512 + 1 });
  });

  it("lets a read-only disk be read and flushed", () => {
    const d = ready({ readOnly: true });
    expect(d.request(Request.In, 0, 512).status).toBe(OK);
    expect(d.request(Request.Flush, 0, 0).status).toBe(OK);
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.UsedBuffer);
  });

  it("lets xv6 decline the RO feature and still refuses its writes", () => {
    const d = new Driver({ transport, readOnly: true });
    d.init((f) => f - 2 ** Feature.BlkRo);
    const before = d.backend.bytes.slice();
    expect(d.request(Request.Out, 0, 512).status).toBe(BlkStatus.IoErr);
    expect(sameBytes(d.backend.bytes, before)).toBe(true);
  });
});

describe.each(["legacy", "modern"] as const)("%s transport: saved state", (transport) => {
  it("goes on, in a device loaded from saveState, where the saved one left off", () => {
    const d = new Driver({ transport });
    d.init();
    expect(d.request(Request.In, 3, 512).status).toBe(BlkStatus.Ok);
    expect(d.ack()).toBe(Interrupt.UsedBuffer);
    expect(d.request(Request.In, 4, 512).status).toBe(BlkStatus.Ok);
    const saved = d.dev.saveState();
    const again = new VirtioBlk({ memory: d.ram, irq: d.irq, backend: d.backend, transport });
    again.loadState(JSON.parse(JSON.stringify(saved)));
    (d as { dev: VirtioBlk }).dev = again;
    // The interrupt not yet acknowledged, the features and the queue are as the driver left them.
    expect(d.r(Reg.InterruptStatus)).toBe(Interrupt.UsedBuffer);
    expect(d.r(Reg.Status)).toBe(saved.regs[0]);
    expect(d.request(Request.In, 5, 1024, 3)).toEqual({ status: BlkStatus.Ok, id: 3, len: 1025 });
    expect(d.usedIdx()).toBe(3); // neither earlier request served again
    expect(d.ram.slice(DATA, 1024)).toEqual(d.backend.bytes.slice(5 * 512, 7 * 512));
    expect(() =>
      again.loadState({ ...saved, transport: transport === "legacy" ? "modern" : "legacy" }),
    ).toThrow(/saved for the/);
    expect(() => again.loadState({ ...saved, queue: [1, 2] })).toThrow(/virtqueue state/);
  });
});
