/** The messages between the page and the machine's worker. */
import type { Engine, Status } from "./session.js";

/** Where the worker fetches the shipped guest from (URLs the page resolves against itself). */
export interface Assets {
  kernel: string;
  fs: string;
  snapshot: string;
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export type ToWorker =
  | { type: "start"; assets: Assets; cold: boolean; cpus: number; engine: Engine }
  | { type: "boot"; cpus: number; engine: Engine; kernel?: Uint8Array; disk?: Uint8Array }
  | { type: "restore"; snapshot: Uint8Array; engine: Engine }
  | { type: "engine"; engine: Engine }
  | { type: "input"; data: string }
  | { type: "reset"; cpus: number; engine: Engine }
  | { type: "power-off" }
  | { type: "add-files"; files: NamedBytes[] }
  | { type: "save"; id: number }
  | { type: "disk"; id: number };

export type FromWorker =
  | { type: "output"; bytes: Uint8Array }
  /** Clear the terminal and show `text` (a restored machine's console so far). */
  | { type: "screen"; text: string }
  | { type: "progress"; text: string }
  | { type: "status"; status: Status }
  | { type: "error"; message: string }
  | { type: "saved"; id: number; bytes: Uint8Array }
  | { type: "disk"; id: number; bytes: Uint8Array | undefined };
