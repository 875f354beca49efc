// Every page, agent's and buyer's, at a phone, a tablet and a desktop size,
// with the sample data and homes whose addresses are long: nothing is wider
// than the screen (a table may scroll inside its own box), and everything a
// finger taps is at least 44 px each way.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { shareLink } from "./helpers.mjs";

const sizes = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

const locales = ["en", "es", "ro", "vi", "id"];
const strings = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(`locales/${l}.json`, "utf8"))]));
const texts = (table) => Object.values(table).flatMap((v) => (typeof v === "string" ? [v] : [...new Set(Object.values(v))]));
const longest = locales.map((l) => [l, texts(strings[l]).join("").length]).sort((a, b) => b[1] - a[1])[0][0];

// Homes with the long addresses real exports have.
const LONG = [
  "Address,City,Price,Beds,Baths,Status,Latitude,Longitude,MLS #",
  '"12345 Southeast Johnson Creek Boulevard Unit 1204 Building C",Happy Valley,"$1,250,000",4,3,Active,45.4457,-122.5300,99000001',
  '"8800 Northwest Cornell Road Apartment 3B (Rear Entrance, Ring Twice)",Portland,"$489,000",2,1,Active,45.5270,-122.7500,99000002',
  '"1 Very-Long-Hyphenated-Street-Name-Without-Any-Spaces-To-Break-Anywhere",Portland,"$350,000",2,1,Pending,45.5000,-122.6000,99000003',
].join("\n");

async function seed(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/properties");
  await page.locator("details.csv-import summary").tap();
  await page.locator("details.csv-import input[type=file]").setInputFiles({ name: "long.csv", mimeType: "text/csv", buffer: Buffer.from(LONG) });
  await page.locator("details.csv-import button").filter({ hasText: /3/ }).first().tap();
  await expect(page.getByTestId("csv-report")).toBeVisible();
}

/** Every page a user walks, with a long-address home among them. */
async function pages(page) {
  await seed(page);
  const first = async (list, prefix) => {
    await page.goto(list);
    return page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  };
  const buyer = await first("/buyers", "/buyers/");
  await page.goto("/properties");
  const longHome = await page.locator('main a[href^="/properties/"]').filter({ hasText: "Very-Long" }).getAttribute("href");
  const tour = await first("/tours", "/tours/");
  // The long homes go into the tour, so the planner and the buyer view show them.
  await page.goto(tour);
  const add = page.locator("select[name=add-stop]");
  for (const label of ["Very-Long", "Cornell"]) {
    const option = await add.locator("option").filter({ hasText: label }).getAttribute("value");
    await add.selectOption(option);
    await add.locator("xpath=ancestor::label/following-sibling::button[1]").tap();
  }
  const link = await shareLink(page);
  return ["/buyers", buyer, "/properties", longHome, "/match", "/tours", tour, "/data", link, "/reply"];
}

/** Elements reaching past the right edge, not inside a box that scrolls. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1 || el.closest("svg")) continue;
      let box = el.parentElement;
      while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
      if (box && box !== document.body && box.getBoundingClientRect().right <= width + 1) continue;
      const name = el.getAttribute("data-testid") ?? el.className ?? "";
      out.push(`${el.tagName.toLowerCase()}.${name}: ${Math.round(r.right)}px`);
    }
    return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 6) };
  });
}

/** Controls smaller than 44 x 44 px (a checkbox or radio counts with its label). */
async function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    const controls = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]";
    for (const el of document.querySelectorAll(controls)) {
      // The skip link shows only on keyboard focus, over the bar.
      if (el.closest(".skip-link") || getComputedStyle(el).visibility === "hidden") continue;
      let r = el.getBoundingClientRect();
      const label = el.closest("label");
      if (label && (["checkbox", "radio", "file"].includes(el.type) || el.classList.contains("visually-hidden"))) {
        r = label.getBoundingClientRect();
      }
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.type || "").trim().slice(0, 30);
        out.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out.slice(0, 6);
  });
}

for (const locale of ["en", longest]) {
  for (const size of sizes) {
    test(`no page is wider than a ${size.width} px screen in ${locale}`, async ({ browser }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ locale, viewport: size, hasTouch: true });
      const page = await context.newPage();
      for (const url of await pages(page)) {
        await page.goto(url);
        await expect(page.locator("main h1, main h2").first()).toBeVisible();
        const wide = await overflow(page);
        expect(wide.out, `${url} at ${size.width} px in ${locale}`).toEqual([]);
        expect(wide.scroll, `${url} at ${size.width} px in ${locale}`).toBeLessThanOrEqual(wide.width);
        expect(await smallTargets(page), `${url} at ${size.width} px in ${locale}`).toEqual([]);
      }
      await context.close();
    });
  }
}
