import { readFileSync } from "node:fs";
import { FsError, printable } from "./errors.js";
import { withPath } from "./output.js";

/** Thrown for a bad command line: exits 2 after printing the usage hint. */
export class UsageError extends Error {}

const reasons: Record<string, string> = {
  ENOENT: "no such file or directory",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EFBIG: "file too large",
};

function describe(err: unknown): string {
  if (err instanceof FsError || err instanceof UsageError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === "string") {
    const reason = reasons[e.code] ?? e.code;
    return e.path ? `${printable(e.path)}: ${reason}` : reason;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Where a CLI writes: the process's streams, or a test's buffers. */
export interface Io {
  out(data: string | Uint8Array): void;
  err(text: string): void;
}

/** The process's own streams. */
export function processIo(): Io {
  // A reader that stops early (`xv6-fs cat … | head`) closes the pipe: exit quietly rather than
  // with Node's unhandled-error stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") process.stderr.write(`${err.message}\n`);
    process.exit(err.code === "EPIPE" ? 0 : 1);
  });
  return {
    out: (data) => process.stdout.write(data),
    err: (text) => process.stderr.write(text),
  };
}

/** Runs a CLI body: any failure becomes one line on stderr and a non-zero exit, never a stack trace. */
export function runCli(program: string, usage: string, io: Io, body: () => number): number {
  try {
    return body();
  } catch (err) {
    const parse = (err as NodeJS.ErrnoException)?.code?.startsWith("ERR_PARSE_ARGS");
    if (err instanceof UsageError || parse) {
      io.err(`${program}: ${printable((err as Error).message)}\n${usage}`);
      return 2;
    }
    // An error that is not ours (a bug) may still span lines: its first line is enough to report it.
    io.err(`${program}: ${printable(describe(err).split("\n")[0])}\n`);
    return 1;
  }
}

/** A whole, non-negative number given on the command line. */
export function parseCount(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} needs a whole number, not "${text}"`);
  return Number(text);
}

/** A file's bytes as a plain Uint8Array view (no copy). */
export function readBytes(path: string): Uint8Array {
  // Reading a directory fails in read(), after open(), and Node leaves such errors without a path.
  const buffer = withPath(path, () => readFileSync(path));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
