import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildImage, fsck, openImage } from "@xv6-machine/xv6-mkfs";
import { describe, expect, it } from "vitest";
import { guestFiles } from "./guest.js";

// Kills the machine with SIGKILL at seeded random points while the guest copies files, boots the
// image again (xv6's log recovery runs at boot) and checks what survived. CRASH_RUNS and CRASH_SEED
// make a longer campaign: `pnpm --filter xv6-machine crash` runs 40.
const RUNS = Number(process.env.CRASH_RUNS ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? 20261204);
const COPIES = 4;

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const guest = guestFiles();

/** A small seeded generator (mulberry32), so a failing run can be repeated from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const copy = (i: number) => `cat usertests > c${i}`;

/**
 * Runs the copies and kills the machine `delayMs` after the guest starts copy `at`. Resolves with
 * how many copies had finished (their shell prompt had come back) by then.
 */
function copyAndKill(image: string, at: number, delayMs: number): Promise<number> {
  const cmds = Array.from({ length: COPIES }, (_, i) => ["--cmd", copy(i + 1)]).flat();
  const child = spawn(process.execPath, [cli, "--fs", image, ...cmds, "--timeout", "300"], { stdio: "pipe" });
  let out = "";
  let armed = false;
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString("latin1");
      if (!armed && out.includes(copy(at))) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== null && code !== 0) reject(new Error(`the copying run exited ${code}:\n${out}`));
      // Copy i is done once the shell took the next line (or the run ended by itself).
      let done = 0;
      while (done < COPIES && out.includes(copy(done + 2))) done++;
      resolve(code === 0 ? COPIES : done);
    });
  });
}

describe.skipIf(!guest)("crash consistency", () => {
  const original = guest?.user.find((f) => f.name === "usertests")?.bytes as Uint8Array;
  const next = random(SEED);
  const dir = mkdtempSync(join(tmpdir(), "xv6-crash-"));

  for (let run = 0; run < RUNS; run++) {
    const at = 1 + Math.floor(next() * COPIES);
    const delayMs = Math.floor(next() * 400);
    it(`run ${run} (seed ${SEED}): killed ${delayMs} ms into copy ${at}, the next boot recovers`, async () => {
      const image = join(dir, `fs${run}.img`);
      writeFileSync(image, buildImage(guest?.user ?? []));
      const done = await copyAndKill(image, at, delayMs);
      // Booting runs the log recovery; the shell's ls reads the root directory back.
      const boot = spawnSync(process.execPath, [cli, "--fs", image, "--cmd", "ls", "--timeout", "120"], {
        encoding: "latin1",
        timeout: 180_000,
      });
      expect(boot.status, boot.stderr).toBe(0);
      const bytes = new Uint8Array(readFileSync(image));
      expect(fsck(bytes).problems).toEqual([]);
      const fs = openImage(bytes);
      for (let i = 1; i <= done; i++) expect(fs.readFile(`/c${i}`), `c${i} was committed`).toEqual(original);
      // The copy in flight holds whole writes that were committed: a prefix of the original.
      const names = new Set(fs.list("/").map((e) => e.name));
      for (let i = done + 1; i <= COPIES; i++) {
        if (!names.has(`c${i}`)) continue;
        const partial = fs.readFile(`/c${i}`);
        expect(partial).toEqual(original.subarray(0, partial.length));
      }
    });
  }
});
