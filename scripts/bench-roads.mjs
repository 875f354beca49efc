// Road times against the real OSRM of the tests (scripts/osrm.sh, the
// synthetic town with one bridge): for a 12- and a 25-stop tour, the time
// from opening the tour to its road times fetched and applied, and the
// optimiser's order and driving total by the estimate and by road.
// Needs a dist/ built with CONNECT_SRC=http://127.0.0.1:5011 (make bench-roads).
// Usage: node scripts/bench-roads.mjs [dist]
import { spawn } from "node:child_process";
import { openSeededPage } from "./bench-page.mjs";
import { place, COLUMNS, BRIDGE_ROW } from "../e2e/osrm/town.mjs";

const dist = process.argv[2] ?? "dist";
const ENGINE = "http://127.0.0.1:5011";
const osrm = spawn("bash", ["scripts/osrm.sh", "serve", "5011"], { stdio: "ignore", detached: true });
const answers = async () => fetch(`${ENGINE}/nearest/v1/driving/-122.75,45.45`).then((r) => r.ok, () => false);
for (let i = 0; !(await answers()); i++) {
  if (i > 300) throw new Error("OSRM did not start");
  await new Promise((r) => setTimeout(r, 200));
}

// Corners of the town south of the bridge row, in a fixed shuffled order.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const corners = [];
for (let y = 0; y < BRIDGE_ROW; y++) for (let x = 0; x < COLUMNS; x++) corners.push([x, y]);
corners.sort(() => random() - 0.5);

const { page, origin, close } = await openSeededPage(dist, 8095, null);
const minutes = (text) => Number(text.match(/(\d+) min of driving\.?$/)?.[1] ?? text.match(/became (\d+) min/)?.[1]);

for (const n of [12, 25]) {
  const homes = corners.slice(1, n + 1).map(([x, y], i) => ({ address: `${i + 1} Town St`, at: place(x, y) }));
  const csv = ["Address,City,Price,Status,Latitude,Longitude", ...homes.map((h) => `"${h.address}",Rivertown,"$400,000",Active,${h.at.lat},${h.at.lon}`)].join("\n");
  await page.goto(`${origin}/data`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${origin}/properties`);
  await page.locator("details.csv-import summary").click();
  await page.locator("details.csv-import input[type=file]").setInputFiles({ name: "town.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator("details.csv-import button").filter({ hasText: String(n) }).first().click();
  await page.getByTestId("csv-report").waitFor();
  await page.goto(`${origin}/tours`);
  await page.getByTestId("new-tour").click();
  const [sx, sy] = corners[0];
  const start = place(sx, sy);
  await page.getByLabel("Start location (lat, lon or map link)").fill(`${start.lat}, ${start.lon}`);
  await page.getByLabel("Start location (lat, lon or map link)").press("Tab");
  for (const h of homes) {
    await page.getByLabel("Home to add").selectOption({ label: h.address });
    await page.getByRole("button", { name: "Add stop" }).click();
  }
  const tour = page.url();
  const order = async () => (await page.getByTestId("stop-row").locator(".stop-head").allInnerTexts()).map((t) => t.match(/(\d+) Town St/)[1]).join(" ");
  const optimise = async () => {
    await page.getByTestId("optimise").click();
    await page.getByTestId("optimise-result").filter({ hasText: /min/ }).waitFor();
  };
  await optimise();
  const estimateOrder = await order();
  const estimateTotal = minutes(await page.getByTestId("tour-summary").innerText());

  await page.goto(`${origin}/data`);
  await page.getByLabel("Routing engine address (OSRM)").fill(ENGINE);
  await page.getByLabel("Routing engine address (OSRM)").press("Tab");
  const runs = [];
  for (let k = 0; k < 4; k++) {
    const t0 = Date.now();
    await page.goto(tour);
    if (k > 0) {
      // Move the start a little: the times are older, and fetched again.
      const moved = place(sx, sy + 0.01 * k);
      await page.getByLabel("Start location (lat, lon or map link)").fill(`${moved.lat}, ${moved.lon}`);
      await page.getByLabel("Start location (lat, lon or map link)").press("Tab");
    }
    const t1 = Date.now();
    await page.getByTestId("road-times").filter({ hasText: "Drive times by road" }).waitFor({ timeout: 60_000 });
    runs.push(Date.now() - (k > 0 ? t1 : t0));
  }
  const estimateByRoad = minutes(await page.getByTestId("tour-summary").innerText());
  await optimise();
  const roadOrder = await order();
  const roadTotal = minutes(await page.getByTestId("tour-summary").innerText());
  const opened = runs.shift();
  runs.sort((a, b) => a - b);
  console.log(`${n} stops (${n + 1} places): road times fetched and applied ${runs[1]} ms after the start moved (median of 3), ${opened} ms from opening the tour (app start included)`);
  console.log(`  estimate's order: ${estimateOrder}`);
  console.log(`    ${estimateTotal} min of driving by the estimate, ${estimateByRoad} min by road`);
  console.log(`  road order:       ${roadOrder}`);
  console.log(`    ${roadTotal} min of driving by road (${estimateByRoad - roadTotal} min less than the estimate's order, driven)`);
}
await close();
process.kill(-osrm.pid, "SIGTERM");
