// Physical and virtual memory layout (QEMU virt, as xv6 uses it).
//
// Physical:
//   0x00001000  boot ROM
//   0x02000000  CLINT
//   0x0C000000  PLIC
//   0x10000000  UART 16550
//   0x10001000  virtio-mmio block device
//   0x80000000  RAM; the kernel is loaded here (KERNBASE)
//
// Kernel virtual memory maps RAM and devices at their physical
// addresses, and puts the trampoline and per-process kernel stacks
// (each below a guard page) at the top of the address space.
//
// User virtual memory, from 0: text and data, a guard page, the stack,
// the heap (grown by sbrk), ... , TRAPFRAME, TRAMPOLINE.
#ifndef XV6G_MEMLAYOUT_H
#define XV6G_MEMLAYOUT_H

#include "riscv.h"

#define UART0      0x10000000L
#define UART0_IRQ  10

#define VIRTIO0     0x10001000L
#define VIRTIO0_IRQ 1

#define CLINT              0x2000000L
#define CLINT_MTIMECMP(h)  (CLINT + 0x4000 + 8*(h))
#define CLINT_MTIME        (CLINT + 0xBFF8)

#define PLIC               0x0c000000L
#define PLIC_PRIORITY      (PLIC + 0x0)
#define PLIC_PENDING       (PLIC + 0x1000)
#define PLIC_MENABLE(h)    (PLIC + 0x2000 + (h)*0x100)
#define PLIC_SENABLE(h)    (PLIC + 0x2080 + (h)*0x100)
#define PLIC_MPRIORITY(h)  (PLIC + 0x200000 + (h)*0x2000)
#define PLIC_SPRIORITY(h)  (PLIC + 0x201000 + (h)*0x2000)
#define PLIC_MCLAIM(h)     (PLIC + 0x200004 + (h)*0x2000)
#define PLIC_SCLAIM(h)     (PLIC + 0x201004 + (h)*0x2000)

#define KERNBASE 0x80000000L
#define PHYSTOP  (KERNBASE + 128*1024*1024)

// The trampoline page (trap entry/exit code) sits at the very top of
// both user and kernel address spaces.
#define TRAMPOLINE (MAXVA - PGSIZE)

// Kernel stack of process slot p, below the trampoline, each followed
// (downwards) by an unmapped guard page.
#define KSTACK(p) (TRAMPOLINE - ((p)+1)* 2*PGSIZE)

// Each process's trap frame lives just below the trampoline in its
// user address space.
#define TRAPFRAME (TRAMPOLINE - PGSIZE)

#endif
