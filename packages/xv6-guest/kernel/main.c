// Supervisor-mode entry on every hart. Hart 0 sets the kernel up; the
// others wait for it and then join the scheduler.

#include "kernel.h"

static volatile int kernel_ready = 0;

void
main(void)
{
  if(cpuid() == 0){
    console_init();
    printf_init();
    printf("\nxv6-guest kernel is booting\n\n");
    kinit();
    kvm_init();
    kvm_inithart();
    proc_init();
    trap_init();
    trap_inithart();
    plic_init();
    plic_inithart();
    binit();
    inode_init();
    file_init();
    pcache_init();
    vma_init();
    virtio_disk_init();
    userinit();
    __sync_synchronize();
    kernel_ready = 1;
  } else {
    // Said as soon as the console is up, while RAM is still being freed:
    // said later, a hart whose host thread runs late could say it after
    // the shell's first prompt.
    kinit_wait();
    printf("hart %d starting\n", cpuid());
    kinit_join();
    while(kernel_ready == 0)
      ;
    __sync_synchronize();
    kvm_inithart();
    trap_inithart();
    plic_inithart();
  }
  scheduler();
}
