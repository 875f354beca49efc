// Numbers typed the way each language writes them are saved as meant and
// shown back that way; a number that reads two ways is asked about.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { storedEnvelope } from "./helpers.mjs";

const strings = (locale) => JSON.parse(readFileSync(`locales/${locale}.json`, "utf8"));

/** The stored property with this address, once storage holds it. */
async function storedProperty(page, address) {
  let found;
  await expect
    .poll(async () => {
      found = ((await storedEnvelope(page))?.document?.properties ?? []).find((p) => p.address === address);
      return found !== undefined;
    })
    .toBe(true);
  return found;
}

for (const locale of ["es", "vi"]) {
  test(`a price and a bathroom count typed in ${locale} are saved and shown right`, async ({ browser }) => {
    const s = strings(locale);
    const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/properties/new");
    const form = page.getByTestId("property-form");
    const address = `Calle ${locale} 650`;
    await form.getByLabel(s.field_address).fill(address);
    const price = form.getByLabel(s.field_list_price);
    const baths = form.getByLabel(s.field_baths);
    await price.fill("650.000");
    await baths.fill("2,5");
    await form.getByRole("button", { name: s.save }).tap();
    await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);

    const stored = await storedProperty(page, address);
    expect(stored.list_price).toBe(650000);
    expect(stored.baths).toBe(2.5);

    await page.reload();
    const again = page.getByTestId("property-form");
    await expect(again.getByLabel(s.field_list_price)).toHaveValue("650.000");
    await expect(again.getByLabel(s.field_baths)).toHaveValue("2,5");
    // A field shows back what it understood once it is left.
    await again.getByLabel(s.field_list_price).fill("1250000");
    await again.getByLabel(s.field_baths).focus();
    await expect(again.getByLabel(s.field_list_price)).toHaveValue("1.250.000");
    await context.close();
  });
}

test("a floor area that reads two ways gets a message instead of a guess", async ({ browser }) => {
  const s = strings("es");
  const context = await browser.newContext({ locale: "es", hasTouch: true });
  const page = await context.newPage();
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel(s.field_address).fill("Calle Ambigua 1");
  const area = form.getByLabel(s.field_floor_area);
  await area.fill("1,500");
  await form.getByLabel(s.field_address).focus();
  await expect(area).toHaveAttribute("aria-invalid", "true");
  const said = s.problem_ambiguous_number.replace("{{ first }}", "1,5").replace("{{ second }}", "1500");
  await expect(form.getByText(said)).toBeVisible();
  // A bathroom count of "2,500" reads one way only (2500 is out of range):
  // left, the field shows what saving will keep, with no message.
  const baths = form.getByLabel(s.field_baths);
  await baths.fill("2,500");
  await form.getByLabel(s.field_address).focus();
  await expect(baths).toHaveValue("2,5");
  await expect(baths).toHaveAttribute("aria-invalid", "false");
  // Saving does not guess either.
  await form.getByRole("button", { name: s.save }).tap();
  await expect(page).toHaveURL(/\/properties\/new$/);
  await area.fill("1.500");
  await expect(form.getByText(said)).toHaveCount(0);
  await form.getByRole("button", { name: s.save }).tap();
  await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  expect((await storedProperty(page, "Calle Ambigua 1")).floor_area).toBe(1500);
  await context.close();
});
