import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlkStatus, Request } from "./constants.js";
import { FileBackend } from "./file.js";
import { DATA, Driver, patternDisk, RAM_BASE, sameBytes } from "./test-driver.js";

describe("FileBackend", () => {
  let dir = "";
  let path = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "virtio-blk-"));
    path = join(dir, "disk.img");
    writeFileSync(path, patternDisk(8192 + 100));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lends its descriptor to another backend, which reads and writes the file but never closes it", () => {
    const owner = FileBackend.open(path);
    const shared = owner.shareable();
    if (shared?.kind !== "fd") throw new Error("an open file is shareable by descriptor");
    expect(shared.size).toBe(8192);
    const lent = FileBackend.borrow(shared);
    lent.write(512, new Uint8Array(512).fill(7));
    lent.flush();
    lent.close();
    const dst = new Uint8Array(512);
    owner.read(512, dst); // still open
    expect(dst[0]).toBe(7);
    owner.close();
    expect(owner.shareable()).toBeUndefined();
  });

  it("reads and writes the file in place, rounded down to whole sectors", () => {
    const b = FileBackend.open(path);
    expect(b.size).toBe(8192);
    expect(b.readOnly).toBe(false);
    const dst = new Uint8Array(512);
    b.read(1024, dst);
    expect(dst).toEqual(patternDisk(8192).subarray(1024, 1536));
    b.write(4096, new Uint8Array(512).fill(0x42));
    // Writes reach the file straight away, before any flush.
    expect(readFileSync(path)[4096 + 511]).toBe(0x42);
    b.flush();
    b.close();
    b.close(); // closing twice is harmless
    expect(readFileSync(path).length).toBe(8192 + 100);
  });

  it("refuses writes when opened read-only", () => {
    const b = FileBackend.open(path, { readOnly: true });
    expect(b.readOnly).toBe(true);
    expect(() => b.write(0, new Uint8Array(512))).toThrow(/read-only/);
    b.flush();
    b.close();
  });

  it("throws after close, which the device reports as IOERR", () => {
    const b = FileBackend.open(path);
    b.close();
    expect(() => b.read(0, new Uint8Array(512))).toThrow(/closed/);
  });

  it("throws for a missing file", () => {
    expect(() => FileBackend.open(join(dir, "nope.img"))).toThrow();
  });

  it("serves the guest through the device on both transports", () => {
    for (const transport of ["legacy", "modern"] as const) {
      const d = new Driver({ transport, backend: FileBackend.open(path) });
      d.init();
      d.ram.bytes.fill(transport === "legacy" ? 1 : 2, DATA - RAM_BASE, DATA - RAM_BASE + 1024);
      expect(d.request(Request.Out, 2, 1024).status).toBe(BlkStatus.Ok);
      expect(d.request(Request.Flush, 0, 0).status).toBe(BlkStatus.Ok);
      expect(readFileSync(path)[2 * 512 + 1023]).toBe(transport === "legacy" ? 1 : 2);
      d.backend.close();
      expect(d.request(Request.In, 0, 512).status).toBe(BlkStatus.IoErr);
    }
  });

  it("keeps a read-only file unchanged under guest writes", () => {
    const before = new Uint8Array(readFileSync(path));
    const d = new Driver({ transport: "modern", backend: FileBackend.open(path, { readOnly: true }) });
    d.init();
    expect(d.request(Request.Out, 0, 512).status).toBe(BlkStatus.IoErr);
    expect(sameBytes(new Uint8Array(readFileSync(path)), before)).toBe(true);
    d.backend.close();
  });
});
