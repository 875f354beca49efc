// Tour day on a tablet and on a phone, with the clock under the test's
// control: arrivals late, the day re-timed, a missed appointment flagged
// with its "running late" text message, a stop skipped, a reload mid-tour,
// notes landing on the home, and the summary at the end.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { fillStorage, openSampleTour, shareLink, storedEnvelope } from "./helpers.mjs";

// The sample tour is on Saturday 28 November 2026 from 9:30.
const at = (hm) => new Date(`2026-11-28T${hm}:00`);

/** The sample tour "Saturday, southeast" with three more homes: six stops. */
async function sixStopTour(page) {
  await page.clock.install({ time: at("08:50") });
  await openSampleTour(page);
  const planner = page.getByTestId("tour-planner");
  for (let i = 0; i < 3; i++) {
    await planner.getByLabel("Home to add").selectOption({ index: 1 + i * 2 });
    await planner.getByRole("button", { name: "Add stop" }).tap();
  }
  await expect(page.getByTestId("stop-row")).toHaveCount(6);
  await planner.getByRole("link", { name: "Start tour day" }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tour day: Saturday, southeast");
}

const now = (page) => page.getByTestId("day-now");
const rows = (page) => page.getByTestId("day-row");

/** Moves the clock on ("01:15:00": an hour and a quarter), past the view's
 * next 20-second tick. */
async function forward(page, duration) {
  await page.clock.fastForward(duration);
  await page.clock.runFor(20_000);
}

test("a six-stop tour day: late arrival re-times the day, the missed appointment is flagged with its text message, a skip, a reload, notes, the summary", async ({ page }) => {
  await sixStopTour(page);
  await expect(now(page)).toContainText("Now · stop 1 of 6");
  await expect(now(page).getByRole("heading")).toHaveText("8123 SE 13th Ave, Portland, OR");
  // The listing agent is a tap away, and the way there opens in a maps app.
  await expect(now(page).getByRole("link", { name: "Call the listing agent" })).toHaveAttribute("href", /^tel:\+1503555011\d$/);
  await expect(now(page).getByRole("link", { name: "Google Maps" })).toHaveAttribute("href", /google\.com\/maps\/dir/);
  const appointmentRow = rows(page).nth(1);
  await expect(appointmentRow).toContainText("4410 SE Lincoln St");
  const plannedTimes = await appointmentRow.innerText();
  await expect(page.getByTestId("late-notice")).toHaveCount(0);

  // 35 minutes late at the first home, and it runs long.
  await forward(page, "01:15:00");
  await now(page).getByRole("button", { name: "Arrived" }).tap();
  await expect(now(page)).toContainText("Arrived 10:05 AM");
  await forward(page, "00:20:00");
  await now(page).getByRole("button", { name: "Done" }).tap();
  await expect(rows(page).first()).toContainText("Arrived 10:05 AM · left 10:2");

  // The 10:30 appointment is now missed: said at once, in the schedule too.
  const late = page.getByTestId("late-notice");
  await expect(late).toContainText(/Running late: about \d+ minutes late for the 10:30 AM appointment at 4410 SE Lincoln St/);
  const minutes = Number((await late.innerText()).match(/about (\d+) minutes/)[1]);
  expect(minutes).toBeGreaterThan(0);
  await expect(appointmentRow.getByTestId("day-row-late")).toHaveText(`${minutes} min late`);
  expect(await appointmentRow.innerText()).not.toEqual(plannedTimes);

  // One tap opens the phone's messages app with the text written.
  await late.getByText("Tell the listing agent").tap();
  await late.getByLabel("Your name").first().fill("Ana Lee");
  await late.getByLabel("Your name").first().press("Tab");
  const sms = late.getByRole("link", { name: "Text message" }).first();
  const href = await sms.getAttribute("href");
  expect(href).toMatch(/^sms:\+1503555011\d\?body=/);
  const body = decodeURIComponent(href.split("?body=")[1]);
  expect(body).toBe(`Hello Dana Whitfield, this is Ana Lee. I am running about ${minutes} minutes late for the 10:30 AM showing at 4410 SE Lincoln St, Portland, OR. Sorry for the delay.`);
  // The buyer gets the same news.
  await late.getByText("Tell the buyer").tap();
  await expect(late.getByRole("link", { name: "Text message" }).nth(1)).toHaveAttribute("href", /^sms:\+15035550142\?body=Hello%20Maria%20Ortega/);

  // Skip the appointment's home: the next one is in hand, the notice goes.
  await expect(now(page)).toContainText("stop 2 of 6");
  await now(page).getByRole("button", { name: "Skip" }).tap();
  await expect(appointmentRow).toContainText("Skipped");
  await expect(now(page)).toContainText("stop 3 of 6");
  await expect(late).toHaveCount(0);

  // A reload mid-tour loses nothing.
  await page.reload();
  await expect(rows(page).first()).toContainText("Arrived 10:05 AM · left 10:2");
  await expect(rows(page).nth(1)).toContainText("Skipped");
  await expect(now(page)).toContainText("stop 3 of 6");

  // The buyer's link, sent again from the tour day, carries the new day:
  // the actual arrival, the skipped home said so, later times after it.
  const link = await shareLink(page);
  const buyer = await page.context().newPage();
  await buyer.goto(link);
  const cards = buyer.getByTestId("home-card");
  await expect(cards).toHaveCount(6);
  await expect(cards.first()).toContainText("Arrive 10:05 AM");
  await expect(cards.nth(1)).toContainText("Skipped: this home is no longer on today's route.");
  await expect(cards.nth(1)).not.toContainText("Arrive");
  await expect(cards.nth(1).getByRole("link", { name: "Google Maps" })).toHaveCount(0);
  const third = await cards.nth(2).locator(".stop-times").innerText();
  const [, hour, minute, half] = third.match(/Arrive (\d+):(\d+) (AM|PM)/);
  expect((Number(hour) % 12 + (half === "PM" ? 12 : 0)) * 60 + Number(minute)).toBeGreaterThanOrEqual(10 * 60 + 25);
  await buyer.close();

  // At the third home: an impression and a note that lands on the home.
  await now(page).getByRole("button", { name: "Arrived" }).tap();
  const note = now(page).getByTestId("quick-note");
  await note.getByRole("button", { name: "4 of 5" }).tap();
  await expect(note.getByRole("button", { name: "4 of 5" })).toHaveAttribute("aria-pressed", "true");
  await note.getByLabel("Quick note").fill("Roof looks new");
  await note.getByRole("button", { name: "Add to notes" }).tap();
  await expect(note.getByRole("status")).toHaveText("Added to the home's notes.");
  await expect
    .poll(async () => (await storedEnvelope(page)).document.properties.some((p) => (p.private_notes ?? "").endsWith("Roof looks new")))
    .toBe(true);
  await forward(page, "00:25:00");
  await now(page).getByRole("button", { name: "Done" }).tap();

  // A home added on the way goes ahead of the agent, never behind.
  await page.getByText("Add a stop on the way").tap();
  const adding = page.locator(".add-on-the-way");
  await adding.getByLabel("Home to add").selectOption({ index: 1 });
  await adding.getByRole("button", { name: "Add stop" }).tap();
  await expect(adding.getByRole("status")).toContainText(/Added as stop \d, where it costs the rest of the day least\./);
  const added = Number((await adding.getByRole("status").innerText()).match(/stop (\d)/)[1]);
  expect(added).toBeGreaterThanOrEqual(4);
  await expect(rows(page)).toHaveCount(7);
  await expect(now(page)).toContainText("of 7");

  // End early: the rest is skipped, and the summary shows every stop.
  await page.getByRole("button", { name: "End the tour (skip the rest)" }).tap();
  const summary = page.getByTestId("tour-summary");
  await expect(summary.getByTestId("summary-row")).toHaveCount(7);
  await expect(summary.getByTestId("summary-row").nth(0)).toContainText("10:05 AM–10:2");
  await expect(summary.getByTestId("summary-row").nth(1)).toContainText("Skipped");
  await expect(summary.getByTestId("summary-row").nth(2)).toContainText("★★★★");
  await expect(summary.getByTestId("summary-row").last()).toContainText("Skipped");
  const [download] = await Promise.all([page.waitForEvent("download"), summary.getByRole("button", { name: "Download CSV" }).tap()]);
  expect(download.suggestedFilename()).toBe("showplan-tour-2026-11-28.csv");
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  expect(csv[0]).toBe("Stop,Address,Arrived,Left,Minutes,Skipped,Impression,Buyer's feedback");
  expect(csv[1]).toMatch(/^1,"8123 SE 13th Ave, Portland, OR",10:05,10:2\d,2\d,,,$/);
  expect(csv[2]).toMatch(/^2,"4410 SE Lincoln St, Portland, OR",,,,yes,,$/);
  expect(csv[3]).toMatch(/,4\/5,$/);

  // On paper, the finished day is its summary, without buttons.
  await page.emulateMedia({ media: "print" });
  await expect(summary).toBeVisible();
  await expect(page.getByTestId("day-schedule")).toBeHidden();
  await expect(summary.getByRole("button", { name: "Download CSV" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("tour day on a phone: big buttons, nothing off screen, the same day after a reload", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: "en-US" });
  const page = await context.newPage();
  await sixStopTour(page);
  await forward(page, "00:45:00");
  await now(page).getByRole("button", { name: "Arrived" }).tap();
  await expect(now(page)).toContainText("Arrived 9:35 AM");

  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  // Every control of the view is a full-size target, and nothing scrolls sideways.
  const small = await page.getByTestId("tour-day").locator("button, a, select, input, textarea, summary").evaluateAll((els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ what: e.textContent.trim() || e.getAttribute("aria-label") || e.tagName, ...e.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.what}: ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await forward(page, "00:20:00");
  await now(page).getByRole("button", { name: "Done" }).tap();
  await now(page).getByRole("button", { name: "Skip" }).tap();
  await page.reload();
  await expect(rows(page).nth(0)).toContainText("Arrived 9:35 AM · left 9:55 AM");
  await expect(rows(page).nth(1)).toContainText("Skipped");
  await expect(now(page)).toContainText("stop 3 of 6");
  await context.close();
});

test("before the day: the listing agent, a prefilled request in their language, the appointment's state, the market check", async ({ page }) => {
  await page.clock.install({ time: at("08:50") });
  await openSampleTour(page);
  const first = page.getByTestId("stop-row").first();
  const appointment = first.getByTestId("stop-appointment");
  await expect(appointment.getByLabel("Appointment")).toHaveValue("to_request");
  // Never checked: said on the stop.
  await expect(first.getByTestId("stop-market")).toHaveText("Not checked yet: make sure it is still available.");

  await appointment.getByText("Ask the listing agent for this showing").tap();
  await appointment.getByLabel("Your name").fill("Ana Lee");
  await appointment.getByLabel("Your name").press("Tab");
  const sms = appointment.getByRole("link", { name: "Text message" });
  // The request names the time the plan shows for the stop.
  const [, time, hm] = (await first.getByTestId("stop-times").innerText()).match(/show ((\d+:\d\d) [AP]M)/);
  let body = decodeURIComponent((await sms.getAttribute("href")).split("?body=")[1]);
  expect(body).toBe(`Hello Dana Whitfield, this is Ana Lee. May I show 8123 SE 13th Ave, Portland, OR on Saturday, November 28, 2026 at ${time}? Thank you.`);
  await expect(appointment.getByRole("link", { name: "E-mail" })).toHaveAttribute("href", /^mailto:dana@example\.com\?subject=8123%20SE%2013th%20Ave/);
  // In Spanish for this agent, remembered on the home.
  await appointment.getByLabel("Message language").selectOption("es");
  body = decodeURIComponent((await sms.getAttribute("href")).split("?body=")[1]);
  expect(body).toBe(`Hola, Dana Whitfield, soy Ana Lee. ¿Puedo mostrar 8123 SE 13th Ave, Portland, OR el sábado, 28 de noviembre de 2026 a las ${hm}? Gracias.`);
  await expect
    .poll(async () => (await storedEnvelope(page)).document.properties.find((p) => p.address.startsWith("8123 SE 13th"))?.listing_agent?.language)
    .toBe("es");

  // Opening the message marks the request as sent (the messages app itself
  // is not opened here).
  await sms.evaluate((a) => {
    a.addEventListener("click", (e) => e.preventDefault(), { once: true });
    a.click();
  });
  await expect(appointment.getByLabel("Appointment")).toHaveValue("requested");
  await expect(appointment).toContainText("Since ");
  await appointment.getByLabel("Appointment").selectOption("confirmed");
  await expect
    .poll(async () => (await storedEnvelope(page)).document.tours[0].stops[0].appointment)
    .toBe("confirmed");

  // The home's page: its listing agent, and "checked: still available".
  await page.goto("/properties");
  await page.getByRole("link", { name: /8123 SE 13th Ave/ }).first().tap();
  const card = page.getByTestId("listing-agent");
  await expect(card.getByLabel("Listing agent", { exact: true })).toHaveValue("Dana Whitfield");
  await expect(card.getByTestId("market-check")).toHaveText("Not checked yet: make sure it is still available.");
  await card.getByRole("button", { name: "Checked: still available" }).tap();
  await expect(card.getByTestId("market-check")).toHaveText("Checked recently: active.");
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  await expect(page.getByTestId("stop-row").first().getByTestId("stop-market")).toHaveCount(0);

  // Three days on, the check is too old (2 days unless set)...
  await page.clock.fastForward(72 * 3600 * 1000);
  await page.reload();
  const market = page.getByTestId("stop-row").first().getByTestId("stop-market");
  await expect(market).toHaveText("Last checked 3 days ago: check again.");
  // ...unless the agent keeps checks for 5 days; nonsense is refused.
  await page.goto("/data");
  const days = page.getByLabel("Days a listing check stays good before a tour warns again");
  await expect(days).toHaveValue("2");
  await days.fill("0");
  await days.press("Tab");
  const problem = page.getByRole("alert").filter({ hasText: "Enter a whole number of days from 1 to 60." });
  await expect(problem).toBeVisible();
  await days.fill("5");
  await days.press("Tab");
  await expect(problem).toHaveCount(0);
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  await expect(page.getByTestId("stop-row")).toHaveCount(3);
  await expect(market).toHaveCount(0);
});

test("a market-check setting that cannot be kept says so, rather than silently not applying", async ({ page }) => {
  await page.goto("/data");
  await fillStorage(page);
  const days = page.getByLabel("Days a listing check stays good before a tour warns again");
  await days.fill("5");
  await days.press("Tab");
  await expect(page.getByRole("alert").filter({ hasText: "This could not be kept" })).toHaveText(
    "This could not be kept: this device's storage is full or blocked. Tours still use the number kept before.",
  );
});
