/* The little runtime every bare-metal program shares: MMIO and CSR access,
 * the board's addresses, polled UART output, number printing and power-off.
 * Addresses are those of QEMU's virt board (DESIGN.md, "The machine
 * contract"). */
#ifndef RT_H
#define RT_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long u64;
typedef unsigned long uptr;

#define FINISHER   0x100000UL
#define CLINT      0x2000000UL
#define CLINT_MSIP(h)     (CLINT + 4 * (h))
#define CLINT_MTIMECMP(h) (CLINT + 0x4000 + 8 * (h))
#define CLINT_MTIME       (CLINT + 0xbff8)
#define PLIC       0xc000000UL
#define PLIC_PRIORITY(irq)    (PLIC + 4 * (irq))
#define PLIC_PENDING(word)    (PLIC + 0x1000 + 4 * (word))
#define PLIC_ENABLE(ctx)      (PLIC + 0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx)   (PLIC + 0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx)       (PLIC + 0x200004 + 0x1000 * (ctx))
#define UART       0x10000000UL
#define VIRTIO     0x10001000UL
#define UART_IRQ   10
#define VIRTIO_IRQ 1

/* 16550 registers (byte wide, no shift) and bits, from the datasheet. */
#define UART_RBR 0 /* read, DLAB = 0 */
#define UART_THR 0 /* write, DLAB = 0 */
#define UART_DLL 0 /* DLAB = 1 */
#define UART_IER 1 /* DLAB = 0 */
#define UART_DLM 1 /* DLAB = 1 */
#define UART_IIR 2 /* read */
#define UART_FCR 2 /* write */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_MSR 6
#define UART_SCR 7
#define IER_RDA  0x01 /* received data available */
#define IER_THRE 0x02 /* transmitter holding register empty */
#define LSR_DR   0x01
#define LSR_THRE 0x20
#define LSR_TEMT 0x40
#define LCR_DLAB 0x80
#define LCR_8N1  0x03
#define IIR_NO_INT  0x01
#define IIR_ID_MASK 0x0e
#define IIR_THRE    0x02
#define IIR_RDA     0x04
#define IIR_TIMEOUT 0x0c

/* CSR bits (RISC-V privileged spec). */
#define MSTATUS_SIE  (1UL << 1)
#define MSTATUS_MIE  (1UL << 3)
#define MSTATUS_SPIE (1UL << 5)
#define MSTATUS_MPIE (1UL << 7)
#define MSTATUS_SPP  (1UL << 8)
#define MSTATUS_MPP_MASK (3UL << 11)
#define MSTATUS_MPP_S    (1UL << 11)
#define MIP_SSIP (1UL << 1)
#define MIP_MSIP (1UL << 3)
#define MIP_STIP (1UL << 5)
#define MIP_MTIP (1UL << 7)
#define MIP_SEIP (1UL << 9)
#define MIP_MEIP (1UL << 11)
#define CAUSE_INTR (1UL << 63)

#define csr_read(csr) ({ u64 v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, val) __asm__ volatile("csrw " #csr ", %0" : : "r"((u64)(val)) : "memory")
#define csr_set(csr, val) __asm__ volatile("csrs " #csr ", %0" : : "r"((u64)(val)) : "memory")
#define csr_clear(csr, val) __asm__ volatile("csrc " #csr ", %0" : : "r"((u64)(val)) : "memory")

/* Traps land in functions declared with these attributes (mtvec/stvec need
 * 4-byte alignment). */
#define M_TRAP __attribute__((interrupt("machine"), aligned(4)))
#define S_TRAP __attribute__((interrupt("supervisor"), aligned(4)))

static inline u8 rd8(uptr a) { return *(volatile u8 *)a; }
static inline u32 rd32(uptr a) { return *(volatile u32 *)a; }
static inline u64 rd64(uptr a) { return *(volatile u64 *)a; }
static inline void wr8(uptr a, u8 v) { *(volatile u8 *)a = v; }
static inline void wr32(uptr a, u32 v) { *(volatile u32 *)a = v; }
static inline void wr64(uptr a, u64 v) { *(volatile u64 *)a = v; }
static inline void fence(void) { __asm__ volatile("fence" : : : "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" : : : "memory"); }

static inline u8 uart_rd(int reg) { return rd8(UART + reg); }
static inline void uart_wr(int reg, u8 v) { wr8(UART + reg, v); }

void putc(char c);
void puts(const char *s); /* no newline added */
void putdec(u64 v);
void puthex(u64 v);        /* 0x..., no leading zeros */
void puthex_n(u64 v, int digits);
void put_bytes(const u8 *p, int n); /* "xx xx xx ..." */
int streq(const char *a, const char *b);
void *memset(void *d, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);

/* Opens physical memory to S- and U-mode: PMP entry 0, NAPOT, RWX. */
void pmp_allow_all(void);
/* Continues in S-mode at fn with interrupts as set by the caller; never returns. */
__attribute__((noreturn)) void enter_supervisor(void (*fn)(void));

/* Waits for the transmitter to drain, then writes the finisher: 0 = pass
 * (0x5555), else fail with code (0x3333 | code << 16). */
__attribute__((noreturn)) void poweroff(int code);
__attribute__((noreturn)) void fail(const char *why);

#endif
