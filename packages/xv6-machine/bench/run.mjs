// pnpm bench: guest instructions per second on the machine.
// (1) A bare-metal program in S-mode with Sv39 paging and a timer interrupt every 10 ms of guest time.
// (2) Our prebuilt guest booting to its shell prompt: 1 hart with each engine, and 3 harts with and
//     without harts giving up their turn when they spin (Hart.yieldOnSpin), with what the compiler did.
// Then bench/vs-qemu.mjs runs the same workloads on QEMU and on xv6-machine and prints the ratios.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage, imageName } from "@xv6-machine/xv6-mkfs";
import { Machine } from "../dist/index.js";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const line = (name, mips, n) =>
  console.log(
    `${name.padEnd(62)} ${mips.toFixed(1).padStart(6)} MIPS  (${(n / 1e6).toFixed(1)} M instructions)`,
  );

// A child process runs one boot (see below).
const only = process.argv[2];

// The issue-13 loop as a kernel: sb; addi; bne over 16 MiB, 19 passes (bench/programs/memset-kernel.S).
const memset = readFileSync(new URL("./programs/memset-kernel.elf", import.meta.url));
for (const engine of only ? [] : ["interp", "jit"]) {
  let best = 0;
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const m = new Machine({ kernel: memset, engine });
    const t0 = performance.now();
    while (m.powerOff === undefined) m.runSlice(1_000_000);
    best = Math.max(best, m.instructions / (performance.now() - t0) / 1000);
    n = m.instructions;
  }
  line(`memset kernel, 16 MiB x 19 (${engine})`, best, n);
}
const kernel = readFileSync(new URL("./programs/paged-timer.elf", import.meta.url));
for (const clock of only ? [] : ["deterministic", "realtime"]) {
  let best = 0;
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const m = new Machine({ kernel, clock });
    const t0 = performance.now();
    while (m.powerOff === undefined) m.runSlice(1_000_000);
    const ms = performance.now() - t0;
    if (m.powerOff !== 0 || !m.output.includes("timer ticks seen")) throw new Error(`bad run: ${m.output}`);
    n = m.instructions;
    best = Math.max(best, n / ms / 1000);
  }
  line(`S-mode, Sv39 paging, timer every 10 ms (${clock} clock)`, best, n);
}

const guestRoot = join(
  dirname(createRequire(import.meta.url).resolve("@xv6-machine/xv6-guest/package.json")),
  "prebuilt",
);
const guestKernel = readFileSync(join(guestRoot, "kernel"));
const userDir = join(guestRoot, "user");
const files = readdirSync(userDir)
  .sort()
  .map((f) => ({ name: imageName(f), bytes: readFileSync(join(userDir, f)) }));
// Each boot runs in a fresh process, so that peak memory and V8's warm-up belong to it alone.
const configs = [
  [1, false, "interp"],
  [1, false, "jit"],
  [3, true, "jit"],
  [3, false, "jit"],
];
if (only) {
  const [cpus, yieldOnSpin, engine] = configs[Number(only)];
  const m = new Machine({ kernel: guestKernel, disk: new MemoryBackend(buildImage(files)), cpus, engine });
  for (const h of m.harts) h.yieldOnSpin = yieldOnSpin;
  const t0 = performance.now();
  await m.waitFor("$ ");
  const ms = performance.now() - t0;
  const how = cpus === 1 ? "" : yieldOnSpin ? ", spinning harts yield" : ", spinning harts run on";
  line(
    `our guest, boot to the prompt (${cpus} hart${cpus > 1 ? "s" : ""}${how}, ${engine}): ${(ms / 1000).toFixed(2)} s`,
    m.instructions / ms / 1000,
    m.instructions,
  );
  const st = m.harts[0].jit?.stats;
  const rss = process.resourceUsage().maxRSS / 1024;
  if (st) {
    console.log(
      `    compiled ${st.compiled} units (${st.instructions} instructions) in ${st.compileMs.toFixed(0)} ms; ` +
        `${st.live} live, ${st.invalidated} invalidated, ${st.flushes} cache flushes; peak RSS ${rss.toFixed(0)} MiB`,
    );
  } else console.log(`    peak RSS ${rss.toFixed(0)} MiB`);
} else {
  for (let i = 0; i < configs.length; i++) {
    process.stdout.write(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), String(i)], { encoding: "utf8" }),
    );
  }
}
