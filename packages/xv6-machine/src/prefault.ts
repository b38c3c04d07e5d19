import { Worker } from "node:worker_threads";

/**
 * xv6 frees (and so writes) every page below PHYSTOP, RAM_BASE + 128 MiB, while it boots; more than
 * that is left to fault in when the guest first touches it.
 */
const PREFAULT_LIMIT = 128 << 20;

// One write per 4 KiB page, in the order kinit frees them. `Atomics.or(x, 0)` stores back the
// value it reads in one atomic step, so a guest store to the same word is never lost.
const TOUCH = `
const { workerData } = require("node:worker_threads");
const words = new Int32Array(workerData.buffer, 0, workerData.bytes >> 2);
for (let i = 0; i < words.length; i += 1024) Atomics.or(words, i, 0);
`;

/**
 * Guest RAM whose host pages a worker thread faults in while the guest starts. The kernel's first
 * write to each of 32,768 fresh pages costs the host a page fault (about 10 µs on a VM, a third of a
 * boot); QEMU avoids them with huge pages, which Node cannot ask for, so another core takes them.
 * Falls back to a plain ArrayBuffer where workers or shared memory are unavailable.
 */
export function prefaultedMemory(bytes: number): ArrayBufferLike {
  try {
    const buffer = new SharedArrayBuffer(bytes);
    const worker = new Worker(TOUCH, {
      eval: true,
      workerData: { buffer, bytes: Math.min(bytes, PREFAULT_LIMIT) },
    });
    worker.on("error", () => {});
    worker.unref();
    return buffer;
  } catch {
    return new ArrayBuffer(bytes);
  }
}
