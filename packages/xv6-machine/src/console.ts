import type { GdbStub } from "./gdb/stub.js";
import type { Machine } from "./machine.js";
import { Terminal } from "./terminal.js";

export interface ConsoleOptions {
  /** Wall-clock limit in milliseconds; `onTimeout` gives the exit status then. */
  timeoutMs?: number;
  onTimeout?: () => number;
  /** The exit status once the machine is done (powered off, panicked), else undefined. */
  finished: () => number | undefined;
  stub?: GdbStub;
  /**
   * When stdin is a pipe or file that has ended, stop (with 0) once everything typed has been
   * read and the shell waits at its prompt again, as after the last --cmd.
   */
  endWithInput?: boolean;
  /** Called on Ctrl-A S, between slices. */
  onSave?: () => void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs a machine with its console on this process's terminal (Ctrl-A X quits, which gives 0) or
 * pipe, until it is done; a debugger's stub, if any, holds and releases it. Returns the exit status.
 */
export async function runConsole(machine: Machine, o: ConsoleOptions): Promise<number> {
  const started = performance.now();
  const timeoutMs = o.timeoutMs ?? Number.POSITIVE_INFINITY;
  const stub = o.stub;
  const term = Terminal.attach((bytes) => machine.type(bytes));
  try {
    for (;;) {
      const code = o.finished();
      if (code !== undefined) {
        if (stub?.connected && machine.powerOff !== undefined) {
          stub.exited(machine.powerOff);
          await sleep(20);
        }
        return code;
      }
      if (term.quitRequested) return 0;
      if (term.saveRequested) {
        term.saveRequested = false;
        o.onSave?.();
      }
      if (o.endWithInput && term.inputEnded && machine.atPrompt()) {
        process.stdout.write("\n");
        return 0;
      }
      if (performance.now() - started >= timeoutMs) return o.onTimeout?.() ?? 3;
      if (stub?.holding) {
        // Stopped for the debugger; look at Ctrl-A X and the timeout now and then.
        await Promise.race([stub.whenRunning(), sleep(100)]);
        continue;
      }
      const r = machine.runSlice(500_000);
      stub?.afterSlice();
      if (r === "halted") stub?.halted();
      else if (r === "idle")
        await sleep(machine.clockMode === "realtime" ? Math.max(1, machine.idleDelayMs()) : 10);
      else await new Promise((res) => setImmediate(res));
    }
  } finally {
    term.restore();
  }
}
