// A part of the app that cannot be fetched never stops the app or loses
// an edit: on a weak connection before the offline copy exists, and when a
// new version is deployed while a tab is open.
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addBuyer, expectStoredBuyer, fillStorage, heading, serveCopyOfDist } from "./helpers.mjs";

// No service worker: this is the first visit, before the offline copy.
test.use({ serviceWorkers: "block" });

test("offline, an edit is saved and a page that cannot load says so, then opens after Try again", async ({ page, context }) => {
  await page.goto("/buyers");
  await expect(heading(page)).toHaveText("Buyers");
  await context.setOffline(true);
  // The save path is in the shell: an edit made offline is saved at once.
  await addBuyer(page, "Offline Olga");
  await expectStoredBuyer(page, "Offline Olga");

  // Properties is a chunk not fetched yet: it cannot load.
  await page.getByRole("navigation").getByRole("link", { name: "Properties" }).tap();
  const problem = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(problem).toContainText("This part of Showplan could not be loaded. Check your connection and try again.");
  await expect(problem).toContainText("Your work is saved on this device.");
  // The app is still running: the shell answers, and the data is there.
  await page.getByRole("navigation").getByRole("link", { name: "Buyers" }).tap();
  await expect(page.getByTestId("buyer-list").getByText("Offline Olga", { exact: true })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Properties" }).tap();
  // Still offline: Try again fails again and says so again.
  await problem.getByRole("button", { name: "Try again" }).tap();
  await expect(problem).toBeVisible();

  await context.setOffline(false);
  await problem.getByRole("button", { name: "Try again" }).tap();
  await expect(heading(page)).toHaveText("Properties");
  await expect(problem).toHaveCount(0);
  await page.reload();
  await page.getByRole("navigation").getByRole("link", { name: "Buyers" }).tap();
  await expect(page.getByTestId("buyer-list").getByText("Offline Olga", { exact: true })).toBeVisible();
});

test("with storage full, the message does not claim the work is saved, and offers a backup", async ({ page, context }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Saved before");
  await expectStoredBuyer(page, "Saved before");
  await fillStorage(page);
  await context.setOffline(true);
  await addBuyer(page, "Only in memory");
  // The failed save's own message is in the shell: it shows offline too.
  const saveProblem = page.getByTestId("save-problem");
  await expect(saveProblem).toContainText("Storage is full");
  await expect(saveProblem.getByRole("button", { name: "Download backup" })).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Properties" }).tap();
  const problem = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(problem).toContainText("Your latest changes could not be saved on this device. Keep this page open and download a backup.");
  await expect(problem).not.toContainText("Your work is saved");
  await expect(problem.getByRole("button", { name: "Download backup" })).toBeVisible();
  await context.setOffline(false);
});

test("the message is in the user's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es", serviceWorkers: "block", hasTouch: true });
  const page = await context.newPage();
  await page.goto("/buyers");
  await expect(heading(page)).toHaveText("Compradores");
  await context.setOffline(true);
  await page.getByRole("navigation").getByRole("link", { name: "Inmuebles" }).tap();
  const problem = page.getByRole("alert").filter({ hasText: "No se pudo cargar esta parte" });
  await expect(problem).toContainText("Tu trabajo está guardado en este dispositivo.");
  await context.setOffline(false);
  await problem.getByRole("button", { name: "Reintentar" }).tap();
  await expect(heading(page)).toHaveText("Inmuebles");
  await context.close();
});

test.describe("a deploy while the app is open", () => {
  const PORT = 8094;
  const base = `http://127.0.0.1:${PORT}/`;
  let site;
  let host;

  test.beforeAll(async () => {
    host = await serveCopyOfDist(PORT, "deploy");
    site = host.dir;
  });

  test.afterAll(() => host?.stop());

  /** Replaces the build on the host: its pkg-<hash>/ folder goes, a new one comes. */
  function deployNewBuild() {
    const old = readdirSync(site).find((f) => f.startsWith("pkg-"));
    const next = "pkg-" + "0".repeat(16);
    renameSync(join(site, old), join(site, next));
    for (const file of ["index.html", "404.html"]) {
      const path = join(site, file);
      writeFileSync(path, readFileSync(path, "utf8").replaceAll(old, next));
    }
  }

  test("the open tab says a new version is out, keeps the edit, and reloads into it", async ({ page }) => {
    await page.goto(base + "buyers");
    await addBuyer(page, "Deploy Dana");
    // The buyer's form (a chunk of its own) is open when the deploy lands.
    await expect(page.getByTestId("buyer-form")).toBeVisible();
    deployNewBuild();
    await addBuyer(page, "After Deploy Abe");
    await page.getByRole("navigation").getByRole("link", { name: "Properties" }).tap();
    const problem = page.getByRole("alert").filter({ hasText: "new version" });
    await expect(problem).toContainText("A new version of Showplan was published while this page was open. Reload to continue.");
    await expectStoredBuyer(page, "After Deploy Abe");
    await problem.getByRole("button", { name: "Reload" }).tap();
    await expect(heading(page)).toHaveText("Properties");
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.src.includes("pkg-0000000000000000")))).toBe(true);
    await page.getByRole("navigation").getByRole("link", { name: "Buyers" }).tap();
    await expect(page.getByTestId("buyer-list").getByText("Deploy Dana", { exact: true })).toBeVisible();
    await expect(page.getByTestId("buyer-list").getByText("After Deploy Abe", { exact: true })).toBeVisible();
  });
});

// After a deploy that changes the saved format, a tab of the old version
// still open must not write over what the new version saved: it says so at
// once, keeps its edit for a backup, and offers to reload.
test("an older tab never writes over a newer version's save", async ({ context }) => {
  const old = await context.newPage();
  await old.goto("/buyers");
  await addBuyer(old, "Old Tab Olga");
  await expectStoredBuyer(old, "Old Tab Olga");

  // The newer version, in another tab, saves in a format this build does not know.
  const newer = await context.newPage();
  await newer.goto("/data");
  const saved = await newer.evaluate(() => {
    const envelope = JSON.stringify({
      format: "showplan",
      version: 99,
      saved_at: Date.now(),
      document: { buyers: [{ id: "7d1c0c1e-2f1a-4d3b-9c55-1a2b3c4d5e6f", name: "New Format Nadia" }] },
    });
    // As a save does: the spare slot, the note, then the switch.
    const spare = localStorage.getItem("showplan.doc.active") === "a" ? "b" : "a";
    localStorage.setItem(`showplan.doc.${spare}`, envelope);
    localStorage.setItem("showplan.format", "99");
    localStorage.setItem("showplan.doc.active", spare);
    return envelope;
  });
  await newer.close();

  const problem = old.getByTestId("save-problem");
  await expect(problem).toContainText("Showplan was updated in another tab, so this older tab cannot save.");
  // An edit here is kept in the tab, not written over the newer save.
  await addBuyer(old, "Unsaved Ursula");
  // Leaving the page writes a pending edit at once (no save delay to wait out).
  await old.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  await expect(problem).toBeVisible();
  expect(await old.evaluate(() => localStorage.getItem(`showplan.doc.${localStorage.getItem("showplan.doc.active")}`))).toBe(saved);
  // The backup carries this tab's edit.
  const [download] = await Promise.all([old.waitForEvent("download"), problem.getByRole("button", { name: "Download backup" }).tap()]);
  const backup = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  expect(backup).toContain("Unsaved Ursula");
  await expect(problem.getByRole("button", { name: "Reload" })).toBeVisible();
});
