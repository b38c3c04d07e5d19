import { createServer, type Server, type Socket } from "node:net";
import type { GdbStub } from "./stub.js";

/**
 * Serves a GDB stub on a TCP port (QEMU's `-gdb tcp::PORT`). One debugger at a time, as QEMU: a
 * second connection is closed at once. Resolves once listening; rejects if the port is taken.
 */
export function listenGdb(stub: GdbStub, port: number, host?: string): Promise<Server> {
  let client: Socket | undefined;
  const server = createServer((socket) => {
    if (client !== undefined) {
      socket.destroy();
      return;
    }
    client = socket;
    socket.setNoDelay(true);
    stub.connect((data) => {
      if (!socket.destroyed) socket.write(data, "latin1");
    });
    socket.on("data", (d: Buffer) => stub.receive(new Uint8Array(d)));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      if (client === socket) {
        client = undefined;
        stub.disconnect();
      }
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
