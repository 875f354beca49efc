// `make audit`: Lighthouse (mobile preset: a mid-range phone on slow 4G,
// simulated) on the built dist/, served on loopback with brotli as GitHub
// Pages and Netlify serve it, with the system Chromium. Prints the
// performance, accessibility, best-practices and SEO scores, then the
// installable-app (PWA) checks, which Lighthouse 12+ no longer scores:
// manifest, service worker, offline reload.
// Usage: node scripts/audit.mjs [DIST] [PORT]
import { spawn } from "node:child_process";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 8097);
const url = `http://127.0.0.1:${port}/`;
const chrome = process.env.CHROMIUM ?? "/usr/bin/chromium";
const targets = { performance: 95, accessibility: 100 };

const server = spawn("node", ["e2e/serve.mjs", dist, String(port), "/"], {
  env: { ...process.env, COMPRESS: "1" },
  stdio: ["ignore", "pipe", "inherit"],
});
// Ready when it prints its address; a port already taken ends it instead.
await new Promise((ok, fail) => {
  server.stdout.once("data", ok);
  server.once("exit", (code) => fail(new Error(`e2e/serve.mjs exited ${code} (is port ${port} taken?)`)));
});

function run(cmd, args, env) {
  return new Promise((ok, fail) => {
    // The project's own npm tools, also when this script is run without make.
    const PATH = `${join(process.cwd(), "node_modules", ".bin")}:${process.env.PATH}`;
    const p = spawn(cmd, args, { env: { ...process.env, PATH, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    p.on("error", fail);
    p.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`${cmd} exited ${code}`))));
  });
}

let failed = false;
try {
  // Installable app: what Lighthouse's PWA category used to check. These
  // run first: their service worker fetches every file once, so the server
  // has compressed each before Lighthouse times anything (as a host's CDN
  // has). Printed after the scores.
  const browser = await chromium.launch({ executablePath: chrome, args: ["--no-sandbox", "--disable-gpu"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await page.request.get(new URL(href, url).href)).json();
  const sizes = (manifest.icons ?? []).map((i) => i.sizes);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  const offline = await page
    .locator("main h1")
    .first()
    .waitFor({ timeout: 15_000 })
    .then(() => true, () => false);
  await browser.close();
  const checks = [
    ["manifest has a name and short name", Boolean(manifest.name && manifest.short_name)],
    ["manifest has 192 px and 512 px icons", sizes.includes("192x192") && sizes.includes("512x512")],
    ["manifest opens standalone with a start URL", manifest.display === "standalone" && Boolean(manifest.start_url)],
    ["manifest has a theme colour", Boolean(manifest.theme_color)],
    ["a service worker controls the page", controlled],
    ["the app reloads offline", offline],
  ];
  const out = join(await mkdtemp(join(tmpdir(), "lighthouse-")), "report.json");
  // Median of three runs: simulated throttling still varies a little.
  const runs = [];
  for (let i = 0; i < 3; i++) {
    await run(
      "lighthouse",
      [url, "--quiet", "--form-factor=mobile", "--output=json", `--output-path=${out}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
      { CHROME_PATH: chrome },
    );
    runs.push(JSON.parse(await readFile(out, "utf8")));
  }
  const median = (f) => runs.map(f).sort((a, b) => a - b)[1];
  console.log(`Lighthouse ${runs[0].lighthouseVersion}, mobile preset, ${url} (median of 3):`);
  for (const id of ["performance", "accessibility", "best-practices", "seo"]) {
    const score = Math.round(median((r) => r.categories[id].score) * 100);
    const target = targets[id];
    const verdict = target === undefined ? "" : score >= target ? ` (target ${target}: met)` : ` (target ${target}: MISSED)`;
    if (target !== undefined && score < target) failed = true;
    console.log(`  ${id.padEnd(15)} ${String(score).padStart(3)}${verdict}`);
  }
  const metric = (id) => runs.map((r) => r.audits[id].numericValue).sort((a, b) => a - b)[1];
  console.log(
    `  metrics: FCP ${Math.round(metric("first-contentful-paint"))} ms, LCP ${Math.round(metric("largest-contentful-paint"))} ms, ` +
      `TBT ${Math.round(metric("total-blocking-time"))} ms, CLS ${metric("cumulative-layout-shift").toFixed(3)}`,
  );

  // What the blocking time is made of (the run with the median score).
  const mid = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[1];
  const tasks = mid.audits["long-tasks"]?.details?.items ?? [];
  console.log(
    `  long tasks: ${tasks.length ? tasks.map((t) => `${Math.round(t.duration)} ms (${String(t.url).split("/").pop() || "page"})`).join(", ") : "none"}`,
  );

  console.log("Installable app (PWA):");
  for (const [what, ok] of checks) {
    console.log(`  ${ok ? "pass" : "FAIL"}  ${what}`);
    if (!ok) failed = true;
  }
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
