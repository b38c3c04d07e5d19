// Parallel harts (MachineOptions.parallel, `--parallel`): hart 0 on the device thread and a worker
// thread for every other hart, to which it moves from the device thread once there is parallel
// work (moveAfterMs; with workerPerHart, every hart on a worker from reset), over shared RAM. The multi-hart
// bare-metal program checks locks built from amoswap, amoadd and lr/sc and a message-passing
// litmus test; our guest runs its tests with its harts in parallel.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "../guest.js";
import { Machine, MachineError } from "../machine.js";

const BAREMETAL = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "baremetal");
const smpLocks = new Uint8Array(readFileSync(join(BAREMETAL, "bin", "smp_locks.elf")));
/** What smp_locks printed on QEMU (-smp 2); it prints the same for any number of harts. */
const smpExpected = readFileSync(join(BAREMETAL, "expected", "smp_locks.txt"), "latin1");
const guest = guestFiles();
const MINUTES = 60_000;
const PANIC = /panic: .*\n/;

/** A copy of `bytes` in a SharedArrayBuffer: a disk the harts' threads serve themselves. */
function inShared(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/** Runs a bare-metal program until it powers off; the machine's threads have ended on return. */
async function runToPowerOff(
  m: Machine,
  timeoutMs: number,
  later?: { after: string; type: string },
): Promise<void> {
  const until = performance.now() + timeoutMs;
  let typed = false;
  try {
    while (m.powerOff === undefined && performance.now() < until) {
      m.runSlice(1_000_000);
      if (later && !typed && m.output.includes(later.after)) {
        m.type(later.type);
        typed = true;
      }
      await new Promise((r) => setImmediate(r));
    }
  } finally {
    await m.close();
  }
}

describe("parallel harts: locks and ordering (baremetal/smp_locks)", () => {
  for (const [cpus, workerPerHart, moveAfterMs] of [
    [2, false, undefined],
    [2, true, undefined],
    [3, false, 0],
    [4, false, undefined],
  ] as const) {
    const where = workerPerHart
      ? "each on a worker from reset"
      : moveAfterMs === 0
        ? "moving to their workers while they run"
        : "hart 0 on the device thread";
    it(
      `never loses an update nor reads stale data on ${cpus} harts in parallel, ${where}`,
      async () => {
        const m = new Machine({ kernel: smpLocks, cpus, parallel: true, workerPerHart, moveAfterMs });
        expect(m.parallel).toBe(true);
        expect(m.clockMode).toBe("realtime");
        await runToPowerOff(m, 3 * MINUTES);
        expect(m.output).toBe(smpExpected);
        expect(m.powerOff).toBe(0);
        expect(m.instructions).toBeGreaterThan(0);
        if (workerPerHart) expect(m.workerHarts).toEqual(Array.from({ length: cpus }, (_, h) => h));
        // Every hart takes locks all through the program: they all want to run at once.
        if (moveAfterMs === 0) expect(m.workerHarts).toEqual([1, 2]);
      },
      4 * MINUTES,
    );
  }

  it(
    "gives the same output with 3 harts taking turns on one thread",
    async () => {
      const m = new Machine({ kernel: smpLocks, cpus: 3 });
      await runToPowerOff(m, 3 * MINUTES);
      expect(m.output).toBe(smpExpected);
      expect(m.powerOff).toBe(0);
    },
    4 * MINUTES,
  );

  it("refuses the deterministic clock and the check engine, which need one thread", () => {
    expect(() => new Machine({ kernel: smpLocks, parallel: true, clock: "deterministic" })).toThrow(
      MachineError,
    );
    expect(() => new Machine({ kernel: smpLocks, parallel: true, engine: "check" })).toThrow(MachineError);
  });

  it("refuses a time to move harts that is not a number of milliseconds", () => {
    for (const moveAfterMs of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => new Machine({ kernel: smpLocks, parallel: true, moveAfterMs })).toThrow(MachineError);
  });

  it("refuses a debugger", async () => {
    const m = new Machine({ kernel: smpLocks, cpus: 2, parallel: true });
    try {
      expect(() => m.attachDebugger()).toThrow(MachineError);
    } finally {
      await m.close();
    }
  });
});

// The UART and virtio-blk programs poll LSR, read InterruptStatus and take interrupts: on a hart's
// own thread (workerPerHart puts hart 0 on one) those reads come from the device thread's shadows,
// the rest through the mailbox.
describe("parallel harts: devices (baremetal UART and virtio-blk programs)", () => {
  // In real time a line typed ahead may reach the UART before the program has moved on to its
  // second phase: the second phase's lines are typed once it has begun.
  const LATER = { after: "phase 2", type: "The quick brown fox jumps over the lazy dog\nquit\n" };
  const programs = [
    { elf: "uart_out", expected: "uart_out" },
    { elf: "uart_irq_in", expected: "uart_irq_in", input: "hello\nnext\n", later: LATER },
    { elf: "uart_irq_out", expected: "uart_irq_out" },
    { elf: "virtio_blk", expected: "virtio_blk-legacy", virtio: "legacy" as const },
    { elf: "virtio_blk", expected: "virtio_blk-modern", virtio: "modern" as const },
  ];
  /** The disk virtio_blk expects: 64 KiB, byte i = (i * 7 + (i >> 9)) & 0xff. */
  const disk = () => Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7 + (i >> 9)) & 0xff);

  for (const p of [...programs, { ...programs[4], shared: true }]) {
    const where = "shared" in p ? ", serving a shared disk there" : "";
    it(
      `${p.expected} prints what it printed on QEMU, its hart on a thread of its own${where}`,
      async () => {
        const kernel = new Uint8Array(readFileSync(join(BAREMETAL, "bin", `${p.elf}.elf`)));
        const bytes = "shared" in p ? inShared(disk()) : disk();
        const backend = p.virtio ? new MemoryBackend(bytes) : undefined;
        const m = new Machine({
          kernel,
          disk: backend,
          virtio: p.virtio,
          parallel: true,
          workerPerHart: true,
        });
        if (p.input) m.type(p.input);
        await runToPowerOff(m, 2 * MINUTES, "later" in p ? p.later : undefined);
        expect(m.output).toBe(readFileSync(join(BAREMETAL, "expected", `${p.expected}.txt`), "latin1"));
        expect(m.powerOff).toBe(0);
      },
      3 * MINUTES,
    );
  }
});

describe.skipIf(!guest)("our guest with parallel harts", () => {
  /**
   * With `shared`, the image is in a SharedArrayBuffer and the harts' threads serve the disk
   * themselves (as with a file); otherwise the device thread does.
   */
  async function booted(
    cpus: number,
    shared: boolean,
    where: { workerPerHart?: boolean; moveAfterMs?: number } = {},
  ): Promise<Machine> {
    if (!guest) throw new Error("no prebuilt guest");
    const image = buildImage(guest.user);
    const m = new Machine({
      kernel: guest.kernel,
      disk: new MemoryBackend(shared ? inShared(image) : image),
      cpus,
      parallel: true,
      ...where,
    });
    // Not waitForPrompt: on a busy host a hart's thread may print its "hart N starting" after the
    // shell's first prompt (even into the middle of init's line), and the output then does not end
    // with one. The shell reads what is typed once it has printed it.
    await m.waitFor("$ ", { timeoutMs: 2 * MINUTES, failOn: PANIC });
    return m;
  }

  for (const [cpus, shared, workerPerHart] of [
    [2, true, false],
    [4, false, true],
  ] as const) {
    const disk = shared ? "the harts serving the disk" : "the device thread serving the disk";
    const where = workerPerHart ? ", each on a worker from reset" : ", moving to its worker at boot";
    it(
      `passes mmaptest, forktest and a bounded grind on ${cpus} harts${where}, ${disk}`,
      async () => {
        const m = await booted(cpus, shared, workerPerHart ? { workerPerHart } : { moveAfterMs: 0 });
        try {
          const opts = { timeoutMs: 5 * MINUTES, failOn: PANIC };
          expect(await m.runCommand("mmaptest", opts)).toContain("mmaptest: all tests succeeded");
          expect(await m.runCommand("forktest", opts)).toContain("fork test OK");
          expect(await m.runCommand("grind 40", opts)).toContain("grind: OK");
          // The boot's page freeing and grind's two processes keep both harts busy at once.
          if (!workerPerHart) expect(m.workerHarts).toEqual([1]);
        } finally {
          await m.close();
        }
      },
      12 * MINUTES,
    );
  }

  it(
    "runs all its harts on the device thread while none has been kept waiting long",
    async () => {
      const m = await booted(3, false, { moveAfterMs: 1e9 });
      try {
        const opts = { timeoutMs: 5 * MINUTES, failOn: PANIC };
        expect(await m.runCommand("forktest", opts)).toContain("fork test OK");
        expect(m.workerHarts).toEqual([]);
      } finally {
        await m.close();
      }
    },
    6 * MINUTES,
  );

  it(
    "passes usertests -q on 3 harts, serving the disk themselves",
    async () => {
      const m = await booted(3, true);
      try {
        const out = await m.runCommand("usertests -q", { timeoutMs: 20 * MINUTES, failOn: PANIC });
        expect(out).toContain("ALL TESTS PASSED");
        expect(out).not.toMatch(/FAILED|panic/);
      } finally {
        await m.close();
      }
    },
    25 * MINUTES,
  );
});
