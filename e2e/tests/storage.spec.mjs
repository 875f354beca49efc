// The saved document: reloads, corrupt data, full storage, two tabs, backups.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { addBuyer, expectStoredBuyer, fillStorage, heading, storedBuyerNames, storedEnvelope } from "./helpers.mjs";

test("data survives a reload", async ({ page }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Ana Popescu");
  await expectStoredBuyer(page, "Ana Popescu");
  await page.reload();
  await expect(page.getByTestId("buyer-list").getByText("Ana Popescu")).toBeVisible();
  await expect(page.getByText("1 buyer", { exact: true })).toBeVisible();
});

test("an edit is kept when the page is left at once, before the save delay", async ({ page }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Quick Quentin");
  // No waiting for the debounced save: leaving the page writes it (pagehide),
  // synchronously, with the writing code fetched at the first touch.
  await page.reload();
  await expect(page.getByTestId("buyer-list").getByText("Quick Quentin")).toBeVisible();
  expect(await storedBuyerNames(page)).toEqual(["Quick Quentin"]);
});

test("loading the sample says so only once it is stored", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  // No waiting: the message means the data is already in storage, so
  // leaving the page at once loses nothing.
  const names = await storedBuyerNames(page);
  expect(names.length).toBeGreaterThan(0);
  await page.goto("/buyers");
  await expect(page.getByTestId("buyer-list").getByText(names[0], { exact: true })).toBeVisible();
});

test("opening the app writes nothing until something changes", async ({ page }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Still Stella");
  await expectStoredBuyer(page, "Still Stella");
  const before = await storedEnvelope(page);
  await page.reload();
  await expect(page.getByTestId("buyer-list").getByText("Still Stella")).toBeVisible();
  await page.getByRole("link", { name: "Properties", exact: true }).tap();
  await expect(heading(page)).toHaveText("Properties");
  await page.reload();
  await expect(heading(page)).toHaveText("Properties");
  // The same save, not a rewrite: saved_at is unchanged.
  expect((await storedEnvelope(page)).saved_at).toBe(before.saved_at);
});

test("an empty name gets a clear message and adds nothing", async ({ page }) => {
  await page.goto("/buyers");
  await page.getByRole("button", { name: "Add buyer" }).tap();
  await expect(page.getByRole("alert")).toHaveText("Enter the buyer's name.");
  await expect(page.getByText("0 buyers", { exact: true })).toBeVisible();
});

test("a corrupt stored document is set aside, announced, and the app stays usable", async ({ page }) => {
  const corrupt = '{"format":"showplan","version":2,"document":{"buyers":[{"name":12';
  await page.goto("/buyers");
  await page.evaluate((text) => {
    localStorage.setItem("showplan.doc.active", "a");
    localStorage.setItem("showplan.doc.a", text);
  }, corrupt);
  await page.reload();

  const banner = page.getByTestId("unreadable-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("could not be read");
  await expect(banner.getByRole("button", { name: "Download the unreadable data" })).toBeVisible();

  const asideKeys = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("showplan.unreadable.")));
  const keys = await asideKeys();
  expect(keys).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), keys[0])).toBe(corrupt);

  // Downloading gives back the original bytes.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    banner.getByRole("button", { name: "Download the unreadable data" }).tap(),
  ]);
  expect(await readFile(await download.path(), "utf8")).toBe(corrupt);

  // Still usable; saving later never touches the copy set aside.
  await addBuyer(page, "After the crash");
  await expectStoredBuyer(page, "After the crash");
  expect(await page.evaluate((k) => localStorage.getItem(k), keys[0])).toBe(corrupt);

  // A reload does not make a second copy, and start fresh clears the banner.
  await page.reload();
  await expect(page.getByTestId("unreadable-banner")).toHaveCount(0);
  await expect(page.getByTestId("buyer-list").getByText("After the crash")).toBeVisible();
  expect(await asideKeys()).toEqual(keys);
});

test("start fresh replaces unreadable data with an empty planner and keeps the copy", async ({ page }) => {
  await page.goto("/buyers");
  await page.evaluate(() => localStorage.setItem("showplan.doc.a", "not json at all"));
  await page.reload();
  await page.getByRole("button", { name: "Start fresh" }).tap();
  await expect(page.getByTestId("unreadable-banner")).toHaveCount(0);
  await addBuyer(page, "Fresh start");
  await expectStoredBuyer(page, "Fresh start");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("showplan.unreadable."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(["not json at all"]);
});

test("a full storage shows a message, keeps the edit in the tab and the last good copy", async ({ page }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Saved before");
  await expectStoredBuyer(page, "Saved before");

  await fillStorage(page);

  await addBuyer(page, "Only in memory");
  const problem = page.getByTestId("save-problem");
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("Storage is full");
  await expect(problem.getByRole("button", { name: "Download backup" })).toBeVisible();
  await expect(page.getByTestId("buyer-list").getByText("Only in memory")).toBeVisible();
  expect(await storedBuyerNames(page)).toEqual(["Saved before"]);

  // Free space, retry: the edit is saved and the message goes.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler-")) localStorage.removeItem(k);
  });
  await problem.getByRole("button", { name: "Try saving again" }).tap();
  await expect(page.getByTestId("save-problem")).toHaveCount(0);
  expect(await storedBuyerNames(page)).toEqual(["Saved before", "Only in memory"]);
});

test("two tabs editing different records keep both edits", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/buyers");
  await two.goto("/buyers");
  await expect(heading(two)).toHaveText("Buyers");

  await addBuyer(one, "Added in tab one");
  await addBuyer(two, "Added in tab two");

  for (const page of [one, two]) {
    await expect(page.getByTestId("buyer-list").getByText("Added in tab one")).toBeVisible();
    await expect(page.getByTestId("buyer-list").getByText("Added in tab two")).toBeVisible();
  }
  await expect.poll(async () => (await storedBuyerNames(one)).sort()).toEqual(["Added in tab one", "Added in tab two"]);
  await one.reload();
  await expect(one.getByText("2 buyers", { exact: true })).toBeVisible();
});

test("another tab's changes arriving never move the page under the user's finger", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/buyers");
  await two.goto("/buyers");
  await expect(heading(two)).toHaveText("Buyers");
  const add = two.getByRole("button", { name: "Add buyer" });
  const before = await add.boundingBox();

  // Tab one's save reaches tab two while its user is about to tap Add.
  await addBuyer(one, "Added in tab one");
  await expect(two.getByTestId("other-tab-notice")).toBeVisible();
  await expect(two.getByTestId("buyer-list").getByText("Added in tab one")).toBeVisible();
  expect(await add.boundingBox()).toEqual(before);
  // The notice covers nothing the user was about to tap.
  const notice = await two.getByTestId("other-tab-notice").boundingBox();
  expect(notice.y).toBeGreaterThan(before.y + before.height);
});

test("replace everything with a second tab open stays replaced in both tabs after both reload", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/buyers");
  await addBuyer(one, "In the backup");
  await expectStoredBuyer(one, "In the backup");
  await one.goto("/data");
  const [download] = await Promise.all([
    one.waitForEvent("download"),
    one.getByRole("main").getByRole("button", { name: "Download backup" }).tap(),
  ]);
  const file = await download.path();

  // Work done after the backup, open in both tabs.
  await one.goto("/buyers");
  await addBuyer(one, "After the backup");
  await two.goto("/buyers");
  await expect(two.getByTestId("buyer-list").getByText("After the backup")).toBeVisible();

  // Tab one restores the backup: everything is replaced.
  await one.goto("/data");
  await one.getByLabel("Backup file").setInputFiles(file);
  await one.getByTestId("import-preview").getByRole("button", { name: "Replace everything" }).tap();
  await expect(one.getByTestId("import-done")).toHaveText("Backup restored.");

  // Tab two takes the restored data whole and says so, instead of merging
  // its copy (with the dropped buyer) back.
  await expect(two.getByTestId("replaced-notice")).toContainText("All data was replaced in another tab");
  await expect(two.getByTestId("buyer-list").getByText("After the backup")).toHaveCount(0);
  await expect(two.getByTestId("buyer-list").getByText("In the backup")).toBeVisible();
  await addBuyer(two, "Added in tab two since");

  for (const page of [one, two]) {
    await page.goto("/buyers");
    await page.reload();
    const list = page.getByTestId("buyer-list");
    await expect(list.getByText("Added in tab two since")).toBeVisible();
    await expect(list.getByText("In the backup")).toBeVisible();
    await expect(list.getByText("After the backup")).toHaveCount(0);
  }
  expect((await storedBuyerNames(one)).sort()).toEqual(["Added in tab two since", "In the backup"]);
});

test("a buyer form open in two tabs asks before its save undoes the other tab's", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/buyers");
  await addBuyer(one, "Shared Sam");
  await expectStoredBuyer(one, "Shared Sam");
  await two.goto(one.url());
  const formOne = one.getByTestId("buyer-form");
  const formTwo = two.getByTestId("buyer-form");
  await expect(formTwo.getByLabel("Name", { exact: true })).toHaveValue("Shared Sam");

  await formOne.getByLabel("Phone").fill("+1 503 555 0101");
  await formOne.getByRole("button", { name: "Save" }).tap();
  await expect(formOne.getByText("Saved.")).toBeVisible();
  await expect.poll(async () => (await storedEnvelope(two))?.document.buyers[0].contacts?.[0]?.phone).toBe("+1 503 555 0101");

  // Tab two's form was opened before that save: saving it as it is would
  // put the old (empty) phone back. It asks instead.
  await formTwo.getByLabel("Notes").fill("Prefers mornings");
  await formTwo.getByRole("button", { name: "Save" }).tap();
  const conflict = formTwo.getByTestId("edit-conflict");
  await expect(conflict).toContainText("This record was saved in another tab, or came from another device, after you opened it here.");
  await expect(formTwo.getByText("Saved.")).toHaveCount(0);
  await conflict.getByRole("button", { name: "Load the other version" }).tap();
  await expect(formTwo.getByLabel("Phone")).toHaveValue("+1 503 555 0101");
  await expect(conflict).toHaveCount(0);
  await formTwo.getByLabel("Notes").fill("Prefers mornings");
  await formTwo.getByRole("button", { name: "Save" }).tap();
  await expect(formTwo.getByText("Saved.")).toBeVisible();
  await expect
    .poll(async () => {
      const buyer = (await storedEnvelope(one))?.document.buyers[0];
      return [buyer?.contacts?.[0]?.phone, buyer?.notes];
    })
    .toEqual(["+1 503 555 0101", "Prefers mornings"]);

  // Saving again with nothing new from elsewhere asks nothing.
  await formTwo.getByLabel("Notes").fill("Prefers mornings, weekdays");
  await formTwo.getByRole("button", { name: "Save" }).tap();
  await expect(formTwo.getByText("Saved.")).toBeVisible();
  await expect(conflict).toHaveCount(0);
});

test("export, clear, import restores the same data", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("data-counts")).toContainText("25 properties");
  await expect.poll(async () => (await storedEnvelope(page))?.document.properties.length).toBe(25);
  const before = (await storedEnvelope(page)).document;

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("main").getByRole("button", { name: "Download backup" }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^showplan-backup-.*\.json$/);
  const file = await download.path();
  expect(JSON.parse(await readFile(file, "utf8")).document).toEqual(before);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId("data-counts")).toContainText("0 properties");

  await page.getByLabel("Backup file").setInputFiles(file);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("3 buyers");
  await expect(preview).toContainText("25 properties");
  await expect(preview).toContainText("1 tour");
  await preview.getByRole("button", { name: "Replace everything" }).tap();
  await expect(page.getByTestId("import-done")).toHaveText("Backup restored.");
  await expect(page.getByTestId("data-counts")).toContainText("25 properties");
  // The same records, as a new generation (other tabs take it whole).
  await expect.poll(async () => (await storedEnvelope(page))?.document).toEqual({ ...before, generation: expect.any(Number) });
});

test("a foreign or newer file is refused with a clear message and changes nothing", async ({ page }) => {
  await page.goto("/buyers");
  await addBuyer(page, "Keep me");
  await expectStoredBuyer(page, "Keep me");
  await page.getByRole("navigation").getByRole("link", { name: "Backup" }).tap();
  const input = page.getByLabel("Backup file");
  const error = page.getByTestId("import-error");

  await input.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("hello") });
  await expect(error).toContainText("cannot be read as JSON");

  await input.setInputFiles({
    name: "todo.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ todos: [{ title: "milk" }] })),
  });
  await expect(error).toContainText("not a Showplan backup");

  await input.setInputFiles({
    name: "future.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "showplan", version: 99, document: {} })),
  });
  await expect(error).toContainText("newer version");

  await expect(page.getByTestId("data-counts")).toContainText("1 buyer");
  expect(await storedBuyerNames(page)).toEqual(["Keep me"]);
});

test("blocked storage gets a clear message, the app works in memory and offers a backup", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const page = await context.newPage();
  await page.goto("http://127.0.0.1:8091/buyers");
  const problem = page.getByTestId("save-problem");
  await expect(problem).toContainText("not letting Showplan save");
  await addBuyer(page, "Kept in memory");
  await expect(page.getByText("1 buyer", { exact: true })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    problem.getByRole("button", { name: "Download backup" }).tap(),
  ]);
  const backup = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(backup.document.buyers.map((b) => b.name)).toEqual(["Kept in memory"]);
  await context.close();
});

// The reminder waits for work worth saving (not the first buyer, not the
// sample data), goes with "Later" for a day, and comes back a week after a
// backup (domain::backup, README "Backups").
test("the backup reminder comes when there is work to save, and on its schedule", async ({ page }) => {
  const reminder = page.getByTestId("backup-reminder");
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/buyers");
  await addBuyer(page, "Own One");
  await expect(page.getByTestId("buyer-list").getByRole("listitem")).toHaveCount(4);
  // Sample data and one buyer of the agent's own: no reminder yet.
  await expect(reminder).toHaveCount(0);
  for (const name of ["Two", "Three", "Four", "Five"]) await addBuyer(page, `Own ${name}`);
  await expect(reminder).toBeVisible();
  await expect(reminder).toContainText("Back up your work");

  // "Later" puts it off for a day, across a reload.
  await reminder.getByRole("button", { name: "Later" }).tap();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("buyer-list").getByText("Own Five")).toBeVisible();
  await expect(reminder).toHaveCount(0);
  // A day later it is back.
  await page.evaluate(() =>
    localStorage.setItem("showplan.backup-later", new Date(Date.now() - 25 * 3600 * 1000).toISOString()),
  );
  await page.reload();
  await expect(reminder).toBeVisible();

  // A backup sends it away for a week...
  await Promise.all([page.waitForEvent("download"), reminder.getByRole("button", { name: "Download backup" }).tap()]);
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("buyer-list").getByText("Own Five")).toBeVisible();
  await expect(reminder).toHaveCount(0);
  // ...after which it says how long it has been.
  await page.evaluate(() =>
    localStorage.setItem("showplan.last-backup", new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString()),
  );
  await page.reload();
  await expect(reminder).toContainText("Your last backup was 8 days ago.");
});

// boot.js unpacks the saved document with the browser's DecompressionStream
// while the wasm compiles; without it (an older browser), the app unpacks it
// itself. Both open the same data, accents and all.
test("the saved document opens the same unpacked by the browser or by the app", async ({ context }) => {
  const page = await context.newPage();
  await page.goto("/buyers");
  await addBuyer(page, "Ștefan Nguyễn");
  await expectStoredBuyer(page, "Ștefan Nguyễn");
  expect(await page.evaluate(() => localStorage.getItem(`showplan.doc.${localStorage.getItem("showplan.doc.active")}`).startsWith("SPZ1:"))).toBe(true);

  const native = await context.newPage();
  await native.addInitScript(() => {
    const Native = DecompressionStream;
    globalThis.unpackedByBrowser = 0;
    globalThis.DecompressionStream = class extends Native {
      constructor(format) {
        super(format);
        globalThis.unpackedByBrowser += 1;
      }
    };
  });
  await native.goto("/buyers");
  await expect(native.getByTestId("buyer-list").getByText("Ștefan Nguyễn")).toBeVisible();
  expect(await native.evaluate(() => globalThis.unpackedByBrowser)).toBe(1);

  const without = await context.newPage();
  await without.addInitScript(() => {
    delete globalThis.DecompressionStream;
  });
  await without.goto("/buyers");
  await expect(without.getByTestId("buyer-list").getByText("Ștefan Nguyễn")).toBeVisible();
  expect(await without.evaluate(() => typeof DecompressionStream)).toBe("undefined");
});
