import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";
import { SECTOR_SIZE } from "./constants.js";
import type { BlockBackend } from "./types.js";

/**
 * A disk image file on the host (Node only; this entry is kept apart from the main one so that the
 * main one runs in a browser). Writes go straight to the file; flush() and close() fsync it.
 */
export class FileBackend implements BlockBackend {
  private fd: number;

  private constructor(
    fd: number,
    readonly size: number,
    readonly readOnly: boolean,
  ) {
    this.fd = fd;
  }

  static open(path: string, opts: { readOnly?: boolean } = {}): FileBackend {
    const readOnly = opts.readOnly ?? false;
    const fd = openSync(path, readOnly ? "r" : "r+");
    try {
      const bytes = fstatSync(fd).size;
      // A ragged tail is not a whole sector, so the guest cannot reach it.
      return new FileBackend(fd, bytes - (bytes % SECTOR_SIZE), readOnly);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  read(offset: number, dst: Uint8Array): void {
    const fd = this.open();
    for (let done = 0; done < dst.length; ) {
      const n = readSync(fd, dst, done, dst.length - done, offset + done);
      if (n === 0) throw new Error("FileBackend: the file shrank");
      done += n;
    }
  }

  write(offset: number, src: Uint8Array): void {
    if (this.readOnly) throw new Error("FileBackend: read-only");
    const fd = this.open();
    for (let done = 0; done < src.length; ) {
      done += writeSync(fd, src, done, src.length - done, offset + done);
    }
  }

  flush(): void {
    if (!this.readOnly) fsyncSync(this.open());
  }

  /** Makes the writes durable and closes the file; later requests fail with an I/O error. */
  close(): void {
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    try {
      if (!this.readOnly) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private open(): number {
    if (this.fd < 0) throw new Error("FileBackend: closed");
    return this.fd;
  }
}
