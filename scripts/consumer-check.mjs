// What a stranger gets from npm: packs every package (as `pnpm publish` would), installs the
// tarballs into a fresh project outside the monorepo, and there
//   - typechecks code that uses every package with the oldest TypeScript we support and the newest,
//   - runs every ```ts / ```js example of every package README, unchanged,
//   - runs each command-line tool from the install,
//   - runs publint and @arethetypeswrong/cli on every tarball.
// Run after `pnpm build`: node scripts/consumer-check.mjs   (CI does, from .ci/run)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "xv6-consumer-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
mkdirSync(tarballs);
mkdirSync(project);
let failures = 0;

function step(name) {
  console.log(`\n== ${name}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: project, encoding: "utf8", timeout: 300_000, ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}`, status: r.status };
}

function check(what, r) {
  if (r.ok) {
    console.log(`ok   ${what}`);
    return;
  }
  failures++;
  console.log(`FAIL ${what} (exit ${r.status})\n${r.out.trimEnd().replace(/^/gm, "     ")}`);
}

step("pack every package");
// Published packages only: the site (xv6-web) is private, shipped as static files, not to npm.
const packages = readdirSync(join(root, "packages"))
  .filter((p) => !JSON.parse(readFileSync(join(root, "packages", p, "package.json"), "utf8")).private)
  .sort();
for (const p of packages) {
  execFileSync("pnpm", ["pack", "--pack-destination", tarballs], {
    cwd: join(root, "packages", p),
    stdio: "ignore",
  });
}
const tgz = readdirSync(tarballs).map((f) => join(tarballs, f));
console.log(readdirSync(tarballs).join("\n"));

step("install the tarballs into a fresh project");
cpSync(join(root, "scripts", "consumer"), project, { recursive: true });
// The project's own package.json pins the tools the checks use (TypeScript, tsx, publint, attw).
check("npm install", run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tgz]));

step("README examples");
const examples = [];
for (const p of packages) {
  const text = readFileSync(join(root, "packages", p, "README.md"), "utf8");
  let n = 0;
  for (const m of text.matchAll(/^```(ts|js)\n([\s\S]*?)^```$/gm)) {
    n++;
    const file = `example-${p}-${n}.${m[1] === "ts" ? "mts" : "mjs"}`;
    writeFileSync(join(project, file), m[2]);
    examples.push(file);
  }
}
for (const file of examples) check(`${file} runs`, run(join(project, "node_modules/.bin/tsx"), [file]));

step("typecheck with the oldest and the newest supported TypeScript");
for (const tsc of ["typescript-oldest", "typescript"]) {
  const version = JSON.parse(
    readFileSync(join(project, "node_modules", tsc, "package.json"), "utf8"),
  ).version;
  check(
    `tsc ${version} (strict, NodeNext, skipLibCheck off)`,
    run(process.execPath, [join(project, "node_modules", tsc, "bin/tsc"), "-p", "."]),
  );
}

step("command-line tools from the install");
const bin = (name) => join(project, "node_modules/.bin", name);
writeFileSync(join(project, "hello.txt"), "hello from the host\n");
check("xv6-mkfs fs.img hello.txt", run(bin("xv6-mkfs"), ["fs.img", "hello.txt"]));
const cat = run(bin("xv6-fs"), ["cat", "fs.img", "/hello.txt"]);
check("xv6-fs cat fs.img /hello.txt", { ...cat, ok: cat.ok && cat.out === "hello from the host\n" });
check("xv6-machine --cmd ls", run(bin("xv6-machine"), ["--cmd", "ls", "--timeout", "120"], { input: "" }));
check("xv6-qemu -version", run(bin("xv6-qemu"), ["-version"]));
// A passing riscv-tests style program, written with the installed package's buildElf.
const writeElf = [
  'import { writeFileSync } from "node:fs";',
  'import { buildElf } from "@xv6-machine/rv-cpu";',
  "const code = [0x00100513, 0x00000297, 0x01428293, 0x00a2b023, 0x0000006f, 0x00000013];",
  'writeFileSync("pass.elf", buildElf({ base: 0x8000_0000, code, bss: 8, symbols: { tohost: 0x8000_0018 } }));',
].join("\n");
writeFileSync(join(project, "write-elf.mjs"), writeElf);
check("write pass.elf", run(process.execPath, ["write-elf.mjs"]));
check("rv-run pass.elf", run(bin("rv-run"), ["pass.elf"]));
const rv = run(bin("rv-run"), ["--max-insns", "1000", "hello.txt"]);
check("rv-run refuses a non-ELF with exit 2", { ...rv, ok: rv.status === 2 });

step("publint and arethetypeswrong on every tarball");
for (const f of tgz) {
  const name = f.split("/").pop();
  check(`publint ${name}`, run(bin("publint"), ["--strict", f]));
  check(`attw ${name}`, run(bin("attw"), [f]));
}

console.log(failures === 0 ? "\nconsumer check: all passed" : `\nconsumer check: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
