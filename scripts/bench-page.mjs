// What the browser benchmarks share: dist/ served on loopback, and a
// Chromium page whose storage holds a stored document before the app opens.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";

/**
 * Serves `dist` on `port` and opens a page seeded with `stored` (the
 * document as localStorage keeps it; `null` for none). Returns
 * { page, origin, close }.
 */
export async function openSeededPage(dist, port, stored) {
  const server = spawn("node", ["e2e/serve.mjs", dist, String(port), "/"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  if (stored !== null) await page.addInitScript((text) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("showplan.doc.active", "a");
      localStorage.setItem("showplan.doc.a", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, stored);
  const close = async () => {
    await browser.close();
    server.kill();
  };
  return { page, origin: `http://127.0.0.1:${port}`, close };
}
