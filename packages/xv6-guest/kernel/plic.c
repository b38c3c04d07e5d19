// The platform-level interrupt controller: routes the UART and disk
// interrupts to every hart's supervisor context.

#include "kernel.h"

#define REG(a) (*(volatile uint32 *)(a))

void
plic_init(void)
{
  REG(PLIC_PRIORITY + 4 * UART0_IRQ) = 1;
  REG(PLIC_PRIORITY + 4 * VIRTIO0_IRQ) = 1;
}

void
plic_inithart(void)
{
  int h = cpuid();
  REG(PLIC_SENABLE(h)) = (1 << UART0_IRQ) | (1 << VIRTIO0_IRQ);
  REG(PLIC_SPRIORITY(h)) = 0;   // threshold: accept every priority
}

int
plic_claim(void)
{
  return REG(PLIC_SCLAIM(cpuid()));
}

void
plic_complete(int irq)
{
  REG(PLIC_SCLAIM(cpuid())) = irq;
}
