export {
  AVAIL_NO_INTERRUPT,
  BlkStatus,
  DEVICE_ID_BLOCK,
  Desc,
  Feature,
  ID_BYTES,
  Interrupt,
  MAGIC,
  MMIO_SIZE,
  Reg,
  Request,
  SECTOR_SIZE,
  Status,
  VENDOR_ID,
} from "./constants.js";
export { MemoryBackend } from "./memory-backend.js";
export type { BlockBackend, GuestMemory, InterruptLine, SharedDisk } from "./types.js";
export { QUEUE_NUM_MAX, VirtioBlk, type VirtioBlkOptions, type VirtioBlkState } from "./virtio-blk.js";
