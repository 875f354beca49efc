// Photos and voice notes travel between an agent's own devices: each one a
// document of its own on the server (never inside the home's record), its
// bytes sealed on the device, brought down and kept byte for byte on the
// other device, and shown there without a reload when they arrive.
import { test, expect } from "@playwright/test";
import { cameraFiles, storedEnvelope, storedMediaBytes } from "./helpers.mjs";
import { newDatabase, turnOnSync, status } from "./sync-helpers.mjs";

async function newHome(page, address) {
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address", { exact: true }).fill(address);
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Waits until `count` photos show, each one drawn. */
async function drawn(photos, count) {
  const images = photos.getByTestId("photo").locator("img");
  await expect(images).toHaveCount(count, { timeout: 20_000 });
  await expect
    .poll(() => images.evaluateAll((imgs) => imgs.filter((i) => i.complete && i.naturalWidth > 0).length), { timeout: 20_000 })
    .toBe(count);
}

const mediaIds = async (page) => (await storedEnvelope(page)).document.properties.flatMap((p) => (p.media ?? []).map((m) => m.id));

test("photos and voice notes reach the agent's other device byte for byte, sealed on the server", async ({ browser }) => {
  const database = await newDatabase();
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await tabletContext.grantPermissions(["microphone"]);
  const tablet = await tabletContext.newPage();
  const home = await newHome(tablet, "12 Shutter Lane");
  const photos = tablet.getByTestId("photos");
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(tablet, ["#c00", "#0a0"], 2000, 1500));
  const cards = photos.getByTestId("photo");
  await expect(cards).toHaveCount(2);
  await cards.nth(0).getByLabel("Caption").fill("Cracked tile CAPTION-MARKER");
  await cards.nth(1).getByLabel("Room").fill("Kitchen");
  const notes = tablet.getByTestId("voice-notes");
  await notes.getByRole("button", { name: "Record a voice note" }).tap();
  await expect(notes.getByRole("status")).toContainText(/Recording… 0:0[1-9]/);
  await notes.getByRole("button", { name: "Stop and keep" }).tap();
  await expect(notes.getByTestId("voice-note")).toHaveCount(1);
  await expect.poll(async () => (await storedEnvelope(tablet)).document.properties.flatMap((p) => (p.media ?? []).map((m) => m.room || m.caption || m.kind))).toEqual(["Cracked tile CAPTION-MARKER", "Kitchen", "voice"]);
  const kept = await storedMediaBytes(tablet);
  const ids = await mediaIds(tablet);
  expect(Object.keys(kept).sort()).toEqual([...ids].sort());

  // One record and three photos and voice notes go up.
  await turnOnSync(tablet, database);
  await expect(status(tablet)).toContainText(/Synced at .*\(0 in, 4 out\)/);

  // The server: one document per photo or voice note, beside the home's
  // record, holding a sealed attachment only: no type, no picture, no words.
  const rows = (await (await fetch(`${database}/_all_docs?include_docs=true`)).json()).rows;
  expect(JSON.stringify(rows)).not.toContain("CAPTION-MARKER");
  const media = rows.filter((r) => r.id.startsWith("media-"));
  expect(media.map((r) => r.id).sort()).toEqual(ids.map((id) => `media-${id}`).sort());
  for (const { doc } of media) {
    expect(Object.keys(doc).sort()).toEqual(["_attachments", "_id", "_rev"]);
    expect(Object.keys(doc._attachments)).toEqual(["sealed"]);
    const sealed = Buffer.from(await (await fetch(`${database}/${doc._id}/sealed`)).arrayBuffer());
    const [mime, size] = kept[doc._id.slice("media-".length)].split(" ");
    // A nonce, the type and a line break, the bytes, the tag.
    expect(sealed.length).toBe(12 + mime.length + 1 + Number(size.split(":")[0]) + 16);
    for (const plain of ["image/", "audio/", "JFIF", "webm", "CAPTION-MARKER"]) expect(sealed.includes(Buffer.from(plain))).toBe(false);
  }

  // The agent's phone joins: the record and every photo and voice note
  // come down, kept exactly as the tablet keeps them.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage();
  await turnOnSync(phone, database);
  await expect(status(phone)).toContainText(/Synced at .*\(4 in, 0 out\)/);
  expect(await storedMediaBytes(phone)).toEqual(kept);
  await phone.goto(home);
  const theirPhotos = phone.getByTestId("photos");
  await drawn(theirPhotos, 2);
  expect(await theirPhotos.getByTestId("photo").locator("img").evaluateAll((imgs) => imgs.map((i) => [i.naturalWidth, i.naturalHeight]))).toEqual([[1600, 1200], [1600, 1200]]);
  await expect(theirPhotos.getByTestId("photo").nth(0).getByLabel("Caption")).toHaveValue("Cracked tile CAPTION-MARKER");
  await expect(theirPhotos.getByTestId("photo").nth(1).getByLabel("Room")).toHaveValue("Kitchen");
  const audio = phone.getByTestId("voice-note").locator("audio");
  await expect.poll(() => audio.evaluate((a) => a.readyState)).toBeGreaterThanOrEqual(1);

  // Both open on the home: a photo taken on the tablet shows on the phone
  // by itself, drawn, with nothing reloaded.
  await tablet.goto(home);
  await expect(cards).toHaveCount(2);
  await photos.getByLabel("Choose photos").setInputFiles(await cameraFiles(tablet, ["#00c"], 1200, 900));
  await expect(cards).toHaveCount(3);
  await drawn(theirPhotos, 3);
  expect(await storedMediaBytes(phone)).toEqual(await storedMediaBytes(tablet));

  // Deleted on the phone: gone from the tablet too.
  await theirPhotos.getByTestId("photo").nth(0).getByRole("button", { name: "Delete photo" }).tap();
  await expect(theirPhotos.getByTestId("photo")).toHaveCount(2);
  await expect(cards).toHaveCount(2, { timeout: 20_000 });
  await expect(cards.nth(0).getByLabel("Room")).toHaveValue("Kitchen");
});
