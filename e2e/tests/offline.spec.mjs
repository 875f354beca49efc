// In the car with no signal: once loaded, the app, its stored data, every
// page and a share link opened before going offline all work offline.
import { test, expect } from "@playwright/test";
import { shareLink } from "./helpers.mjs";

test("after one visit the app, its data and a share link work offline", async ({ page, context }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByText("Sample data loaded.")).toBeVisible();
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const link = await shareLink(page);
  await page.goto(link);
  await expect(page.getByTestId("home-card")).toHaveCount(3);
  // Wait until the service worker has precached everything and is active.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await context.setOffline(true);
  await page.goto("/buyers");
  await expect(page.getByText("Maria & Daniel Ortega")).toBeVisible();
  // Pages never opened online come from the cache too (their wasm chunks).
  await page.getByRole("link", { name: "Properties" }).tap();
  await expect(page.getByText("8123 SE 13th Ave, Portland, OR")).toBeVisible();
  await page.getByRole("link", { name: "Match" }).tap();
  await expect(page.getByTestId("match-page")).toBeVisible();
  await page.goto(link);
  await expect(page.getByTestId("home-card")).toHaveCount(3);
  await context.setOffline(false);
});

test("a sub-path build works offline too, under its own scope", async ({ page, context }) => {
  const base = "http://127.0.0.1:8092/showplan/";
  await page.goto(base + "buyers");
  await page.getByLabel("New buyer's name").fill("Offline Olga");
  await page.getByRole("button", { name: "Add buyer" }).tap();
  await expect(page.getByTestId("buyer-form")).toBeVisible();
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  expect(scope).toBe(base);

  await context.setOffline(true);
  await page.goto(base + "buyers");
  await expect(page.getByText("Offline Olga")).toBeVisible();
  await page.goto(base + "tours");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tours");
  await context.setOffline(false);
});
