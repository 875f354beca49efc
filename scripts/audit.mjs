// `make audit`: Lighthouse (mobile preset: a mid-range phone on slow 4G,
// simulated) on the built dist/, served on loopback as GitHub Pages and
// Netlify serve it: over HTTP/2 and TLS, with brotli. Prints the
// performance, accessibility, best-practices and SEO scores, then the
// installable-app (PWA) checks, which Lighthouse 12+ no longer scores:
// manifest, service worker, offline reload. Fails when a goal is missed.
//
// Then the same runs over plain HTTP/1.1, printed for comparison only:
// there the browser opens several connections at once, and Lighthouse's
// simulation starts each one cold (a handshake, then TCP's slow start), so
// the wasm's 136 KB take a round trip more than on one warm connection.
// None of the hosts the README names serves a site that way.
// Usage: node scripts/audit.mjs [DIST] [PORT]   (uses PORT and PORT+1)
import { spawn } from "node:child_process";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 8097);
const chrome = process.env.CHROMIUM ?? "/usr/bin/chromium";
// The server's certificate is made on start for 127.0.0.1 (e2e/serve.mjs),
// so the browser is told to take it.
const browserFlags = ["--no-sandbox", "--disable-gpu", "--ignore-certificate-errors"];
// Scores at least, and metrics at most (ms), over HTTP/2.
const goals = { performance: 99, accessibility: 100 };
const limits = { "total-blocking-time": 100, "largest-contentful-paint": 1800 };

const servers = [];
/** Serves dist/ on `at` (HTTP/2 and TLS, or plain HTTP/1.1); its address. */
async function serve(at, tls) {
  const server = spawn("node", ["e2e/serve.mjs", dist, String(at), "/"], {
    env: { ...process.env, COMPRESS: "1", TLS: tls ? "1" : "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  servers.push(server);
  // Ready when it prints its address; a port already taken ends it instead.
  await new Promise((ok, fail) => {
    server.stdout.once("data", ok);
    server.once("exit", (code) => fail(new Error(`e2e/serve.mjs exited ${code} (is port ${at} taken?)`)));
  });
  return `${tls ? "https" : "http"}://127.0.0.1:${at}/`;
}

function run(cmd, args, env) {
  return new Promise((ok, fail) => {
    // The project's own npm tools, also when this script is run without make.
    const PATH = `${join(process.cwd(), "node_modules", ".bin")}:${process.env.PATH}`;
    const p = spawn(cmd, args, { env: { ...process.env, PATH, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    p.on("error", fail);
    p.on("exit", (code) => (code === 0 ? ok() : fail(new Error(`${cmd} exited ${code}`))));
  });
}

/**
 * Installable app: what Lighthouse's PWA category used to check. Run before
 * Lighthouse: the service worker fetches every file once, so the server has
 * compressed each before anything is timed (as a host's CDN has).
 */
async function installable(url) {
  const browser = await chromium.launch({ executablePath: chrome, args: browserFlags });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
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
    return [
      ["manifest has a name and short name", Boolean(manifest.name && manifest.short_name)],
      ["manifest has 192 px and 512 px icons", sizes.includes("192x192") && sizes.includes("512x512")],
      ["manifest opens standalone with a start URL", manifest.display === "standalone" && Boolean(manifest.start_url)],
      ["manifest has a theme colour", Boolean(manifest.theme_color)],
      ["a service worker controls the page", controlled],
      ["the app reloads offline", offline],
    ];
  } finally {
    await browser.close();
  }
}

/** Three Lighthouse runs of `url` (simulated throttling still varies a little). */
async function lighthouse(url) {
  const out = join(await mkdtemp(join(tmpdir(), "lighthouse-")), "report.json");
  const runs = [];
  for (let i = 0; i < 3; i++) {
    await run(
      "lighthouse",
      [url, "--quiet", "--form-factor=mobile", "--output=json", `--output-path=${out}`,
        `--chrome-flags=--headless=new --disable-dev-shm-usage ${browserFlags.join(" ")}`],
      { CHROME_PATH: chrome },
    );
    runs.push(JSON.parse(await readFile(out, "utf8")));
  }
  return runs;
}

/** Prints the medians of `runs`; with `gate`, whether each goal is met. */
function report(title, runs, gate) {
  let missed = false;
  const median = (f) => runs.map(f).sort((a, b) => a - b)[1];
  console.log(`${title}: Lighthouse ${runs[0].lighthouseVersion}, mobile preset, ${runs[0].finalDisplayedUrl} (median of 3):`);
  for (const id of ["performance", "accessibility", "best-practices", "seo"]) {
    const score = Math.round(median((r) => r.categories[id].score) * 100);
    const goal = gate ? goals[id] : undefined;
    const verdict = goal === undefined ? "" : score >= goal ? ` (goal ${goal}: met)` : ` (goal ${goal}: MISSED)`;
    if (goal !== undefined && score < goal) missed = true;
    console.log(`  ${id.padEnd(15)} ${String(score).padStart(3)}${verdict}`);
  }
  const metric = (id) => median((r) => r.audits[id].numericValue);
  const said = (id, text) => {
    const limit = gate ? limits[id] : undefined;
    if (limit === undefined) return text;
    if (metric(id) > limit) missed = true;
    return `${text} (at most ${limit}: ${metric(id) <= limit ? "met" : "MISSED"})`;
  };
  console.log(
    `  metrics: FCP ${Math.round(metric("first-contentful-paint"))} ms, ` +
      `${said("largest-contentful-paint", `LCP ${Math.round(metric("largest-contentful-paint"))} ms`)}, ` +
      `${said("total-blocking-time", `TBT ${Math.round(metric("total-blocking-time"))} ms`)}, ` +
      `CLS ${metric("cumulative-layout-shift").toFixed(3)}`,
  );
  // What the blocking time is made of (the run with the median score).
  const mid = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[1];
  const tasks = mid.audits["long-tasks"]?.details?.items ?? [];
  console.log(
    `  long tasks: ${tasks.length ? tasks.map((t) => `${Math.round(t.duration)} ms (${String(t.url).split("/").pop() || "page"})`).join(", ") : "none"}`,
  );
  return missed;
}

let failed = false;
try {
  const url = await serve(port, true);
  const plain = await serve(port + 1, false);
  const checks = await installable(url);
  // The same checks on the plain server: their answers are the same, and
  // they have that server compress every file before it is timed.
  await installable(plain);
  failed = report("HTTP/2 over TLS, as hosts serve it", await lighthouse(url), true) || failed;
  console.log("Installable app (PWA):");
  for (const [what, ok] of checks) {
    console.log(`  ${ok ? "pass" : "FAIL"}  ${what}`);
    if (!ok) failed = true;
  }
  report("For comparison, plain HTTP/1.1 (no goal)", await lighthouse(plain), false);
} finally {
  for (const server of servers) server.kill();
}
process.exit(failed ? 1 : 0);
