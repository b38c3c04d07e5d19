/**
 * The host side of the console. On a TTY: raw mode, with Ctrl-A X to quit and Ctrl-A Ctrl-A to
 * send a Ctrl-A, as in QEMU; the terminal is restored on exit (signals included) and on a crash.
 * Otherwise (a pipe or file) every byte of stdin is typed into the guest.
 */
export class Terminal {
  quitRequested = false;
  /** Ctrl-A S was typed (save a snapshot); whoever saves clears it. */
  saveRequested = false;
  /** Set when stdin (a pipe or file) has ended: nothing more will be typed. */
  inputEnded = false;
  private restored = false;
  private readonly raw: boolean;
  private onData: ((chunk: Buffer) => void) | undefined;

  private constructor(onInput: ((bytes: Uint8Array) => void) | undefined) {
    const stdin = process.stdin;
    this.raw = onInput !== undefined && stdin.isTTY === true;
    if (!onInput) return;
    if (this.raw) stdin.setRawMode(true);
    let pendingEscape = false;
    const onData = (chunk: Buffer) => {
      if (!this.raw) {
        onInput(new Uint8Array(chunk));
        return;
      }
      const keep: number[] = [];
      for (const b of chunk) {
        if (pendingEscape) {
          pendingEscape = false;
          if (b === 0x78 || b === 0x58)
            this.quitRequested = true; // x or X
          else if (b === 0x01) keep.push(0x01);
          else if (b === 0x73 || b === 0x53)
            this.saveRequested = true; // s or S
          else if (b === 0x68 || b === 0x48)
            process.stderr.write(
              "\r\nC-a x  quit\r\nC-a s  save a snapshot (--save)\r\nC-a C-a  send C-a\r\n",
            );
        } else if (b === 0x01) pendingEscape = true;
        else keep.push(b);
      }
      if (keep.length > 0) onInput(Uint8Array.from(keep));
    };
    stdin.on("data", onData);
    stdin.once("end", () => {
      this.inputEnded = true;
    });
    this.onData = onData;
    stdin.resume();
    // The command's signal handlers end the process with process.exit, which comes through here.
    process.once("exit", () => this.restore());
    process.once("uncaughtException", (e) => {
      this.restore();
      process.stderr.write(`xv6-machine: internal error: ${e.stack ?? e}\n`);
      process.exit(70);
    });
  }

  /** Reads stdin and types it into the guest. */
  static attach(onInput: (bytes: Uint8Array) => void): Terminal {
    return new Terminal(onInput);
  }

  /** Leaves stdin alone (scripted runs). */
  static forwardOnly(): Terminal {
    return new Terminal(undefined);
  }

  restore(): void {
    if (this.restored) return;
    this.restored = true;
    if (this.onData) process.stdin.off("data", this.onData);
    if (this.raw && process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdin.pause();
  }
}
