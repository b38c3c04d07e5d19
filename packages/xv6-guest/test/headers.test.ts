import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// xv6's lab programs include our headers in every order; they must compile in all of them.
const root = fileURLToPath(new URL("..", import.meta.url));
const gcc = "riscv64-unknown-elf-gcc";
const hasGcc = spawnSync(gcc, ["--version"]).status === 0;
const headers = [
  "kernel/types.h",
  "kernel/stat.h",
  "kernel/param.h",
  "kernel/riscv.h",
  "kernel/memlayout.h",
  "kernel/fs.h",
  "kernel/fcntl.h",
  "kernel/syscall.h",
  "kernel/spinlock.h",
  "kernel/sleeplock.h",
  "kernel/file.h",
  "user/user.h",
];

/** A deterministic shuffle, so every run checks the same orders. */
function shuffled(seed: number): string[] {
  const a = [...headers];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function compiles(includes: string[], body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "xv6-headers-"));
  const file = join(dir, "t.c");
  writeFileSync(file, `${includes.map((h) => `#include "${h}"`).join("\n")}\n${body}\n`);
  const r = spawnSync(
    gcc,
    [
      "-march=rv64gc",
      "-mabi=lp64",
      "-ffreestanding",
      "-fno-builtin",
      "-Wall",
      "-Werror",
      "-fsyntax-only",
      `-I${root}`,
      file,
    ],
    { encoding: "utf8" },
  );
  return r.status === 0 ? "" : r.stderr;
}

const USES = `
int main(void) {
  struct stat st;
  int fd = open("console", O_RDWR | O_CREATE);
  fstat(fd, &st);
  mknod("console", CONSOLE, 0);
  printf("%d %d %d %d %d\\n", PGSIZE, DIRSIZ, MAXPATH, (int)MAXFILE, SYS_close);
  return st.type == T_DIR ? PROT_READ | MAP_SHARED : (int)(MAXVA >> 40);
}`;

describe.skipIf(!hasGcc)(
  `our headers compile in any order${hasGcc ? "" : " (skipped: riscv64-unknown-elf-gcc not found)"}`,
  () => {
    it("in the order xv6's init.c uses", () => {
      const order = [
        "kernel/types.h",
        "kernel/stat.h",
        "kernel/spinlock.h",
        "kernel/sleeplock.h",
        "kernel/fs.h",
        "kernel/file.h",
        "user/user.h",
        "kernel/fcntl.h",
      ];
      expect(
        compiles(
          [...order, "kernel/param.h", "kernel/riscv.h", "kernel/memlayout.h", "kernel/syscall.h"],
          USES,
        ),
      ).toBe("");
    });

    for (let seed = 1; seed <= 12; seed++) {
      it(`in shuffled order #${seed}`, () => {
        expect(compiles(shuffled(seed), USES)).toBe("");
      });
    }

    it.each(headers)("%s on its own", (h) => {
      expect(compiles([h], "int main(void) { return 0; }")).toBe("");
    });

    it("without defining MAP_FAILED (lab programs define it themselves)", () => {
      expect(compiles(headers, "#define MAP_FAILED ((char *) -1)\nint main(void) { return 0; }")).toBe("");
    });
  },
);
