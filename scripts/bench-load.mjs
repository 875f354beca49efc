// Time from navigation start to the first render of the app in Chromium,
// with an empty store and with a large stored document.
// Usage: node scripts/bench-load.mjs [dist] [document.json]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const dist = process.argv[2] ?? "dist";
const docFile = process.argv[3] ?? "target/bench/document-2000.json";
const PORT = 8093;
const RUNS = 21;

const server = spawn("node", ["e2e/serve.mjs", dist, String(PORT), "/"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

async function firstRender(stored) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  // The document is stored first, from another file of the same origin, so
  // the timed load does only what an agent's would (an init script holding
  // the 2.6 MB text would be parsed and run inside the timed load).
  await page.goto(`http://127.0.0.1:${PORT}/favicon.svg`);
  if (stored !== null) {
    await page.evaluate((text) => {
      localStorage.setItem("showplan.doc.active", "a");
      localStorage.setItem("showplan.doc.a", text);
    }, stored);
  }
  await page.addInitScript(() => {
    // Record the moment the first page's count is in the DOM.
    new MutationObserver((_, obs) => {
      if (document.querySelector("[data-testid=buyers-page] .count")) {
        window.__rendered = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`http://127.0.0.1:${PORT}/buyers`);
  await page.waitForFunction(() => window.__rendered !== undefined);
  const ms = await page.evaluate(() => window.__rendered);
  // The page shows the stored buyers, not an empty start.
  const count = await page.locator("[data-testid=buyers-page] .count").first().textContent();
  if ((stored === null) !== /^\D*0\D*$/.test(count ?? "")) throw new Error(`unexpected buyer count "${count}"`);
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const doc = readFileSync(docFile, "utf8");
const cases = [["empty store", null], ["2,000 properties + 50 tours", doc]];
const runs = cases.map(() => []);
// The two cases alternate, load by load, so a machine that slows down or
// speeds up during the run (2 cores, other work) weighs on both alike.
for (let i = 0; i < RUNS; i++) {
  for (const [k, [, stored]] of cases.entries()) runs[k].push(await firstRender(stored));
}
const results = {};
for (const [k, [name]] of cases.entries()) {
  const r = runs[k];
  results[name] = median(r);
  console.log(`first render, ${name}: median ${median(r).toFixed(0)} ms over ${RUNS} loads (min ${Math.min(...r).toFixed(0)}, max ${Math.max(...r).toFixed(0)})`);
}
const ratio = results["2,000 properties + 50 tours"] / results["empty store"];
console.log(`first render with 2,000 homes / with none: ${ratio.toFixed(2)}x (goal: at most 1.5x)`);
await browser.close();
server.kill();
