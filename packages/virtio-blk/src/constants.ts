// Facts from the virtio 1.x specification (virtio-mmio transport, split virtqueues, block device).

/** Register offsets of the virtio-mmio transport, relative to the device base. */
export const Reg = {
  MagicValue: 0x000,
  Version: 0x004,
  DeviceId: 0x008,
  VendorId: 0x00c,
  DeviceFeatures: 0x010, // "HostFeatures" in the legacy interface
  DeviceFeaturesSel: 0x014,
  DriverFeatures: 0x020, // "GuestFeatures" in the legacy interface
  DriverFeaturesSel: 0x024,
  GuestPageSize: 0x028, // legacy only
  QueueSel: 0x030,
  QueueNumMax: 0x034,
  QueueNum: 0x038,
  QueueAlign: 0x03c, // legacy only
  QueuePfn: 0x040, // legacy only
  QueueReady: 0x044, // modern only
  QueueNotify: 0x050,
  InterruptStatus: 0x060,
  InterruptAck: 0x064,
  Status: 0x070,
  QueueDescLow: 0x080,
  QueueDescHigh: 0x084,
  QueueDriverLow: 0x090,
  QueueDriverHigh: 0x094,
  QueueDeviceLow: 0x0a0,
  QueueDeviceHigh: 0x0a4,
  ShmSel: 0x0ac,
  ShmLenLow: 0x0b0,
  ShmLenHigh: 0x0b4,
  ShmBaseLow: 0x0b8,
  ShmBaseHigh: 0x0bc,
  ConfigGeneration: 0x0fc,
  Config: 0x100,
} as const;

/** Size of one virtio-mmio slot on QEMU's virt board. */
export const MMIO_SIZE = 0x1000;

export const MAGIC = 0x74726976; // "virt"
export const VENDOR_ID = 0x554d4551; // "QEMU", which xv6 checks for
export const DEVICE_ID_BLOCK = 2;

/** Device status bits. */
export const Status = {
  Acknowledge: 1,
  Driver: 2,
  DriverOk: 4,
  FeaturesOk: 8,
  DeviceNeedsReset: 64,
  Failed: 128,
} as const;

/** Feature bit numbers. */
export const Feature = {
  BlkSizeMax: 1,
  BlkSegMax: 2,
  BlkRo: 5,
  BlkBlkSize: 6,
  BlkFlush: 9,
  RingIndirectDesc: 28,
  RingEventIdx: 29,
  Version1: 32,
} as const;

/** InterruptStatus bits. */
export const Interrupt = { UsedBuffer: 1, ConfigChange: 2 } as const;

/** virtq_desc.flags */
export const Desc = { Next: 1, Write: 2, Indirect: 4 } as const;

/** virtq_avail.flags: the driver asks not to be interrupted. */
export const AVAIL_NO_INTERRUPT = 1;

/** virtio_blk_req.type */
export const Request = { In: 0, Out: 1, Flush: 4, GetId: 8 } as const;

/** The status byte the device writes at the end of each request. */
export const BlkStatus = { Ok: 0, IoErr: 1, Unsupp: 2 } as const;

export const SECTOR_SIZE = 512;
export const ID_BYTES = 20;
