import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  ftruncateSync,
  openSync,
  realpathSync,
  unlinkSync,
  writeSync,
} from "node:fs";

/** Runs `fn`, making any system error it throws name `path`, the file the user gave. */
export function withPath<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e && typeof e.code === "string") e.path = path;
    throw err;
  }
}

function writeAll(fd: number, bytes: Uint8Array, position: number | null): void {
  let done = 0;
  while (done < bytes.length) {
    const at = position === null ? null : position + done;
    done += writeSync(fd, bytes, done, bytes.length - done, at);
  }
}

/**
 * Writes `bytes` to `path` as a shell's `>` would: through a symlink, into the same file, so its
 * mode, owner and other hard links stay, and refused when the user may not write the file.
 *
 * Why not a temporary file renamed over `path`: that replaces a symlink instead of following it,
 * gives the file a new mode and owner, breaks hard links, and needs write permission on the
 * directory only, so a read-only file was silently replaced.
 *
 * Failing safely without a rename: callers build the whole output in memory before calling this,
 * so bad input never reaches the file. Here the file is opened without truncating it, then grown
 * first: growing is the only step that needs new space, so a full disk or a size limit strikes
 * while the old contents are still whole, and they are restored by cutting the file back to its old
 * length (or removing it, when this created it). Only then is the old part overwritten in place.
 */
export function writeOutput(path: string, bytes: Uint8Array): void {
  const existed = existsSync(path);
  const fd = withPath(path, () => openSync(path, constants.O_WRONLY | constants.O_CREAT, 0o666));
  try {
    withPath(path, () => {
      const stat = fstatSync(fd);
      // A device or a pipe (`/dev/stdout`) has no length to keep: write it as a stream.
      if (!stat.isFile()) return writeAll(fd, bytes, null);
      const old = stat.size;
      if (bytes.length > old) {
        try {
          writeAll(fd, bytes.subarray(old), old);
        } catch (err) {
          undoGrowth(path, fd, old, existed);
          throw err;
        }
      }
      writeAll(fd, bytes.subarray(0, Math.min(old, bytes.length)), 0);
      if (bytes.length < old) ftruncateSync(fd, bytes.length);
    });
  } finally {
    closeSync(fd);
  }
}

function undoGrowth(path: string, fd: number, old: number, existed: boolean): void {
  try {
    if (existed) ftruncateSync(fd, old);
    // Through a symlink, the file this created is the link's target, not the link.
    else unlinkSync(realpathSync(path));
  } catch {
    // The original error says what went wrong; this one would only hide it.
  }
}
