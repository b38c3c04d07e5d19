// The CLINT lives in @xv6-machine/devices with the board's other devices; re-exported for old imports.
export { Clint, type InterruptTarget } from "@xv6-machine/devices";
export { BareMachine, type BareOptions, type BareResult, runBare } from "./bare.js";
export { type Bus, type Device, PAGE_SLOTS, Ram, type RamShare, SimpleBus, shareRamState } from "./bus.js";
export { EngineMismatch, hartDiff, ramDiff } from "./check.js";
export {
  DebugPoints,
  HALT_BREAK,
  HALT_NONE,
  HALT_WATCH,
  type WatchKind,
  type Watchpoint,
} from "./debug.js";
export { type Decoded, decode } from "./decode.js";
export { type Elf, ElfError, type ElfSegment, loadSegments, parseElf } from "./elf.js";
export { buildElf, type ElfImage } from "./elf-write.js";
export { type Clock, type Engine, Hart, type HartOptions, type HartState } from "./hart.js";
export { CodeCache, type JitStats } from "./jit.js";
export { ACCESS_FAULT, Access, BareMmu, type Mmu, PAGE_FAULT, type TranslateRequest } from "./mmu.js";
export * from "./state.js";
