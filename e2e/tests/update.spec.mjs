// A new version is deployed while an agent has the app open: the app says
// so, "Later" leaves the running version alone (and it asks again next
// time), "Reload" switches to the new version, and the data stays.
//
// The host here is a copy of dist/ on its own port. "Deploying" changes
// index.html and regenerates the service worker with Workbox, exactly as
// `make dist` does, so the new worker precaches a new revision.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addBuyer, serveCopyOfDist } from "./helpers.mjs";

const PORT = 8093;
const base = `http://127.0.0.1:${PORT}/`;
let site;
let host;

test.beforeAll(async () => {
  host = await serveCopyOfDist(PORT, "update");
  site = host.dir;
});

test.afterAll(() => host?.stop());

/** Publishes "version 2": a marked index.html (and 404.html) and a new service worker. */
function deployNewVersion() {
  for (const file of ["index.html", "404.html"]) {
    const path = join(site, file);
    const html = readFileSync(path, "utf8");
    // Before the title: the release build's minified HTML has no <head> tag.
    const marked = html.replace("<title>", '<meta name="showplan-test-release" content="2"><title>');
    if (marked === html) throw new Error(`no <title> in ${path}`);
    writeFileSync(path, marked);
  }
  execFileSync("npx", ["workbox", "generateSW", "workbox-config.cjs"], { env: { ...process.env, DIST: site }, stdio: "pipe" });
}

const release = (page) => page.locator('meta[name="showplan-test-release"]');

test("a new version is announced, can wait, and takes over on Reload with the data kept", async ({ page }) => {
  await page.goto(base + "buyers");
  await addBuyer(page, "Upgrade Uma");
  // The first visit installs the worker; the next load is the one it controls.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId("update-ready")).toHaveCount(0);

  deployNewVersion();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.getByTestId("update-ready");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("A new version of Showplan is ready");
  await expect(banner).toHaveAttribute("role", "status");
  // Nothing switched under the agent's feet: this is still the old page.
  await expect(release(page)).toHaveCount(0);

  // "Later": the banner goes, the old version keeps running...
  await banner.getByRole("button", { name: "Later" }).tap();
  await expect(banner).toHaveCount(0);
  // ...and the next time the app opens, it asks again.
  await page.reload();
  await expect(page.getByTestId("update-ready")).toBeVisible();
  await expect(release(page)).toHaveCount(0);
  await expect(page.getByText("Upgrade Uma")).toBeVisible();

  // "Reload": the waiting worker takes over and the page reloads once, on the new version.
  await page.getByTestId("update-ready").getByRole("button", { name: "Reload" }).tap();
  await expect(release(page)).toHaveCount(1);
  await expect(page.getByTestId("update-ready")).toHaveCount(0);
  await expect(page.getByText("Upgrade Uma")).toBeVisible();
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const keys = await caches.keys();
    return { waiting: reg.waiting !== null, active: reg.active?.state, precaches: keys.filter((k) => k.includes("precache")).length };
  });
  expect(state).toEqual({ waiting: false, active: "activated", precaches: 1 });

  // The new version is what the cache now serves, offline too.
  await page.context().setOffline(true);
  await page.reload();
  await expect(release(page)).toHaveCount(1);
  await expect(page.getByText("Upgrade Uma")).toBeVisible();
  await page.context().setOffline(false);
});
