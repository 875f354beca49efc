// Sync through a CouchDB-protocol server on loopback (pouchdb-server from
// npm, --in-memory, started by playwright.config.mjs on port 5013): two
// browser contexts are two devices of one agent. What the server keeps is
// ciphertext; a wrong passphrase changes nothing.
import { test, expect } from "@playwright/test";
import { addBuyer, fillStorage } from "./helpers.mjs";
import { SERVER, PASSPHRASE, newDatabase, turnOnSync, status, badge } from "./sync-helpers.mjs";

/**
 * Both devices syncing with `database` (the tablet first, holding the one
 * record), then both open at `path`, the top bar saying they synced.
 */
async function bothSyncedAt(tablet, phone, database, path) {
  await turnOnSync(tablet, database);
  await expect(status(tablet)).toContainText(/Synced at/);
  await turnOnSync(phone, database);
  await expect(status(phone)).toContainText(/Synced at .*\(1 in/);
  await tablet.goto(path);
  await phone.goto(path);
  await expect(badge(tablet)).toContainText(/^Synced/);
  await expect(badge(phone)).toContainText(/^Synced/);
}

/** Both devices lose the connection, and the top bar says so. */
async function bothOffline(tablet, phone) {
  await tablet.context().setOffline(true);
  await phone.context().setOffline(true);
  await expect(badge(tablet)).toContainText(/^Offline · last synced/);
  await expect(badge(phone)).toContainText(/^Offline · last synced/);
}

/** Back online, the tablet first; each says it synced. */
async function bothBack(tablet, phone) {
  await tablet.context().setOffline(false);
  await expect(badge(tablet)).toContainText(/^Synced/);
  await phone.context().setOffline(false);
  await expect(badge(phone)).toContainText(/^Synced/);
}

test("edits on each device reach the other, and the server holds ciphertext only", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();

  await tablet.goto("/buyers");
  await addBuyer(tablet, "Sync Sofia MARKER-a91");
  await turnOnSync(tablet, database);
  await expect(status(tablet)).toContainText(/Synced at .*\(0 in, 1 out\)/);

  await turnOnSync(phone, database);
  await expect(status(phone)).toContainText(/Synced at .*\(1 in, 0 out\)/);
  await phone.goto("/buyers");
  await expect(phone.getByText("Sync Sofia MARKER-a91")).toBeVisible();

  // And back, with both open on another page: the phone adds a buyer, and
  // the tablet shows it without a reload (the server's feed, long-polled),
  // and the top bar on each says it synced.
  await tablet.goto("/buyers");
  await phone.goto("/buyers");
  await expect(badge(tablet)).toContainText(/^Synced \d/);
  await addBuyer(phone, "Phone Pham");
  await expect(tablet.getByTestId("buyer-list").getByText("Phone Pham", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(tablet.getByTestId("buyer-list").getByText("Sync Sofia MARKER-a91")).toBeVisible();
  await expect(badge(phone)).toContainText(/^Synced \d/);

  // The server's documents: ids, revisions and ciphertext, no name.
  const all = await (await fetch(`${database}/_all_docs?include_docs=true`)).text();
  expect(all).not.toContain("MARKER-a91");
  expect(all).not.toContain("Phone Pham");
  const docs = JSON.parse(all).rows.map((r) => r.doc).filter((d) => d._id !== "showplan-key");
  expect(docs.length).toBe(2);
  for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(["_id", "_rev", "data", "iv"]);

  // Stopped on the tablet: the card says so, the top bar no longer shows
  // a status, and a new page has none either.
  await tablet.goto("/data");
  await tablet.getByTestId("sync").getByRole("button", { name: "Stop syncing on this device" }).tap();
  await expect(status(tablet)).toHaveText("Sync is off: everything stays on this device.");
  await expect(badge(tablet)).toHaveCount(0);
  await tablet.goto("/buyers");
  await expect(tablet.getByTestId("buyer-list").getByText("Phone Pham", { exact: true })).toBeVisible();
  await expect(badge(tablet)).toHaveCount(0);
});

test("a wrong passphrase on another device says so and changes nothing", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto("/buyers");
  await addBuyer(tablet, "Tablet Tran");
  await turnOnSync(tablet, database);
  await expect(status(tablet)).toContainText(/Synced at/);
  const before = (await (await fetch(`${database}/_all_docs`)).json()).total_rows;

  const phone = await (await browser.newContext()).newPage();
  await phone.goto("/buyers");
  await addBuyer(phone, "Phone Only Pat");
  await turnOnSync(phone, database, "a different passphrase");
  await expect(phone.getByRole("alert").filter({ hasText: "This passphrase does not open this database" })).toBeVisible();
  await phone.goto("/buyers");
  await expect(phone.getByText("Phone Only Pat")).toBeVisible();
  await expect(phone.getByText("Tablet Tran")).toHaveCount(0);
  expect((await (await fetch(`${database}/_all_docs`)).json()).total_rows).toBe(before);
});

test("a home edited on both devices offline keeps both versions, the later one shown", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await tablet.goto("/properties/new");
  await tablet.getByTestId("property-form").getByLabel("Address", { exact: true }).fill("5 Conflict Court");
  await tablet.getByTestId("property-form").getByRole("button", { name: "Save" }).tap();
  await expect(tablet).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  const home = new URL(tablet.url()).pathname;
  await bothSyncedAt(tablet, phone, database, home);

  // Both lose the connection, and both edit the same home, the phone last.
  const edit = async (page, address) => {
    const form = page.getByTestId("property-form");
    await form.getByLabel("Address", { exact: true }).fill(address);
    await form.getByRole("button", { name: "Save" }).tap();
    await expect(form.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  };
  await bothOffline(tablet, phone);
  await edit(tablet, "5 Conflict Court, tablet's");
  await edit(phone, "5 Conflict Court, phone's");

  // Back online, the tablet first: each sends its edit, and takes the other's.
  await bothBack(tablet, phone);

  // The later edit (the phone's) everywhere; the phone keeps the tablet's too.
  const address = (page) => page.getByTestId("property-form").getByLabel("Address", { exact: true });
  await expect(async () => {
    await tablet.goto(home);
    await expect(address(tablet)).toHaveValue("5 Conflict Court, phone's", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await phone.goto(home);
  await expect(address(phone)).toHaveValue("5 Conflict Court, phone's");
  const other = phone.getByTestId("edited-elsewhere");
  await expect(other).toContainText("also edited on another device");
  await other.getByRole("button", { name: "Use the other version" }).tap();
  await expect(address(phone)).toHaveValue("5 Conflict Court, tablet's");
  await expect(phone.getByTestId("edited-elsewhere")).toHaveCount(0);
  // Taken now, it is the later edit: it reaches the tablet by itself.
  await expect(async () => {
    await tablet.goto(home);
    await expect(address(tablet)).toHaveValue("5 Conflict Court, tablet's", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

test("a device with no room to keep the other version says so and loses nothing, then keeps it once there is room", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await tablet.goto("/properties/new");
  const form = (page) => page.getByTestId("property-form");
  const address = (page) => form(page).getByLabel("Address", { exact: true });
  await address(tablet).fill("9 Full Street");
  await form(tablet).getByRole("button", { name: "Save" }).tap();
  await expect(tablet).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  const home = new URL(tablet.url()).pathname;
  await bothSyncedAt(tablet, phone, database, home);

  // Both edit the home offline, the phone last; the phone's edit goes up.
  await bothOffline(tablet, phone);
  for (const [page, words] of [[tablet, "9 Full Street, tablet's"], [phone, "9 Full Street, phone's"]]) {
    await address(page).fill(words);
    await form(page).getByRole("button", { name: "Save" }).tap();
    await expect(form(page).getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  }
  await phone.context().setOffline(false);
  await expect(badge(phone)).toContainText(/^Synced/);

  // The tablet comes back with its storage full: it cannot keep its own
  // version beside the later one, so it takes nothing, says why, and still
  // shows its own edit.
  await fillStorage(tablet);
  await tablet.context().setOffline(false);
  await expect(badge(tablet)).toContainText("Sync: this device is full");
  await expect(address(tablet)).toHaveValue("9 Full Street, tablet's");

  // Room again: the next sync takes the later edit and keeps the tablet's.
  await tablet.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });
  // (An open form keeps what it showed: the page is opened again.)
  await expect(async () => {
    await tablet.goto(home);
    await expect(address(tablet)).toHaveValue("9 Full Street, phone's", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const other = tablet.getByTestId("edited-elsewhere");
  await expect(other).toContainText("also edited on another device");
  await other.getByRole("button", { name: "Use the other version" }).tap();
  await expect(address(tablet)).toHaveValue("9 Full Street, tablet's");
});

test("a database that is not on the server is said, in the top bar and in full", async ({ page }) => {
  await turnOnSync(page, `${SERVER}/never-made-${Date.now()}`);
  await expect(page.getByRole("alert").filter({ hasText: "has no database at this address" })).toBeVisible();
  await expect(badge(page)).toHaveText("Sync: no such database");
  await page.goto("/buyers");
  await addBuyer(page, "Local Lucia");
  await expect(badge(page)).toHaveText("Sync: no such database");
});

test("a second device joins with the setup link or its QR code, then types the passphrase", async ({ browser }) => {
  const database = await newDatabase();
  // A user on the server, as a brokerage makes one per agent.
  const user = `agent-${Date.now()}`;
  const password = "pw-river-42";
  const made = await fetch(`${SERVER}/_users/org.couchdb.user:${user}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: user, password, roles: [], type: "user" }),
  });
  expect(made.status).toBe(201);

  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto("/buyers");
  await addBuyer(tablet, "Joined Julia");
  await tablet.goto("/data");
  const sync = tablet.getByTestId("sync");
  await sync.getByLabel("Database address (CouchDB)").fill(database);
  await sync.getByLabel("User name").fill(user);
  await sync.getByLabel("Password", { exact: true }).fill(password);
  await sync.getByLabel("Encryption passphrase").fill(PASSPHRASE);
  await sync.getByRole("button", { name: "Save and sync now" }).tap();
  await expect(status(tablet)).toContainText(/Synced at .*\(0 in, 1 out\)/);

  await sync.getByText("Add another device").tap();
  const link = await sync.getByRole("textbox", { name: "Setup link" }).inputValue();
  await expect(sync.getByRole("img", { name: "QR code of the setup link for another device" })).toBeVisible();
  expect(link).toContain("/data#sync=");
  expect(link).toContain(encodeURIComponent(user));
  expect(link).not.toContain(password);
  expect(link).not.toContain(encodeURIComponent(PASSPHRASE));
  expect(link).not.toContain("maple");

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  await phone.goto(link);
  const other = phone.getByTestId("sync");
  await expect(other.getByRole("status").filter({ hasText: "Set up from a link" })).toBeVisible();
  await expect(other.getByLabel("Database address (CouchDB)")).toHaveValue(database);
  await expect(other.getByLabel("User name")).toHaveValue(user);
  await expect(other.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(other.getByLabel("Encryption passphrase")).toHaveValue("");
  // The link's words left the address.
  expect(new URL(phone.url()).hash).toBe("");
  await other.getByLabel("Password", { exact: true }).fill(password);
  await other.getByLabel("Encryption passphrase").fill(PASSPHRASE);
  await other.getByRole("button", { name: "Save and sync now" }).tap();
  await expect(status(phone)).toContainText(/Synced at .*\(1 in, 0 out\)/);
  await phone.goto("/buyers");
  await expect(phone.getByTestId("buyer-list").getByText("Joined Julia", { exact: true })).toBeVisible();

  // On the phone's narrow top bar the status is a word or two (the time
  // it synced), its name says it in full, and the bar keeps to one row.
  const chip = badge(phone);
  await expect(chip).toHaveAccessibleName(/^Sync status: Synced \d/);
  await expect(chip).toHaveAttribute("data-short", /^\d{1,2}:\d{2}/);
  expect(await chip.evaluate((el) => getComputedStyle(el, "::after").content)).toMatch(/\d{1,2}:\d{2}/);
  const box = await chip.boundingBox();
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const brand = await phone.getByRole("link", { name: "Showplan", exact: true }).boundingBox();
  expect(brand.height).toBeLessThanOrEqual(box.height + 1);
  const language = await phone.locator(".language-switch select").boundingBox();
  expect(language.x + language.width).toBeLessThanOrEqual(390);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a buyer edited on both devices offline offers the other version on the buyer's page", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await tablet.goto("/buyers");
  await addBuyer(tablet, "Both Bao");
  await tablet.getByTestId("buyer-list").getByText("Both Bao", { exact: true }).tap();
  await expect(tablet).toHaveURL(/\/buyers\/[0-9a-f-]{36}$/);
  const page = new URL(tablet.url()).pathname;
  await bothSyncedAt(tablet, phone, database, page);

  const note = async (device, words) => {
    const form = device.getByTestId("buyer-form");
    await form.getByLabel("Notes").fill(words);
    await form.getByRole("button", { name: "Save" }).tap();
    await expect(form.getByText("Saved.")).toBeVisible();
  };
  await bothOffline(tablet, phone);
  await note(tablet, "Tablet: wants a yard");
  await note(phone, "Phone: wants a garage");
  await bothBack(tablet, phone);

  await phone.goto(page);
  const form = phone.getByTestId("buyer-form");
  await expect(form.getByLabel("Notes")).toHaveValue("Phone: wants a garage");
  const other = phone.getByTestId("edited-elsewhere");
  await expect(other).toContainText("This buyer was also edited on another device");
  await other.getByRole("button", { name: "Use the other version" }).tap();
  await expect(form.getByLabel("Notes")).toHaveValue("Tablet: wants a yard");
  await expect(phone.getByTestId("edited-elsewhere")).toHaveCount(0);
});
