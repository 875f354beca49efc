// Screenshots of the pages a phone user sees most, at 390 x 844 with the
// sample data: the tour planner, a property page and the buyer view, into
// docs/screenshots/. For closing notes and the README; `make dist` first.
// Usage: node scripts/screenshots.mjs [dist]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const dist = process.argv[2] ?? "dist";
const port = 8096;
const origin = `http://127.0.0.1:${port}`;
const out = "docs/screenshots";
mkdirSync(out, { recursive: true });

const server = spawn("node", ["e2e/serve.mjs", dist, String(port), "/"], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${origin}/data`);
  await page.getByTestId("load-sample").tap();
  await page.getByTestId("sample-loaded").waitFor();

  // What the phone's screen shows (the tab bar stays at its bottom), with
  // `top` scrolled to the top of the screen.
  const shoot = async (target, name, top) => {
    await target.evaluate(() => document.fonts.ready);
    if (top) await top.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await target.screenshot({ path: `${out}/${name}-390.png` });
    console.log(`${out}/${name}-390.png`);
  };

  await page.goto(`${origin}/tours`);
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  await page.getByTestId("stop-list").locator(":scope > li.stop").first().waitFor();
  await shoot(page, "tour-planner", page.getByRole("heading", { name: "Stops" }));

  await page.goto(`${origin}/properties`);
  await page.getByTestId("property-list").getByRole("link").first().tap();
  await page.getByTestId("property-form").waitFor();
  await shoot(page, "property-page", page.getByTestId("property-form"));

  await page.goto(`${origin}/tours`);
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const share = page.getByTestId("share-tour");
  await share.locator("summary").tap();
  const link = await page.getByTestId("share-link").inputValue();
  const buyer = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await buyer.newPage();
  await phone.goto(link);
  await phone.getByTestId("home-card").first().waitFor();
  await shoot(phone, "buyer-view", null);
  await shoot(phone, "buyer-view-home", phone.getByTestId("home-card").first());
} finally {
  await browser.close();
  server.kill();
}
