import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from "node:fs";
import { SECTOR_SIZE } from "./constants.js";
import type { BlockBackend, SharedDisk } from "./types.js";

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
    /** False for a backend over another's descriptor (see borrow): close() leaves it open. */
    private readonly owner = true,
  ) {
    this.fd = fd;
  }

  /**
   * A backend over a descriptor that another FileBackend of this process owns (from its
   * shareable()), for a worker thread; it never closes the descriptor, and must not be used once
   * the owner has closed it.
   */
  static borrow(shared: SharedDisk & { kind: "fd" }): FileBackend {
    return new FileBackend(shared.fd, shared.size, shared.readOnly, false);
  }

  /** The open descriptor, for FileBackend.borrow on another thread; undefined once closed. */
  shareable(): SharedDisk | undefined {
    if (this.fd < 0) return undefined;
    return { kind: "fd", fd: this.fd, size: this.size, readOnly: this.readOnly };
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
    if (!this.owner) return;
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
