// Traps: system calls, interrupts and exceptions, from user mode
// (through the trampoline) and from supervisor mode (kernelvec).

#include "kernel.h"

struct spinlock tickslock;
uint ticks;

extern char trampoline[], uservec[], userret[];
void kernelvec(void);
void usertrap(void);

#define CSR_STIMECMP 0x14d
// Timer interrupt period: 1,000,000 ticks of the 10 MHz time base.
#define TICK_INTERVAL 1000000UL

#define SCAUSE_INTR         (1UL << 63)
#define SCAUSE_SSOFT        (SCAUSE_INTR | 1)
#define SCAUSE_STIMER       (SCAUSE_INTR | 5)
#define SCAUSE_SEXT         (SCAUSE_INTR | 9)
#define SCAUSE_ECALL_U      8
#define SCAUSE_FETCH_PF     12
#define SCAUSE_LOAD_PF      13
#define SCAUSE_STORE_PF     15
#define SIP_SSIP            (1UL << 1)

void
trap_init(void)
{
  lock_init(&tickslock, "ticks");
}

void
trap_inithart(void)
{
  csr_write(stvec, (uint64)kernelvec);
  timer_arm();
}

// Ask for the next timer interrupt on this hart.
void
timer_arm(void)
{
  csr_write(0x14d, csr_read(time) + TICK_INTERVAL);
}

static void
clock_tick(void)
{
  if(cpuid() == 0){
    acquire(&tickslock);
    ticks++;
    wakeup(&ticks);
    release(&tickslock);
  }
  timer_arm();
}

// Handle a device or timer interrupt. Returns 2 for the timer, 1 for
// another device, 0 if scause is not an interrupt we know.
static int
devintr(uint64 scause)
{
  if(scause == SCAUSE_SEXT){
    int irq = plic_claim();
    if(irq == UART0_IRQ)
      uart_intr();
    else if(irq == VIRTIO0_IRQ)
      virtio_disk_intr();
    else if(irq)
      printf("devintr: unexpected irq %d\n", irq);
    if(irq)
      plic_complete(irq);
    return 1;
  }
  if(scause == SCAUSE_SSOFT){
    // Another hart made a process runnable (kick_idle); the scheduler
    // looks again when this trap returns to it.
    csr_clear(sip, SIP_SSIP);
    return 1;
  }
  if(scause == SCAUSE_STIMER){
    clock_tick();
    return 2;
  }
  return 0;
}

static const char *
cause_name(uint64 scause)
{
  switch(scause){
  case 0: return "instruction address misaligned";
  case 1: return "instruction access fault";
  case 2: return "illegal instruction";
  case 3: return "breakpoint";
  case 4: return "load address misaligned";
  case 5: return "load access fault";
  case 6: return "store address misaligned";
  case 7: return "store access fault";
  case 12: return "instruction page fault";
  case 13: return "load page fault";
  case 15: return "store page fault";
  default: return "unknown trap";
  }
}

static int
fault_access(uint64 scause)
{
  if(scause == SCAUSE_STORE_PF)
    return FAULT_WRITE;
  return scause == SCAUSE_FETCH_PF ? FAULT_EXEC : FAULT_READ;
}

// Entered from the trampoline's uservec, on the process's kernel stack.
void
usertrap(void)
{
  if(csr_read(sstatus) & SSTATUS_SPP)
    panic("usertrap: not from user mode");
  csr_write(stvec, (uint64)kernelvec);   // we are in the kernel now

  struct proc *p = myproc();
  fp_enter(p);
  p->trapframe->epc = csr_read(sepc);
  uint64 scause = csr_read(scause);
  int which = 0;

  if(scause == SCAUSE_ECALL_U){
    if(killed(p))
      exit(-1);
    p->trapframe->epc += 4;   // return after the ecall
    intr_on();
    syscall();
  } else if((which = devintr(scause)) != 0){
    // handled
  } else if((scause == SCAUSE_FETCH_PF || scause == SCAUSE_LOAD_PF ||
             scause == SCAUSE_STORE_PF) && uvm_fault(csr_read(stval), fault_access(scause)) == 0){
    // a lazily allocated, mapped or copy-on-write page is now there
  } else {
    printf("pid %d %s: %s (scause 0x%lx) at pc 0x%lx, address 0x%lx: killed\n",
           p->pid, p->name, cause_name(scause), scause,
           csr_read(sepc), csr_read(stval));
    setkilled(p);
  }

  if(killed(p))
    exit(-1);
  if(which == 2)
    yield();
  usertrapret();
}

// Return to user mode through the trampoline.
void
usertrapret(void)
{
  struct proc *p = myproc();

  // From here until sret, a trap would go to uservec with the wrong
  // state; keep interrupts off.
  intr_off();
  fp_leave(p);
  csr_write(stvec, TRAMPOLINE + (uservec - trampoline));

  p->trapframe->kernel_satp = csr_read(satp);
  p->trapframe->kernel_sp = p->kstack + PGSIZE;
  p->trapframe->kernel_trap = (uint64)usertrap;
  p->trapframe->kernel_hartid = reg_read(tp);

  uint64 st = csr_read(sstatus);
  st &= ~SSTATUS_SPP;     // sret to user mode
  st |= SSTATUS_SPIE;     // with interrupts on
  csr_write(sstatus, st);
  csr_write(sepc, p->trapframe->epc);

  uint64 satp = MAKE_SATP(p->pagetable);
  void (*ret)(uint64) = (void (*)(uint64))(TRAMPOLINE + (userret - trampoline));
  ret(satp);
  for(;;)
    ;
}

// Traps from supervisor mode, via kernelvec, on the current kernel stack.
void
kerneltrap(void)
{
  uint64 sepc = csr_read(sepc);
  uint64 sstatus = csr_read(sstatus);
  uint64 scause = csr_read(scause);

  if((sstatus & SSTATUS_SPP) == 0)
    panic("kerneltrap: not from supervisor mode");
  if(intr_get())
    panic("kerneltrap: interrupts on");

  int which = devintr(scause);
  if(which == 0){
    printf("kernel trap: %s (scause 0x%lx) at pc 0x%lx, address 0x%lx\n",
           cause_name(scause), scause, sepc, csr_read(stval));
    panic("kerneltrap");
  }
  if(which == 2 && myproc() != 0)
    yield();

  // yield() may have taken other traps; restore ours for sret.
  csr_write(sepc, sepc);
  csr_write(sstatus, sstatus);
}
