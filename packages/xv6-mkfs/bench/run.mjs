// Times building a 20-file, 1 MB image and checking it, through the built library (run `pnpm build` first).
import { buildImage, fsck } from "../dist/index.js";

const FILES = 20;
const TOTAL = 1 << 20;
const files = Array.from({ length: FILES }, (_, i) => ({
  name: `file${i}`,
  bytes: Uint8Array.from({ length: TOTAL / FILES }, (_, j) => (i * 131 + j * 7) & 0xff),
}));

function time(label, run, bytes) {
  for (let i = 0; i < 5; i++) run();
  const rounds = 50;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / rounds;
  const rate = bytes / (1 << 20) / (ms / 1000);
  console.log(`${label.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms   ${rate.toFixed(0).padStart(6)} MB/s`);
}

const image = buildImage(files);
const problems = fsck(image).problems;
if (problems.length > 0) throw new Error(`bench image is not clean: ${problems[0]}`);
console.log(`image: ${FILES} files, ${TOTAL} bytes of contents, ${image.length / 1024} blocks`);
time("build (20 files, 1 MB)", () => buildImage(files), TOTAL);
time("fsck (2000-block image)", () => fsck(image), image.length);
