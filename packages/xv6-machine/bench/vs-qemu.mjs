// pnpm bench:qemu: the same workloads on qemu-system-riscv64 (TCG) and on xv6-machine, run as
// commands the way a user runs them, alternating, and the ratio of the median times.
//
//   BENCH_ROUNDS   runs of each machine per workload (default 3)
//   BENCH_ONLY     comma-separated workload names (memset, boot, usertests, boot-smp3,
//                  usertests-smp3)
//   BENCH_ENGINE   xv6-machine's --engine (default jit)
//
// Both get the same kernel and the same 128 MiB; QEMU's time includes its start-up, ours includes
// Node's. With one hart our clock is the deterministic one (the default): guest time that the
// kernel spends idle costs no wall time here, while QEMU waits for it. The -smp3 workloads give
// QEMU 3 harts (a host thread each) and compare `--cpus 3 --parallel` (real time, a thread per
// hart) with it; our 1-hart (deterministic and real-time) and 3-harts-on-one-thread runs of the
// same workload are shown beside, and so are QEMU with 1 hart and QEMU with its 3 harts taking
// turns on one thread (-accel tcg,thread=single). Then, for both machines in real time, what 3
// harts gain over 1 and what a thread per hart gains over one thread.
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

function qemuArgs(kernel, image, smp = 1, extra = []) {
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
    String(smp),
    "-nographic",
    ...extra,
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

const BOOT = [["$ ", null]];
const USERTESTS = [
  ["$ ", "usertests -q"],
  ["ALL TESTS PASSED", null],
];
const guestKernel = join(guestRoot, "kernel");

/** Our runs of a workload: the first is compared with QEMU, the others are shown beside it. */
const oneHart = [["", []]];
const threeHarts = [
  ["--cpus 3 --parallel", ["--cpus", "3", "--parallel"]],
  ["1 hart (deterministic clock)", []],
  ["1 hart (real time)", ["--clock", "realtime"]],
  ["--cpus 3 (one thread, deterministic clock)", ["--cpus", "3"]],
  ["--cpus 3 (one thread, real time)", ["--cpus", "3", "--clock", "realtime"]],
];

const workloads = {
  memset: {
    title: "bare-metal memset kernel (sb; addi; bne over 16 MiB, 19 passes)",
    kernel: memsetKernel,
    disk: false,
    script: [],
    smp: 1,
    ours: oneHart,
  },
  boot: { title: "our guest, boot to the shell prompt", script: BOOT, smp: 1, ours: oneHart },
  usertests: { title: "our guest, boot and usertests -q", script: USERTESTS, smp: 1, ours: oneHart },
  "boot-smp3": {
    title: "our guest on 3 harts, boot to the shell prompt",
    script: BOOT,
    smp: 3,
    ours: threeHarts,
  },
  "usertests-smp3": {
    title: "our guest on 3 harts, boot and usertests -q",
    script: USERTESTS,
    smp: 3,
    ours: threeHarts,
  },
};

/** QEMU's runs of a workload of several harts besides the one compared: [label, smp, extra args]. */
const qemuBeside = (smp) => [
  ["-smp 1", 1, []],
  [`-smp ${smp}, one thread (-accel tcg,thread=single)`, smp, ["-accel", "tcg,thread=single"]],
];

function runQemu(w, image, smp = w.smp, extra = []) {
  const disk = w.disk === false ? undefined : image;
  return timed(QEMU, qemuArgs(w.kernel ?? guestKernel, disk, smp, extra), w.script);
}

function runOurs(w, image, extra) {
  const args = [cli, "--engine", engine, ...extra, "--kernel", w.kernel ?? guestKernel];
  if (w.disk !== false) args.push("--fs", image);
  return timed(process.execPath, args, w.script);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [name, w] of Object.entries(workloads)) {
    if (only && !only.includes(name)) continue;
    const q = [];
    const besides = w.smp > 1 ? qemuBeside(w.smp) : [];
    const qb = besides.map(() => []);
    const o = w.ours.map(() => []);
    for (let r = 0; r < rounds; r++) {
      // A fresh image for every run: usertests writes to it.
      const image = join(dir, "fs.img");
      writeFileSync(image, imageBytes);
      q.push(await runQemu(w, image));
      for (let v = 0; v < besides.length; v++) {
        writeFileSync(image, imageBytes);
        qb[v].push(await runQemu(w, image, besides[v][1], besides[v][2]));
      }
      for (let v = 0; v < w.ours.length; v++) {
        writeFileSync(image, imageBytes);
        o[v].push(await runOurs(w, image, w.ours[v][1]));
      }
    }
    const list = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
    const ratio = median(o[0]) / median(q);
    const label = w.ours[0][0] === "" ? engine : `${engine}, ${w.ours[0][0]}`;
    console.log(
      `${w.title}: QEMU${w.smp > 1 ? ` -smp ${w.smp}` : ""} ${median(q).toFixed(2)} s, ` +
        `xv6-machine (${label}) ${median(o[0]).toFixed(2)} s, ratio ${ratio.toFixed(2)} ` +
        `(medians of ${rounds}; QEMU ${list(q)}, ours ${list(o[0])})`,
    );
    for (let v = 1; v < w.ours.length; v++) {
      console.log(`  beside it, xv6-machine ${w.ours[v][0]}: ${median(o[v]).toFixed(2)} s (${list(o[v])})`);
    }
    for (let v = 0; v < besides.length; v++) {
      console.log(`  beside it, QEMU ${besides[v][0]}: ${median(qb[v]).toFixed(2)} s (${list(qb[v])})`);
    }
    if (besides.length > 0) {
      // Ratios of medians, real time on both machines: below 1, the first is faster.
      const ours = (label) => median(o[w.ours.findIndex(([l]) => l === label)]);
      const r = (a, b) => (a / b).toFixed(2);
      console.log(
        `  ${w.smp} harts against 1: QEMU ${r(median(q), median(qb[0]))}, ` +
          `xv6-machine ${r(median(o[0]), ours("1 hart (real time)"))}; ` +
          `a thread per hart against one thread: QEMU ${r(median(q), median(qb[1]))}, ` +
          `xv6-machine ${r(median(o[0]), ours("--cpus 3 (one thread, real time)"))}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
