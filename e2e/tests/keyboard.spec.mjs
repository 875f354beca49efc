// Keyboard users: every tab stop on the main pages shows a visible focus
// ring, and the skip link moves focus to the page.
import { test, expect } from "@playwright/test";
import { shareLink } from "./helpers.mjs";

async function tabStops(page, count) {
  const seen = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
      return { what: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent.trim().slice(0, 30)}`, ring };
    });
    if (stop) seen.push(stop);
  }
  return seen;
}

test("every tab stop shows where the focus is", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  for (const url of ["/buyers", "/properties", "/tours", "/match", "/data"]) {
    await page.goto(url);
    await expect(page.locator("main h1").first()).toBeVisible();
    const stops = await tabStops(page, 25);
    expect(stops.length, url).toBeGreaterThan(5);
    const hidden = stops.filter((s) => !s.ring).map((s) => s.what);
    expect(hidden, `no focus ring on ${url}`).toEqual([]);
  }
});

test("the skip link takes keyboard users past the navigation", async ({ page }) => {
  await page.goto("/buyers");
  await expect(page.locator("main h1").first()).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("on the buyer view the skip link keeps the itinerary in the address", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const link = await shareLink(page);
  await page.goto(link);
  await expect(page.getByTestId("home-card")).toHaveCount(3);
  const address = page.url();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  expect(page.url()).toBe(address);
  await expect(page.getByTestId("home-card")).toHaveCount(3);
});
