// pnpm bench: guest instructions per second on the machine, for a bare-metal program running in
// S-mode with Sv39 paging on and a timer interrupt every 10 ms of guest time.
import { readFileSync } from "node:fs";
import { Machine } from "../dist/index.js";

const kernel = readFileSync(new URL("./programs/paged-timer.elf", import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
for (const clock of ["deterministic", "realtime"]) {
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
  console.log(
    `S-mode, Sv39 paging, timer every 10 ms (${clock} clock)`.padEnd(58),
    `${best.toFixed(1).padStart(6)} MIPS  (${(n / 1e6).toFixed(1)} M instructions, best of ${rounds})`,
  );
}
