export { Clint, clintState } from "./clint.js";
export { type Device, type InterruptTarget, MIP_MEIP, MIP_MSIP, MIP_MTIP, MIP_SEIP } from "./device.js";
export { buildFdt, type FdtNode, node, type PropValue } from "./fdt.js";
export { SharedLock } from "./lock.js";
export {
  CLINT_BASE,
  CLINT_SIZE,
  FINISHER_BASE,
  FINISHER_SIZE,
  PLIC_BASE,
  PLIC_SIZE,
  RAM_BASE,
  ROM_BASE,
  ROM_SIZE,
  UART_BASE,
  UART_IRQ,
  UART_SIZE,
  VIRTIO_BASE,
  VIRTIO_IRQ,
  VIRTIO_SIZE,
} from "./map.js";
export { PLIC_SOURCES, Plic, type PlicTarget, plicState } from "./plic.js";
export { type DmaRam, RamDma } from "./ram-dma.js";
export { type BoardDescription, BootRom, deviceTree, Finisher } from "./rom.js";
export { type RunEnd, type RunnableHart, type RunOptions, runHarts, StepClock } from "./run.js";
export { type IrqLine, Uart16550, type UartState } from "./uart.js";
