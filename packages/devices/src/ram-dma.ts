/** RAM as a machine holds it (rv-cpu's `Ram` fits): bytes at a physical base. */
export interface DmaRam {
  readonly base: number;
  readonly u8: Uint8Array;
  contains(pa: number, len: number): boolean;
  /** Writes guest memory the way a device must: caches of decoded code see the change. */
  writeBytes(pa: number, bytes: Uint8Array): void;
}

/**
 * DMA into a machine's RAM, as a device such as virtio-blk needs it (its `GuestMemory`): a read or
 * write of a range that is not all RAM fails and touches nothing.
 */
export class RamDma {
  private readonly ram: DmaRam;
  constructor(ram: DmaRam) {
    this.ram = ram;
  }
  read(pa: number, dst: Uint8Array): boolean {
    if (!this.ram.contains(pa, dst.length)) return false;
    const off = pa - this.ram.base;
    dst.set(this.ram.u8.subarray(off, off + dst.length));
    return true;
  }
  write(pa: number, src: Uint8Array): boolean {
    if (!this.ram.contains(pa, src.length)) return false;
    this.ram.writeBytes(pa, src);
    return true;
  }
}
