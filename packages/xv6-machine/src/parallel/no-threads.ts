/**
 * The browser build's stand-in for harts.ts (tsup swaps it in): worker_threads is Node's, so a
 * machine built there runs its harts on one thread and refuses `parallel` in one clear error.
 */
import { MachineError } from "../errors.js";
import type { ParallelHarts as ThreadedHarts } from "./harts.js";

class NoThreads {
  constructor() {
    throw new MachineError("parallel harts need Node's worker threads: in a browser, harts share one thread");
  }
}

export const ParallelHarts = NoThreads as unknown as typeof ThreadedHarts;
