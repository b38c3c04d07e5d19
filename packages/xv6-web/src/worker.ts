/// <reference lib="webworker" />
// The machine's thread: a Session run in short turns, so messages (keys, controls) are taken
// between them and the page never waits on the guest.
import type { Assets, FromWorker, ToWorker } from "./protocol.js";
import { type RunState, Session } from "./session.js";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

let out = new Uint8Array(4096);
let outLength = 0;
const session = new Session((bytes) => {
  if (outLength + bytes.length > out.length) {
    const grown = new Uint8Array(out.length * 2 + bytes.length);
    grown.set(out.subarray(0, outLength));
    out = grown;
  }
  out.set(bytes, outLength);
  outLength += bytes.length;
});

function flush(): void {
  if (outLength === 0) return;
  const bytes = out.slice(0, outLength);
  outLength = 0;
  post({ type: "output", bytes }, [bytes.buffer]);
}

let state: RunState = "off";
let timer: ReturnType<typeof setTimeout> | undefined;
let scheduled = false;
// A zero-delay turn: nested setTimeout(0) is clamped to 4 ms, a message is not.
const turns = new MessageChannel();
turns.port1.onmessage = turn;

function wake(): void {
  if (timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
  if (!scheduled) {
    scheduled = true;
    turns.port2.postMessage(0);
  }
}

function turn(): void {
  scheduled = false;
  try {
    state = session.run(20);
  } catch (e) {
    failed(e);
    session.powerOff();
    state = "off";
  }
  flush();
  if (state === "running") wake();
  else if (state === "idle") timer = setTimeout(wake, Math.max(1, session.idleDelay()));
  else sendStatus();
}

function sendStatus(): void {
  post({ type: "status", status: session.status(state) });
}
setInterval(sendStatus, 500);

function failed(e: unknown): void {
  post({ type: "error", message: e instanceof Error ? e.message : String(e) });
}

function progress(text: string): void {
  post({ type: "progress", text });
}

let assets: Assets | undefined;
let shipped: { kernel: Uint8Array; fs: Uint8Array } | undefined;

/** Fetches a file, telling the page how far it has got. */
async function fetchBytes(url: string, what: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || res.body === null) throw new Error(`cannot load ${what}: ${res.status} ${res.statusText}`);
  const total = Number(res.headers.get("content-length") ?? 0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    got += value.length;
    progress(
      total > 0 ? `Loading ${what}: ${Math.round((100 * got) / total)}%` : `Loading ${what}: ${got} bytes`,
    );
  }
  const bytes = new Uint8Array(got);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

async function guest(): Promise<{ kernel: Uint8Array; fs: Uint8Array }> {
  if (shipped === undefined) {
    if (assets === undefined) throw new Error("the page has not said where the guest is");
    const kernel = await fetchBytes(assets.kernel, "the kernel");
    const fs = await fetchBytes(assets.fs, "the file system");
    shipped = { kernel, fs };
  }
  return shipped;
}

function booting(): void {
  progress("Booting…");
  state = "running";
  sendStatus();
  wake();
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case "start": {
      assets = m.assets;
      if (!m.cold && m.cpus === 1) {
        const snapshot = await fetchBytes(m.assets.snapshot, "the booted machine");
        post({ type: "screen", text: session.restore(snapshot, m.engine) });
        // A reboot needs the kernel the snapshot was booted from; fetch it while the guest runs.
        void guest().then((g) => session.defaultKernel(g.kernel), failed);
      } else {
        const g = await guest();
        post({ type: "screen", text: "" });
        session.boot({ kernel: g.kernel, disk: g.fs, cpus: m.cpus, engine: m.engine });
      }
      booting();
      return;
    }
    case "boot": {
      const g = m.kernel !== undefined && m.disk !== undefined ? undefined : await guest();
      const kernel = m.kernel ?? session.bootKernel ?? g?.kernel;
      const disk = m.disk ?? session.disk() ?? g?.fs;
      if (kernel === undefined || disk === undefined) throw new Error("no kernel or disk to boot");
      post({ type: "screen", text: "" });
      session.boot({ kernel, disk, cpus: m.cpus, engine: m.engine });
      booting();
      return;
    }
    case "restore":
      post({ type: "screen", text: session.restore(m.snapshot, m.engine) });
      booting();
      return;
    case "engine":
      // Compiled code is not part of a snapshot, so switching engines loses nothing.
      if (session.running) session.restore(session.snapshot(), m.engine);
      wake();
      return;
    case "input":
      session.type(m.data);
      if (state !== "off") wake();
      return;
    case "reset":
      post({ type: "screen", text: "" });
      session.reset(m.cpus, m.engine);
      booting();
      return;
    case "power-off":
      session.powerOff();
      state = "off";
      sendStatus();
      return;
    case "add-files":
      post({ type: "screen", text: "" });
      session.addFiles(m.files);
      booting();
      return;
    case "save": {
      const bytes = session.snapshot();
      post({ type: "saved", id: m.id, bytes }, [bytes.buffer]);
      return;
    }
    case "disk": {
      const bytes = session.disk();
      post({ type: "disk", id: m.id, bytes }, bytes ? [bytes.buffer] : []);
      return;
    }
  }
}

// One message at a time, in order: a boot must finish loading before the next key is typed.
let queue = Promise.resolve();
scope.onmessage = (e: MessageEvent<ToWorker>) => {
  queue = queue.then(() => handle(e.data).catch(failed));
};
