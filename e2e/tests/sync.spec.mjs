// Sync through a CouchDB-protocol server on loopback (pouchdb-server from
// npm, --in-memory, started by playwright.config.mjs on port 5013): two
// browser contexts are two devices of one agent. What the server keeps is
// ciphertext; a wrong passphrase changes nothing.
import { test, expect } from "@playwright/test";
import { addBuyer } from "./helpers.mjs";

const SERVER = "http://127.0.0.1:5013";
const PASSPHRASE = "maple river seven doors";

/** A new, empty database, as the brokerage makes one per agent. */
async function newDatabase() {
  const name = `agent-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const made = await fetch(`${SERVER}/${name}`, { method: "PUT" });
  expect(made.status).toBe(201);
  return `${SERVER}/${name}`;
}

async function turnOnSync(page, database, passphrase = PASSPHRASE) {
  await page.goto("/data");
  const sync = page.getByTestId("sync");
  await sync.getByLabel("Database address (CouchDB)").fill(database);
  await sync.getByLabel("Encryption passphrase").fill(passphrase);
  await sync.getByRole("button", { name: "Save and sync now" }).tap();
}

const status = (page) => page.getByTestId("sync-status");

/** Opens the Data page, where sync runs, and waits for a sync to finish. */
async function syncNow(page) {
  await page.goto("/data");
  await expect(status(page)).toContainText(/Synced at/);
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

  // And back: the phone adds a buyer, the tablet gets it.
  await phone.goto("/buyers");
  await addBuyer(phone, "Phone Pham");
  await syncNow(phone);
  await syncNow(tablet);
  await tablet.goto("/buyers");
  await expect(tablet.getByText("Phone Pham")).toBeVisible();
  await expect(tablet.getByText("Sync Sofia MARKER-a91")).toBeVisible();

  // The server's documents: ids, revisions and ciphertext, no name.
  const all = await (await fetch(`${database}/_all_docs?include_docs=true`)).text();
  expect(all).not.toContain("MARKER-a91");
  expect(all).not.toContain("Phone Pham");
  const docs = JSON.parse(all).rows.map((r) => r.doc).filter((d) => d._id !== "showplan-key");
  expect(docs.length).toBe(2);
  for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(["_id", "_rev", "data", "iv"]);
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

test("a home edited on both devices before they sync keeps both versions, the later one shown", async ({ browser }) => {
  const database = await newDatabase();
  const tablet = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext()).newPage();
  await tablet.goto("/properties/new");
  await tablet.getByTestId("property-form").getByLabel("Address", { exact: true }).fill("5 Conflict Court");
  await tablet.getByTestId("property-form").getByRole("button", { name: "Save" }).tap();
  await expect(tablet).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  const home = new URL(tablet.url()).pathname;
  await turnOnSync(tablet, database);
  await expect(status(tablet)).toContainText(/Synced at/);
  await turnOnSync(phone, database);
  await expect(status(phone)).toContainText(/Synced at .*\(1 in/);

  // Both edit the same home, the phone last, before either syncs again.
  const edit = async (page, address) => {
    await page.goto(home);
    const form = page.getByTestId("property-form");
    await form.getByLabel("Address", { exact: true }).fill(address);
    await form.getByRole("button", { name: "Save" }).tap();
    await expect(form.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  };
  await edit(tablet, "5 Conflict Court, tablet's");
  await edit(phone, "5 Conflict Court, phone's");
  await syncNow(tablet);
  await syncNow(phone);
  await syncNow(tablet);

  // The later edit (the phone's) everywhere; the phone keeps the tablet's too.
  await tablet.goto(home);
  await expect(tablet.getByTestId("property-form").getByLabel("Address", { exact: true })).toHaveValue("5 Conflict Court, phone's");
  await phone.goto(home);
  const address = phone.getByTestId("property-form").getByLabel("Address", { exact: true });
  await expect(address).toHaveValue("5 Conflict Court, phone's");
  const other = phone.getByTestId("edited-elsewhere");
  await expect(other).toContainText("also edited on another device");
  await other.getByRole("button", { name: "Use the other version" }).tap();
  await expect(address).toHaveValue("5 Conflict Court, tablet's");
  await expect(phone.getByTestId("edited-elsewhere")).toHaveCount(0);
  // Taken now, it is the later edit: the tablet gets it on its next sync.
  await syncNow(phone);
  await syncNow(tablet);
  await tablet.goto(home);
  await expect(tablet.getByTestId("property-form").getByLabel("Address", { exact: true })).toHaveValue("5 Conflict Court, tablet's");
});
