// axe-core on every page: no serious or critical accessibility violation
// (WCAG 2.1 A and AA rules), at tablet size with the sample data.
import { test, expect } from "@playwright/test";
import { shareLink } from "./helpers.mjs";
import AxeBuilder from "@axe-core/playwright";

async function check(page, what) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(bad, what).toEqual([]);
  // The rules ran: a page of this app passes dozens of them.
  expect(result.passes.length, what).toBeGreaterThan(15);
}

test("every page passes axe with no serious or critical violation", async ({ page }) => {
  await page.goto("/data");
  await check(page, "backup page, empty");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  for (const [list, prefix] of [["/buyers", "/buyers/"], ["/properties", "/properties/"], ["/tours", "/tours/"]]) {
    await page.goto(list);
    await check(page, list);
    const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
    await page.goto(href);
    await expect(page.locator("main h2").first()).toBeVisible();
    await check(page, href);
  }
  const link = await shareLink(page);
  await page.goto("/match");
  await check(page, "/match");
  await page.getByLabel("Buyer").selectOption({ index: 1 });
  await check(page, "/match with a buyer");
  await page.goto("/nowhere");
  await check(page, "not found");
  await page.goto("/reply");
  await check(page, "/reply, empty");
  await page.goto(link);
  await expect(page.getByTestId("buyer-view")).toBeVisible();
  await check(page, "buyer view");
  await page.setViewportSize({ width: 390, height: 844 });
  await check(page, "buyer view on a phone");
});
