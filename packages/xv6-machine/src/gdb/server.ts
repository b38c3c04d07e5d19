import { createServer, type Server, type Socket } from "node:net";
import type { GdbStub } from "./stub.js";

/**
 * Serves a GDB stub on a TCP port (QEMU's `-gdb tcp::PORT`). One debugger at a time, as QEMU: a
 * second connection is closed at once. Resolves once listening; rejects if the port is taken.
 *
 * `stub` may be a promise: a front end can listen before its machine is built (grading scripts
 * try to connect within two seconds of the emulator's start), and a debugger that connects early
 * is served once the stub exists (its bytes wait in the socket until then).
 */
export function listenGdb(stub: GdbStub | Promise<GdbStub>, port: number, host?: string): Promise<Server> {
  let client: Socket | undefined;
  const server = createServer((socket) => {
    if (client !== undefined) {
      socket.destroy();
      return;
    }
    client = socket;
    socket.setNoDelay(true);
    socket.on("error", () => socket.destroy());
    void Promise.resolve(stub).then((s) => {
      if (socket.destroyed) return;
      s.connect((data) => {
        if (!socket.destroyed) socket.write(data, "latin1");
      });
      socket.on("data", (d: Buffer) => s.receive(new Uint8Array(d)));
      socket.on("close", () => {
        if (client === socket) {
          client = undefined;
          s.disconnect();
        }
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
