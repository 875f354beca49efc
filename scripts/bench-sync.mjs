// Sync's times, in Chromium against a CouchDB-protocol server on loopback
// (npm pouchdb-server, in memory): a device holding 2,000 homes and 50 tours
// sends them all up (its first sync); an empty device brings them all
// down (its first sync), each from "Save and sync now" until the status
// says "Synced at"; then one home edited on the first device, timed until
// the second device (open meanwhile) shows it; then thirty photos of one
// home, timed until the second device keeps them all. Prints the seconds.
// Usage: node scripts/bench-sync.mjs [dist] [document.json]
// (the bundle's CONNECT_SRC must allow http://127.0.0.1:5013: make bench-sync)
import { readFileSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { openSeededPage } from "./bench-page.mjs";

const dist = process.argv[2] ?? "dist";
const stored = readFileSync(process.argv[3] ?? "target/bench/document-2000.json", "utf8");
const SERVER = "http://127.0.0.1:5013";
mkdirSync("target/pouchdb-bench", { recursive: true });
const couch = spawn("../../node_modules/.bin/pouchdb-server", ["--in-memory", "-p", "5013", "-o", "127.0.0.1"], {
  cwd: "target/pouchdb-bench",
  stdio: "ignore",
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${SERVER}/`)).ok) break;
  } catch {
    if (i > 100) throw new Error("pouchdb-server did not start");
  }
  await new Promise((r) => setTimeout(r, 100));
}
const database = `${SERVER}/bench-${Date.now()}`;
await fetch(database, { method: "PUT" });

const { page: full, origin, close } = await openSeededPage(dist, 8097, stored);
const empty = await (await full.context().browser().newContext({ viewport: { width: 1024, height: 768 } })).newPage();

/** Seconds from `start()` until the page's sync status says it synced; and what it said. */
async function timed(page, start) {
  const t0 = performance.now();
  await start();
  const status = page.getByTestId("sync-status");
  await status.filter({ hasText: "Synced at" }).waitFor({ timeout: 600_000 });
  return { seconds: (performance.now() - t0) / 1000, said: await status.innerText() };
}

async function turnOn(page) {
  await page.goto(`${origin}/data`);
  const sync = page.getByTestId("sync");
  await sync.getByLabel("Database address (CouchDB)").fill(database);
  await sync.getByLabel("Encryption passphrase").fill("bench passphrase words");
  return timed(page, () => sync.getByRole("button", { name: "Save and sync now" }).click());
}

const up = await turnOn(full);
console.log(`first sync of a device with 2,000 homes and 50 tours (all up): ${up.seconds.toFixed(2)} s — ${up.said}`);
const down = await turnOn(empty);
console.log(`first sync of an empty device (all down): ${down.seconds.toFixed(2)} s — ${down.said}`);

// One home edited on the first device while both are open (the second on
// the list of homes): from Save until the second device's list shows it,
// with nothing reloaded (the edit settles 1.5 s, goes up, and the second
// device's long-polled feed brings it down).
await empty.goto(`${origin}/properties`);
await empty.getByRole("link", { name: /^Sync status: Synced/ }).waitFor();
await full.goto(`${origin}/properties`);
await full.locator("[data-testid=property-list] li a").first().click();
await full.getByRole("link", { name: /^Sync status: Synced/ }).waitFor();
const address = full.getByTestId("property-form").getByLabel("Address", { exact: true });
await address.fill("1 Bench Edit Street");
const t0 = performance.now();
await full.getByTestId("property-form").getByRole("button", { name: "Save" }).click();
await empty.getByTestId("property-list").getByText("1 Bench Edit Street").first().waitFor({ timeout: 120_000 });
const reach = (performance.now() - t0) / 1000;
console.log(`one edit, from Save on one device until the other shows it (both open, nothing reloaded): ${reach.toFixed(2)} s`);
const arrived = await empty.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("showplan.doc.") && localStorage.getItem(k).length > 0));
if (!arrived) throw new Error("the second device holds no document");

// Thirty photos of one home, on the first device: from the moment they
// are all kept there until the second device (open meanwhile on the list
// of homes) keeps every one of them. Each photo is a 1,600 x 1,200 JPEG of
// noise, larger than most camera photos at that size.
const mediaCount = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open("showplan-media");
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("media")) return resolve(0);
          const request = db.transaction("media").objectStore("media").getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result.reduce((n, r) => [n[0] + 1, n[1] + (r.blob?.size ?? 0)], [0, 0]));
          };
        };
      }),
  );
const photos = await full.evaluate(async () => {
  const out = [];
  for (let i = 0; i < 30; i++) {
    const canvas = new OffscreenCanvas(1600, 1200);
    const context = canvas.getContext("2d");
    const pixels = context.createImageData(1600, 1200);
    for (let p = 0; p < pixels.data.length; p += 4) {
      const v = (Math.random() * 64 + ((p / 4) % 1600) / 8 + i * 4) | 0;
      pixels.data.set([v, 255 - v, (v * 3) & 255, 255], p);
    }
    context.putImageData(pixels, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.8 })).arrayBuffer());
    let binary = "";
    for (let j = 0; j < bytes.length; j += 0x8000) binary += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
    out.push(btoa(binary));
  }
  return out;
});
await full.getByTestId("photos").getByLabel("Choose photos").setInputFiles(
  photos.map((b64, i) => ({ name: `bench-${i}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(b64, "base64") })),
);
let kept;
for (;;) {
  kept = await mediaCount(full);
  if (kept[0] >= 30) break;
  await new Promise((r) => setTimeout(r, 50));
}
const m0 = performance.now();
for (;;) {
  const there = await mediaCount(empty);
  if (there[0] >= 30) break;
  if (performance.now() - m0 > 600_000) throw new Error(`only ${there[0]} photos reached the other device`);
  await new Promise((r) => setTimeout(r, 50));
}
const photosReach = (performance.now() - m0) / 1000;
console.log(
  `30 photos (${(kept[1] / 1e6).toFixed(1)} MB) of one home, from kept on one device until all kept on the other (both open): ${photosReach.toFixed(2)} s`,
);

await close();
couch.kill();
