import { MemoryBackend } from "@xv6-machine/virtio-blk";
import { buildImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";
import { Machine, MachineError } from "./machine.js";

// The compiling engine checked against the interpreter on the whole machine: a twin machine
// interprets beside the compiled one, and any difference in harts, output or RAM throws.
const guest = guestFiles();
const MINUTES = 60_000;

describe.skipIf(!guest)("compiled and interpreted machines in step (engine: check)", () => {
  for (const cpus of [1, 3]) {
    it(
      `boot and mmaptest${cpus === 1 ? ", usertests that fork, fault, pipe and exec" : ""}, ${cpus} hart${cpus > 1 ? "s" : ""}`,
      async () => {
        if (!guest) return;
        const m = new Machine({
          kernel: guest.kernel,
          disk: new MemoryBackend(buildImage(guest.user)),
          cpus,
          engine: "check",
        });
        await m.waitFor("$ ", { timeoutMs: 5 * MINUTES });
        expect(await m.runCommand("mmaptest", { timeoutMs: 10 * MINUTES })).toContain(
          "mmaptest: all tests succeeded",
        );
        if (cpus === 1) {
          // (usertests starts by counting free memory, which takes a few G instructions.)
          const tests = "forkfork sbrkbasic sbrklazy pipe exec execargs";
          const out = await m.runCommand(`usertests ${tests}`, { timeoutMs: 10 * MINUTES });
          expect(out).toContain("ALL TESTS PASSED");
        }
        // Both machines ran every instruction of it, and the compiled one did compile.
        expect(m.harts[0].jit?.stats.compiled).toBeGreaterThan(100);
      },
      20 * MINUTES,
    );
  }

  it("needs the deterministic clock", () => {
    if (!guest) return;
    expect(() => new Machine({ kernel: guest.kernel, engine: "check", clock: "realtime" })).toThrow(
      MachineError,
    );
  });
});
