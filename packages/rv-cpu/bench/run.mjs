// pnpm bench: MIPS of the hart on fixed workloads (see README for the numbers and the machine).
// Each workload runs in a fresh process, so V8's view of the interpreter comes from it alone.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Sv39Mmu } from "@xv6-machine/sv39";
import { BareMachine } from "../dist/index.js";

const here = new URL("./programs/", import.meta.url);
const workloads = [
  ["(a) ALU and branch loop", "alu.elf"],
  ["(b) byte-store loop (sb; addi; bne over 16 MiB)", "memset.elf"],
  ["(b) with Sv39 paging on, in S-mode (one 1 GiB page)", "memset-sv39.elf"],
  ["(c) compiled C: CRC-32 and insertion sort", "crc.elf"],
  ["(d) compiled C, RV64GC: n-body in double, saxpy in float", "fp.elf"],
];
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

function measure(file, engine) {
  const elf = readFileSync(new URL(file, here));
  let best = 0;
  let first = 0;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const m = new BareMachine(elf, { mmu: (ram) => new Sv39Mmu(ram), engine });
    const t0 = performance.now();
    const res = m.run({ maxInstructions: 2e9 });
    const ms = performance.now() - t0;
    if (res.status !== "pass") throw new Error(`${file}: ${res.status}`);
    count = res.instructions;
    const mips = res.instructions / ms / 1000;
    if (r === 0) first = mips;
    best = Math.max(best, mips);
  }
  return { best, first, count };
}

const [only, onlyEngine] = process.argv.slice(2);
if (only) {
  process.stdout.write(JSON.stringify(measure(only, onlyEngine)));
} else {
  // jit, first run: the process has compiled none of the program's code yet; the later runs (new
  // machines in the same process) find the program's compiled sources already made.
  console.log(
    `${"workload".padEnd(52)} ${"interp".padStart(12)} ${"jit".padStart(12)} ${"jit, 1st run".padStart(13)}`,
  );
  for (const [name, file] of workloads) {
    const mips = {};
    let first = 0;
    let count = 0;
    for (const engine of ["interp", "jit"]) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), file, engine], {
        encoding: "utf8",
      });
      const r = JSON.parse(out);
      mips[engine] = r.best;
      if (engine === "jit") first = r.first;
      count = r.count;
    }
    console.log(
      `${name.padEnd(52)} ${`${mips.interp.toFixed(0)} MIPS`.padStart(12)} ${`${mips.jit.toFixed(0)} MIPS`.padStart(12)}` +
        ` ${`${first.toFixed(0)} MIPS`.padStart(13)}` +
        `  (${(count / 1e6).toFixed(1)} M instructions, best of ${rounds})`,
    );
  }
}
