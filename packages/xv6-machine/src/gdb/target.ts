/**
 * The registers a debugger sees, and the target description (gdb's XML) that names them: the
 * RISC-V 64 core feature (x0–x31 by their ABI names, pc), the virtual `priv` register, and the CSRs
 * a kernel developer looks at. Remote register numbers: x0–x31 are 0–31, pc 32, priv 33, then the
 * CSRs in the order below (gdb learns them from the description).
 */

const ABI = [
  "zero",
  "ra",
  "sp",
  "gp",
  "tp",
  "t0",
  "t1",
  "t2",
  "fp",
  "s1",
  "a0",
  "a1",
  "a2",
  "a3",
  "a4",
  "a5",
  "a6",
  "a7",
  "s2",
  "s3",
  "s4",
  "s5",
  "s6",
  "s7",
  "s8",
  "s9",
  "s10",
  "s11",
  "t3",
  "t4",
  "t5",
  "t6",
];

/** CSR names and numbers (from the privileged spec). */
export const CSRS: [string, number][] = [
  ["sstatus", 0x100],
  ["sie", 0x104],
  ["stvec", 0x105],
  ["scounteren", 0x106],
  ["senvcfg", 0x10a],
  ["sscratch", 0x140],
  ["sepc", 0x141],
  ["scause", 0x142],
  ["stval", 0x143],
  ["sip", 0x144],
  ["stimecmp", 0x14d],
  ["satp", 0x180],
  ["mstatus", 0x300],
  ["misa", 0x301],
  ["medeleg", 0x302],
  ["mideleg", 0x303],
  ["mie", 0x304],
  ["mtvec", 0x305],
  ["mcounteren", 0x306],
  ["menvcfg", 0x30a],
  ["mscratch", 0x340],
  ["mepc", 0x341],
  ["mcause", 0x342],
  ["mtval", 0x343],
  ["mip", 0x344],
  ["cycle", 0xc00],
  ["time", 0xc01],
  ["instret", 0xc02],
  ["mvendorid", 0xf11],
  ["marchid", 0xf12],
  ["mimpid", 0xf13],
  ["mhartid", 0xf14],
];

export const PC_REG = 32;
export const PRIV_REG = 33;
export const FIRST_CSR_REG = 34;
/** Registers in a `g` packet: x0–x31 and pc, as QEMU sends them. */
export const G_REGS = 33;

function typeOf(i: number): string {
  if (i === 1) return "code_ptr";
  if (i === 2 || i === 3 || i === 4 || i === 8) return "data_ptr";
  return "int";
}

export const TARGET_XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE target SYSTEM "gdb-target.dtd">',
  "<target>",
  "<architecture>riscv:rv64</architecture>",
  '<feature name="org.gnu.gdb.riscv.cpu">',
  ...ABI.map((n, i) => `<reg name="${n}" bitsize="64" type="${typeOf(i)}" regnum="${i}"/>`),
  `<reg name="pc" bitsize="64" type="code_ptr" regnum="${PC_REG}"/>`,
  "</feature>",
  '<feature name="org.gnu.gdb.riscv.virtual">',
  `<reg name="priv" bitsize="64" type="int" regnum="${PRIV_REG}"/>`,
  "</feature>",
  '<feature name="org.gnu.gdb.riscv.csr">',
  ...CSRS.map(
    ([n], i) => `<reg name="${n}" bitsize="64" type="int" regnum="${FIRST_CSR_REG + i}" group="system"/>`,
  ),
  "</feature>",
  "</target>",
].join("\n");
