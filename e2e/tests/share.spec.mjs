// No server: the link is the message. The agent shares a tour, a buyer on
// another device (empty storage) opens it, rates two homes and sends a reply
// link, and the agent's device attaches the ratings to the tour.
import { test, expect } from "@playwright/test";
import { shareLink, shareSampleTour } from "./helpers.mjs";
import jsQR from "jsqr";
import { deflateRawSync } from "node:zlib";

async function loadSample(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByText("Sample data loaded.")).toBeVisible();
}

/** Reads the QR code on the page with a real QR decoder (jsQR). */
async function readQr(page) {
  const { width, height, data } = await page.getByTestId("qr-code").first().evaluate(async (svg) => {
    // Whole pixels per module, so the edges stay sharp.
    const size = svg.viewBox.baseVal.width * 4;
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    // Raw RGBA pixels, as base64 (a plain array of millions of numbers is slow to pass).
    const pixels = ctx.getImageData(0, 0, size, size).data;
    let binary = "";
    for (let i = 0; i < pixels.length; i += 0x8000) {
      binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    }
    return { width: size, height: size, data: btoa(binary) };
  });
  const pixels = new Uint8ClampedArray(Buffer.from(data, "base64"));
  return jsQR(pixels, width, height)?.data ?? null;
}

test("share a tour, the buyer rates two homes, the agent takes the reply back", async ({ page, browser }) => {
  const { share, link } = await shareSampleTour(page);
  // The short form: the app's root with the itinerary after the #.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#2\.[A-Za-z0-9_-]+$/);
  // Private notes never travel: the sample homes have some.
  expect(decodeURIComponent(link)).not.toContain("Seller motivated");
  // A phone can scan the code back to the exact link.
  expect(await readQr(page)).toBe(link);

  // The calendar file has every showing.
  const [download] = await Promise.all([page.waitForEvent("download"), share.getByTestId("download-ics").tap()]);
  const ics = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  expect(unfolded.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(3);
  expect(unfolded.match(/^DTSTART:\d{8}T\d{6}Z$/gm)).toHaveLength(3);
  expect(unfolded).toContain("LOCATION:8123 SE 13th Ave\\, Portland\\, OR");

  // The buyer: another browser, nothing stored.
  const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  // Counts requests to keep storage: some browsers show them as a prompt.
  await buyerContext.addInitScript(() => {
    globalThis.persistRequests = 0;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      globalThis.persistRequests += 1;
      return persist();
    };
  });
  const buyer = await buyerContext.newPage();
  await buyer.goto(link);
  // The short link opens the buyer view, and the address says so.
  await expect(buyer).toHaveURL(/\/view#2\./);
  const view = buyer.getByTestId("buyer-view");
  await expect(view.getByRole("heading", { level: 1 })).toHaveText("Saturday, southeast");
  await expect(view.getByTestId("home-card")).toHaveCount(3);
  await expect(view).toContainText("Ana Lee +1 503 555 0100");
  // Prices in the agent's currency, which the link carries.
  await expect(view.getByTestId("home-card").first()).toContainText("$685,000");
  // Numbers as the buyer's language writes them.
  await expect(view.getByTestId("home-card").first()).toContainText("1,720 sq ft");
  await expect(buyer.getByRole("navigation")).toHaveCount(0);
  await expect(view.getByTestId("route-map").locator(".marker")).toHaveCount(4);
  expect(await buyer.evaluate(() => localStorage.length)).toBe(0);
  expect(await buyer.evaluate(() => globalThis.persistRequests)).toBe(0);

  await view.getByLabel("Your name (each person rates on their own)").fill("Maria");
  const cards = view.getByTestId("home-card");
  await cards.nth(0).getByLabel("5 stars").tap();
  await cards.nth(0).getByLabel("See again").check();
  await cards.nth(0).getByLabel("Comment").fill("Loved the kitchen");
  await cards.nth(0).getByLabel("Comment").press("Tab");
  await cards.nth(2).getByLabel("2 stars").tap();
  await cards.nth(2).getByLabel("No", { exact: true }).check();
  await expect(view.getByTestId("ratings-kept")).toHaveText("Your ratings are kept on this phone until you send them.");

  // A reload (a phone call, a discarded tab) before sending loses nothing.
  await buyer.reload();
  await expect(view.getByLabel("Your name (each person rates on their own)")).toHaveValue("Maria");
  await expect(cards.nth(0).getByLabel("5 stars")).toBeChecked();
  await expect(cards.nth(0).getByLabel("See again")).toBeChecked();
  await expect(cards.nth(0).getByLabel("Comment")).toHaveValue("Loved the kitchen");
  await expect(cards.nth(2).getByLabel("No", { exact: true })).toBeChecked();
  // A name corrected after rating takes the ratings along: one person, not two.
  await view.getByLabel("Your name (each person rates on their own)").fill("Mariana");
  await view.getByLabel("Your name (each person rates on their own)").press("Tab");
  await expect(cards.nth(0).getByLabel("5 stars")).toBeChecked();
  // Keeping the itinerary is when storage is asked to last.
  await view.getByTestId("keep").tap();
  await expect.poll(() => buyer.evaluate(() => globalThis.persistRequests)).toBe(1);
  await view.getByTestId("send-feedback").tap();
  const reply = await view.getByTestId("reply-link").inputValue();
  expect(reply).toMatch(/\/reply#2\./);
  await buyerContext.close();

  // The agent opens the reply.
  await page.goto(reply);
  const preview = page.getByTestId("reply-preview");
  await expect(preview.locator("li")).toHaveCount(2);
  await expect(preview).toContainText("Loved the kitchen");
  await page.getByTestId("add-reply").tap();
  await expect(page.getByTestId("reply-added")).toHaveText("2 ratings added.");
  // Twice is once.
  await page.reload();
  await expect(page.getByTestId("reply-added")).toHaveText("This feedback is already with the tour.");
  await page.getByRole("link", { name: "Open the tour" }).tap();
  const feedback = page.getByTestId("stop-feedback");
  await expect(feedback).toHaveCount(2);
  await expect(feedback.first()).toContainText("Mariana: ★★★★★ · See again · “Loved the kitchen”");
});

test("a tampered, cut or foreign link shows a clear message and touches no data", async ({ page }) => {
  await loadSample(page);
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
  const link = await shareLink(page);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  const cases = [
    [link.slice(0, link.length - 40), "damaged or incomplete"],
    [link.replace(/#2\.(.{10})./, "#2.$1*"), "damaged or incomplete"],
    [link.replace("#2.", "#9."), "newer version of Showplan"],
    [link.split("#")[0] + "view#hello", "damaged or incomplete"],
    // A root link that is not an itinerary says so, instead of opening
    // the agent's Buyers page to a buyer.
    [link.split("#")[0] + "#hello", "damaged or incomplete"],
  ];
  for (const [url, message] of cases) {
    await page.goto("about:blank");
    await page.goto(url);
    await expect(page.getByTestId("link-error")).toContainText(message);
  }
  // Another link opened in the same tab replaces the one shown.
  await page.goto(link);
  await expect(page.getByTestId("home-card")).toHaveCount(3);
  await page.evaluate(() => (location.hash = "#1.garbage"));
  await expect(page.getByTestId("link-error")).toContainText("damaged or incomplete");
  await expect(page.getByTestId("home-card")).toHaveCount(0);
  // A reply for a tour this device does not have says so.
  const body = deflateRawSync(JSON.stringify({ i: "0123456789ab", at: 1, f: [] })).toString("base64url");
  await page.goto(`/reply#1.${body}`);
  await expect(page.getByTestId("link-error")).toContainText("a tour that is not on this device");
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(stored);
});

// The buyer's link is the first thing a buyer sees of Showplan, often on a
// phone network: it opens the viewer alone (src/viewer.rs), one wasm and no
// code of the agent's app, at a host's root and under a sub-path.
test("a buyer's link fetches the viewer alone, in a few requests", async ({ page, browser }) => {
  const { link } = await shareSampleTour(page);
  const fragment = link.slice(link.indexOf("#"));
  for (const address of [link, `http://127.0.0.1:8092/showplan/${fragment}`, `http://127.0.0.1:8092/showplan/view${fragment}`]) {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const buyer = await phone.newPage();
    const fetched = [];
    buyer.on("request", (req) => fetched.push(new URL(req.url()).pathname.split("/").pop()));
    await buyer.goto(address);
    const view = buyer.getByTestId("buyer-view");
    await expect(view.getByRole("heading", { level: 1 })).toHaveText("Saturday, southeast");
    await expect(view.getByTestId("home-card")).toHaveCount(3);
    const before = [...fetched];
    expect(before.filter((f) => f.endsWith(".wasm")), address).toEqual(["viewer_bg.wasm"]);
    expect(before.filter((f) => /^(showplan|__wasm_split)/.test(f)), address).toEqual([]);
    // What `make size` gates: at most 20 files before the itinerary shows.
    expect(before.length, `${address}: ${before.join(" ")}`).toBeLessThanOrEqual(20);
    // The brand still leads to the agent's app, whole.
    await buyer.getByRole("link", { name: "Showplan" }).click();
    await expect(buyer.getByRole("heading", { level: 1 })).toHaveText("Buyers");
    await expect(buyer.getByRole("navigation")).toBeVisible();
    await phone.close();
  }
});
