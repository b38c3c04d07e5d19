import "@xterm/xterm/css/xterm.css";
import "./style.css";
import { Terminal } from "@xterm/xterm";
import type { FromWorker, NamedBytes, ToWorker } from "./protocol.js";
import type { Engine, Status } from "./session.js";
import { loadSnapshot, saveSnapshot } from "./store.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const statusLine = $("status");
const message = $("message");
const harts = $<HTMLSelectElement>("harts");
const engine = $<HTMLSelectElement>("engine");
for (let n = 1; n <= 8; n++) harts.add(new Option(String(n), String(n)));

// The DOM renderer (xterm's default) keeps the screen's text in the page: for screen readers, and
// for tests that read it.
const term = new Terminal({
  cols: 80,
  rows: 30,
  convertEol: true,
  screenReaderMode: true,
  cursorBlink: true,
});
term.open($("terminal"));
term.focus();

const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);

// The guest's console does its own line editing (backspace, Ctrl-U, Ctrl-D, Ctrl-P), as on QEMU's
// serial port: keys go to it as the bytes a terminal sends (Enter is \r, Backspace \x7f; a paste
// arrives with its newlines as \r).
term.onData((data) => send({ type: "input", data }));

const started = performance.now();
/** Records, once, how long the page took to show the shell's prompt (the build and tests read it). */
function promptSeen(): void {
  document.body.dataset.firstPromptMs ??= String(Math.round(performance.now() - started));
}
let progress = "";
/** The last character of the guest's output so far. */
let lastOutput = "";
const waiting = new Map<number, (bytes: Uint8Array | undefined) => void>();
let nextId = 1;

function show(s: Status): void {
  const what =
    s.state === "off" ? (s.exitCode !== undefined ? `powered off (${s.exitCode})` : "off") : s.state;
  const text = `${what} · ${s.harts} hart${s.harts === 1 ? "" : "s"} · ${s.engine === "jit" ? "compiler" : "interpreter"} · ${s.instructions.toLocaleString("en")} instructions · ${s.mips.toFixed(1)} MIPS`;
  statusLine.textContent = progress ? `${progress} · ${text}` : text;
  statusLine.dataset.state = s.state;
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  switch (m.type) {
    case "output":
      term.write(m.bytes);
      if (progress) {
        progress = "";
        message.textContent = "";
      }
      {
        // The prompt's two bytes may come in two pieces of output.
        const text = lastOutput + new TextDecoder().decode(m.bytes);
        if (text.includes("$ ")) promptSeen();
        lastOutput = text.slice(-1);
      }
      break;
    case "screen":
      term.reset();
      if (m.text) term.write(m.text.split("\n").slice(-term.rows).join("\n"));
      if (m.text.endsWith("$ ")) promptSeen();
      break;
    case "progress":
      progress = m.text;
      statusLine.textContent = m.text;
      break;
    case "status":
      show(m.status);
      break;
    case "error":
      message.textContent = m.message;
      break;
    case "saved":
    case "disk":
      waiting.get(m.id)?.(m.bytes);
      waiting.delete(m.id);
      break;
  }
};
worker.onerror = (e) => {
  message.textContent = `the machine's worker failed: ${e.message}`;
};

function ask(type: "save" | "disk"): Promise<Uint8Array | undefined> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    send({ type, id });
  });
}

const cpus = () => Number(harts.value);
const eng = () => engine.value as Engine;
const params = new URLSearchParams(location.search);
if (params.has("harts")) harts.value = params.get("harts") as string;
if (params.get("engine") === "interp") engine.value = "interp";

send({
  type: "start",
  assets: {
    kernel: new URL("kernel", document.baseURI).href,
    fs: new URL("fs.img", document.baseURI).href,
    snapshot: new URL("boot.snap", document.baseURI).href,
  },
  cold: params.has("cold"),
  cpus: cpus(),
  engine: eng(),
});

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function bytesOf(files: FileList | null | undefined): Promise<NamedBytes[]> {
  return Promise.all(
    [...(files ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

async function read(input: HTMLInputElement): Promise<NamedBytes[]> {
  const files = await bytesOf(input.files);
  input.value = "";
  return files;
}

function note(text: string): void {
  message.textContent = text;
}

function addFiles(files: NamedBytes[]): void {
  if (files.length === 0) return;
  // xv6 names hold 14 bytes and no "/": the guest's file system refuses others, so say so here.
  note(`adding ${files.map((f) => f.name).join(", ")} and rebooting…`);
  const transfer = files.map((f) => f.bytes.buffer);
  send({ type: "add-files", files }, transfer);
  term.focus();
}

// After a control, keys go back to the guest.
const on = (id: string, f: () => void) =>
  $(id).addEventListener("click", () => {
    f();
    term.focus();
  });
for (const input of document.querySelectorAll("nav input, nav select"))
  input.addEventListener("change", () => term.focus());
on("reset", () => send({ type: "reset", cpus: cpus(), engine: eng() }));
on("power-off", () => send({ type: "power-off" }));
on("boot", () => send({ type: "boot", cpus: cpus(), engine: eng() }));
harts.addEventListener("change", () => send({ type: "boot", cpus: cpus(), engine: eng() }));
engine.addEventListener("change", () => send({ type: "engine", engine: eng() }));
$("add-files").addEventListener("change", async (e) => addFiles(await read(e.target as HTMLInputElement)));
on("download-disk", async () => {
  const bytes = await ask("disk");
  if (bytes) download(bytes, "fs.img");
  else note("there is no disk to download");
});
$("upload-disk").addEventListener("change", async (e) => {
  const [f] = await read(e.target as HTMLInputElement);
  if (f) send({ type: "boot", cpus: cpus(), engine: eng(), disk: f.bytes }, [f.bytes.buffer]);
});
$("upload-kernel").addEventListener("change", async (e) => {
  const [f] = await read(e.target as HTMLInputElement);
  if (f) send({ type: "boot", cpus: cpus(), engine: eng(), kernel: f.bytes }, [f.bytes.buffer]);
});
on("save-browser", async () => {
  const bytes = await ask("save");
  if (!bytes) return;
  await saveSnapshot("saved", bytes);
  note(`saved in this browser (${(bytes.length / 1e6).toFixed(1)} MB)`);
});
on("restore-browser", async () => {
  const bytes = await loadSnapshot("saved");
  if (!bytes) return note("nothing is saved in this browser yet");
  note("");
  send({ type: "restore", snapshot: bytes, engine: eng() }, [bytes.buffer]);
  term.focus();
});
on("save-file", async () => {
  const bytes = await ask("save");
  if (bytes) download(bytes, "xv6.snapshot");
});
$("restore-file").addEventListener("change", async (e) => {
  const [f] = await read(e.target as HTMLInputElement);
  if (f) send({ type: "restore", snapshot: f.bytes, engine: eng() }, [f.bytes.buffer]);
});

const area = $("terminal");
area.addEventListener("dragover", (e) => {
  e.preventDefault();
  area.classList.add("drop");
});
area.addEventListener("dragleave", () => area.classList.remove("drop"));
area.addEventListener("drop", async (e) => {
  e.preventDefault();
  area.classList.remove("drop");
  addFiles(await bytesOf(e.dataTransfer?.files));
});

// Offline once loaded: the service worker keeps every file of the site.
if ("serviceWorker" in navigator && import.meta.env.PROD) {
  navigator.serviceWorker
    .register(new URL("sw.js", document.baseURI).href)
    .catch((e) => note(`offline use unavailable: ${e}`));
}
