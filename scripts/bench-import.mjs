// Importing an MLS export of 1,000 rows in Chromium: the time to read the
// file into the preview, the time from "Import" to the report, and the
// longest task the page ran meanwhile (what a tap would wait for).
// Usage: node scripts/bench-import.mjs [dist] [rows]
import { readFileSync } from "node:fs";
import { openSeededPage } from "./bench-page.mjs";

const dist = process.argv[2] ?? "dist";
const rows = Number(process.argv[3] ?? 1000);

// Rows like the test export's, each a different home.
const fixture = readFileSync("tests/fixtures/mls-export.csv", "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
const header = fixture[0];
const good = fixture.slice(1, 20).filter((line) => /^\d+ /.test(line) && /,\d{8}$/.test(line));
const lines = [header];
for (let i = 0; i < rows; i++) {
  const [number, ...rest] = good[i % good.length].split(" ");
  lines.push([`${Number(number) + i}`, ...rest].join(" ").replace(/,(\d{8})$/, `,${30000000 + i}`));
}
const csv = lines.join("\n");

// An empty document: the import is the first thing in it.
const { page, origin, close } = await openSeededPage(dist, 8095, null);
await page.addInitScript(() => {
  globalThis.longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.longest = Math.max(globalThis.longest, entry.duration);
  }).observe({ type: "longtask", buffered: false });
});
await page.goto(`${origin}/properties`);
await page.getByText("Import from a CSV file (MLS export)").click();
const input = page.getByLabel("CSV file");

let t0 = Date.now();
await input.setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
const button = page.getByRole("button", { name: `Import ${rows} rows` });
await button.waitFor();
const readMs = Date.now() - t0;
const readLongest = await page.evaluate(() => globalThis.longest);

await page.evaluate(() => (globalThis.longest = 0));
t0 = Date.now();
await button.click();
await page.getByTestId("csv-report").waitFor();
const importMs = Date.now() - t0;
const importLongest = await page.evaluate(() => globalThis.longest);
const shown = await page.getByTestId("shown-count").innerText();

console.log(`CSV import, ${rows} rows: reading into the preview ${readMs} ms (longest task ${readLongest.toFixed(0)} ms)`);
console.log(`CSV import, ${rows} rows: Import to the report ${importMs} ms (longest task ${importLongest.toFixed(0)} ms); list: ${shown}`);
await close();
