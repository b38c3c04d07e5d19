// Time from opening the built page to the shell's first prompt, as the page itself records it
// (document.body.dataset.firstPromptMs), in headless Chromium.
import { chromium as playwright } from "playwright-core";
import { serve } from "./serve.mjs";

export async function firstPrompt(dist, executablePath, query) {
  const server = await serve(dist);
  const browser = await playwright.launch({ executablePath });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/${query}`);
    const ms = await page.waitForFunction(() => document.body.dataset.firstPromptMs, null, {
      timeout: 120_000,
    });
    return Number(await ms.jsonValue());
  } finally {
    await browser.close();
    server.close();
  }
}
