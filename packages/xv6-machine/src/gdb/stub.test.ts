import { parseElf } from "@xv6-machine/rv-cpu";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "../guest.js";
import { Machine } from "../machine.js";
import { frame, le64, PacketReader } from "./packets.js";
import { GdbStub } from "./stub.js";
import { CSRS, FIRST_CSR_REG, TARGET_XML } from "./target.js";

const guest = guestFiles();
if (!guest) throw new Error("the prebuilt guest is missing");
const kernelSyms = parseElf(guest.kernel).symbols;
const init = guest.user.find((f) => f.name === "init");
if (!init) throw new Error("no init program");
const initElf = parseElf(init.bytes);

function sym(name: string): number {
  const v = kernelSyms.get(name);
  if (v === undefined) throw new Error(`no symbol ${name}`);
  return v;
}

/** A machine held by a stub, and a debugger's side of the conversation. */
function session(cpus = 1) {
  const machine = new Machine({
    kernel: guest?.kernel as Uint8Array,
    disk: new MemoryBackend(buildImage(guest?.user ?? [])),
    cpus,
  });
  const stub = new GdbStub(machine, { waitForDebugger: true });
  let inbox = "";
  stub.connect((d) => {
    inbox += d;
  });
  const reader = new PacketReader();
  const replies: string[] = [];
  const collect = () => {
    for (const m of reader.push(Uint8Array.from(inbox, (c) => c.charCodeAt(0))))
      if (m.kind === "packet") replies.push(m.payload);
    inbox = "";
  };
  const send = (payload: string) => stub.receive(Uint8Array.from(frame(payload), (c) => c.charCodeAt(0)));
  /** Sends a packet and returns the reply it gets at once. */
  const ask = (payload: string): string => {
    send(payload);
    collect();
    const r = replies.shift();
    if (r === undefined) throw new Error(`no reply to ${payload}`);
    return r;
  };
  /** Runs the machine as a front end does until the stub reports a stop; returns the stop reply. */
  const run = (maxSlices = 20_000): string => {
    for (let i = 0; i < maxSlices && !stub.holding; i++) {
      const r = machine.runSlice(100_000);
      stub.afterSlice();
      if (r === "halted") stub.halted();
      if (r === "off") throw new Error("powered off");
    }
    collect();
    const r = replies.shift();
    if (r === undefined) throw new Error("no stop");
    return r;
  };
  const reg = (n: number) =>
    BigInt(
      `0x${ask(`p${n.toString(16)}`)
        .match(/../g)
        ?.reverse()
        .join("")}`,
    );
  return { machine, stub, ask, send, run, reg };
}

const hex = (n: number | bigint) => n.toString(16);

describe("GDB stub: the protocol", () => {
  it("answers qSupported and serves the target description in pieces", () => {
    const { ask } = session();
    expect(ask("qSupported:multiprocess+;swbreak+;xmlRegisters=i386")).toMatch(/qXfer:features:read\+/);
    let xml = "";
    for (;;) {
      const r = ask(`qXfer:features:read:target.xml:${hex(xml.length)},100`);
      xml += r.slice(1);
      if (r[0] === "l") break;
      expect(r[0]).toBe("m");
    }
    expect(xml).toBe(TARGET_XML);
    expect(xml).toContain('feature name="org.gnu.gdb.riscv.cpu"');
    expect(xml).toMatch(/name="satp"/);
    expect(xml).toMatch(/name="priv"/);
  });

  it("starts halted at the reset vector (-S) and reports each hart as a thread", () => {
    const { ask, reg } = session(3);
    expect(ask("?")).toBe("T05thread:01;");
    expect(reg(32)).toBe(0x1000n);
    expect(ask("qfThreadInfo")).toBe("m01,02,03");
    expect(ask("qsThreadInfo")).toBe("l");
    expect(Buffer.from(ask("qThreadExtraInfo,02"), "hex").toString()).toMatch(/^CPU#1 /);
    expect(ask("T03")).toBe("OK");
    expect(ask("T04")).toBe("E22");
    expect(ask("Hg2")).toBe("OK");
    expect(ask("qC")).toBe("QC02");
    const mhartid = CSRS.findIndex(([n]) => n === "mhartid");
    expect(reg(FIRST_CSR_REG + mhartid)).toBe(1n);
    expect(ask("vCont?")).toContain(";s");
  });

  it("reads and writes registers with g, G, p and P", () => {
    const { ask, reg } = session();
    const g = ask("g");
    expect(g).toHaveLength(33 * 16);
    expect(ask(`P5=${le64(0x1122334455667788n)}`)).toBe("OK");
    expect(reg(5)).toBe(0x1122334455667788n);
    const g2 = ask("g");
    expect(g2.slice(5 * 16, 6 * 16)).toBe(le64(0x1122334455667788n));
    expect(ask(`G${g}`)).toBe("OK");
    expect(reg(5)).toBe(0n);
    expect(ask(`P0=${le64(7n)}`)).toBe("OK");
    expect(reg(0)).toBe(0n); // x0 stays zero
  });
});

describe("GDB stub: running and stopping", () => {
  it("stops at a breakpoint in the kernel, reads its code through memory, and steps", () => {
    const { machine, ask, send, run, reg } = session();
    const main = sym("main");
    expect(ask(`Z0,${hex(main)},2`)).toBe("OK");
    send("c");
    expect(run()).toBe("T05thread:01;");
    expect(reg(32)).toBe(BigInt(main));
    const word = ask(`m${hex(main)},4`);
    const off = main - 0x8000_0000;
    expect(word).toBe(Buffer.from(machine.ram.u8.subarray(off, off + 4)).toString("hex"));
    expect(ask("m0,4")).toBe("E14"); // nothing there
    expect(ask("s")).toBe("T05thread:01;");
    const after = reg(32);
    expect(after === BigInt(main + 2) || after === BigInt(main + 4)).toBe(true);
    expect(ask(`z0,${hex(main)},2`)).toBe("OK");
    expect(ask("D")).toBe("OK");
  });

  it("stops in user code at a user address, with memory read through the process's page table", () => {
    const { ask, send, run, reg } = session();
    const userMain = initElf.symbols.get("main") as number;
    expect(ask(`Z1,${hex(userMain)},2`)).toBe("OK");
    send("c");
    expect(run()).toBe("T05thread:01;");
    expect(reg(32)).toBe(BigInt(userMain));
    expect(reg(33)).toBe(0n); // priv: U
    const seg = initElf.segments.find((s) => userMain >= s.paddr && userMain < s.paddr + s.data.length);
    if (!seg) throw new Error("main is in no segment");
    const at = userMain - seg.paddr;
    expect(ask(`m${hex(userMain)},8`)).toBe(Buffer.from(seg.data.subarray(at, at + 8)).toString("hex"));
  });

  it("stops after a write to a watched kernel variable", () => {
    const { machine, ask, send, run } = session();
    const ticks = sym("ticks");
    const read = () => machine.ram.i32[(ticks - 0x8000_0000) / 4];
    expect(ask(`Z2,${hex(ticks)},4`)).toBe("OK");
    const before = read();
    send("c");
    expect(run()).toBe(`T05watch:${hex(ticks)};thread:01;`);
    expect(read()).toBe(before + 1);
    send("c");
    expect(run()).toBe(`T05watch:${hex(ticks)};thread:01;`);
    expect(read()).toBe(before + 2);
  });

  it("a Ctrl-C (0x03) stops a running machine with SIGINT", () => {
    const { machine, stub, send, run } = session();
    send("c");
    for (let i = 0; i < 5; i++) machine.runSlice(100_000);
    stub.receive(Uint8Array.of(3));
    expect(run()).toBe("T02thread:01;");
  });

  it("after detaching, the guest runs to its prompt", async () => {
    const { machine, stub, ask } = session();
    expect(ask(`Z0,${hex(sym("syscall"))},2`)).toBe("OK");
    expect(ask("D")).toBe("OK");
    expect(stub.holding).toBe(false);
    await machine.waitForPrompt({ maxInstructions: 2_000_000_000 });
  });
});
