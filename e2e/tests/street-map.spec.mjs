// The street map: a PMTiles archive of the synthetic town (made in the test
// setup by tippecanoe, scripts/map-fixture.sh) served beside dist/ at
// /maps/town.pmtiles with range requests (e2e/serve.mjs), drawn by Leaflet
// and protomaps-leaflet under the page's CSP; the plain SVG map whenever
// the file cannot be read; kept on the device for offline; and places set
// by tapping the map or by an address search against a stand-in for a
// Nominatim geocoder (e2e/geocoder.mjs, port 5012).
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { place } from "../osrm/town.mjs";
import { shareLink } from "./helpers.mjs";

const ARCHIVE = "/maps/town.pmtiles";
const GEOCODER = "http://127.0.0.1:5012";
// Three homes going east along row 2, then north (grid corners of the town).
const HOMES = [
  { address: "1 Avenue 1", at: place(1, 2) },
  { address: "2 Avenue 3", at: place(3, 3) },
  { address: "3 Avenue 7", at: place(7, 6) },
];
const CSV = [
  "Address,City,Price,Beds,Baths,Status,Latitude,Longitude",
  ...HOMES.map((h) => `"${h.address}",Grid Town,"$400,000",3,2,Active,${h.at.lat},${h.at.lon}`),
].join("\n");

async function setMapFile(page, value) {
  await page.goto("/data");
  const field = page.getByLabel("Map file (.pmtiles)");
  await field.fill(value);
  await field.press("Tab");
}

async function townTour(page) {
  await page.goto("/properties");
  await page.locator("details.csv-import summary").tap();
  await page.locator("details.csv-import input[type=file]").setInputFiles({ name: "town.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Import 3 rows" }).tap();
  await expect(page.getByTestId("csv-report")).toBeVisible();
  await page.goto("/tours");
  await page.getByTestId("new-tour").tap();
  const start = place(0, 0);
  const field = page.getByLabel(/^Start location/);
  await field.fill(`${start.lat}, ${start.lon}`);
  await field.press("Tab");
  for (const h of HOMES) {
    await page.getByLabel("Home to add").selectOption({ label: h.address });
    await page.getByRole("button", { name: "Add stop" }).tap();
  }
  await expect(page.getByTestId("stop-row")).toHaveCount(3);
}

const place0 = () => place(0, 0);
const streetMap = (page) => page.getByRole("region", { name: "Street map of the places" });

/** How many distinct colours the drawn tiles hold (a blank map has one or none). */
async function tileColours(page) {
  return page.evaluate(() => {
    const colours = new Set();
    for (const canvas of document.querySelectorAll(".street-map canvas.leaflet-tile")) {
      const { width, height } = canvas;
      if (!width || !height) continue;
      const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    }
    return colours.size;
  });
}

/** axe-core finds nothing serious or critical on the page as it is. */
async function expectAccessible(page, what) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(bad, what).toEqual([]);
  expect(result.passes.length, what).toBeGreaterThan(15);
}

async function centre(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("the planner draws the tour's numbered stops over the town's streets, read by range requests", async ({ page }) => {
  const archive = [];
  const violations = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === ARCHIVE) archive.push({ method: r.method(), range: r.headers()["range"] ?? null });
  });
  await setMapFile(page, "maps/town.pmtiles");
  await expect(page.getByRole("status").filter({ hasText: "Tours and homes show this street map" })).toBeVisible();
  await expect(page.getByTestId("map-size")).toContainText(/The map file is [\d.,]+ kB/);
  await townTour(page);

  const map = streetMap(page);
  await expect(map).toBeVisible();
  const markers = map.getByRole("img");
  await expect(markers).toHaveCount(4);
  expect(await markers.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(["Start", "Stop 1", "Stop 2", "Stop 3"]);
  // The markers stand where the homes are: going east, then north.
  const [s, a, b, c] = await Promise.all([0, 1, 2, 3].map((i) => centre(markers.nth(i))));
  expect(s.x).toBeLessThan(a.x);
  expect(a.x).toBeLessThan(b.x);
  expect(b.x).toBeLessThan(c.x);
  expect(c.y).toBeLessThan(b.y); // north is up
  expect(b.y).toBeLessThan(s.y);
  // Working on a stop in the list (the keyboard way) highlights its marker.
  await expect(map.locator("[aria-current=true]")).toHaveCount(0);
  await page.getByTestId("stop-row").nth(1).locator("button.drag-handle").focus();
  await expect(map.getByRole("img", { name: "Stop 2" })).toHaveAttribute("aria-current", "true");
  await expect(map.locator("[aria-current=true]")).toHaveCount(1);
  // The route's legs are drawn, and the tiles hold the town (land, river, streets).
  await expect(map.locator("path.map-route")).toHaveCount(1);
  await expect.poll(() => tileColours(page), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(map.getByRole("link", { name: "OpenStreetMap" })).toBeVisible();
  await expect(page.getByTestId("route-map")).toHaveCount(0);

  // Every read of the archive was a range request (HEAD aside, for its size).
  const reads = archive.filter((r) => r.method === "GET");
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.every((r) => /^bytes=\d+-\d+$/.test(r.range ?? ""))).toBe(true);

  // All of it under the page's Content-Security-Policy.
  expect(violations).toEqual([]);

  await page.getByTestId("street-map").scrollIntoViewIfNeeded();
  await page.getByTestId("street-map").screenshot({ path: "e2e/test-results/street-map-tablet.png" });

  await expectAccessible(page, "the planner with its street map");

  // The buyer's link names the map file: on the buyer's phone, the same streets.
  const link = await shareLink(page);
  expect(decodeURIComponent(link)).not.toContain("127.0.0.1:8091/maps");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(link);
  const buyerMap = streetMap(page);
  await expect(buyerMap.getByRole("img")).toHaveCount(4);
  expect(await buyerMap.getByRole("img").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))).toEqual(["Start", "Stop 1", "Stop 2", "Stop 3"]);
  await expect(page.getByTestId("map-size")).toContainText(/The map file is [\d.,]+ kB/);
  await expectAccessible(page, "the buyer's view with its street map");
  await page.getByRole("button", { name: "Keep the map on this device" }).tap();
  await expect(page.getByTestId("map-kept")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a home is placed by tapping the map on its page", async ({ page }) => {
  await setMapFile(page, "maps/town.pmtiles");
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address", { exact: true }).fill("9 Avenue 9");
  const map = streetMap(page);
  await expect(map).toBeVisible();
  // No coordinates yet: no marker; the whole town shows.
  await expect(map.getByRole("img")).toHaveCount(0);
  await expectAccessible(page, "a home's page with the street map");
  const place = page.getByRole("button", { name: "Tap the map to place this home" });
  await place.tap();
  const box = await map.boundingBox();
  await page.touchscreen.tap(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await expect(map.getByRole("img", { name: "This home" })).toBeVisible();
  const [lat, lon] = (await form.getByLabel(/^Coordinates/).inputValue()).split(",").map(Number);
  // Inside the town (its archive's bounds), east of the river.
  expect(lat).toBeGreaterThan(place0().lat - 0.01);
  expect(lat).toBeLessThan(place0().lat + 0.04);
  expect(lon).toBeGreaterThan(place0().lon);
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  await page.reload();
  await expect(streetMap(page).getByRole("img", { name: "This home" })).toBeVisible();
});

test("with the map file unreachable the plain map shows, saying why, and Try again asks again", async ({ page }) => {
  await setMapFile(page, "maps/missing.pmtiles");
  await townTour(page);
  const fallback = page.getByTestId("map-fallback");
  await expect(fallback).toContainText("could not be reached, so the plain map shows");
  await expect(page.getByTestId("route-map")).toBeVisible();
  await expect(streetMap(page)).toBeHidden();
  await fallback.getByRole("button", { name: "Try again" }).tap();
  await expect(page.getByTestId("map-fallback")).toContainText("could not be reached");
});

test("kept on this device, the map still draws offline after a reload", async ({ page, context }) => {
  await setMapFile(page, "maps/town.pmtiles");
  await page.getByRole("button", { name: "Keep the map on this device" }).tap();
  await expect(page.getByTestId("map-kept")).toContainText(/The map \([\d.,]+ kB\) is kept on this device/);
  await townTour(page);
  await expect(streetMap(page).getByRole("img")).toHaveCount(4);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  await context.setOffline(true);
  await page.reload();
  await expect(streetMap(page).getByRole("img")).toHaveCount(4);
  await expect.poll(() => tileColours(page), { timeout: 10_000 }).toBeGreaterThan(3);
  await expect(page.getByTestId("map-fallback")).toHaveCount(0);
  await context.setOffline(false);

  // Removing it gives the room back; offline, the plain map then shows.
  await page.goto("/data");
  await page.getByRole("button", { name: "Remove the map from this device" }).tap();
  await expect(page.getByRole("button", { name: "Keep the map on this device" })).toBeVisible();
});

test("the tour's start is placed by tapping the map", async ({ page }) => {
  await setMapFile(page, "maps/town.pmtiles");
  await townTour(page);
  const map = streetMap(page);
  await expect(map.getByRole("img")).toHaveCount(4);
  const place = page.getByRole("button", { name: "Tap the map to place the start" });
  await place.tap();
  await expect(place).toHaveAttribute("aria-pressed", "true");
  // Halfway between stops 2 and 3.
  const [b, c] = await Promise.all([centre(map.getByRole("img", { name: "Stop 2" })), centre(map.getByRole("img", { name: "Stop 3" }))]);
  const tap = { x: (b.x + c.x) / 2, y: (b.y + c.y) / 2 };
  await page.touchscreen.tap(tap.x, tap.y);
  await expect(place).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("status").filter({ hasText: /^Placed at 45\.\d+, -122\.\d+\.$/ })).toBeVisible();
  const [lat, lon] = (await page.getByLabel(/^Start location/).inputValue()).split(",").map(Number);
  const [p, q] = [HOMES[1].at, HOMES[2].at];
  expect(Math.abs(lat - (p.lat + q.lat) / 2)).toBeLessThan(0.0008);
  expect(Math.abs(lon - (p.lon + q.lon) / 2)).toBeLessThan(0.0008);
  // The start marker moved to where the tap landed.
  const start = await centre(map.getByRole("img", { name: "Start" }));
  expect(Math.abs(start.x - tap.x)).toBeLessThan(4);
  expect(Math.abs(start.y - tap.y)).toBeLessThan(4);
});

test("a home is found by its address through the geocoder, and offline among the catalogue", async ({ page, context }) => {
  await page.goto("/data");
  const geocoder = page.getByLabel("Geocoder address (Nominatim)");
  await geocoder.fill(GEOCODER);
  await geocoder.press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Address search asks this server" })).toBeVisible();
  const before = (await (await fetch(`${GEOCODER}/requests`)).json()).length;

  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address").fill("12 Avenue 3");
  const search = form.getByTestId("place-search");
  await search.getByLabel("Find the place").fill("Avenue 3");
  // Typing asks nothing; the search does, once.
  expect((await (await fetch(`${GEOCODER}/requests`)).json()).length).toBe(before);
  await search.getByRole("button", { name: "Search" }).tap();
  await expect(search.getByRole("status").filter({ hasText: "1 place found" })).toBeVisible();
  await search.getByRole("button", { name: "Avenue 3, Grid Town" }).tap();
  const mid = { lat: (place(3, 0).lat + place(3, 8).lat) / 2, lon: place(3, 0).lon };
  await expect(form.getByLabel(/^Coordinates/)).toHaveValue(`${mid.lat.toFixed(6)}, ${mid.lon.toFixed(6)}`);
  await expect(search.getByText("Search by http://127.0.0.1:5012.")).toBeVisible();
  const asked = (await (await fetch(`${GEOCODER}/requests`)).json()).slice(before);
  expect(asked.map((a) => [a.q, a.lang])).toEqual([["Avenue 3", "en"]]);
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);

  // Offline, the same search offers the homes already in the catalogue.
  await page.goto("/properties/new");
  await expect(page.getByTestId("property-form")).toBeVisible();
  await context.setOffline(true);
  const offline = page.getByTestId("property-form").getByTestId("place-search");
  await offline.getByLabel("Find the place").fill("avenue 3");
  await offline.getByRole("button", { name: "Search" }).tap();
  await expect(offline.getByRole("status").filter({ hasText: "You are offline" })).toBeVisible();
  await expect(offline.getByRole("button", { name: "12 Avenue 3" })).toBeVisible();
  await context.setOffline(false);
  expect((await (await fetch(`${GEOCODER}/requests`)).json()).length).toBe(before + 1);
});
