// The small things a new user meets on a phone or a portrait tablet: a tap
// on a home far down a long list shows it, a rating lights every star up to
// it, the agent's phone is one tap to call, and the first visit says how to
// start.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { shareSampleTour } from "./helpers.mjs";

/** An MLS export of `rows` different homes, built from the test export. */
function longExport(rows) {
  const fixture = readFileSync("tests/fixtures/mls-export.csv", "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const good = fixture.slice(1, 20).filter((line) => /^\d+ /.test(line) && /,\d{8}$/.test(line));
  const lines = [fixture[0]];
  for (let i = 0; i < rows; i++) {
    const [number, ...rest] = good[i % good.length].split(" ");
    lines.push([`${Number(number) + i}`, ...rest].join(" ").replace(/,(\d{8})$/, `,${30000000 + i}`));
  }
  return lines.join("\n");
}

for (const size of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test(`a home tapped far down a 1,000-row list is shown at ${size.width} px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/properties");
    await page.getByText("Import from a CSV file (MLS export)").tap();
    await page.getByLabel("CSV file").setInputFiles({ name: "long.csv", mimeType: "text/csv", buffer: Buffer.from(longExport(1000)) });
    await page.getByRole("button", { name: "Import 1000 rows" }).tap();
    await expect(page.getByTestId("shown-count")).toHaveText("Showing 1000 of 1000");
    const far = page.getByTestId("property-list").getByRole("link").nth(45);
    const address = await far.innerText();
    await far.tap();
    const detail = page.getByTestId("property-detail");
    await expect(detail.getByLabel("Address")).toHaveValue(address.split("\n")[0]);
    await expect(detail).toBeInViewport();
    await context.close();
  });
}

test("a rating lights every star up to it, and the agent's phone is a call link", async ({ page, browser }) => {
  const { link } = await shareSampleTour(page);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const buyer = await context.newPage();
  await buyer.goto(link);
  const view = buyer.getByTestId("buyer-view");
  const call = view.getByRole("link", { name: "+1 503 555 0100" });
  await expect(call).toHaveAttribute("href", "tel:+15035550100");
  expect((await call.boundingBox()).height).toBeGreaterThanOrEqual(44);

  // Directions are full-size targets (they were 25 px tall).
  for (const link of await view.locator(".actions > a").all()) {
    expect((await link.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
  expect(await view.locator(".actions > a").count()).toBeGreaterThan(0);

  await view.getByLabel("Your name (each person rates on their own)").fill("Maria");
  const card = view.getByTestId("home-card").first();
  await card.getByLabel("4 stars").tap();
  await expect(card.getByLabel("4 stars")).toBeChecked();
  const lit = () =>
    card.locator(".star").evaluateAll((stars) => {
      const colors = stars.map((s) => getComputedStyle(s).color);
      return colors.map((c) => c === colors[0]);
    });
  // The first four share the lit colour; the fifth does not.
  await expect.poll(lit).toEqual([true, true, true, true, false]);
  await card.getByLabel("2 stars").focus();
  await buyer.keyboard.press("Space");
  await expect.poll(lit).toEqual([true, true, false, false, false]);
  await context.close();
});

test("the first visit says how to start, and the sample data is one tap away", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/");
  const start = page.getByTestId("first-visit");
  await expect(start).toContainText("Start here");
  await expect(start.getByRole("link", { name: "Import homes from an MLS export (CSV)" })).toBeVisible();
  await start.getByRole("link", { name: "Try Showplan with sample data" }).tap();
  await expect(page.getByTestId("load-sample")).toBeInViewport();
  await page.getByTestId("load-sample").tap();
  await page.getByRole("navigation").getByRole("link", { name: "Buyers" }).tap();
  await expect(page.getByTestId("first-visit")).toHaveCount(0);
  await context.close();
});

// On a phone the five sections are one row of tabs along the bottom, in
// every language and on a narrow 360 px phone too, and the bar on top is a
// single short row: the page starts near the top of the screen.
for (const width of [360, 390]) {
  test(`the sections are a tab bar at the bottom of a ${width} px phone, in every language`, async ({ browser }) => {
    for (const locale of ["en", "es", "ro", "vi", "id"]) {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 }, hasTouch: true });
      const page = await context.newPage();
      await page.goto("/tours");
      const nav = page.getByRole("navigation");
      const tabs = nav.getByRole("link");
      await expect(tabs).toHaveCount(5);
      const boxes = await tabs.evaluateAll((links) =>
        links.map((a) => {
          const r = a.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, cut: a.scrollWidth > a.clientWidth + 1 };
        }),
      );
      for (const [i, box] of boxes.entries()) {
        expect(box.bottom, `${locale} tab ${i}`).toBeGreaterThan(800 - 2);
        expect(box.top, `${locale} tab ${i}`).toBeGreaterThan(800 - 100);
        expect(box.left, `${locale} tab ${i}`).toBeGreaterThanOrEqual(-1);
        expect(box.right, `${locale} tab ${i}`).toBeLessThanOrEqual(width + 1);
        expect(box.bottom - box.top, `${locale} tab ${i}`).toBeGreaterThanOrEqual(44);
        expect(box.right - box.left, `${locale} tab ${i}`).toBeGreaterThanOrEqual(44);
        expect(box.cut, `${locale} tab ${i}: a word cut`).toBe(false);
        if (i > 0) expect(box.left, `${locale} tabs ${i - 1} and ${i} overlap`).toBeGreaterThanOrEqual(boxes[i - 1].right - 1);
      }
      // The page's heading sits under one short bar.
      const top = await page.getByRole("heading", { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
      expect(top, locale).toBeLessThan(140);
      // The last of a long page can scroll out from under the tabs.
      const pad = await page.locator("main").evaluate((m) => parseFloat(getComputedStyle(m).paddingBottom));
      expect(pad, locale).toBeGreaterThanOrEqual(56);
      await context.close();
    }
  });
}
