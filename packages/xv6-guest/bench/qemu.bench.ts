// pnpm bench: how long our guest takes on QEMU, and how much of that time
// it kept QEMU busy. A kernel that waits for nothing it needs -- a wakeup
// only noticed at the next timer tick, an idle hart that sleeps through
// work -- leaves QEMU idle while the guest's clock runs. (xv6-machine's
// deterministic clock skips idle time, so there it would hide.)
//
// Two measures of "busy":
// - QEMU's CPU time (all threads, /proc/PID/stat) over the wall time, in
//   % of one host core. Other jobs on the host lower it: QEMU is then
//   ready to run but not running.
// - Sampled every 5 ms: whether each hart's vCPU thread is running or
//   ready to run, or asleep (its hart waits in wfi). The share of samples
//   in which no hart was busy is the guest's idle time, whatever else the
//   host is doing. usertests -q sleeps about 4 s on purpose.
//
//   BENCH_CMD     command typed at the prompt (default "usertests -q")
//   BENCH_CPUS    hart counts, comma-separated (default "1,3")
//   BENCH_KERNEL  kernel ELF (default prebuilt/kernel), to compare builds
//   BENCH_ROUNDS  runs per hart count (default 1)

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildImage, Guest, hasQemu, noQemuReason, prebuiltDir } from "../test/qemu";

const cmd = process.env.BENCH_CMD ?? "usertests -q";
const cpuList = (process.env.BENCH_CPUS ?? "1,3").split(",").map(Number);
const kernel = process.env.BENCH_KERNEL ?? join(prebuiltDir, "kernel");
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
// Beyond this share of idle time the guest is waiting for something it
// should not: on one hart, the kernel of before the fix idled 66-73% of
// usertests -q, the fixed one 25-33% (deliberate sleeps and disk I/O).
// A loaded host lowers the share (a vCPU thread waiting for a host core
// counts as busy), so this catches big regressions, not small ones.
const IDLE_WARN = 0.5;

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

if (!hasQemu) console.warn(`xv6-guest bench SKIPPED: ${noQemuReason} (apt-get install qemu-system-misc)`);

describe.skipIf(!hasQemu)(`our guest on QEMU: ${cmd}`, () => {
  for (const cpus of cpuList) {
    for (let r = 1; r <= rounds; r++) {
      const harts = `${cpus} hart${cpus > 1 ? "s" : ""}`;
      it(`${harts}${rounds > 1 ? `, run ${r}` : ""}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "xv6-guest-bench-"));
        const guest = new Guest({ kernel, cpus, image: buildImage(dir) });
        try {
          const bootMs = await guest.prompt();
          const cpu0 = guest.cpuSeconds();
          const stop = guest.sampleHarts();
          const t0 = performance.now();
          const out = await guest.run(cmd, 3_000_000);
          const wall = (performance.now() - t0) / 1000;
          const sampled = stop?.();
          const cpu1 = guest.cpuSeconds();
          if (cmd.startsWith("usertests")) expect(out).toContain("ALL TESTS PASSED");
          const lines = [
            `${cmd}, ${harts}: ${wall.toFixed(1)} s (boot to the prompt ${(bootMs / 1000).toFixed(1)} s)`,
          ];
          if (cpu0 !== undefined && cpu1 !== undefined) {
            const cpu = cpu1 - cpu0;
            lines.push(`  QEMU used ${cpu.toFixed(1)} s of CPU, ${pct(cpu / wall)} of the wall time`);
          }
          if (sampled) {
            const each = sampled.busy.map(pct).join(", ");
            lines.push(
              `  harts busy ${each} of the time; no hart busy ${pct(sampled.allIdle)} (${sampled.samples} samples)`,
            );
            if (sampled.allIdle > IDLE_WARN)
              lines.push(
                `  WARNING: no hart was busy for more than ${pct(IDLE_WARN)} of the time: the guest waited`,
              );
          }
          if (cpu0 === undefined || !sampled)
            lines.push("  (no /proc here: QEMU's CPU time and harts unknown)");
          console.log(lines.join("\n"));
        } finally {
          await guest.kill();
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});

if (!hasQemu) {
  describe("our guest on QEMU", () => {
    it.skip(`skipped: ${noQemuReason}`, () => {});
  });
}
