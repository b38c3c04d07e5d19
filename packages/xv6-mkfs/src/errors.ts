/** Bad input to a builder or reader: the message is one line, meant for a person. */
export class FsError extends Error {
  override name = "FsError";
}
