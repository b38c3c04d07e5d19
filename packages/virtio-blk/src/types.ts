/** Guest physical memory for DMA. */
export interface GuestMemory {
  /** Fills dst from guest physical address pa; false (and nothing copied) if any byte is outside RAM. */
  read(pa: number, dst: Uint8Array): boolean;
  /** Copies src to guest physical address pa; false (and nothing written) if any byte is outside RAM. */
  write(pa: number, src: Uint8Array): boolean;
}

/** A level-triggered interrupt line (on virt: PLIC source 1). */
export interface InterruptLine {
  set(level: boolean): void;
}

/** The disk behind the device. Errors are thrown; the device turns them into VIRTIO_BLK_S_IOERR. */
export interface BlockBackend {
  /** Bytes, a multiple of 512. */
  readonly size: number;
  readonly readOnly: boolean;
  read(offset: number, dst: Uint8Array): void;
  write(offset: number, src: Uint8Array): void;
  flush(): void;
  /**
   * How a worker thread of the same process can reach this disk itself (see SharedDisk), or
   * undefined if it cannot.
   */
  shareable?(): SharedDisk | undefined;
}

/**
 * A disk as other threads of a process reach it: the descriptor of an open image file (FileBackend,
 * which stays its owner), or bytes in a SharedArrayBuffer (MemoryBackend).
 */
export type SharedDisk =
  | { kind: "fd"; fd: number; size: number; readOnly: boolean }
  | { kind: "bytes"; bytes: Uint8Array; readOnly: boolean };
