// The Content-Security-Policy a static host can carry (a meta tag): the
// app's own scripts and wasm run, inline script does not, and no page
// trips the policy.
import { test, expect } from "@playwright/test";
import { shareLink } from "./helpers.mjs";

test("the app runs under its Content-Security-Policy and inline script is refused", async ({ page }) => {
  const violations = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  // Said once saved, so the next page load finds it.
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  for (const path of ["/buyers", "/properties", "/match", "/tours", "/data"]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  await page.getByRole("link", { name: "Tours" }).tap();
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const link = await shareLink(page);
  await page.goto(link);
  await expect(page.getByTestId("home-card")).toHaveCount(3);

  expect(violations).toEqual([]);

  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__inline = true";
    document.head.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline === true;
  });
  expect(ran).toBe(false);
});
