import { FsError } from "./errors.js";
import { DIRSIZ } from "./format.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The name mkfs gives a host file: its directory part dropped, then one leading `_` dropped
 * (xv6 builds user programs as `_cat`, `_ls`, … so they can't shadow the host's own).
 */
export function imageName(hostPath: string): string {
  const base = hostPath.slice(hostPath.lastIndexOf("/") + 1);
  return base.startsWith("_") ? base.slice(1) : base;
}

/** A directory entry name as bytes, checked the way the kernel will later read it back. */
export function encodeName(name: string | Uint8Array): Uint8Array {
  const bytes = typeof name === "string" ? encoder.encode(name) : name;
  const shown = showName(bytes);
  if (bytes.length === 0) throw new FsError("a file name is empty");
  if (bytes.length > DIRSIZ) {
    throw new FsError(`name "${shown}" is ${bytes.length} bytes; xv6 names hold at most ${DIRSIZ}`);
  }
  if (bytes.includes(0x2f) || bytes.includes(0)) {
    throw new FsError(`name "${shown}" contains a "/" or a NUL byte`);
  }
  if (shown === "." || shown === "..") throw new FsError(`name "${shown}" is reserved`);
  return bytes;
}

/** A name's bytes for display; invalid UTF-8 shows as U+FFFD. */
export function showName(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
