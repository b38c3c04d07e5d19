import type { Chain } from "./chain.js";
import { BlkStatus, ID_BYTES, Request, SECTOR_SIZE } from "./constants.js";
import type { BlockBackend } from "./types.js";

const HEADER_BYTES = 16;
/** Data moves through a bounded buffer, so a huge request cannot make the host allocate. */
const CHUNK = 64 * 1024;

/**
 * Serves virtio-blk requests. A request is a 16-byte header (type, reserved, sector) in the readable
 * part of a chain; the data follows it (OUT) or fills the writable part (IN, GET_ID); the last
 * writable byte receives the status.
 */
export class BlockRequests {
  private readonly header = new Uint8Array(HEADER_BYTES);
  private readonly headerView = new DataView(this.header.buffer);
  private readonly buffer = new Uint8Array(CHUNK);
  private readonly statusByte = new Uint8Array(1);
  /** Bytes written into the chain before the status byte, for the used ring's len. */
  private written = 0;

  constructor(
    private readonly backend: BlockBackend,
    private readonly id: Uint8Array,
  ) {}

  /** Serves one chain; returns the used length, or -1 when there is nowhere to put the status byte. */
  serve(chain: Chain): number {
    // A request whose status byte cannot be written breaks the ring, and is not performed: the
    // driver would never learn that its write or flush happened.
    if (chain.writeBytes === 0 || !chain.writableInRam(chain.writeBytes - 1)) return -1;
    this.written = 0;
    this.statusByte[0] = this.execute(chain);
    if (chain.scatter(chain.writeBytes - 1, this.statusByte) !== 1) return -1;
    return this.written + 1;
  }

  private execute(chain: Chain): number {
    if (chain.readBytes < HEADER_BYTES || !chain.gather(0, this.header)) return BlkStatus.IoErr;
    const type = this.headerView.getUint32(0, true);
    const sector = this.headerView.getUint32(8, true) + this.headerView.getUint32(12, true) * 2 ** 32;
    // A backend that throws (a failing host file, say) is the guest's I/O error, not the host's crash.
    try {
      switch (type) {
        case Request.In:
          return this.readDisk(chain, sector);
        case Request.Out:
          return this.writeDisk(chain, sector);
        case Request.Flush:
          this.backend.flush();
          return BlkStatus.Ok;
        case Request.GetId: {
          const n = Math.min(ID_BYTES, chain.writeBytes - 1);
          this.written = chain.scatter(0, this.id.subarray(0, n));
          return this.written === n ? BlkStatus.Ok : BlkStatus.IoErr;
        }
        default:
          return BlkStatus.Unsupp;
      }
    } catch {
      return BlkStatus.IoErr;
    }
  }

  private readDisk(chain: Chain, sector: number): number {
    const length = chain.writeBytes - 1;
    const start = this.byteOffset(sector, length);
    if (start < 0) return BlkStatus.IoErr;
    for (let done = 0; done < length; ) {
      const piece = this.buffer.subarray(0, Math.min(CHUNK, length - done));
      this.backend.read(start + done, piece);
      const landed = chain.scatter(done, piece);
      this.written += landed;
      if (landed !== piece.length) return BlkStatus.IoErr;
      done += piece.length;
    }
    return BlkStatus.Ok;
  }

  private writeDisk(chain: Chain, sector: number): number {
    // The spec: a read-only device fails every write and must not change any data.
    if (this.backend.readOnly) return BlkStatus.IoErr;
    const length = chain.readBytes - HEADER_BYTES;
    const start = this.byteOffset(sector, length);
    if (start < 0 || !chain.readableInRam(HEADER_BYTES)) return BlkStatus.IoErr;
    for (let done = 0; done < length; ) {
      const piece = this.buffer.subarray(0, Math.min(CHUNK, length - done));
      if (!chain.gather(HEADER_BYTES + done, piece)) return BlkStatus.IoErr;
      this.backend.write(start + done, piece);
      done += piece.length;
    }
    return BlkStatus.Ok;
  }

  /** The disk offset of a transfer, or -1 if it is not whole sectors or does not fit the disk. */
  private byteOffset(sector: number, length: number): number {
    if (length % SECTOR_SIZE !== 0) return -1;
    const start = sector * SECTOR_SIZE;
    return start + length <= this.backend.size ? start : -1;
  }
}
