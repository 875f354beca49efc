// The time of one edit, with 2,000 homes and 50 tours stored, in Chromium:
// a stop's duration on a tour of 15 stops (every later stop is re-timed),
// a stop's note on that tour (nothing else changes), and a feature ticked
// on one home of the 2,000. Each is the time from the change event until
// the page's work for it is done (its microtasks, where Leptos re-renders,
// and the task after), median of 15.
// Usage: node scripts/bench-edit.mjs [dist] [document.json]
import { readFileSync } from "node:fs";
import { openSeededPage } from "./bench-page.mjs";

const dist = process.argv[2] ?? "dist";
const stored = readFileSync(process.argv[3] ?? "target/bench/document-2000.json", "utf8");
const RUNS = 15;
const { page, origin, close } = await openSeededPage(dist, 8096, stored);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times `RUNS` changes of the field `selector` (the nth match), set to values from `value(i)`. */
async function timeChanges(selector, nth, value) {
  return page.evaluate(
    async ({ selector, nth, runs, values }) => {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const field = document.querySelectorAll(selector)[nth];
        if (field.type === "checkbox") field.checked = !field.checked;
        else field.value = values[i];
        const t0 = performance.now();
        field.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        times.push(performance.now() - t0);
        // Let the debounced save run between edits, as between a user's edits.
        await new Promise((r) => setTimeout(r, 300));
      }
      return times;
    },
    { selector, nth, runs: RUNS, values: Array.from({ length: RUNS }, (_, i) => value(i)) },
  );
}

await page.goto(`${origin}/tours`);
await page.getByRole("link", { name: "Tour 1", exact: true }).click();
await page.waitForFunction(() => document.querySelectorAll("[data-testid=stop-row]").length === 15);
const duration = await timeChanges("[name=stop-duration]", 7, (i) => String(20 + (i % 5)));
const note = await timeChanges("[name=stop-note]", 3, (i) => `note ${i}`);
console.log(`tour of 15 stops, one stop's duration changed (8 later stops re-timed): median ${median(duration).toFixed(1)} ms`);
console.log(`tour of 15 stops, one stop's note changed: median ${median(note).toFixed(1)} ms`);

await page.goto(`${origin}/properties`);
await page.waitForSelector("[data-testid=property-list] li a");
await page.locator("[data-testid=property-list] li a").first().click();
await page.waitForSelector("[data-testid=features] input[type=checkbox]");
const feature = await timeChanges("[data-testid=features] input[type=checkbox]", 0, () => "");
console.log(`2,000 homes listed beside one home, a feature ticked on it: median ${median(feature).toFixed(1)} ms`);
await close();
