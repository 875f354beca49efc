// Optimising a long tour leaves the page answering: the search runs in
// slices between which the browser handles input, so a control used while
// it runs answers at once, not when the search is done.
import { test, expect } from "@playwright/test";

const STOPS = 200;
const uuid = (kind, i) => `00000000-0000-4000-8000-${(kind * 1_000_000 + i).toString(16).padStart(12, "0")}`;
const TOUR = uuid(2, 0);

/** A stored document: homes scattered over a city, a tour of STOPS of them. */
function document() {
  const now = Date.UTC(2026, 10, 2);
  const stamp = { created: now, updated: now };
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const properties = Array.from({ length: STOPS + 3 }, (_, i) => ({
    id: uuid(1, i),
    stamp,
    address: `${100 + i} Test Street`,
    coords: { lat: 45.45 + random() * 0.12, lon: -122.75 + random() * 0.18 },
  }));
  const tour = {
    id: TOUR,
    stamp,
    name: "A long day",
    start: { label: "Office", coords: { lat: 45.5, lon: -122.65 } },
    start_time: "09:00:00",
    default_duration_min: 20,
    buffer_min: 5,
    stops: properties.slice(0, STOPS).map((p, i) => ({ id: uuid(3, i), property: p.id })),
  };
  const envelope = { format: "showplan", version: 4, saved_at: new Date(now).toISOString(), document: { properties, tours: [tour] } };
  return JSON.stringify(envelope);
}

test("optimising a 200-stop tour leaves the page answering a control used meanwhile", async ({ page }) => {
  await page.goto("/data");
  await page.evaluate((text) => {
    localStorage.setItem("showplan.doc.active", "a");
    localStorage.setItem("showplan.doc.a", text);
  }, document());
  await page.goto(`/tours/${TOUR}`);
  const planner = page.getByTestId("tour-planner");
  await expect(page.getByTestId("stop-row")).toHaveCount(STOPS);
  const add = planner.getByRole("button", { name: "Add stop" });
  await expect(add).toBeDisabled();

  // When the result shows, and when the other control answers.
  await page.evaluate(() => {
    window.__when = {};
    new MutationObserver(() => {
      const result = document.querySelector("[data-testid=optimise-result]")?.textContent ?? "";
      if (result.includes("Best order found") && window.__when.result === undefined) window.__when.result = performance.now();
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Add stop");
      if (button && !button.disabled && window.__when.answered === undefined) window.__when.answered = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await planner.getByTestId("optimise").click();
  await planner.getByLabel("Home to add").selectOption({ index: 1 });
  await expect(add).toBeEnabled();
  await expect(page.getByTestId("optimise-result")).toContainText("Best order found");
  const when = await page.evaluate(() => window.__when);
  expect(when.answered, "the control answered before the search was done").toBeLessThan(when.result);
  await expect(page.getByTestId("stop-row")).toHaveCount(STOPS);
});
