import { describe, expect, it } from "vitest";
import { buildFdt, node } from "./fdt.js";
import { deviceTree } from "./rom.js";

/** A small reader of the DTB format (devicetree specification v0.4, chapter 5), for checking. */
function readFdt(b: Uint8Array) {
  const dv = new DataView(b.buffer, b.byteOffset);
  const u32 = (o: number) => dv.getUint32(o);
  const offStruct = u32(8);
  const offStrings = u32(12);
  const str = (o: number) => {
    let e = o;
    while (b[e] !== 0) e++;
    return new TextDecoder().decode(b.subarray(o, e));
  };
  const paths = new Map<string, Map<string, Uint8Array>>();
  const stack: string[] = [];
  let p = offStruct;
  for (;;) {
    const tok = u32(p);
    p += 4;
    if (tok === 1) {
      const name = str(p);
      p += (name.length + 4) & ~3;
      stack.push(name);
      paths.set(stack.join("/") || "/", new Map());
    } else if (tok === 3) {
      const len = u32(p);
      const name = str(offStrings + u32(p + 4));
      paths.get(stack.join("/") || "/")?.set(name, b.subarray(p + 8, p + 8 + len));
      p += 8 + ((len + 3) & ~3);
    } else if (tok === 2) stack.pop();
    else if (tok === 9) break;
    else throw new Error(`bad token ${tok}`);
  }
  return { magic: u32(0), total: u32(4), version: u32(20), paths };
}

describe("device tree", () => {
  it("writes a well-formed version 17 blob", () => {
    const blob = buildFdt(
      node(
        "",
        [
          ["a", 1],
          ["s", "x"],
          ["e", true],
        ],
        [node("child@1", [["c", [1, 2]]])],
      ),
    );
    const t = readFdt(blob);
    expect(t.magic).toBe(0xd00dfeed);
    expect(t.total).toBe(blob.length);
    expect(t.version).toBe(17);
    expect([...(t.paths.get("/child@1")?.get("c") ?? [])]).toEqual([0, 0, 0, 1, 0, 0, 0, 2]);
    expect(t.paths.get("/")?.get("e")?.length).toBe(0);
  });

  it("describes the virt board: memory, harts with a 10 MHz timebase, and the devices", () => {
    const t = readFdt(deviceTree({ cpus: 2, ramBase: 0x8000_0000, ramSize: 128 << 20 }));
    const mem = t.paths.get("/memory@80000000")?.get("reg");
    expect(mem && [...mem]).toEqual([0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0]);
    const tb = t.paths.get("/cpus")?.get("timebase-frequency");
    expect(tb && new DataView(tb.buffer, tb.byteOffset).getUint32(0)).toBe(10_000_000);
    expect(t.paths.has("/cpus/cpu@1")).toBe(true);
    for (const dev of [
      "serial@10000000",
      "virtio_mmio@10001000",
      "plic@c000000",
      "clint@2000000",
      "test@100000",
    ]) {
      expect(t.paths.has(`/soc/${dev}`)).toBe(true);
    }
  });
});
