// Homes side by side from a tour: the all-in monthly estimate from the
// buyer's figures, changed here and kept on the buyer, said to be an
// estimate; bad figures refused with a clear message.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { openSampleTour, storedEnvelope } from "./helpers.mjs";

const dollars = (text) => Number(text.replace(/[^0-9.]/g, ""));

test("compare a tour's homes: monthly estimates follow the buyer's rate, which is kept on the buyer", async ({ page }) => {
  await openSampleTour(page);
  await page.getByRole("link", { name: "Compare these homes" }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare homes");
  await expect(page.getByTestId("compare-page")).toContainText("Estimates to compare homes, not a loan offer");
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("columnheader")).toHaveText(["8123 SE 13th Ave, Portland, OR", "4410 SE Lincoln St, Portland, OR", /Portland, OR$/]);
  // The tour's buyer, with the down payment, rate and term kept on them.
  await expect(page.getByLabel("Buyer")).toHaveValue(/.+/);
  await expect(page.getByLabel("Down payment")).toHaveValue("140,000");
  await expect(page.getByLabel("Interest rate (% a year)")).toHaveValue("6.5");
  const monthly = table.getByTestId("compare-monthly");
  await expect(monthly).toHaveCount(3);
  const before = dollars(await monthly.first().innerText());
  expect(before).toBeGreaterThan(1000);
  await expect(table.getByRole("row", { name: /Must-haves met/ })).toBeVisible();

  // A lower rate: every month is cheaper, and the buyer keeps the rate.
  await page.getByLabel("Interest rate (% a year)").fill("5");
  await page.getByLabel("Interest rate (% a year)").press("Tab");
  await expect.poll(async () => dollars(await monthly.first().innerText())).toBeLessThan(before);
  await expect.poll(async () => (await storedEnvelope(page)).document.buyers[0].rate_percent).toBe(5);

  // Nonsense is refused, in words, and changes nothing.
  const after = await monthly.first().innerText();
  await page.getByLabel("Interest rate (% a year)").fill("lots");
  await page.getByLabel("Interest rate (% a year)").press("Tab");
  await expect(page.getByRole("alert")).toHaveText("Enter a down payment of 0 or more, a rate from 0 to 30 and a term of 1 to 50 whole years.");
  await expect(monthly.first()).toHaveText(after);

  // Renovations added to the loan raise the month of a home that needs them.
  const cash = await monthly.allInnerTexts();
  await page.getByLabel("Add renovations to the loan (else paid in cash)").check();
  await expect.poll(async () => (await monthly.allInnerTexts()).some((t, i) => dollars(t) > dollars(cash[i]))).toBe(true);

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // On a phone the table scrolls in its own box; the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("homes ticked on the match list, and a buyer's top homes, open side by side", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/match");
  await page.getByLabel("Buyer").selectOption({ label: "Maria & Daniel Ortega" });
  const list = page.getByTestId("match-list");
  const addresses = await list.locator(".match .primary").allInnerTexts();
  const chosen = page.getByRole("region", { name: "Homes to compare" });
  await expect(chosen).toHaveCount(0);
  await list.getByRole("checkbox", { name: `Compare ${addresses[0]}` }).check();
  await expect(chosen).toContainText("1 chosen to compare (at most 4)");
  await expect(chosen).toContainText("Choose one more home to compare.");
  for (const a of addresses.slice(1, 4)) await list.getByRole("checkbox", { name: `Compare ${a}` }).check();
  await expect(chosen).toContainText("4 chosen to compare (at most 4)");
  // Four is the most: the other boxes wait until one is unticked.
  await expect(list.getByRole("checkbox", { name: `Compare ${addresses[4]}` })).toBeDisabled();
  await list.getByRole("checkbox", { name: `Compare ${addresses[2]}` }).uncheck();
  await expect(list.getByRole("checkbox", { name: `Compare ${addresses[4]}` })).toBeEnabled();
  await chosen.getByRole("link", { name: "Compare side by side" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare homes");
  await expect(page.getByTestId("compare-table").getByRole("columnheader")).toHaveText([addresses[0], addresses[1], addresses[3]]);
  await expect(page.getByLabel("Buyer")).toHaveValue(/.+/);

  // From the buyer's page: the homes they were shown, then their best matches.
  await page.goto("/buyers");
  await page.getByRole("link", { name: "Maria & Daniel Ortega" }).click();
  await page.getByRole("link", { name: "Compare their top homes" }).click();
  await expect(page.getByTestId("compare-table").getByRole("columnheader")).toHaveCount(4);
  await expect(page.getByTestId("compare-table").getByRole("columnheader").first()).toHaveText("8123 SE 13th Ave, Portland, OR");

  // On a phone the chosen-homes bar sits above the tab bar, and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/match");
  await page.getByLabel("Buyer").selectOption({ label: "Maria & Daniel Ortega" });
  await list.getByRole("checkbox", { name: `Compare ${addresses[0]}` }).check();
  const bar = await chosen.boundingBox();
  const tabs = await page.getByRole("navigation").first().boundingBox();
  expect(bar.y + bar.height).toBeLessThanOrEqual(tabs.y + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("a buyer's important place: the drive to it on Match and Compare, and a limit that rules homes out", async ({ page }) => {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/buyers");
  await page.getByRole("link", { name: "Budi & Sari Santoso" }).click();
  const places = page.getByTestId("buyer-places");
  // Bad input is refused in words, and nothing is added.
  await places.locator("input[name=place-name]").fill("School");
  await places.locator("input[name=place-where]").fill("somewhere nice");
  await places.getByRole("button", { name: "Add place" }).click();
  await expect(places.getByRole("alert")).toHaveText('Give the place a name, a location as "lat, lon" or a map link, and a longest drive of 1 to 300 minutes (or none).');
  await expect(places.getByTestId("buyer-place")).toHaveCount(0);
  // Downtown Portland, at most 12 minutes away.
  await places.locator("input[name=place-where]").fill("45.5190, -122.6780");
  await places.locator("input[name=place-max]").fill("12");
  await places.getByRole("button", { name: "Add place" }).click();
  await expect(places.getByTestId("buyer-place")).toHaveCount(1);
  await expect(places.getByRole("alert")).toHaveCount(0);
  await expect.poll(async () => (await storedEnvelope(page)).document.buyers.find((b) => b.name === "Budi & Sari Santoso").places).toEqual([
    { name: "School", coords: { lat: 45.519, lon: -122.678 }, max_minutes: 12 },
  ]);

  // Match: every home says its drive; those beyond 12 minutes are ruled out, last.
  await page.getByRole("link", { name: "See matching homes" }).click();
  const list = page.getByTestId("match-list");
  await expect(list.locator(".match").first()).toContainText(/\d+ min to School \(estimate\)/);
  const last = list.locator(".match").last();
  await expect(last).toHaveClass(/deal-breaker/);
  await expect(last).toContainText(/\d+ min to School: more than the 12 min they accept \(estimate\)/);
  const ruledOut = await list.locator(".match.deal-breaker").count();
  expect(ruledOut).toBeGreaterThan(0);
  // A looser limit rules fewer out.
  await page.goBack();
  await places.getByTestId("buyer-place").getByLabel("Longest drive (min)").fill("30");
  await places.getByTestId("buyer-place").getByLabel("Longest drive (min)").press("Tab");
  await page.getByRole("link", { name: "See matching homes" }).click();
  await expect.poll(() => list.locator(".match.deal-breaker").count()).toBeLessThan(ruledOut);

  // Compare: a row for the drive.
  await page.goto("/buyers");
  await page.getByRole("link", { name: "Budi & Sari Santoso" }).click();
  await page.getByRole("link", { name: "Compare their top homes" }).click();
  await expect(page.getByRole("row", { name: /Drive to School/ })).toBeVisible();
  await expect(page.getByTestId("compare-commute").first()).toHaveText(/Drive \d+ min · estimate/);
});
