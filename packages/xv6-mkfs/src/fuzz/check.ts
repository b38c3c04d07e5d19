import { FsError } from "../errors.js";
import { T_DIR } from "../format.js";
import { fsck } from "../fsck.js";
import { type FsImage, openImage } from "../image.js";
import { readLikeTheKernel, replayLikeTheKernel } from "./oracle.js";

// Bounds on how much of a damaged image the library is asked to read, so that a case stays fast.
const MAX_INODES_READ = 64;
const MAX_PATHS = 300;

// Buffer's compare runs in native code: comparing megabytes byte by byte in JavaScript is slow.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Everything the fuzzer demands of one image, good or bad; returns what failed (empty: all held).
 * Only the package's FsError, with a one-line message, may escape the library; fsck never throws;
 * and when fsck calls an image clean, the library must read it exactly as the kernel would.
 */
export function checkImage(img: Uint8Array): string[] {
  const violations: string[] = [];
  const original = img.slice();
  let clean = false;
  try {
    clean = fsck(img).problems.length === 0;
  } catch (err) {
    violations.push(`fsck threw ${describe(err)}`);
  }
  if (!same(img, original)) violations.push("fsck without --repair changed the image");
  // For a clean image, agree() reads everything explore() would, and more strictly.
  if (clean) agree(img, violations, "");
  else explore(img, violations);

  const repaired = img.slice();
  try {
    const report = fsck(repaired, { repair: true });
    if (report.replayed && !same(repaired, replayLikeTheKernel(img))) {
      violations.push("--repair installed the log differently from the kernel");
    }
    if (report.replayed && report.problems.length === 0) agree(repaired, violations, "after --repair, ");
  } catch (err) {
    violations.push(`fsck --repair threw ${describe(err)}`);
  }
  return violations;
}

/** Calls `fn`, recording any failure but a one-line FsError. */
function guard<T>(violations: string[], what: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof FsError)) violations.push(`${what} threw ${describe(err)}`);
    else if (err.message.includes("\n")) violations.push(`${what}: a message of several lines`);
    return undefined;
  }
}

/** Reads whatever the library will read, as `xv6-fs ls`, `cat` and `get` would. */
function explore(img: Uint8Array, violations: string[]): void {
  const fs = guard(violations, "openImage", () => openImage(img));
  if (!fs) return;
  guard(violations, "inodes", () => {
    let n = 0;
    for (const inode of fs.inodes()) {
      if (n++ >= MAX_INODES_READ) break;
      guard(violations, `read of inode ${inode.inum}`, () => fs.read(inode));
    }
  });
  const queue = ["/"];
  const visited = new Set<number>();
  for (let n = 0; n < queue.length && n < MAX_PATHS; n++) walk(fs, queue[n], queue, visited, violations);
}

function walk(fs: FsImage, path: string, queue: string[], visited: Set<number>, violations: string[]): void {
  const listed = guard(violations, `list ${path}`, () => fs.list(path));
  for (const e of listed ?? []) {
    if (e.name === "." || e.name === "..") continue;
    const child = `${path === "/" ? "" : path}/${e.name}`;
    // Every path is looked up again from the root, as the command line does; stat only now and then,
    // since each lookup rereads the directories on the way.
    if (visited.size % 8 === 0) guard(violations, `stat ${child}`, () => fs.stat(child));
    if (e.type !== T_DIR) guard(violations, `readFile ${child}`, () => fs.readFile(child));
    else if (!visited.has(e.inum)) {
      visited.add(e.inum);
      queue.push(child);
    }
  }
}

/** For an image fsck calls clean: the kernel's reading has no trouble, and the library's matches it. */
function agree(img: Uint8Array, violations: string[], when: string): void {
  const reading = readLikeTheKernel(img);
  if (reading.trouble.length > 0) {
    violations.push(`${when}fsck says clean, but ${reading.trouble.slice(0, 3).join("; ")}`);
    return;
  }
  try {
    const fs = openImage(img);
    for (const [path, listed] of reading.dirs) {
      const got = JSON.stringify(fs.list(path));
      if (got !== JSON.stringify(listed)) violations.push(`${when}ls ${path} gave ${got.slice(0, 200)}`);
    }
    for (const [path, bytes] of reading.files) {
      if (!same(fs.readFile(path), bytes))
        violations.push(`${when}cat ${path} differs from the kernel's reading`);
    }
  } catch (err) {
    violations.push(`${when}fsck says clean, but reading threw ${describe(err)}`);
  }
}
