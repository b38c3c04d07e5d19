// The built site (dist/, made by `pnpm build`) in headless Chromium: Debian's, or CHROMIUM's.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, without types
import { serve } from "../scripts/serve.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const dist = fileURLToPath(new URL("../dist", import.meta.url));
const artifacts = fileURLToPath(new URL("../artifacts", import.meta.url));
const xv6fs = fileURLToPath(new URL("../../xv6-mkfs/dist/xv6-fs.js", import.meta.url));
const haveChromium = existsSync(executablePath);
if (!haveChromium)
  console.log(`xv6-web browser tests skipped: no Chromium at ${executablePath} (apt-get install chromium)`);

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let url: string;
const errors: string[] = [];

/**
 * The terminal's text as the DOM holds it: each row without its trailing blanks, and the empty rows
 * after the last line dropped (so a prompt line reads "$").
 */
const screen = () =>
  page.evaluate(() => {
    const rows = [...document.querySelectorAll(".xterm-rows > div")].map((r) =>
      (r.textContent ?? "").replace(/\u00a0/g, " ").trimEnd(),
    );
    while (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
    return rows.join("\n");
  });

/** Waits until the screen differs from `before` and matches `want`. */
async function expectScreen(want: RegExp, before?: string, timeout = 60_000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await screen();
    if (s !== before && want.test(s)) return s;
    if (Date.now() > end) throw new Error(`the screen never showed ${want}; it shows:\n${s}`);
    await page.waitForTimeout(100);
  }
}

/** Types a command line and waits until the screen matches `done`. */
async function command(line: string, done: RegExp, timeout?: number): Promise<string> {
  const before = await screen();
  await page.keyboard.type(`${line}\n`);
  return expectScreen(done, before, timeout);
}

/**
 * Opens the site and waits for the first prompt. Generous: CI runs this beside the other packages'
 * tests (parallel harts among them) on 2 cores. A timeout says what the page showed.
 */
async function open(query = ""): Promise<void> {
  await page.goto(`${url}${query}`);
  try {
    await page.waitForFunction(() => document.body.dataset.firstPromptMs !== undefined, null, {
      timeout: 150_000,
    });
  } catch (e) {
    const shown = await page.evaluate(
      () =>
        `status: ${document.querySelector("#status")?.textContent}; message: ${document.querySelector("#message")?.textContent}`,
    );
    throw new Error(`no prompt on ${query || "/"} (${shown}): ${e instanceof Error ? e.message : e}`);
  }
  await page.click(".xterm");
}

describe.skipIf(!haveChromium)("the site in Chromium", () => {
  beforeAll(async () => {
    if (!existsSync(`${dist}/index.html`)) throw new Error("dist/ is not built: run pnpm build first");
    server = await serve(dist);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 720 } });
    page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("restores the shipped snapshot to a prompt, and runs ls and mmaptest", async () => {
    await open();
    const s = await command("ls", /mmaptest +2 \d+ \d+[\s\S]*\n\$$/);
    expect(s).toMatch(/README +2 2 \d+/);
    await command("mmaptest", /mmaptest: all tests succeeded\n\$$/, 120_000);
    expect(await page.textContent("#status")).toMatch(/1 hart · compiler · [\d,]+ instructions/);
  }, 180_000);

  it("adds an uploaded file to the file system, and hands out a disk that fsck finds clean", async () => {
    await page.setInputFiles("#add-files", {
      name: "upload.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("uploaded from the host\n"),
    });
    await expectScreen(/init: starting sh\n\$$/);
    await command("cat upload.txt", /uploaded from the host\n\$$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-disk")]);
    mkdirSync(artifacts, { recursive: true });
    const image = `${artifacts}/fs.img`;
    await download.saveAs(image);
    const fsck = spawnSync(process.execPath, [xv6fs, "fsck", image], { encoding: "utf8" });
    expect(fsck.stdout + fsck.stderr).not.toMatch(/error|inconsisten/i);
    expect(fsck.status).toBe(0);
    const cat = spawnSync(process.execPath, [xv6fs, "cat", image, "upload.txt"], { encoding: "utf8" });
    expect(cat.stdout).toBe("uploaded from the host\n");
  }, 240_000);

  it("saves a snapshot to the browser and to a file, and restores both", async () => {
    await command("echo before > saved", /before > saved\n\$$/);
    await page.click("#save-browser");
    await expect
      .poll(() => page.textContent("#message"), { timeout: 30_000 })
      .toMatch(/saved in this browser/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
    const file = `${artifacts}/xv6.snapshot`;
    await download.saveAs(file);
    await command("echo after > saved", /after > saved\n\$$/);
    // A restored machine's screen is the saved one: it ends with the command before the save.
    let before = await screen();
    await page.click("#restore-browser");
    await expectScreen(/before > saved\n\$$/, before);
    await command("cat saved", /cat saved\nbefore\n\$$/);
    await command("echo after > saved", /after > saved\n\$$/);
    before = await screen();
    await page.setInputFiles("#restore-file", file);
    await expectScreen(/before > saved\n\$$/, before);
    await command("cat saved", /cat saved\nbefore\n\$$/);
    expect(readFileSync(file).subarray(0, 8).toString()).toBe("XV6SNAP\n");
  }, 240_000);

  it("passes keys through to the guest's line editing: backspace, Ctrl-P, Ctrl-D, paste", async () => {
    await page.keyboard.type("echo abcx");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("d\n");
    await expectScreen(/echo abcd\nabcd\n\$$/);
    await page.keyboard.press("Control+p");
    await expectScreen(/\d+ sleep sh$/);
    await command("cat", /\ncat$/);
    await command("typed line", /typed line\ntyped line$/);
    await page.keyboard.press("Control+d");
    await expectScreen(/typed line\ntyped line\n\$$/);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "echo pasted\n");
      document
        .querySelector(".xterm-helper-textarea")
        ?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
    });
    await expectScreen(/echo pasted\npasted\n\$$/);
  }, 240_000);

  it("boots a kernel ELF of one's own, says so plainly when it is not one, and switches engines", async () => {
    const kernel = `${dist}/kernel`;
    await page.setInputFiles("#upload-kernel", kernel);
    await expectScreen(/xv6-guest kernel is booting[\s\S]*init: starting sh\n\$$/);
    await page.setInputFiles("#upload-kernel", {
      name: "bad",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not an ELF"),
    });
    await expect.poll(() => page.textContent("#message"), { timeout: 10_000 }).toMatch(/ELF/);
    // The machine that ran goes on; switching engines keeps its state too.
    await command("echo still here", /echo still here\nstill here\n\$$/);
    await page.selectOption("#engine", "interp");
    await command("echo interpreted", /echo interpreted\ninterpreted\n\$$/);
    await expect.poll(() => page.textContent("#status"), { timeout: 10_000 }).toMatch(/interpreter/);
    await page.selectOption("#engine", "jit");
  }, 240_000);

  it("works offline once loaded, boots cold on 2 harts, and logs no errors", async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await open("?cold&harts=2");
    await command("ls", /usertests[\s\S]*\n\$$/);
    expect(await page.textContent("#status")).toMatch(/2 harts/);
    await context.setOffline(false);
    await page.screenshot({ path: `${artifacts}/xv6-web.png` });
    // The bad ELF of the test before is reported in the page, not as a console error.
    expect(errors).toEqual([]);
  }, 240_000);
});
