/** An interrupt line into the PLIC: each call with `true` is an assertion the PLIC latches. */
export interface IrqLine {
  set(level: boolean): void;
}

// Register offsets (register shift 0, as on QEMU's virt board).
const RBR_THR_DLL = 0;
const IER_DLM = 1;
const IIR_FCR = 2;
const LCR = 3;
const MCR = 4;
const LSR = 5;
const MSR = 6;
const SCR = 7;

const IER_RDI = 1;
const IER_THRI = 2;
const IER_RLSI = 4;
const IER_MSI = 8;

const IIR_NONE = 1;
const IIR_THRI = 2;
const IIR_RDI = 4;
const IIR_RLSI = 6;
const IIR_FIFO = 0xc0;

const LSR_DR = 1;
const LSR_OE = 2;
const LSR_THRE = 0x20;
const LSR_TEMT = 0x40;

const LCR_DLAB = 0x80;
const MCR_LOOP = 0x10;
const FCR_ENABLE = 1;
const FCR_CLEAR_RX = 2;

const FIFO_SIZE = 16;

/**
 * A 16550A UART. Output is instantaneous (the transmitter empties at once and raises its THR-empty
 * interrupt again); input arrives through `receive` into a 16-byte FIFO. Interrupt behaviour follows
 * the datasheet the way QEMU's model does, which is what xv6 (every version) relies on.
 */
/** What Uart16550.saveState returns: plain data, JSON-safe. */
export interface UartState {
  rx: number[];
  /** IER, IIR, LCR, MCR, LSR, SCR, DLL, DLM. */
  regs: number[];
  fifoEnabled: boolean;
  thrPending: boolean;
}

export class Uart16550 {
  private readonly irq: IrqLine;
  private readonly out: (byte: number) => void;
  private readonly rx: number[] = [];
  private ier = 0;
  private iir = IIR_NONE;
  private lcr = 0;
  private mcr = 0;
  private lsr = LSR_THRE | LSR_TEMT;
  private scr = 0;
  private dll = 0;
  private dlm = 0;
  private fifoEnabled = false;
  private thrPending = false;

  constructor(irq: IrqLine, out: (byte: number) => void) {
    this.irq = irq;
    this.out = out;
  }

  /** The registers and the receive FIFO, for machine snapshots. */
  saveState(): UartState {
    return {
      rx: [...this.rx],
      regs: [this.ier, this.iir, this.lcr, this.mcr, this.lsr, this.scr, this.dll, this.dlm],
      fifoEnabled: this.fifoEnabled,
      thrPending: this.thrPending,
    };
  }

  /**
   * Puts back what saveState returned. The line is not driven: each assertion sets the PLIC's
   * pending bit, and the PLIC's own saved state already holds what the line did.
   */
  loadState(s: UartState): void {
    const bytes = (a: unknown, n: number) =>
      Array.isArray(a) && a.length <= n && a.every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
    if (!bytes(s.rx, FIFO_SIZE) || !bytes(s.regs, 8) || s.regs.length !== 8)
      throw new RangeError("UART state: bad registers or FIFO");
    this.rx.length = 0;
    this.rx.push(...s.rx);
    [this.ier, this.iir, this.lcr, this.mcr, this.lsr, this.scr, this.dll, this.dlm] = s.regs;
    this.fifoEnabled = s.fifoEnabled === true;
    this.thrPending = s.thrPending === true;
  }

  /** Room left in the receive FIFO; a machine feeds input no faster than this. */
  get rxSpace(): number {
    return (this.fifoEnabled ? FIFO_SIZE : 1) - this.rx.length;
  }

  /** A byte arrives on the serial line. Returns false (byte dropped, overrun) if the FIFO is full. */
  receive(byte: number): boolean {
    if (this.rxSpace <= 0) {
      // Overrun: without FIFOs the new character overwrites the unread one; with them it is lost.
      if (!this.fifoEnabled) this.rx[0] = byte & 0xff;
      this.lsr |= LSR_OE;
      this.update();
      return false;
    }
    this.rx.push(byte & 0xff);
    this.lsr |= LSR_DR;
    this.update();
    return true;
  }

  private update(): void {
    let iir = IIR_NONE;
    if (this.ier & IER_RLSI && this.lsr & LSR_OE) iir = IIR_RLSI;
    else if (this.ier & IER_RDI && this.lsr & LSR_DR) iir = IIR_RDI;
    else if (this.ier & IER_THRI && this.thrPending) iir = IIR_THRI;
    this.iir = iir;
    this.irq.set(iir !== IIR_NONE);
  }

  private transmit(byte: number): void {
    if (this.mcr & MCR_LOOP) this.receive(byte);
    else this.out(byte);
    this.lsr |= LSR_THRE | LSR_TEMT;
    this.thrPending = true;
    this.update();
  }

  read(offset: number, size: number): number {
    if (size !== 1 || offset > 7) return size === 1 || offset <= 7 ? 0 : -1;
    switch (offset) {
      case RBR_THR_DLL: {
        if (this.lcr & LCR_DLAB) return this.dll;
        const v = this.rx.shift() ?? 0;
        if (this.rx.length === 0) this.lsr &= ~LSR_DR;
        this.update();
        return v;
      }
      case IER_DLM:
        return this.lcr & LCR_DLAB ? this.dlm : this.ier;
      case IIR_FCR: {
        const v = this.iir | (this.fifoEnabled ? IIR_FIFO : 0);
        if (this.iir === IIR_THRI) {
          this.thrPending = false;
          this.update();
        }
        return v;
      }
      case LCR:
        return this.lcr;
      case MCR:
        return this.mcr;
      case LSR: {
        const v = this.lsr;
        if (v & LSR_OE) {
          this.lsr &= ~LSR_OE;
          this.update();
        }
        return v;
      }
      case MSR:
        // Loopback wires RTS to CTS, DTR to DSR, OUT1 to RI and OUT2 to DCD; otherwise CTS, DSR
        // and DCD are asserted.
        if (!(this.mcr & MCR_LOOP)) return 0xb0;
        return ((this.mcr & 2) << 3) | ((this.mcr & 1) << 5) | ((this.mcr & 0xc) << 4);
      default:
        return this.scr;
    }
  }

  /**
   * What reading a register would return, for a machine that shows it to harts without a read
   * (see xv6-machine's parallel harts); undefined where reading has an effect or the value may
   * run behind. Only LSR is offered, and not while an overrun waits to be read (reading clears
   * it) or in loopback (where a byte written to THR, which such a machine may post, comes back).
   */
  peek(offset: number, size: number): number | undefined {
    if (offset !== LSR || size !== 1 || this.lsr & LSR_OE || this.mcr & MCR_LOOP) return undefined;
    return this.lsr;
  }

  write(offset: number, size: number, value: number): boolean {
    if (size !== 1) return offset <= 7;
    const v = value & 0xff;
    switch (offset) {
      case RBR_THR_DLL:
        if (this.lcr & LCR_DLAB) this.dll = v;
        else {
          this.thrPending = false;
          this.lsr &= ~(LSR_THRE | LSR_TEMT);
          this.update();
          this.transmit(v);
        }
        return true;
      case IER_DLM: {
        if (this.lcr & LCR_DLAB) {
          this.dlm = v;
          return true;
        }
        const was = this.ier;
        this.ier = v & (IER_RDI | IER_THRI | IER_RLSI | IER_MSI);
        // Turning THRI on while the THR is empty raises the interrupt (as QEMU does; drivers rely on it).
        if (!(was & IER_THRI) && this.ier & IER_THRI && this.lsr & LSR_THRE) this.thrPending = true;
        this.update();
        return true;
      }
      case IIR_FCR: {
        const enable = (v & FCR_ENABLE) !== 0;
        // Switching between FIFO and non-FIFO mode empties the FIFO, as does the clear bit.
        const clear = enable !== this.fifoEnabled || (v & FCR_CLEAR_RX) !== 0;
        this.fifoEnabled = enable;
        if (clear) {
          this.rx.length = 0;
          this.lsr &= ~LSR_DR;
        }
        this.update();
        return true;
      }
      case LCR:
        this.lcr = v;
        return true;
      case MCR:
        this.mcr = v & 0x1f;
        return true;
      case SCR:
        this.scr = v;
        return true;
      default:
        return true; // LSR and MSR are read-only
    }
  }
}
