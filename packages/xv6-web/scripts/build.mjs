// pnpm build for the site: the guest's files and booted snapshot (scripts/assets.mjs), Vite's
// bundle into dist/ (a folder to publish as is), then what a visitor pays: the bytes of every file,
// and the time from opening the page to the shell's prompt in headless Chromium when one is
// installed (CHROMIUM names it; default /usr/bin/chromium).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const here = fileURLToPath(new URL("..", import.meta.url));
await import("./assets.mjs");
await build({ root: here, logLevel: "warn" });

const dist = join(here, "dist");
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(dist);
let total = 0;
let gz = 0;
console.log("xv6-web: dist/");
for (const f of files.sort()) {
  const bytes = readFileSync(f);
  const z = gzipSync(bytes).length;
  total += bytes.length;
  gz += z;
  console.log(
    `  ${f.slice(dist.length + 1).padEnd(32)} ${String(bytes.length).padStart(9)} B  (gzip ${z} B)`,
  );
}
console.log(`  total ${total} B, gzip ${gz} B`);

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`xv6-web: time to the first prompt not measured: no Chromium at ${chromium}`);
} else {
  const { firstPrompt } = await import("./measure.mjs");
  const snap = await firstPrompt(dist, chromium, "");
  const cold = await firstPrompt(dist, chromium, "?cold");
  console.log(
    `xv6-web: first prompt in headless Chromium: ${snap} ms from the shipped snapshot, ${cold} ms booting cold`,
  );
}
