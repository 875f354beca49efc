// Road times from a real OSRM (osrm-routed from the osrm-bindings wheel,
// scripts/osrm.sh) on loopback, serving a synthetic town whose river only
// one bridge crosses (e2e/osrm/town.mjs). Homes face each other across the
// river: close as the crow flies, kilometres apart by road.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { place } from "../osrm/town.mjs";

const PORT = 5011; // the e2e build's CSP allows it (Makefile: CONNECT_SRC)
const ENGINE = `http://127.0.0.1:${PORT}`;
let engine = null;

async function answers() {
  try {
    return (await fetch(`${ENGINE}/nearest/v1/driving/-122.75,45.45`)).ok;
  } catch {
    return false;
  }
}

async function startEngine() {
  engine = spawn("bash", ["scripts/osrm.sh", "serve", String(PORT)], { stdio: "ignore", detached: true });
  await expect.poll(answers, { timeout: 60_000, intervals: [200] }).toBe(true);
}

async function stopEngine() {
  if (engine) process.kill(-engine.pid, "SIGTERM");
  engine = null;
  await expect.poll(answers, { timeout: 10_000, intervals: [100] }).toBe(false);
}

test.beforeAll(startEngine);
test.afterAll(stopEngine);

// Six pairs of homes across the river (avenues 4 and 5, 300 m apart), a
// pair every 420 m up the river; the bridge is at the north end.
const ROWS = [0, 1.4, 2.8, 4.2, 5.6, 7];
const HOMES = ROWS.flatMap((y, i) => [
  { address: `${i + 1} West Bank Ave`, side: "W", at: place(4, y) },
  { address: `${i + 1} East Bank Ave`, side: "E", at: place(5, y) },
]);
const CSV = [
  "Address,City,Price,Beds,Baths,Status,Latitude,Longitude",
  ...HOMES.map((h) => `"${h.address}",Rivertown,"$400,000",3,2,Active,${h.at.lat},${h.at.lon}`),
].join("\n");

const stops = (page) => page.getByTestId("stop-row");
const legs = (page) => page.getByTestId("leg-time");

/** The order of the tour's stops, as W/E for the river's banks. */
async function banks(page) {
  const texts = await stops(page).locator(".stop-head").allInnerTexts();
  return texts.map((t) => (t.includes("West Bank") ? "W" : "E")).join("");
}
const crossings = (order) => [...order].filter((c, i) => i > 0 && c !== order[i - 1]).length;

async function townTour(page) {
  await page.goto("/properties");
  await page.locator("details.csv-import summary").tap();
  await page.locator("details.csv-import input[type=file]").setInputFiles({ name: "town.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByRole("button", { name: "Import 12 rows" }).tap();
  await expect(page.getByTestId("csv-report")).toBeVisible();
  await page.goto("/tours");
  await page.getByTestId("new-tour").tap();
  const start = place(3, 0);
  await page.getByLabel("Start location (lat, lon or map link)").fill(`${start.lat}, ${start.lon}`);
  await page.getByLabel("Start location (lat, lon or map link)").press("Tab");
  for (const h of HOMES) {
    await page.getByLabel("Home to add").selectOption({ label: h.address });
    await page.getByRole("button", { name: "Add stop" }).tap();
  }
  await expect(stops(page)).toHaveCount(12);
}

async function optimise(page) {
  await page.getByTestId("optimise").tap();
  await expect(page.getByTestId("optimise-result")).toContainText(/Best order found|already/);
}

async function setEngine(page, address) {
  await page.goto("/data");
  await page.getByLabel("Routing engine address (OSRM)").fill(address);
  await page.getByLabel("Routing engine address (OSRM)").press("Tab");
}

test("a tour across the river is ordered and timed by road with the engine, by the estimate without it", async ({ page }) => {
  test.setTimeout(90_000);
  await townTour(page);
  const tour = page.url();
  // No engine: estimates, said so, and the optimiser crosses the river
  // back and forth (300 m as the crow flies).
  await expect(page.getByTestId("road-times")).toContainText("Drive times are estimates from straight-line distance.");
  await expect(legs(page).first()).toContainText("estimate");
  await optimise(page);
  const estimated = await banks(page);
  expect(crossings(estimated)).toBeGreaterThan(1);

  await setEngine(page, ENGINE);
  await expect(page.getByRole("status").filter({ hasText: "Kept. Tours fetch road times from this engine when online." })).toBeVisible();
  await page.goto(tour);
  // Fetched by itself: 13 places are more than this server takes at once
  // (--max-table-size 10), so they come in blocks.
  await expect(page.getByTestId("road-times")).toContainText("Drive times by road, from the routing engine");
  for (const leg of await legs(page).all()) await expect(leg).toContainText("by road");
  // The estimate's order, now timed by road: its first crossing low on the
  // river goes round by the bridge, kilometres for 300 m as the crow flies.
  const low = estimated.indexOf(estimated[0] === "W" ? "E" : "W");
  const lowLeg = await legs(page).nth(low).innerText();
  expect(Number(lowLeg.match(/Drive (\d+) min/)[1])).toBeGreaterThanOrEqual(5);
  expect(Number(lowLeg.match(/· ([\d.]+) (km|mi)/)[1])).toBeGreaterThan(1.5);
  const drivenEstimate = Number((await page.getByTestId("tour-summary").innerText()).match(/(\d+) min of driving/)[1]);
  await optimise(page);
  const byRoad = await banks(page);
  expect(byRoad).not.toEqual(estimated);
  // One crossing, at the bridge: all of one bank, then all of the other,
  // and less driving than the estimate's order.
  expect(crossings(byRoad)).toBe(1);
  const drivenRoad = Number((await page.getByTestId("tour-summary").innerText()).match(/(\d+) min of driving/)[1]);
  expect(drivenRoad).toBeLessThan(drivenEstimate);
  // Kept with the tour: a reload uses them without asking again.
  let asked = 0;
  page.on("request", (r) => { if (r.url().startsWith(ENGINE)) asked++; });
  await page.reload();
  await expect(page.getByTestId("road-times")).toContainText("Drive times by road");
  await expect(legs(page).first()).toContainText("by road");
  expect(asked).toBe(0);
});

test("with the engine stopped, or offline, the app falls back and says so; nothing is lost", async ({ page, context }) => {
  test.setTimeout(120_000);
  await townTour(page);
  const tour = page.url();
  await setEngine(page, ENGINE);
  await page.goto(tour);
  await expect(page.getByTestId("road-times")).toContainText("Drive times by road");

  // The engine goes away; a home added after needs a leg it does not have.
  await stopEngine();
  const extra = place(8, 3);
  await page.goto("/properties");
  await page.locator("details.csv-import summary").tap();
  await page.locator("details.csv-import input[type=file]").setInputFiles({
    name: "one.csv", mimeType: "text/csv",
    buffer: Buffer.from(`Address,City,Price,Status,Latitude,Longitude\n"9 Far East St",Rivertown,"$300,000",Active,${extra.lat},${extra.lon}`),
  });
  await page.getByRole("button", { name: "Import 1 rows" }).tap();
  await expect(page.getByTestId("csv-report")).toBeVisible();
  await page.goto(tour);
  await page.getByLabel("Home to add").selectOption({ label: "9 Far East St" });
  await page.getByRole("button", { name: "Add stop" }).tap();
  const said = page.getByTestId("road-times");
  await expect(said).toContainText("The routing engine did not answer (no network, or the server is down).");
  await expect(said).toContainText(/The road times from .+ are used where they fit, the estimate elsewhere\./);
  await expect(stops(page)).toHaveCount(13);
  await expect(legs(page).first()).toContainText("by road");
  await expect(legs(page).last()).toContainText("estimate");

  // Offline: the road times kept with the tour still time it.
  await startEngine();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Fetch road times" }).tap();
  await expect(said).toContainText("The routing engine did not answer");
  await expect(legs(page).first()).toContainText("by road");
  // Back online, it fetches by itself: every leg by road again.
  await context.setOffline(false);
  await expect(said).toContainText("Drive times by road, from the routing engine", { timeout: 15_000 });
  await expect(legs(page).last()).toContainText("by road");
});

test("an engine this build may not reach, or a bad address, is refused when typed, in words", async ({ page }) => {
  await page.goto("/data");
  const field = page.getByLabel("Routing engine address (OSRM)");
  await field.fill("osrm.example.org");
  await field.press("Tab");
  await expect(page.getByRole("alert")).toHaveText("Enter a web address that starts with https:// (or http://), such as https://osrm.example.org.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("https://router.project-osrm.org");
  await field.press("Tab");
  await expect(page.getByRole("alert")).toHaveText("This copy of Showplan may not connect to https://router.project-osrm.org. Whoever hosts it adds that address when building it (CONNECT_SRC, see the README).");
  // Nothing was kept: tours still use the estimate.
  expect(await page.evaluate(() => localStorage.getItem("showplan.routing-engine"))).toBeNull();
  await field.fill("");
  await field.press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "No routing engine: tours use the straight-line estimate." })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "false");
});

test("a buyer's commute limit by road changes the ranking: the home across the river is out", async ({ page }) => {
  test.setTimeout(90_000);
  await townTour(page);
  await page.goto("/buyers");
  await page.getByLabel("New buyer's name").fill("Commuter");
  await page.getByRole("button", { name: "Add buyer" }).tap();
  await page.getByRole("link", { name: "Commuter" }).click();
  const places = page.getByTestId("buyer-places");
  const work = place(4, 0);
  await places.locator("input[name=place-name]").fill("Work");
  await places.locator("input[name=place-where]").fill(`${work.lat}, ${work.lon}`);
  await places.locator("input[name=place-max]").fill("6");
  await places.getByRole("button", { name: "Add place" }).click();
  await expect(places.getByTestId("buyer-place")).toHaveCount(1);

  // By the estimate, the home across the river is a minute from work.
  await page.getByRole("link", { name: "See matching homes" }).click();
  const row = (address) => page.getByTestId("match-list").locator(".match").filter({ hasText: address });
  await expect(row("1 East Bank Ave")).toContainText("1 min to Work (estimate)");
  await expect(row("1 East Bank Ave")).not.toHaveClass(/deal-breaker/);
  const rankedBefore = await page.getByTestId("match-list").locator(".match .primary").allInnerTexts();

  // By road it is the bridge and back: more than 6 minutes, so it is out.
  await setEngine(page, ENGINE);
  await page.goto("/match");
  await page.getByLabel("Buyer").selectOption({ label: "Commuter" });
  await expect(page.getByTestId("commute-road-times")).toContainText("Drives to the buyer's places are by road");
  await expect(row("1 East Bank Ave")).toHaveClass(/deal-breaker/);
  await expect(row("1 East Bank Ave")).toContainText(/\d+ min to Work: more than the 6 min they accept \(by road\)/);
  await expect(row("1 West Bank Ave")).toContainText("0 min to Work (by road)");
  await expect(row("1 West Bank Ave")).not.toHaveClass(/deal-breaker/);
  const rankedAfter = await page.getByTestId("match-list").locator(".match .primary").allInnerTexts();
  expect(rankedAfter).not.toEqual(rankedBefore);
  // Kept on the buyer: a reload asks the engine nothing.
  let asked = 0;
  page.on("request", (r) => { if (r.url().startsWith(ENGINE)) asked++; });
  await page.reload();
  await expect(row("1 East Bank Ave")).toHaveClass(/deal-breaker/);
  expect(asked).toBe(0);
});
