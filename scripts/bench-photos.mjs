// Photos on the device, in Chromium on dist/: the time to keep one
// 12-megapixel photo (made smaller, then written to IndexedDB), the time to
// open a home with 30 photos until every one shows, the storage 200 photos
// take, and the time to back up all 200 into one file and restore them.
// The camera pictures are 4000 x 3000 with fine detail (a gradient with
// noise), so they compress about as a real photo does.
// Usage: node scripts/bench-photos.mjs [dist] [photos=200]
import { readFile } from "node:fs/promises";
import { openSeededPage } from "./bench-page.mjs";

const dist = process.argv[2] ?? "dist";
const TOTAL = Number(process.argv[3] ?? 200);
const { page, origin, close } = await openSeededPage(dist, 8097, null);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** `count` camera files, made in the page (JPEG 0.92, as phones write). */
async function cameraFiles(count, seed) {
  const encoded = await page.evaluate(
    async ({ count, seed }) => {
      const out = [];
      for (let n = 0; n < count; n++) {
        const canvas = new OffscreenCanvas(4000, 3000);
        const context = canvas.getContext("2d");
        const gradient = context.createLinearGradient(0, 0, 4000, 3000);
        gradient.addColorStop(0, `hsl(${(seed + n) * 37 % 360} 60% 60%)`);
        gradient.addColorStop(1, `hsl(${(seed + n) * 53 % 360} 50% 30%)`);
        context.fillStyle = gradient;
        context.fillRect(0, 0, 4000, 3000);
        const noise = context.createImageData(400, 300);
        for (let i = 0; i < noise.data.length; i += 4) {
          const v = Math.random() * 80;
          noise.data[i] = noise.data[i + 1] = noise.data[i + 2] = v;
          noise.data[i + 3] = 60;
        }
        const tile = new OffscreenCanvas(400, 300);
        tile.getContext("2d").putImageData(noise, 0, 0);
        for (let x = 0; x < 4000; x += 400) for (let y = 0; y < 3000; y += 300) context.drawImage(tile, x, y);
        const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        out.push(btoa(binary));
      }
      return out;
    },
    { count, seed },
  );
  return encoded.map((b64, i) => ({ name: `IMG_${seed + i}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(b64, "base64") }));
}

const cards = () => page.getByTestId("photos").getByTestId("photo");
async function addPhotos(files) {
  const before = await cards().count();
  const t0 = Date.now();
  await page.getByTestId("photos").getByLabel("Choose photos").setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=photo]").length >= n, before + files.length, { timeout: 600_000, polling: 20 });
  return Date.now() - t0;
}

// A home to hold the photos: the sample's first.
await page.goto(`${origin}/data`);
await page.getByTestId("load-sample").click();
await page.getByTestId("sample-loaded").waitFor();
await page.goto(`${origin}/properties`);
await page.getByTestId("property-list").getByRole("link").first().click();
await page.getByTestId("photos").waitFor();
const home = page.url();

const one = [];
for (let i = 0; i < 5; i++) one.push(await addPhotos(await cameraFiles(1, i)));
const camera = (await cameraFiles(1, 99))[0].buffer.length;
console.log(`keep one 12-megapixel photo (${mb(camera)} MB from the camera; made smaller, written): median ${median(one)} ms of 5 (${one.join(", ")})`);

while ((await cards().count()) < 30) await addPhotos(await cameraFiles(Math.min(5, 30 - (await cards().count())), 100 + (await cards().count())));
const opens = [];
for (let i = 0; i < 5; i++) {
  await page.goto(`${origin}/buyers`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  const t0 = Date.now();
  await page.goto(home);
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll("[data-testid=photo] img")];
    return imgs.length === 30 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, null, { timeout: 60_000, polling: 10 });
  opens.push(Date.now() - t0);
}
console.log(`open a home with 30 photos until all show: median ${median(opens)} ms of 5 (${opens.join(", ")})`);

const adding = Date.now();
while ((await cards().count()) < TOTAL) await addPhotos(await cameraFiles(Math.min(10, TOTAL - (await cards().count())), 200 + (await cards().count())));
const addSeconds = (Date.now() - adding) / 1000;
const stored = await page.evaluate(async () => {
  const db = await new Promise((resolve) => {
    const open = indexedDB.open("showplan-media");
    open.onsuccess = () => resolve(open.result);
  });
  const all = await new Promise((resolve) => {
    const request = db.transaction("media").objectStore("media").getAll();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return { count: all.length, bytes: all.reduce((sum, r) => sum + r.blob.size, 0) };
});
const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
console.log(`${stored.count} photos kept: ${mb(stored.bytes)} MB of photos (${Math.round(stored.bytes / stored.count / 1000)} KB each), the origin uses ${mb(estimate)} MB in all; adding ${TOTAL - 30} more took ${addSeconds.toFixed(0)} s`);

await page.goto(`${origin}/data`);
const t0 = Date.now();
const [download] = await Promise.all([
  page.waitForEvent("download", { timeout: 600_000 }),
  page.getByRole("button", { name: "Back up everything" }).click(),
]);
const file = await download.path();
const backupMs = Date.now() - t0;
const size = (await readFile(file)).length;
console.log(`back up everything (${stored.count} photos): ${backupMs} ms, a ${mb(size)} MB file`);

await page.evaluate(async () => {
  localStorage.clear();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase("showplan-media");
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
});
await page.reload();
const t1 = Date.now();
await page.getByLabel("Backup file").setInputFiles(file);
await page.getByTestId("import-preview").getByRole("button", { name: "Replace everything" }).click();
await page.getByTestId("import-done").waitFor({ timeout: 600_000 });
console.log(`restore it on an empty device: ${Date.now() - t1} ms (read, preview, then every photo written)`);
await close();
