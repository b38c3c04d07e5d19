// Real gdb-multiarch against xv6-qemu -S -gdb, as a student uses it with `make qemu-gdb`.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseElf } from "@xv6-machine/rv-cpu";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { freePort } from "./test-port.js";

const GDB = process.env.GDB ?? "gdb-multiarch";
const haveGdb = spawnSync(GDB, ["--version"], { stdio: "ignore" }).status === 0;
if (!haveGdb) {
  // CI installs it (.ci/run); elsewhere say loudly what is not being tested.
  if (process.env.CI) throw new Error(`${GDB} is not installed`);
  console.warn(
    `gdb.test.ts: ${GDB} is not installed; the debugger tests do not run (apt-get install gdb-multiarch)`,
  );
}

const qemu = fileURLToPath(new URL("../dist/qemu-cli.js", import.meta.url));
const kernel = fileURLToPath(new URL("../../xv6-guest/prebuilt/kernel", import.meta.url));
const lsPath = fileURLToPath(new URL("../../xv6-guest/prebuilt/user/_ls", import.meta.url));
const guest = guestFiles();
const dir = mkdtempSync(join(tmpdir(), "xv6-gdb-"));

/** Collects a child's stdout (and, unless `apart`, its stderr with it: they interleave). */
function watch(child: ChildProcess, apart = false) {
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    if (apart) err += d;
    else out += d;
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const until = async (re: RegExp, ms = 90_000) => {
    const end = Date.now() + ms;
    while (!re.test(out)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${re}; output so far:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { out: () => out, err: () => err, until, exited };
}

describe.skipIf(!haveGdb)("gdb-multiarch against xv6-qemu", () => {
  it("breaks, steps, shows threads and CSRs, watches, hits kernel and user breakpoints, is interrupted and detaches", async () => {
    const port = await freePort();
    const img = join(dir, "fs.img");
    writeFileSync(img, buildImage(guest?.user ?? []));
    const lsMain = parseElf(new Uint8Array(readFileSync(lsPath))).symbols.get("main") as number;
    const q = spawn(
      process.execPath,
      [
        qemu,
        ...["-machine", "virt", "-bios", "none", "-kernel", kernel, "-m", "128M", "-smp", "3", "-nographic"],
        ...["-global", "virtio-mmio.force-legacy=false", "-drive", `file=${img},if=none,format=raw,id=x0`],
        ...["-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0", "-S", "-gdb", `tcp::${port}`],
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    const qo = watch(q);
    try {
      const script = join(dir, "script.gdb");
      writeFileSync(
        script,
        [
          "set confirm off",
          "set pagination off",
          "set architecture riscv:rv64",
          `symbol-file ${kernel}`,
          `target remote 127.0.0.1:${port}`,
          "break main",
          "continue",
          "bt",
          "info registers pc sp satp",
          "info threads",
          "x/4i $pc",
          "echo STEP-FROM\\n",
          "p/x $pc",
          "stepi",
          "echo STEP-TO\\n",
          "p/x $pc",
          "delete",
          "break syscall",
          "continue",
          "echo IN-SYSCALL\\n",
          "p $priv",
          "delete",
          `add-symbol-file ${lsPath}`,
          `hbreak *0x${lsMain.toString(16)}`,
          "continue",
          "echo IN-LS\\n",
          "p $priv",
          "x/s *(char**)$a1",
          "delete",
          "watch ticks",
          "continue",
          "delete",
          "echo BEFORE-CTRL-C\\n",
          "continue",
          "echo AFTER-CTRL-C\\n",
          "info threads",
          "detach",
        ].join("\n"),
      );
      const gdb = spawn(GDB, ["-nx", "-batch", "-x", script], { stdio: ["ignore", "pipe", "pipe"] });
      const go = watch(gdb, true);
      // ls runs once the shell is up; the debugger then stops it at its main.
      await qo.until(/\$ $/);
      q.stdin?.write("ls\n");
      await go.until(/BEFORE-CTRL-C/);
      await new Promise((r) => setTimeout(r, 1500));
      gdb.kill("SIGINT");
      expect(await go.exited).toBe(0);
      const out = go.out();
      writeFileSync(join(dir, "gdb.out"), `${out}\n--- stderr ---\n${go.err()}`);
      expect(out).toMatch(/Breakpoint 1, main \(\) at kernel\/main\.c/);
      expect(out).toMatch(/#0 +main \(\) at kernel\/main\.c/);
      expect(out).toMatch(/^pc\s+0x8000[0-9a-f]+\s.*<main\+\d+>/m);
      expect(out).toMatch(/^sp\s+0x8/m);
      expect(out).toMatch(/^satp\s+0x0\s/m);
      expect(out).toMatch(/\* 1 +Thread 1 \(CPU#0/);
      expect(out).toMatch(/ 3 +Thread 3 \(CPU#2/);
      expect(out.match(/^ {3}0x8000[0-9a-f]+ <main\+\d+>:\t/gm)?.length).toBe(3); // x/4i: 3 after "=>"
      const from = BigInt(/STEP-FROM\n\$\d+ = (0x[0-9a-f]+)/.exec(out)?.[1] ?? "0");
      const to = BigInt(/STEP-TO\n\$\d+ = (0x[0-9a-f]+)/.exec(out)?.[1] ?? "0");
      expect(to === from + 2n || to === from + 4n).toBe(true);
      expect(out).toMatch(/hit Breakpoint 2, syscall \(\) at kernel\/syscall\.c/);
      expect(out).toMatch(/IN-SYSCALL\n\$\d+ = 1\n/); // S-mode
      expect(out).toMatch(/IN-LS\n\$\d+ = 0\n/); // U-mode
      expect(out).toMatch(/0x[0-9a-f]+:\t"ls"/);
      // Set while stopped in ls: through the user page table the kernel's ticks is unreadable (as on
      // QEMU); the hit is reported in the kernel, after the write.
      expect(out).toMatch(/hit Hardware watchpoint \d+: ticks\s+Old value = \S+\s+New value = \d+/);
      expect(out).toMatch(/in clock_tick \(\) at kernel\/trap\.c/);
      expect(out).toMatch(/received signal SIGINT/);
      expect(out).toMatch(/AFTER-CTRL-C/);
      expect(out).toMatch(/Inferior 1 \(Remote target\) detached/);
      // Detached: the guest runs on and answers.
      q.stdin?.write("echo still-here\n");
      await qo.until(/still-here\n\$ $/);
      expect(qo.out()).toMatch(/console +3 /); // ls ran to its end
    } finally {
      q.kill("SIGTERM");
    }
    expect(await qo.exited).toBe(0);
  }, 240_000);
});
