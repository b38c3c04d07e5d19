import { Worker } from "node:worker_threads";

/**
 * Kills the process when one fuzz case runs too long. A case that hangs blocks the thread it runs
 * on, so no timer there can fire (vitest's test timeout included); this watcher runs on its own
 * thread, reads the current seed from shared memory, names it on stderr and kills the process,
 * which vitest reports as a failed file instead of waiting for ever.
 */
export class Watchdog {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(what: string, limitMs: number, iterationsVar: string) {
    // Plain CommonJS, evaluated as is: the watcher must not depend on the test's module loader.
    const code = `
      const { workerData } = require("node:worker_threads");
      const { writeSync } = require("node:fs");
      const s = new Int32Array(workerData.buffer);
      let beats = -1;
      let since = Date.now();
      setInterval(() => {
        const now = Atomics.load(s, 1);
        if (now !== beats) {
          beats = now;
          since = Date.now();
        } else if (Date.now() - since > workerData.limitMs) {
          const seed = Atomics.load(s, 0) >>> 0;
          writeSync(2, workerData.what + " seed " + seed + " ran for more than " + workerData.limitMs +
            " ms: killed (replay: FUZZ_SEED=" + seed + " " + workerData.iterationsVar + "=1 pnpm fuzz)\\n");
          process.kill(process.pid, "SIGKILL");
        }
      }, 100);`;
    this.worker = new Worker(code, {
      eval: true,
      workerData: { buffer: this.shared.buffer, limitMs, what, iterationsVar },
    });
    this.worker.unref();
  }

  /** A new case starts: the clock starts again. */
  enter(seed: number): void {
    Atomics.store(this.shared, 0, seed | 0);
    Atomics.add(this.shared, 1, 1);
  }

  stop(): void {
    void this.worker.terminate();
  }
}
