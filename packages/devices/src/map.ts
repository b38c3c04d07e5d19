/** QEMU's `virt` board as xv6 uses it: where each device sits, how big its slot is, its PLIC line. */
export const ROM_BASE = 0x1000;
export const ROM_SIZE = 0xf000;
export const FINISHER_BASE = 0x10_0000;
export const FINISHER_SIZE = 0x1000;
export const CLINT_BASE = 0x200_0000;
export const CLINT_SIZE = 0x1_0000;
export const PLIC_BASE = 0xc00_0000;
export const PLIC_SIZE = 0x400_0000;
export const UART_BASE = 0x1000_0000;
export const UART_SIZE = 0x100;
export const VIRTIO_BASE = 0x1000_1000;
export const VIRTIO_SIZE = 0x1000;
export const RAM_BASE = 0x8000_0000;
export const UART_IRQ = 10;
export const VIRTIO_IRQ = 1;
