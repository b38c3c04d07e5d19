/**
 * qemu-system-riscv64's command line, as xv6's Makefiles (2019–2025) write it, turned into what
 * our machine needs. Anything else QEMU knows but we do not implement is refused by name.
 */

export class QemuUsageError extends Error {}

export interface QemuConfig {
  kernel?: string;
  memMiB: number;
  cpus: number;
  drive?: { file: string; format: string };
  /** A virtio-blk-device is attached to the drive. */
  disk: boolean;
  legacy: boolean;
  snapshot: boolean;
  /** -S: harts wait for the debugger. */
  waitGdb: boolean;
  gdb?: { host?: string; port: number };
  clock: "deterministic" | "realtime";
  engine: "jit" | "interp";
  show?: "help" | "version";
}

/** Known to QEMU, offered by some lab Makefiles, and not implemented here; each takes a value. */
const UNSUPPORTED = new Set([
  "netdev",
  "object",
  "append",
  "initrd",
  "display",
  "cpu",
  "chardev",
  "D",
  "d",
  "name",
  "rtc",
]);
/** Options that take a value: ours, and the refused ones (whose refusal then names the value too). */
const WITH_VALUE = new Set([
  "machine",
  "M",
  "bios",
  "kernel",
  "m",
  "smp",
  "serial",
  "monitor",
  "drive",
  "device",
  "global",
  "gdb",
  "icount",
  "accel",
  "clock",
  "engine",
  ...UNSUPPORTED,
]);
const FLAGS = new Set([
  "nographic",
  "snapshot",
  "S",
  "s",
  "help",
  "h",
  "version",
  "no-reboot",
  "no-shutdown",
]);

/** `key=value,key=value` (a leading bare word is returned under ""). */
function props(s: string): Map<string, string> {
  const m = new Map<string, string>();
  s.split(",").forEach((part, i) => {
    const eq = part.indexOf("=");
    if (eq < 0) m.set(i === 0 ? "" : part, i === 0 ? part : "on");
    else m.set(part.slice(0, eq), part.slice(eq + 1));
  });
  return m;
}

/** QEMU's -m: `128M`, `1G`, `512` (MiB), `size=128M`. */
function memSize(v: string): number {
  const s = props(v).get("size") ?? props(v).get("") ?? v;
  const m = /^(\d+)([MmGg]?)[Bb]?$/.exec(s);
  if (!m) throw new QemuUsageError(`-m ${v}: expected a size such as 128M or 1G`);
  const n = Number(m[1]) * (m[2].toLowerCase() === "g" ? 1024 : 1);
  if (n < 16 || n > 2048) throw new QemuUsageError(`-m ${v}: xv6-qemu supports 16M to 2G`);
  return n;
}

function smp(v: string): number {
  const p = props(v);
  const s = p.get("cpus") ?? p.get("") ?? "";
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 8)
    throw new QemuUsageError(`-smp ${v}: xv6-qemu supports 1 to 8 harts`);
  return Number(s);
}

function gdbAddress(v: string): { host?: string; port: number } {
  const m = /^tcp:([^:]*):(\d+)$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535)
    throw new QemuUsageError(`-gdb ${v}: expected tcp::PORT or tcp:HOST:PORT`);
  return { host: m[1] === "" ? undefined : m[1], port: Number(m[2]) };
}

export function parseQemuArgs(argv: string[]): QemuConfig {
  const cfg: QemuConfig = {
    memMiB: 128,
    cpus: 1,
    disk: false,
    legacy: true,
    snapshot: false,
    waitGdb: false,
    clock: "realtime",
    engine: "jit",
  };
  const drives = new Map<string, { file: string; format: string }>();
  const devices: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "-" || arg === "--") {
      throw new QemuUsageError(`${arg}: unexpected argument (a kernel is given with -kernel FILE)`);
    }
    const name = arg.replace(/^--?/, "");
    if (FLAGS.has(name)) {
      if (name === "help" || name === "h") cfg.show = "help";
      else if (name === "version") cfg.show = "version";
      else if (name === "snapshot") cfg.snapshot = true;
      else if (name === "S") cfg.waitGdb = true;
      else if (name === "s") cfg.gdb = { port: 1234 };
      continue;
    }
    if (!WITH_VALUE.has(name)) throw new QemuUsageError(`${arg}: option not supported by xv6-qemu`);
    const value = argv[++i];
    if (value === undefined) throw new QemuUsageError(`${arg} needs a value`);
    if (UNSUPPORTED.has(name)) throw new QemuUsageError(`${arg} ${value}: option not supported by xv6-qemu`);
    switch (name) {
      case "machine":
      case "M":
        if (props(value).get("") !== "virt") {
          throw new QemuUsageError(`${arg} ${value}: xv6-qemu has only the virt machine`);
        }
        break;
      case "bios":
        if (value !== "none")
          throw new QemuUsageError(`-bios ${value}: xv6-qemu runs kernels with -bios none only`);
        break;
      case "kernel":
        cfg.kernel = value;
        break;
      case "m":
        cfg.memMiB = memSize(value);
        break;
      case "smp":
        cfg.cpus = smp(value);
        break;
      case "serial":
        if (value !== "mon:stdio" && value !== "stdio")
          throw new QemuUsageError(`-serial ${value}: xv6-qemu supports mon:stdio and stdio`);
        break;
      case "monitor":
        if (value !== "none" && value !== "stdio")
          throw new QemuUsageError(`-monitor ${value}: xv6-qemu has no monitor (use -monitor none)`);
        break;
      case "drive": {
        const p = props(value);
        const file = p.get("file");
        if (file === undefined || file === "") throw new QemuUsageError(`-drive ${value}: needs file=IMAGE`);
        const format = p.get("format") ?? "raw";
        if (format !== "raw") throw new QemuUsageError(`-drive ${value}: xv6-qemu reads raw images only`);
        const where = p.get("if") ?? "none";
        if (where !== "none") throw new QemuUsageError(`-drive ${value}: xv6-qemu supports if=none only`);
        drives.set(p.get("id") ?? "", { file, format });
        break;
      }
      case "device":
        devices.push(value);
        break;
      case "global": {
        const m = /^virtio-mmio\.force-legacy=(true|false|on|off)$/.exec(value);
        if (!m) throw new QemuUsageError(`-global ${value}: not supported by xv6-qemu`);
        cfg.legacy = m[1] === "true" || m[1] === "on";
        break;
      }
      case "gdb":
        cfg.gdb = gdbAddress(value);
        break;
      case "icount":
        // Instruction counting: QEMU's deterministic time, which our deterministic clock is.
        cfg.clock = "deterministic";
        break;
      case "accel":
        if (props(value).get("") !== "tcg")
          throw new QemuUsageError(`-accel ${value}: xv6-qemu emulates (tcg) only`);
        break;
      case "clock":
        if (value !== "deterministic" && value !== "realtime")
          throw new QemuUsageError(`--clock must be deterministic or realtime, got '${value}'`);
        cfg.clock = value;
        break;
      case "engine":
        if (value !== "jit" && value !== "interp")
          throw new QemuUsageError(`--engine must be jit or interp, got '${value}'`);
        cfg.engine = value;
        break;
    }
  }
  if (devices.length > 1)
    throw new QemuUsageError(`-device ${devices[1]}: xv6-qemu has one virtio-mmio disk`);
  for (const d of devices) {
    const p = props(d);
    if (p.get("") !== "virtio-blk-device")
      throw new QemuUsageError(`-device ${p.get("")}: device not supported by xv6-qemu`);
    const id = p.get("drive") ?? "";
    const drive = drives.get(id);
    if (drive === undefined) throw new QemuUsageError(`-device ${d}: no -drive with id=${id}`);
    const bus = p.get("bus");
    if (bus !== undefined && bus !== "virtio-mmio-bus.0")
      throw new QemuUsageError(`-device ${d}: xv6-qemu has only virtio-mmio-bus.0`);
    cfg.drive = drive;
    cfg.disk = true;
  }
  if (cfg.show === undefined && cfg.kernel === undefined)
    throw new QemuUsageError("-kernel FILE is required");
  return cfg;
}

export const QEMU_HELP = `usage: xv6-qemu [options]
xv6-machine's stand-in for qemu-system-riscv64, for xv6's Makefiles (make QEMU=xv6-qemu qemu).

-machine virt      the board (QEMU's virt; the only one)
-bios none         no firmware: the kernel starts at 0x80000000 in M-mode
-kernel FILE       the kernel ELF
-m SIZE            RAM, e.g. 128M or 1G (default 128M)
-smp N             harts, 1 to 8 (also cpus=N)
-nographic         console on stdio (the only display); Ctrl-A X quits
-serial mon:stdio  accepted (the console is on stdio)
-monitor none      accepted
-drive file=F,if=none,format=raw,id=ID
-device virtio-blk-device,drive=ID,bus=virtio-mmio-bus.0
-global virtio-mmio.force-legacy=true|false   (default true, as in QEMU)
-snapshot          the guest's writes stay in memory; the image is left as it was
-S                 harts halted until the debugger continues them
-gdb tcp::PORT     GDB remote stub on PORT (also tcp:HOST:PORT)
-s                 shorthand for -gdb tcp::1234
-icount ...        deterministic time (our deterministic clock)
-accel tcg         accepted
--clock deterministic|realtime   time source (default realtime, as QEMU; with -smp 2 or more,
                                 real time runs each hart on its own thread, unless -gdb)
--engine jit|interp              execution engine (default jit)
-version           version
-help              this text
`;
