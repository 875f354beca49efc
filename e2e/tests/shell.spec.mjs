// The app shell: navigation by touch, deep links, sub-path hosting,
// the language switch, and a layout that fits tablets and phones.
import { test, expect } from "@playwright/test";
import { addBuyer } from "./helpers.mjs";

const SUBPATH = "http://127.0.0.1:8092/showplan/";

const nav = (page) => page.getByRole("navigation");
const navLink = (page, name) => nav(page).getByRole("link", { name, exact: true });

test("taps through Buyers, Properties and Tours", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/buyers$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");

  await navLink(page, "Properties").tap();
  await expect(page).toHaveURL(/\/properties$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Properties");
  await expect(navLink(page, "Properties")).toHaveAttribute("aria-current", "page");

  await navLink(page, "Tours").tap();
  await expect(page).toHaveURL(/\/tours$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tours");

  await navLink(page, "Buyers").tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
});

test("opening the root leaves no extra history entry to go back through", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
  await expect(page).toHaveURL(/\/buyers$/);
  // Back leaves the app (the blank tab it was opened from), rather than
  // landing on the root, which would send the user to Buyers again.
  await page.goBack();
  expect(page.url()).toBe("about:blank");
});

test("the app still starts when the host serves its wasm with another MIME type", async ({ page }) => {
  // Streaming compilation needs application/wasm; boot.js then lets the
  // glue fetch and compile the wasm the slower way.
  await page.route(/showplan_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto("/tours");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tours");
});

test("when the app cannot load, it says so in the user's language and can try again", async ({ browser }) => {
  const english = "Showplan could not start. Check your connection and try again. Your data stays saved on this device.";
  for (const locale of ["en-US", "es-MX", "ro-RO", "vi-VN", "id-ID"]) {
    const context = await browser.newContext({ locale, hasTouch: true });
    const page = await context.newPage();
    await page.route(/showplan_bg\.wasm$/, (route) => route.abort("internetdisconnected"));
    await page.goto("http://127.0.0.1:8091/buyers");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Showplan");
    const text = await alert.textContent();
    if (locale === "en-US") expect(text).toBe(english);
    else expect(text).not.toBe(english);
    await expect(page.locator("main[lang]")).toHaveAttribute("lang", locale.slice(0, 2));

    if (locale === "en-US") {
      // Back online: the button reloads into the working app.
      await page.unroute(/showplan_bg\.wasm$/);
      await page.getByRole("button", { name: "Try again" }).tap();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
    }
    await context.close();
  }
});

test("a deep link loads directly from the served dist", async ({ page }) => {
  await page.goto("/tours");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tours");
  await expect(navLink(page, "Tours")).toHaveAttribute("aria-current", "page");
});

test("an unknown address shows the not-found page with a way back", async ({ page }) => {
  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Go to Buyers" }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
});

test("a sub-path build serves deep links and keeps its links under the sub-path", async ({ page }) => {
  await page.goto(SUBPATH + "tours");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tours");
  await expect(navLink(page, "Properties")).toHaveAttribute("href", "/showplan/properties");

  await navLink(page, "Properties").tap();
  await expect(page).toHaveURL(SUBPATH + "properties");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Properties");

  await page.goto(SUBPATH);
  await expect(page).toHaveURL(SUBPATH + "buyers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
});

test("the language switch changes the visible strings and is remembered", async ({ page }) => {
  await page.goto("/properties");
  await page.getByLabel("Language").selectOption("es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inmuebles");
  await expect(navLink(page, "Compradores")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inmuebles");
  await expect(page.getByLabel("Idioma")).toHaveValue("es");

  await page.getByLabel("Idioma").selectOption("en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Properties");
});

test("a Spanish browser gets Spanish without choosing", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto("http://127.0.0.1:8091/buyers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compradores");
  await context.close();
});

for (const [name, width, height] of [
  ["tablet landscape", 1024, 768],
  ["tablet portrait", 768, 1024],
  ["phone", 390, 844],
]) {
  test(`layout fits a ${name} (${width}x${height}) with touch targets of 44 px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto("/tours");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(0);
    for (const target of [
      navLink(page, "Buyers"),
      navLink(page, "Properties"),
      navLink(page, "Tours"),
      page.getByLabel("Language"),
    ]) {
      const box = await target.boundingBox();
      expect(box, "visible").not.toBeNull();
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
  });
}

test("nothing is loaded from another origin", async ({ page }) => {
  const foreign = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.origin !== "http://127.0.0.1:8091") foreign.push(req.url());
  });
  await page.goto("/buyers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});

test("opening the app fetches only the shell's wasm; a notice's code comes when it shows", async ({ page }) => {
  const wasm = [];
  page.on("request", (req) => {
    const path = new URL(req.url()).pathname;
    if (path.endsWith(".wasm")) wasm.push(path.split("/").pop());
  });
  await page.goto("/buyers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buyers");
  await expect(page.getByLabel("New buyer's name")).toBeVisible();
  await page.waitForLoadState("networkidle");
  // What `make size` counts as opening the app is what the browser fetched.
  expect(wasm).toEqual(["showplan_bg.wasm"]);

  // With work worth saving and no backup yet, the backup reminder shows:
  // its chunk is fetched then.
  for (const name of ["Rita", "Rui", "Rosa", "Radu", "Rana"]) await addBuyer(page, `Reminder ${name}`);
  await expect(page.getByTestId("backup-reminder")).toBeVisible();
  expect(wasm.some((f) => f.startsWith("split_backup_reminder"))).toBe(true);
});
