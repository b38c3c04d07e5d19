// A grading run as the MIT labs' scripts do it: `make qemu-gdb` (with QEMU=xv6-qemu) in a copy of
// the guest's tree, a plain socket to the GDB port that sends `c`, commands typed on stdin, the
// output read back, and the whole process group killed at the end.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "./test-port.js";

const qemu = fileURLToPath(new URL("../dist/qemu-cli.js", import.meta.url));
const guestTree = fileURLToPath(new URL("../../xv6-guest/", import.meta.url));
const haveTools =
  spawnSync("make", ["--version"], { stdio: "ignore" }).status === 0 &&
  spawnSync("riscv64-unknown-elf-gcc", ["--version"], { stdio: "ignore" }).status === 0;
if (!haveTools) {
  if (process.env.CI) throw new Error("make and riscv64-unknown-elf-gcc are needed (CI installs them)");
  console.warn("grade.test.ts: make or riscv64-unknown-elf-gcc is missing; the grading run does not run");
}

async function connectWhenUp(port: number, ms: number): Promise<Socket> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const s = connect(port, "localhost", () => resolve(s));
        s.once("error", reject);
      });
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe.skipIf(!haveTools)("a lab-style grading run with QEMU=xv6-qemu", () => {
  it("make qemu-gdb, continue from a raw GDB socket, then mmaptest and usertests -q pass", async () => {
    const tree = mkdtempSync(join(tmpdir(), "xv6-grade-"));
    cpSync(guestTree, tree, {
      recursive: true,
      filter: (src) => !/node_modules|\.o$|\/fs\.img$|\/kernel\/kernel$|\/user\/_|\.gdbinit$/.test(src),
    });
    const wanted = await freePort();
    const asked = spawnSync("make", ["-s", "--no-print-directory", "print-gdbport", `GDBPORT=${wanted}`], {
      cwd: tree,
      encoding: "utf8",
    });
    const port = Number(asked.stdout.trim());
    expect(port).toBe(wanted);
    const make: ChildProcess = spawn(
      "make",
      ["-s", "--no-print-directory", "qemu-gdb", `QEMU=${process.execPath} ${qemu}`, `GDBPORT=${port}`],
      { cwd: tree, detached: true, stdio: ["pipe", "pipe", "pipe"] },
    );
    let out = "";
    make.stdout?.on("data", (d) => {
      out += d;
    });
    make.stderr?.on("data", (d) => {
      out += d;
    });
    let ended: number | null | undefined;
    make.on("exit", (code) => {
      ended = code;
    });
    const until = async (re: RegExp, ms: number) => {
      const end = Date.now() + ms;
      while (!re.test(out)) {
        if (ended !== undefined) throw new Error(`make ended (${ended}); output:\n${out.slice(-3000)}`);
        if (Date.now() > end) throw new Error(`timed out waiting for ${re}; output:\n${out.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      // make builds the kernel and fs.img first; the harts wait (-S) for the debugger.
      await until(/the port is \d+/, 180_000);
      const gdb = await connectWhenUp(port, 10_000);
      let acks = "";
      gdb.on("data", (d) => {
        acks += d.toString("latin1");
      });
      gdb.write("$c#63");
      await until(/init: starting sh\n\$ $/, 60_000);
      expect(acks.startsWith("+")).toBe(true);
      make.stdin?.write("mmaptest\n");
      await until(/mmaptest: all tests succeeded\n\$ $/, 120_000);
      make.stdin?.write("usertests -q\n");
      await until(/ALL TESTS PASSED\n\$ $/, 280_000);
      expect(out).not.toMatch(/panic: |FAILED/);
      gdb.destroy();
    } finally {
      if (make.pid !== undefined) process.kill(-make.pid, "SIGTERM");
    }
  }, 600_000);
});
