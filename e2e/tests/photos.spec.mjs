// A home's own photos at tablet size: taken from files of a 12-megapixel
// camera, made smaller on the device, kept in IndexedDB across a reload,
// tied to rooms, deleted with undo, shown full screen with a swipe; and a
// device with no room left that loses neither the photo nor the data.
import { test, expect } from "@playwright/test";
import { cameraFiles, storedEnvelope, storedMediaBytes } from "./helpers.mjs";

/** Opens the first home of the sample data and returns its photos section. */
async function firstHome(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/properties");
  await page.getByTestId("property-list").getByRole("link").first().click();
  const photos = page.getByTestId("photos");
  await expect(photos.getByRole("heading", { name: "Photos" })).toBeVisible();
  return photos;
}

/** The natural size of each shown photo, once all have loaded. */
async function shownSizes(photos) {
  const images = photos.getByTestId("photo").locator("img");
  // Each card's picture is read from the device after the card shows:
  // wait for one per card, each drawn.
  const cards = await photos.getByTestId("photo").count();
  await expect(async () => {
    const done = await images.evaluateAll((imgs) => imgs.map((i) => i.complete && i.naturalWidth > 0));
    expect(done).toEqual(Array(cards).fill(true));
  }).toPass();
  return images.evaluateAll((imgs) => imgs.map((i) => [i.naturalWidth, i.naturalHeight]));
}

test("three camera photos of a home and two rooms are kept smaller, survive a reload, and come back with Undo", async ({ page }) => {
  const photos = await firstHome(page);
  const url = page.url();

  // The note on the seller's consent, once.
  await expect(photos.getByTestId("photo-consent")).toContainText("seller's consent");
  await photos.getByTestId("photo-consent").getByRole("button", { name: "Dismiss" }).tap();
  await expect(photos.getByTestId("photo-consent")).toHaveCount(0);

  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00", "#0a0", "#00c"]));
  const cards = photos.getByTestId("photo");
  await expect(cards).toHaveCount(3);
  expect(await shownSizes(photos)).toEqual([[1600, 1200], [1600, 1200], [1600, 1200]]);
  await cards.nth(0).getByLabel("Caption").fill("Front of the house");
  await cards.nth(1).getByLabel("Room").fill("Kitchen");
  await cards.nth(1).getByLabel("Caption").fill("Cracked tile by the sink");
  await cards.nth(2).getByLabel("Room").fill("Main bedroom");
  await expect(photos.getByTestId("storage-room")).toContainText("Showplan uses");

  // The document keeps only what the photos show, not their bytes.
  await expect.poll(async () => {
    const doc = (await storedEnvelope(page)).document;
    return doc.properties.flatMap((p) => (p.media ?? []).map((m) => [m.room ?? "", m.width, m.height]));
  }).toEqual([["", 1600, 1200], ["Kitchen", 1600, 1200], ["Main bedroom", 1600, 1200]]);
  const stored = JSON.stringify(await storedEnvelope(page));
  expect(stored.length).toBeLessThan(200_000);

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(cards).toHaveCount(3);
  expect(await shownSizes(photos)).toEqual([[1600, 1200], [1600, 1200], [1600, 1200]]);
  await expect(cards.nth(0).getByLabel("Caption")).toHaveValue("Front of the house");
  await expect(cards.nth(1).getByLabel("Room")).toHaveValue("Kitchen");
  await expect(cards.nth(2).getByLabel("Room")).toHaveValue("Main bedroom");
  await expect(photos.getByTestId("photo-consent")).toHaveCount(0);

  // Delete the kitchen photo, then undo: it is back in its place.
  await cards.nth(1).getByRole("button", { name: "Delete photo" }).tap();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1).getByLabel("Room")).toHaveValue("Main bedroom");
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(1).getByLabel("Caption")).toHaveValue("Cracked tile by the sink");
  expect(await shownSizes(photos)).toHaveLength(3);

  // Reorder: the bedroom first.
  await cards.nth(2).getByRole("button", { name: "Move earlier" }).tap();
  await cards.nth(1).getByRole("button", { name: "Move earlier" }).tap();
  await expect(cards.nth(0).getByLabel("Room")).toHaveValue("Main bedroom");
  await expect(cards.nth(0).getByRole("button", { name: "Move earlier" })).toBeDisabled();
});

test("photos open full screen and turn with a swipe, the arrow keys and the buttons", async ({ page }) => {
  const photos = await firstHome(page);
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00", "#0a0", "#00c"], 1200, 900));
  await expect(photos.getByTestId("photo")).toHaveCount(3);
  await photos.getByTestId("photo").nth(1).getByLabel("Caption").fill("Garden");

  await photos.getByRole("button", { name: "View photo 1 full screen" }).tap();
  const viewer = page.getByRole("dialog");
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText("Photo 1 of 3");

  // A finger moving from right to left shows the next photo.
  const box = await viewer.boundingBox();
  const y = box.y + box.height / 2;
  await viewer.dispatchEvent("pointerdown", { clientX: box.x + box.width * 0.8, clientY: y, pointerType: "touch" });
  await viewer.dispatchEvent("pointerup", { clientX: box.x + box.width * 0.2, clientY: y, pointerType: "touch" });
  await expect(viewer).toContainText("Photo 2 of 3");
  await expect(viewer).toContainText("Garden");
  await expect(viewer.getByRole("img", { name: "Garden" })).toBeVisible();

  await page.keyboard.press("ArrowRight");
  await expect(viewer).toContainText("Photo 3 of 3");
  await viewer.getByRole("button", { name: "Next photo" }).tap();
  await expect(viewer).toContainText("Photo 1 of 3");
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
});

test("a device with no room left keeps the photo in the tab and the data intact, and Try again stores it", async ({ page }) => {
  const photos = await firstHome(page);
  const before = await storedEnvelope(page);
  // The device refuses every write of a photo, as a full disk does.
  await page.evaluate(() => {
    window.__put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00"], 800, 600));
  const problem = photos.getByTestId("photo-not-saved");
  await expect(problem).toContainText("no room left for this photo");
  await expect(problem.getByRole("button", { name: "Download photo" })).toBeVisible();
  await expect(photos.getByTestId("photo")).toHaveCount(0);
  // Nothing of the document was lost or half-written.
  expect((await storedEnvelope(page)).document).toEqual(before.document);

  // Room again: Try again stores it, and the home names it.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = window.__put;
  });
  await problem.getByRole("button", { name: "Try again" }).tap();
  await expect(photos.getByTestId("photo-not-saved")).toHaveCount(0);
  await expect(photos.getByTestId("photo")).toHaveCount(1);
  await expect.poll(async () => (await storedEnvelope(page)).document.properties.flatMap((p) => p.media ?? []).length).toBe(1);
  await page.reload();
  await expect(photos.getByTestId("photo")).toHaveCount(1);
  expect(await shownSizes(photos)).toEqual([[800, 600]]);
});

test("back up everything, clear the device, restore: every photo and caption comes back byte for byte", async ({ page }) => {
  const photos = await firstHome(page);
  const url = page.url();
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00", "#0a0", "#00c"], 2000, 1500));
  const cards = photos.getByTestId("photo");
  await expect(cards).toHaveCount(3);
  await cards.nth(0).getByLabel("Caption").fill("Porch");
  await cards.nth(1).getByLabel("Room").fill("Kitchen");
  await cards.nth(2).getByLabel("Room").fill("Bathroom");
  await cards.nth(2).getByLabel("Caption").fill("Old tub");
  const storedBytes = () => storedMediaBytes(page);
  await expect.poll(async () => Object.keys(await storedBytes()).length).toBe(3);
  await expect.poll(async () => (await storedEnvelope(page)).document.properties.flatMap((p) => p.media ?? []).map((m) => m.caption ?? "")).toEqual(["Porch", "", "Old tub"]);
  const before = await storedBytes();
  const document = (await storedEnvelope(page)).document;

  await page.goto("/data");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Back up everything" }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^showplan-backup-.*\.zip$/);
  await expect(page.getByTestId("full-backup-done")).toBeVisible();
  const file = await download.path();

  // A new device: nothing stored, no photos.
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase("showplan-media");
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });
  await page.reload();
  await expect(page.getByTestId("data-counts")).toContainText("0 properties");

  await page.getByLabel("Backup file").setInputFiles(file);
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("25 properties");
  await expect(preview).toContainText("With 3 photos and voice notes.");
  await preview.getByRole("button", { name: "Replace everything" }).tap();
  await expect(page.getByTestId("import-done")).toHaveText("Backup restored.");
  expect(await storedBytes()).toEqual(before);
  expect((await storedEnvelope(page)).document).toEqual({ ...document, generation: expect.any(Number) });

  await page.goto(url);
  await expect(cards).toHaveCount(3);
  expect(await shownSizes(photos)).toEqual([[1600, 1200], [1600, 1200], [1600, 1200]]);
  await expect(cards.nth(0).getByLabel("Caption")).toHaveValue("Porch");
  await expect(cards.nth(2).getByLabel("Caption")).toHaveValue("Old tub");
});

test("a voice note is recorded in place, kept across a reload, played, and deleted with Undo", async ({ page, context }) => {
  await context.grantPermissions(["microphone"]);
  await firstHome(page);
  const notes = page.getByTestId("voice-notes");
  await expect(notes).toContainText("No voice notes yet.");
  await notes.getByRole("button", { name: "Record a voice note" }).tap();
  // The clock runs while it records; stop once it has passed a second.
  await expect(notes.getByRole("status")).toContainText(/Recording… 0:0[1-9]/);
  await notes.getByRole("button", { name: "Stop and keep" }).tap();
  const note = notes.getByTestId("voice-note");
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(/0:0[1-9]/);
  await note.getByLabel("Caption").fill("Kitchen smaller than it looked");
  await expect.poll(async () => (await storedEnvelope(page)).document.properties.flatMap((p) => p.media ?? []).map((m) => [m.kind, m.caption, m.duration_ms >= 1000])).toEqual([["voice", "Kitchen smaller than it looked", true]]);

  await page.reload();
  await expect(note).toHaveCount(1);
  await expect(note.getByLabel("Caption")).toHaveValue("Kitchen smaller than it looked");
  // It plays in place: the sound is there and has length.
  const audio = note.locator("audio");
  await expect(audio).toHaveAttribute("aria-label", /Voice note, 0:0[1-9]/);
  await expect.poll(() => audio.evaluate((a) => a.readyState)).toBeGreaterThanOrEqual(1);

  await note.getByRole("button", { name: "Delete voice note" }).tap();
  await expect(note).toHaveCount(0);
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
  await expect(note).toHaveCount(1);
  await expect(note.getByLabel("Caption")).toHaveValue("Kitchen smaller than it looked");
});

test("where the browser cannot record, there is no record button", async ({ page }) => {
  await page.addInitScript(() => {
    delete window.MediaRecorder;
  });
  await firstHome(page);
  await expect(page.getByTestId("voice-notes")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record a voice note" })).toHaveCount(0);
});

test("a tour's stop shows the home's photos, a link to all of them", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const firstStop = page.locator("li.stop").first();
  const address = (await firstStop.locator(".stop-address").innerText()).trim();
  await expect(firstStop.getByTestId("stop-photos")).toHaveCount(0);
  const tour = page.url();

  await page.goto("/properties");
  await page.getByTestId("property-list").getByRole("link", { name: address }).click();
  const photos = page.getByTestId("photos");
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00", "#0a0"], 800, 600));
  await expect(photos.getByTestId("photo")).toHaveCount(2);

  await page.goto(tour);
  const strip = page.locator("li.stop").first().getByRole("link", { name: "Photos of this home: 2" });
  await expect(strip).toBeVisible();
  await expect(strip.locator("img")).toHaveCount(2);
  await expect.poll(() => strip.locator("img").evaluateAll((imgs) => imgs.every((i) => i.complete && i.naturalWidth === 800))).toBe(true);
  // Thumbnails, with their styles (style/media.css) applied.
  expect(await strip.locator("img").evaluateAll((imgs) => imgs.map((i) => [i.clientWidth, i.clientHeight]))).toEqual([[64, 48], [64, 48]]);
  await strip.tap();
  await expect(page.getByTestId("photos").getByTestId("photo")).toHaveCount(2);
});

test("photos' styles come with the first page that shows a photo, not with the app", async ({ page }) => {
  const sheets = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".css")) sheets.push(new URL(r.url()).pathname.split("/").pop());
  });
  const photos = await firstHome(page);
  // Opening the app, the data page and a home without photos: the app's
  // own styles only.
  expect(sheets.filter((s) => s === "media.css")).toEqual([]);
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(page, ["#c00", "#0a0"], 1600, 1200));
  await expect(photos.getByTestId("photo")).toHaveCount(2);
  expect(sheets.filter((s) => s === "media.css")).toEqual(["media.css"]);
  // Drawn with them: a grid of cards, each picture a thumbnail within its
  // card, never the photo's 1,600 px.
  expect(await photos.getByTestId("photo-grid").evaluate((e) => getComputedStyle(e).display)).toBe("grid");
  const widths = await photos.getByTestId("photo").locator("img").evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().width));
  expect(widths).toHaveLength(2);
  for (const w of widths) expect(w).toBeLessThan(500);
  // Another home, and back: fetched once.
  await page.goBack();
  await page.goForward();
  await expect(photos.getByTestId("photo")).toHaveCount(2);
  expect(sheets.filter((s) => s === "media.css")).toEqual(["media.css"]);
});
