export class MachineError extends Error {
  override name = "MachineError";
}

/** A snapshot that cannot be restored: not one, damaged, another version or another machine. */
export class SnapshotError extends MachineError {
  override name = "SnapshotError";
}
