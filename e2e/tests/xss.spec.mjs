// User text is always text: script payloads typed into every text and link
// field never run, and only http, https, tel and mailto become links.
import { test, expect } from "@playwright/test";

const TEXT = [
  '<img src=x onerror="window.__xss=1">',
  "<script>window.__xss=1</script>",
  '"><svg onload="window.__xss=1">',
  "{{constructor.constructor('window.__xss=1')()}}",
];
const LINKS = [
  "javascript:window.__xss=1",
  " JaVaScRiPt:window.__xss=1",
  "java\tscript:window.__xss=1",
  "data:text/html,<script>window.__xss=1</script>",
  "vbscript:msgbox(1)",
];

test.beforeEach(async ({ page }) => {
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

async function expectNothingRan(page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('a[href^="javascript" i], a[href^="data:" i], a[href^="vbscript" i]').count()).toBe(0);
  expect(await page.locator("main img, main svg, main script").count()).toBe(0);
}

test("script payloads in every text field are shown as text and never run", async ({ page }) => {
  const payload = TEXT.join(" ");
  await page.goto("/buyers");
  await page.getByLabel("New buyer's name").fill(TEXT[0]);
  await page.getByRole("button", { name: "Add buyer" }).tap();
  const buyer = page.getByTestId("buyer-form");
  for (const label of [
    "Contact person",
    "Preferred areas (separated by commas)",
    "Must-haves (one per line)",
    /^Nice-to-haves/,
    "Deal-breakers (one per line)",
    "Notes",
  ]) {
    await buyer.getByLabel(label).fill(payload);
  }
  await buyer.getByLabel("Email").fill(LINKS[0]);
  await buyer.getByRole("button", { name: "Save" }).tap();
  await expect(buyer.getByText("Saved.")).toBeVisible();
  await expect(page.getByTestId("buyer-list")).toContainText(TEXT[0]);
  await expectNothingRan(page);

  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address").fill(payload);
  await form.getByLabel("Neighbourhood or area").fill(TEXT[1]);
  await form.getByLabel("MLS number").fill(TEXT[2]);
  await form.getByLabel("Listing link").fill(LINKS[0]);
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("property-detail");
  const features = detail.getByTestId("features");
  await features.getByLabel("Room or category").fill(TEXT[0]);
  await features.getByLabel("Feature", { exact: true }).fill(TEXT[1]);
  await features.getByRole("button", { name: "Add feature" }).tap();
  const renos = detail.getByTestId("renovations");
  await renos.getByLabel("Item").fill(TEXT[2]);
  await renos.getByLabel("Room").fill(TEXT[0]);
  await renos.getByLabel("Low estimate").fill("100");
  await renos.getByRole("button", { name: "Add renovation" }).tap();
  const notes = detail.getByTestId("neighbourhood-notes");
  await notes.getByLabel("Note", { exact: true }).fill(payload);
  await notes.getByRole("button", { name: "Add note" }).tap();
  await detail.getByLabel("Notes only you can see").fill(payload);
  await expect(detail.getByTestId("feature-list")).toContainText(TEXT[1]);
  await expect(renos.locator("tbody")).toContainText(TEXT[2]);
  await expect(notes.locator("li.note")).toContainText(TEXT[3]);
  await expectNothingRan(page);

  // Again after a reload, and on the list and match pages that show the same text.
  await page.reload();
  await expect(page.getByTestId("property-detail").getByTestId("feature-list")).toContainText(TEXT[1]);
  await expectNothingRan(page);
  await page.getByRole("navigation").getByRole("link", { name: "Match" }).tap();
  await page.getByLabel("Buyer").selectOption({ index: 1 });
  await expect(page.getByTestId("match-list")).toContainText(TEXT[0]);
  await expectNothingRan(page);
});

test("only http, https, tel and mailto listing links become links", async ({ page }) => {
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel("Address").fill("1 Test St");
  const preview = form.getByTestId("listing-link");
  for (const bad of LINKS) {
    await form.getByLabel("Listing link").fill(bad);
    await expect(preview.getByRole("link")).toHaveCount(0);
    // Shown as the plain text that was typed.
    expect((await preview.textContent()).trim()).toBe(bad.trim());
  }
  for (const good of ["https://www.example.com/listing/42", "tel:+15035550142", "mailto:agent@example.com"]) {
    await form.getByLabel("Listing link").fill(good);
    await expect(preview.getByRole("link")).toHaveAttribute("href", good);
  }
  await expectNothingRan(page);
});
