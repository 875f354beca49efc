// The tour planner on a tablet: six stops with one appointment, optimise,
// drag a stop with a finger, a broken window warned about, a reload.
import { test, expect } from "@playwright/test";

async function loadSample(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByText("Sample data loaded.")).toBeVisible();
}

const addresses = (page) => page.getByTestId("stop-row").locator(".stop-address").allInnerTexts();
const times = (page) => page.getByTestId("stop-times").allInnerTexts();

/** Drags with a finger (real touch events, which the browser turns into pointer events). */
async function touchDrag(page, from, to) {
  const cdp = await page.context().newCDPSession(page);
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  const x = a.x + a.width / 2;
  const y0 = a.y + a.height / 2;
  const y1 = b.y + b.height * 0.8;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 8; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y0 + ((y1 - y0) * i) / 8 }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("a six-stop tour keeps its appointment, optimises, drags by touch, warns, and survives a reload", async ({ page }) => {
  await loadSample(page);
  await page.goto("/tours");
  await page.getByTestId("new-tour").tap();
  const planner = page.getByTestId("tour-planner");
  await expect(planner).toBeVisible();

  await planner.getByLabel("Start location (lat, lon or map link)").fill("somewhere nice");
  await planner.getByLabel("Start location (lat, lon or map link)").press("Tab");
  await expect(planner.getByRole("alert").filter({ hasText: "No coordinates found." })).toBeVisible();
  await planner.getByLabel("Start location (lat, lon or map link)").fill("45.5122, -122.6525");
  await planner.getByLabel("Start location (lat, lon or map link)").press("Tab");
  await planner.getByLabel("Start time").fill("09:00");
  await planner.getByLabel("Start time").press("Tab");

  for (let i = 0; i < 6; i++) {
    await planner.getByLabel("Home to add").selectOption({ index: 1 + i * 3 });
    await planner.getByRole("button", { name: "Add stop" }).tap();
    await expect(page.getByTestId("stop-row")).toHaveCount(i + 1);
  }
  await expect(page.getByTestId("route-map").locator(".marker")).toHaveCount(7);

  // The third stop becomes an appointment at 11:00.
  const third = page.getByTestId("stop-row").nth(2);
  const pinnedAddress = await third.locator(".stop-address").innerText();
  await third.getByLabel("Timing").selectOption("pinned");
  await third.getByLabel("At", { exact: true }).fill("11:00");
  await third.getByLabel("At", { exact: true }).press("Tab");
  const pinnedRow = page.getByTestId("stop-row").filter({ hasText: pinnedAddress });
  await expect(pinnedRow.getByTestId("stop-times")).toContainText("show 11:00 AM");

  const before = await addresses(page);
  await planner.getByTestId("optimise").tap();
  await expect(page.getByTestId("optimise-result")).toContainText("Best order found");
  await expect(pinnedRow.getByTestId("stop-times")).toContainText("show 11:00 AM");
  await expect(page.getByTestId("stop-warning")).toHaveCount(0);
  const optimised = await addresses(page);
  expect([...optimised].sort()).toEqual([...before].sort());

  // Drag the first stop below the fourth with a finger: the order and times change.
  const timesBefore = await times(page);
  const rows = page.getByTestId("stop-row");
  await touchDrag(page, rows.nth(0).locator(".drag-handle"), rows.nth(3));
  await expect.poll(() => addresses(page)).toEqual([optimised[1], optimised[2], optimised[3], optimised[0], optimised[4], optimised[5]]);
  expect(await times(page)).not.toEqual(timesBefore);
  await expect(page.getByTestId("undo-toast")).toContainText("Stop moved.");

  // A window that has closed before the agent can get there is warned about.
  const first = page.getByTestId("stop-row").nth(0);
  await first.getByLabel("Timing").selectOption("window");
  await first.getByLabel("Earliest start").fill("08:00");
  await first.getByLabel("Earliest start").press("Tab");
  await first.getByLabel("Latest start").fill("08:30");
  await first.getByLabel("Latest start").press("Tab");
  await expect(page.getByTestId("stop-warning").first()).toContainText("after the latest start of its window");

  const dragged = await addresses(page);
  await page.reload();
  await expect(page.getByTestId("stop-row")).toHaveCount(6);
  expect(await addresses(page)).toEqual(dragged);
  await expect(page.getByTestId("stop-warning").first()).toContainText("after the latest start of its window");
});

test("move up and move down reorder stops from the keyboard, and Undo puts them back", async ({ page }) => {
  await loadSample(page);
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  await expect(page.getByTestId("stop-row")).toHaveCount(3);
  const start = await addresses(page);
  const down = page.getByRole("button", { name: `Move ${start[0]} down` });
  await down.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => addresses(page)).toEqual([start[1], start[0], start[2]]);
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
  await expect.poll(() => addresses(page)).toEqual(start);
  // Each leg between two located places offers directions in both map apps.
  const leg = page.getByTestId("leg").first();
  await expect(leg.getByRole("link", { name: "Google Maps" })).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&origin=45\.5122,-122\.6525&destination=/);
  await expect(leg.getByRole("link", { name: "Apple Maps" })).toHaveAttribute("href", /^https:\/\/maps\.apple\.com\/\?saddr=45\.5122,-122\.6525&daddr=/);
});

test("speeds are in mph for an English user and in km/h otherwise", async ({ page, browser }) => {
  await loadSample(page);
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const speed = page.getByLabel("Average speed (mph)");
  await expect(speed).toHaveValue("18.6");
  await speed.fill("25");
  await speed.press("Tab");
  await expect(speed).toHaveValue("25");
  // Kept in km/h: a Spanish reader of the same tour sees 40.2 km/h.
  await page.getByTestId("language").selectOption("es");
  await expect(page.getByLabel("Velocidad media (km/h)")).toHaveValue("40.2");
});
