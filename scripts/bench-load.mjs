// Time from navigation start to the first render of the app in Chromium,
// with an empty store and with a large stored document.
// Usage: node scripts/bench-load.mjs [dist] [document.json]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const dist = process.argv[2] ?? "dist";
const docFile = process.argv[3] ?? "target/bench/document-2000.json";
const PORT = 8093;
const RUNS = 11;

const server = spawn("node", ["e2e/serve.mjs", dist, String(PORT), "/"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

async function firstRender(stored) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript((text) => {
    if (text !== null && !sessionStorage.getItem("bench-seeded")) {
      localStorage.setItem("showplan.doc.active", "a");
      localStorage.setItem("showplan.doc.a", text);
      sessionStorage.setItem("bench-seeded", "1");
    }
    // Record the moment the first page's count is in the DOM.
    new MutationObserver((_, obs) => {
      if (document.querySelector("[data-testid=buyers-page] .count")) {
        window.__rendered = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, stored);
  await page.goto(`http://127.0.0.1:${PORT}/buyers`);
  await page.waitForFunction(() => window.__rendered !== undefined);
  const ms = await page.evaluate(() => window.__rendered);
  await context.close();
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const doc = readFileSync(docFile, "utf8");
const results = {};
for (const [name, stored] of [["empty store", null], ["2,000 properties + 50 tours", doc]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstRender(stored));
  results[name] = median(runs);
  console.log(`first render, ${name}: median ${median(runs).toFixed(0)} ms over ${RUNS} loads (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)})`);
}
const ratio = results["2,000 properties + 50 tours"] / results["empty store"];
console.log(`first render with 2,000 homes / with none: ${ratio.toFixed(2)}x (goal: at most 1.5x)`);
await browser.close();
server.kill();
