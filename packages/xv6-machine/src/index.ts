export { buildFdt, type FdtNode, node, type PropValue } from "./fdt.js";
export { GdbStub, type GdbStubOptions } from "./gdb/stub.js";
export {
  CLINT_BASE,
  type ClockMode,
  type DebugStop,
  FINISHER_BASE,
  GuestFailure,
  GuestStuck,
  Machine,
  MachineError,
  type MachineOptions,
  PLIC_BASE,
  RAM_BASE,
  type SliceResult,
  STEPS_PER_TICK,
  UART_BASE,
  UART_IRQ,
  VIRTIO_BASE,
  VIRTIO_IRQ,
  type WaitOptions,
} from "./machine.js";
export { Plic, type PlicTarget } from "./plic.js";
export { BootRom, deviceTree, Finisher, ROM_BASE, ROM_SIZE } from "./rom.js";
export { type IrqLine, Uart16550 } from "./uart.js";
