// The agent's day: a buyer with needs, an MLS CSV import, the ranked list,
// one home's features, renovations and neighbourhood notes, and a reload.
import { test, expect } from "@playwright/test";
import { heading } from "./helpers.mjs";

const CSV = "tests/fixtures/mls-export.csv";

async function createBuyer(page, name) {
  await page.goto("/buyers");
  await page.getByLabel("New buyer's name").fill(name);
  await page.getByRole("button", { name: "Add buyer" }).tap();
  await expect(page.getByTestId("buyer-form")).toBeVisible();
  return page.getByTestId("buyer-form");
}

async function importCsv(page) {
  await page.goto("/properties");
  await page.getByText("Import from a CSV file (MLS export)").tap();
  await page.getByLabel("CSV file").setInputFiles(CSV);
  await page.getByRole("button", { name: /^Import 31 rows$/ }).tap();
  return page.getByTestId("csv-report");
}

test("an agent's journey: buyer, CSV import, ranking, one home in detail, reload", async ({ page }) => {
  const form = await createBuyer(page, "Maria Ortega");
  await form.getByLabel("Budget from").fill("900,000");
  await form.getByLabel("Budget up to").fill("$700,000");
  await form.getByLabel("Bedrooms, at least").fill("3");
  await form.getByLabel("Bathrooms, at least").fill("2");
  await form.getByRole("checkbox", { name: "House", exact: true }).check();
  await form.getByLabel("Preferred areas (separated by commas)").fill("Sellwood, Woodstock, Reed");
  await form.getByLabel("Must-haves (one per line)").fill("fenced yard");
  await form.getByLabel("Deal-breakers (one per line)").fill("busy street");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(form.getByText("The minimum is above the maximum.")).toBeVisible();
  await expect(form.getByLabel("Budget from")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Budget from").fill("500,000");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(form.getByText("Saved.")).toBeVisible();

  // CSV: the good rows come in, every bad row is reported by line.
  await page.goto("/properties");
  await page.getByText("Import from a CSV file (MLS export)").tap();
  await page.getByLabel("CSV file").setInputFiles(CSV);
  // The file read is named, and its preview gets the page's width.
  await expect(page.getByTestId("csv-file-name")).toHaveText("Read from mls-export.csv.");
  const previewWidth = await page.locator("details.csv-import .table-scroll").evaluate((e) => e.getBoundingClientRect().width);
  expect(previewWidth).toBeGreaterThan(700);
  await expect(page.getByRole("combobox", { name: "Street Address" })).toHaveValue("street");
  await expect(page.getByRole("combobox", { name: "List Price" })).toHaveValue("price");
  await expect(page.getByRole("combobox", { name: "Latitude" })).toHaveValue("lat");
  await page.getByRole("button", { name: "Import 31 rows" }).tap();
  const report = page.getByTestId("csv-report");
  await expect(report).toContainText("Imported 26 properties.");
  await expect(report).toContainText("5 rows were not imported:");
  const errors = report.getByRole("listitem");
  await expect(errors).toHaveText([
    "Line 27: no address",
    'Line 28: "call agent" is not a number (Price)',
    "Line 29: latitude and longitude must both be given and valid",
    'Line 30: "three" is not a number (Bedrooms)',
    'Line 31: unknown status "Auction"',
  ]);
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 26 of 26");

  // The same file again: every home is already here, none comes in twice,
  // and the bad rows are reported again.
  await page.getByLabel("CSV file").setInputFiles(CSV);
  await page.getByRole("button", { name: "Import 31 rows" }).tap();
  await expect(report).toContainText("26 properties already here were unchanged.");
  await expect(report).not.toContainText("Imported");
  await expect(report).toContainText("5 rows were not imported:");
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 26 of 26");

  // Search and filters narrow the list.
  await page.getByTestId("property-search").fill("sellwood");
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 2 of 26");
  await page.getByTestId("property-search").fill("sellwood lambert");
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 1 of 26");
  await page.getByRole("button", { name: "Clear filters" }).tap();
  await page.getByTestId("property-filters").getByRole("combobox", { name: /^Type/ }).selectOption("Condo");
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 2 of 26");
  await page.getByRole("button", { name: "Clear filters" }).tap();

  // The ranked list for Maria, with reasons.
  await page.getByRole("navigation").getByRole("link", { name: "Match" }).tap();
  await page.getByLabel("Buyer").selectOption({ label: "Maria Ortega" });
  const matches = page.getByTestId("match-list").locator(":scope > li");
  // The sold and the withdrawn home are left out until asked for, then come
  // last with the reason; the pending one is ranked and marked.
  await expect(matches).toHaveCount(24);
  await expect(page.getByTestId("match-list")).not.toContainText("6415 N Moore Ave");
  await expect(matches.filter({ hasText: "3003 NE 65th Ave" })).toContainText("Pending: an offer was accepted");
  const offMarket = page.getByRole("checkbox", { name: "Show sold and withdrawn homes (2)" });
  await offMarket.check();
  await expect(matches).toHaveCount(26);
  const lastTwo = (await matches.allInnerTexts()).slice(24).join("\n");
  expect(lastTwo).toContain("6415 N Moore Ave");
  expect(lastTwo).toContain("Sold: no longer for sale.");
  expect(lastTwo).toContain("5044 SE Holgate Blvd");
  expect(lastTwo).toContain("Withdrawn: taken off the market.");
  await expect(matches.filter({ hasText: "6415 N Moore Ave" }).getByRole("button", { name: "Add to tour" })).toHaveCount(0);
  await offMarket.uncheck();
  await expect(matches).toHaveCount(24);
  const scores = await page.getByTestId("match-list").locator(".score").allInnerTexts();
  const numbers = scores.map(Number);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await expect(matches.first()).toContainText("Within budget");
  // No renovations: one price, not "from X to X with renovations".
  await expect(matches.first()).not.toContainText("with renovations");
  await expect(matches.first()).toContainText("In a preferred area");

  // Open the Sellwood home from the ranked list.
  await page.getByRole("link", { name: "1306 SE Lambert St, Portland, OR 97202" }).tap();
  const detail = page.getByTestId("property-detail");
  await expect(detail.getByLabel("Address")).toHaveValue("1306 SE Lambert St, Portland, OR 97202");

  const features = detail.getByTestId("features");
  await features.getByRole("checkbox", { name: "gas range" }).check();
  await features.getByRole("checkbox", { name: "fenced yard" }).check();
  await features.getByLabel("Room or category").fill("Kitchen");
  await features.getByLabel("Feature", { exact: true }).fill("quartz counters");
  await features.getByRole("button", { name: "Add feature" }).tap();
  await expect(features.getByTestId("feature-list").getByRole("listitem")).toHaveCount(3);

  const renos = detail.getByTestId("renovations");
  await renos.getByLabel("Item").fill("Replace roof");
  await renos.getByLabel("Room").fill("Exterior");
  await renos.getByLabel("Priority").selectOption({ label: "High" });
  await renos.getByLabel("Low estimate").fill("14,000");
  await renos.getByLabel("High estimate").fill("22,000");
  await renos.getByRole("button", { name: "Add renovation" }).tap();
  await expect(renos.getByTestId("reno-total")).toContainText("14,000");
  await renos.getByLabel("Item").fill("Paint interior");
  await renos.getByLabel("Low estimate").fill("3000");
  await renos.getByLabel("High estimate").fill("5000");
  await renos.getByRole("button", { name: "Add renovation" }).tap();
  // Renovation amounts are money, shown like the prices.
  await expect(renos.getByTestId("reno-total")).toContainText("$17,000");
  await expect(renos.getByTestId("reno-total")).toContainText("$27,000");
  await expect(renos.locator("tbody tr").first()).toContainText("$14,000");
  await expect(renos.getByTestId("effective-price")).toContainText("$702,000 – $712,000");
  // A row with the costs the wrong way round is refused with a message.
  await renos.getByLabel("Item").fill("Deck");
  await renos.getByLabel("Low estimate").fill("9000");
  await renos.getByLabel("High estimate").fill("1000");
  await renos.getByRole("button", { name: "Add renovation" }).tap();
  await expect(renos.getByText("The minimum is above the maximum.")).toBeVisible();
  await expect(renos.locator("tbody tr")).toHaveCount(2);

  const notes = detail.getByTestId("neighbourhood-notes");
  await notes.getByLabel("Category").selectOption({ label: "Schools" });
  await notes.getByLabel("Rating (1-5)").selectOption("4");
  await notes.getByLabel("Note", { exact: true }).fill("Llewellyn Elementary is a five-minute walk.");
  await notes.getByRole("button", { name: "Add note" }).tap();
  await notes.getByLabel("Category").selectOption({ label: "Noise" });
  await notes.getByLabel("Rating (1-5)").selectOption("2");
  await notes.getByLabel("Note", { exact: true }).fill("Busy street at rush hour.");
  await notes.locator("form").getByRole("checkbox", { name: "Share with the buyer" }).uncheck();
  await notes.getByRole("button", { name: "Add note" }).tap();
  await expect(notes.locator("li.note")).toHaveCount(2);

  const privateNotes = detail.getByTestId("private-notes");
  await expect(privateNotes).toContainText("Private: never shared with buyers");
  await privateNotes.getByLabel("Notes only you can see").fill("Seller wants a quick close.");

  // Everything is still there after a reload.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  const again = page.getByTestId("property-detail");
  await expect(again.getByTestId("feature-list").getByRole("listitem")).toHaveCount(3);
  await expect(again.getByTestId("feature-list")).toContainText("quartz counters");
  await expect(again.getByTestId("reno-total")).toContainText("17,000");
  await expect(again.getByTestId("reno-total")).toContainText("27,000");
  await expect(again.locator("li.note")).toHaveCount(2);
  await expect(again.locator("li.note").nth(1)).toContainText("Busy street at rush hour.");
  await expect(again.locator("li.note").nth(1).getByRole("checkbox")).not.toBeChecked();
  await expect(again.getByLabel("Notes only you can see")).toHaveValue("Seller wants a quick close.");

  // The noisy street is a deal-breaker for Maria now: last, with the reason.
  await page.getByRole("navigation").getByRole("link", { name: "Match" }).tap();
  await page.getByLabel("Buyer").selectOption({ label: "Maria Ortega" });
  const last = page.getByTestId("match-list").locator(":scope > li").last();
  await expect(last).toContainText("1306 SE Lambert St");
  await expect(last).toContainText("Deal-breaker: busy street");
  await expect(last.locator(".score")).toHaveText("0");

  // The best home goes into a tour draft.
  await page.getByTestId("match-list").locator(":scope > li").first().getByRole("button", { name: "Add to tour" }).tap();
  await expect(page.getByTestId("tour-draft")).toHaveText("Tour draft: 1 home");
  await page.getByRole("navigation").getByRole("link", { name: "Tours" }).tap();
  await expect(page.getByTestId("tour-list")).toContainText("Draft for Maria Ortega");
});

test("a deleted property comes back with Undo", async ({ page }) => {
  await importCsv(page);
  await page.getByRole("link", { name: "1842 SE Harold St, Portland, OR 97202" }).tap();
  await page.getByTestId("property-form").getByRole("button", { name: "Delete" }).tap();
  await expect(page.getByTestId("undo-toast")).toContainText('Property "1842 SE Harold St, Portland, OR 97202" deleted.');
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 25 of 25");
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 26 of 26");
  await page.reload();
  await expect(page.getByTestId("shown-count")).toHaveText("Showing 26 of 26");
});

test("coordinates come from a pasted map link, or a clear message says none were found", async ({ page }) => {
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address").fill("4415 SE Woodstock Blvd");
  await form.getByLabel(/^Coordinates/).fill("https://maps.apple.com/?q=coffee");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(form.getByText(/No coordinates found/)).toBeVisible();
  await form.getByLabel(/^Coordinates/).fill("https://www.google.com/maps/@45.4793,-122.6162,17z");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("property-form").getByLabel(/^Coordinates/)).toHaveValue("45.4793, -122.6162");
  await expect(heading(page)).toHaveText("Properties");
});

test("prices far outside the file's own range are listed to check", async ({ page }) => {
  await page.goto("/properties");
  await page.getByText("Import from a CSV file (MLS export)").tap();
  const csv = [
    "Address,Price",
    "1 Alder St,250000",
    "2 Birch St,265000",
    "3 Cedar St,1551",
    "4 Dogwood St,240000",
    "5 Elm St,255000",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "odd.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 5 rows" }).tap();
  const report = page.getByTestId("csv-report");
  await expect(report.getByTestId("csv-check-prices")).toHaveText("Check these prices: they are far outside the rest of the file's.");
  await expect(report).toContainText("3 Cedar St: $1,551");
  await expect(report).not.toContainText("1 Alder St");
});

// A closing date is used (the home is sold); what the import leaves out is
// named; a list row does not repeat the city its address already says.
test("an import uses a closing date, names the columns it left out, and rows say the city once", async ({ page }) => {
  await page.goto("/properties");
  await page.getByText("Import from a CSV file (MLS export)").tap();
  const csv = [
    "Address,City,Price,Close Date,List Agent Name,Buyer Agent Name,Lot Size",
    '"1 Alder St, Portland, OR",Portland,250000,2026-10-02,Ana Agent,Bo Buyer,0.2',
    "2 Birch St,Gresham,265000,,Ana Agent,,",
  ].join("\n");
  await page.getByLabel("CSV file").setInputFiles({ name: "sold.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByLabel("Close Date")).toHaveValue("sold_date");
  // The listing agent is kept on the home; the buyer's agent is not.
  await expect(page.getByLabel("List Agent Name")).toHaveValue("agent_name");
  await expect(page.getByLabel("Buyer Agent Name")).toHaveValue("ignore");
  await page.getByRole("button", { name: "Import 2 rows" }).tap();
  const report = page.getByTestId("csv-report");
  await expect(report.getByTestId("csv-left-out")).toHaveText("Columns not imported: Buyer Agent Name, Lot Size");
  const list = page.getByTestId("property-list");
  const alder = list.getByRole("listitem").filter({ hasText: "1 Alder St" });
  await expect(alder.locator(".badge").last()).toHaveText("Sold");
  // "Portland" is in the address: said once.
  expect((await alder.textContent()).match(/Portland/g)).toHaveLength(1);
  const birch = list.getByRole("listitem").filter({ hasText: "2 Birch St" });
  await expect(birch.locator(".badge").last()).toHaveText("Active");
  await expect(birch).toContainText("Gresham");
});

// A home already in the buyer's dated tour says so on the Match page, and
// "Add to tour" adds to the tour the agent chooses, never a silent draft.
test("Match shows the tours a home is in, and adds to the tour chosen", async ({ page }) => {
  // The sample tour is on Saturday, 28 November 2026: a few days ahead.
  await page.clock.setFixedTime(new Date("2026-11-20T09:00:00"));
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const stops = page.getByTestId("stop-list").locator(":scope > li.stop");
  // The sample tour has three stops.
  await expect(stops).toHaveCount(3);
  const before = 3;
  const firstStop = (await stops.first().textContent()).trim();

  await page.getByRole("navigation").getByRole("link", { name: "Match" }).tap();
  await page.getByLabel("Buyer").selectOption({ label: "Maria & Daniel Ortega" });
  // With no draft, the buyer's next tour is the one chosen.
  const choice = page.getByLabel("Add homes to");
  await expect(choice.locator("option:checked")).toHaveText("Saturday, southeast (Saturday, November 28, 2026)");
  await expect(page.getByTestId("tour-draft")).toHaveText(`Homes in Saturday, southeast: ${before}`);
  const rows = page.getByTestId("match-list").locator(":scope > li");
  const inTour = rows.filter({ has: page.getByTestId("in-tours") });
  await expect(inTour).toHaveCount(before);
  await expect(inTour.first().getByTestId("in-tours")).toHaveText("In Saturday, southeast (Saturday, November 28, 2026)");
  await expect(inTour.first().getByRole("button", { name: "In tour ✓" })).toHaveAttribute("aria-pressed", "true");

  // A home goes into the Saturday tour.
  const outside = rows.filter({ hasNot: page.getByTestId("in-tours") }).filter({ has: page.getByRole("button", { name: "Add to tour" }) }).first();
  const address = (await outside.locator(".primary").textContent()).trim();
  await outside.getByRole("button", { name: "Add to tour" }).tap();
  await expect(page.getByTestId("tour-draft")).toHaveText(`Homes in Saturday, southeast: ${before + 1}`);
  await expect(rows.filter({ hasText: address }).getByTestId("in-tours")).toBeVisible();

  // Chosen: a new draft; the next home starts it, and it is then the choice.
  await choice.selectOption({ label: "A new tour draft" });
  const another = rows.filter({ hasNot: page.getByTestId("in-tours") }).filter({ has: page.getByRole("button", { name: "Add to tour" }) }).first();
  await another.getByRole("button", { name: "Add to tour" }).tap();
  await expect(page.getByTestId("tour-draft")).toHaveText("Tour draft: 1 home");
  await expect(choice.locator("option:checked")).toHaveText("Draft for Maria & Daniel Ortega");

  await page.getByRole("navigation").getByRole("link", { name: "Tours" }).tap();
  await expect(page.getByTestId("tour-list")).toContainText("Draft for Maria & Daniel Ortega");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  await expect(stops).toHaveCount(before + 1);
  await expect(stops.first()).toContainText(firstStop.slice(0, 10));
  await expect(page.getByTestId("stop-list")).toContainText(address);
});
