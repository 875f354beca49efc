// "Use my location": a home's or a tour's start is placed from where the
// device is, for an agent at the door with no coordinates at hand; a
// refusal says what to do instead.
import { test, expect } from "@playwright/test";

const HERE = { latitude: 45.512345, longitude: -122.658765, accuracy: 35 };

test.describe("where the device allows its location", () => {
  test.use({ geolocation: HERE, permissions: ["geolocation"] });

  test("a new home is placed where the agent stands, and keeps it after a reload", async ({ page }) => {
    await page.goto("/properties/new");
    const form = page.getByTestId("property-form");
    await form.getByLabel("Address").fill("2204 NE Alberta St");
    await form.getByRole("button", { name: "Use my location" }).tap();
    await expect(form.getByRole("status").filter({ hasText: "within about 35 m" })).toBeVisible();
    await expect(form.getByLabel(/^Coordinates/)).toHaveValue("45.512345, -122.658765");
    await form.getByRole("button", { name: "Save" }).tap();
    await expect(page).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
    await page.reload();
    await expect(page.getByTestId("property-form").getByLabel(/^Coordinates/)).toHaveValue("45.512345, -122.658765");
  });

  test("a tour starts where the agent is", async ({ page }) => {
    await page.goto("/tours");
    await page.getByTestId("new-tour").tap();
    const planner = page.getByTestId("tour-planner");
    await expect(planner).toBeVisible();
    const start = planner.getByLabel(/^Start location/);
    await start.fill("");
    await start.press("Tab");
    await planner.getByRole("button", { name: "Use my location" }).tap();
    await expect(start).toHaveValue("45.512345, -122.658765");
    await expect(planner.getByRole("status").filter({ hasText: "within about 35 m" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("tour-planner").getByLabel(/^Start location/)).toHaveValue("45.512345, -122.658765");
  });
});

test("a refused location says how to allow it, and the field is left as it was", async ({ page, context }) => {
  await context.clearPermissions();
  await page.goto("/properties/new");
  const form = page.getByTestId("property-form");
  await form.getByLabel(/^Coordinates/).fill("45.5, -122.6");
  await form.getByRole("button", { name: "Use my location" }).tap();
  await expect(form.getByRole("status").filter({ hasText: "did not allow its location" })).toBeVisible();
  await expect(form.getByLabel(/^Coordinates/)).toHaveValue("45.5, -122.6");
});
