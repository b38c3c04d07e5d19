// pnpm test:parallel: our guest's usertests -q and mmaptest with parallel harts, on 2, 3 and 4
// threads, PARALLEL_RUNS times each (default 3). Odd runs put the image in a SharedArrayBuffer, so
// the harts' threads serve the disk themselves; even runs leave it to the device thread, and move
// the harts to their workers as soon as these are up (moveAfterMs 0) instead of when the device
// thread has been kept busy by two harts or more for a while (the default). Needs
// `pnpm build`. Exits 1 at the first failure.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage, imageName } from "@xv6-machine/xv6-mkfs";
import { Machine } from "../dist/index.js";

const runs = Number(process.env.PARALLEL_RUNS ?? 3);
const root = fileURLToPath(new URL("../../xv6-guest/prebuilt/", import.meta.url));
const kernel = new Uint8Array(readFileSync(`${root}kernel`));
const user = readdirSync(`${root}user`)
  .sort()
  .map((f) => ({ name: imageName(f), bytes: new Uint8Array(readFileSync(`${root}user/${f}`)) }));
const PANIC = /panic: .*\n/;
const checks = [
  ["usertests -q", "ALL TESTS PASSED"],
  ["mmaptest", "mmaptest: all tests succeeded"],
];

let failed = false;
for (let run = 1; run <= runs && !failed; run++) {
  for (const cpus of [2, 3, 4]) {
    const shared = run % 2 === 1;
    const image = buildImage(user);
    const bytes = shared ? new Uint8Array(new SharedArrayBuffer(image.length)) : image;
    if (shared) bytes.set(image);
    const moveAfterMs = shared ? undefined : 0;
    const m = new Machine({ kernel, disk: new MemoryBackend(bytes), cpus, parallel: true, moveAfterMs });
    const where = shared ? "disk on the harts" : "disk on the device thread, harts moved early";
    const t0 = performance.now();
    try {
      // Not waitForPrompt: on a busy host a hart's thread may print its "hart N starting" after
      // the shell's first prompt (even into the middle of init's line), and the output then does
      // not end with one. The shell reads what is typed once it has printed it.
      await m.waitFor("$ ", { timeoutMs: 120_000, failOn: PANIC });
      for (const [cmd, want] of checks) {
        const out = await m.runCommand(cmd, { timeoutMs: 900_000, failOn: PANIC });
        if (!out.includes(want) || /FAILED/.test(out)) throw new Error(`${cmd}:\n${out.slice(-2000)}`);
      }
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`run ${run}, ${cpus} harts, ${where}: ok (${seconds} s, on workers: ${m.workerHarts})`);
    } catch (e) {
      console.log(`run ${run}, ${cpus} harts, ${where}: FAILED: ${e instanceof Error ? e.message : e}`);
      console.log(m.output.slice(-3000));
      failed = true;
    } finally {
      await m.close();
    }
    if (failed) break;
  }
}
process.exit(failed ? 1 : 0);
