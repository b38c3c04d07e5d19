// pnpm bench:qemu: the same workloads on qemu-system-riscv64 (TCG) and on xv6-machine, run as
// commands the way a user runs them, alternating, and the ratio of the median times.
//
//   BENCH_ROUNDS   runs of each machine per workload (default 3)
//   BENCH_ONLY     comma-separated workload names (memset, boot, usertests)
//   BENCH_ENGINE   xv6-machine's --engine (default jit)
//
// Both get the same kernel, the same 128 MiB and one hart; QEMU's time includes its start-up, ours
// includes Node's. Our clock is the deterministic one (the default): guest time that the kernel
// spends idle costs no wall time here, while QEMU waits for it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImage, imageName } from "@xv6-machine/xv6-mkfs";

const QEMU = process.env.QEMU_SYSTEM_RISCV64 ?? "qemu-system-riscv64";
if (spawnSync(QEMU, ["--version"], { stdio: "ignore" }).status !== 0) {
  console.log(`bench:qemu skipped: ${QEMU} is not installed (apt-get install qemu-system-misc)`);
  process.exit(0);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const engine = process.env.BENCH_ENGINE ?? "jit";
const only = process.env.BENCH_ONLY?.split(",");
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const memsetKernel = fileURLToPath(new URL("programs/memset-kernel.elf", import.meta.url));
const guestRoot = fileURLToPath(new URL("../../xv6-guest/prebuilt/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xv6-vs-qemu-"));
const user = readdirSync(join(guestRoot, "user"))
  .sort()
  .map((f) => ({ name: imageName(f), bytes: readFileSync(join(guestRoot, "user", f)) }));
const imageBytes = buildImage(user);

function qemuArgs(kernel, image) {
  const args = [
    "-machine",
    "virt",
    "-bios",
    "none",
    "-kernel",
    kernel,
    "-m",
    "128M",
    "-smp",
    "1",
    "-nographic",
  ];
  if (image) {
    args.push(
      "-global",
      "virtio-mmio.force-legacy=false",
      "-drive",
      `file=${image},if=none,format=raw,id=x0`,
    );
    args.push("-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0");
  }
  return args;
}

/**
 * Runs a command; `script` is a list of [text to wait for, line to type or null to stop]. Resolves
 * to the wall seconds until the last wait was satisfied (or the process exited).
 */
function timed(cmd, args, script) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let step = 0;
    let seen = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve((performance.now() - t0) / 1000);
      p.kill("SIGKILL");
    };
    const onData = (d) => {
      out += d.toString("latin1");
      while (step < script.length) {
        const [wait, type] = script[step];
        const at = out.indexOf(wait, seen);
        if (at < 0) return;
        seen = at + wait.length;
        step++;
        if (type === null) return finish();
        p.stdin.write(`${type}\n`);
      }
    };
    p.stdout.on("data", onData);
    p.stderr.on("data", onData);
    p.on("close", (code) => {
      if (done) return;
      if (script.length === 0 && code === 0) finish();
      else reject(new Error(`${cmd} exited ${code} before it was done:\n${out.slice(-2000)}`));
    });
  });
}

const workloads = {
  memset: {
    title: "bare-metal memset kernel (sb; addi; bne over 16 MiB, 19 passes)",
    qemu: () => timed(QEMU, qemuArgs(memsetKernel), []),
    ours: () => timed(process.execPath, [cli, "--engine", engine, "--kernel", memsetKernel], []),
  },
  boot: {
    title: "our guest, boot to the shell prompt",
    qemu: (image) => timed(QEMU, qemuArgs(join(guestRoot, "kernel"), image), [["$ ", null]]),
    ours: (image) => timed(process.execPath, [cli, "--engine", engine, "--fs", image], [["$ ", null]]),
  },
  usertests: {
    title: "our guest, boot and usertests -q",
    qemu: (image) =>
      timed(QEMU, qemuArgs(join(guestRoot, "kernel"), image), [
        ["$ ", "usertests -q"],
        ["ALL TESTS PASSED", null],
      ]),
    ours: (image) =>
      timed(
        process.execPath,
        [cli, "--engine", engine, "--fs", image],
        [
          ["$ ", "usertests -q"],
          ["ALL TESTS PASSED", null],
        ],
      ),
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [name, w] of Object.entries(workloads)) {
    if (only && !only.includes(name)) continue;
    const q = [];
    const o = [];
    for (let r = 0; r < rounds; r++) {
      // A fresh image for every run: usertests writes to it.
      const image = join(dir, "fs.img");
      writeFileSync(image, imageBytes);
      q.push(await w.qemu(image));
      writeFileSync(image, imageBytes);
      o.push(await w.ours(image));
    }
    const ratio = median(o) / median(q);
    console.log(
      `${w.title}: QEMU ${median(q).toFixed(2)} s, xv6-machine (${engine}) ${median(o).toFixed(2)} s, ` +
        `ratio ${ratio.toFixed(2)} (medians of ${rounds}; QEMU ${q.map((x) => x.toFixed(2)).join(" ")}, ` +
        `ours ${o.map((x) => x.toFixed(2)).join(" ")})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
