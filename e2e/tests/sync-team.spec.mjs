// A brokerage's shared database: homes and their neighbourhood notes go to
// it, sealed with the team's passphrase; an agent's private notes never
// do. Checked the way an outsider with the team's passphrase would: every
// document of the team database opened here, in Node's WebCrypto, with the
// app's documented scheme (PBKDF2 SHA-256 310,000 rounds, AES-GCM).
import { test, expect } from "@playwright/test";
import { cameraFiles } from "./helpers.mjs";

const SERVER = "http://127.0.0.1:5013";
const MINE = "maple river seven doors";
const THEIRS = "cedar lake nine windows";
const TEAM = "brokerage harbour shared words";

async function newDatabase(kind) {
  const name = `${kind}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  expect((await fetch(`${SERVER}/${name}`, { method: "PUT" })).status).toBe(201);
  return `${SERVER}/${name}`;
}

/** Every record of a database, opened with its passphrase: their texts. */
async function opened(database, passphrase) {
  const keyDoc = await (await fetch(`${database}/showplan-key`)).json();
  const secret = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  const key = await crypto.subtle.deriveKey(
    { name: "PBKDF2", salt: Buffer.from(keyDoc.salt, "base64"), iterations: 310_000, hash: "SHA-256" },
    secret,
    { name: "AES-GCM", length: 256 },
    false,
    ["decrypt"],
  );
  const rows = (await (await fetch(`${database}/_all_docs?include_docs=true`)).json()).rows;
  const texts = [];
  // Photos and voice notes are documents of their own, without a body.
  for (const { doc } of rows.filter((r) => r.id !== "showplan-key" && !r.id.startsWith("media-"))) {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: Buffer.from(doc.iv, "base64") }, key, Buffer.from(doc.data, "base64"));
    texts.push(new TextDecoder().decode(plain));
  }
  return texts;
}

async function turnOnSync(page, database, passphrase, team) {
  await page.goto("/data");
  const sync = page.getByTestId("sync");
  await sync.getByLabel("Database address (CouchDB)").fill(database);
  await sync.getByLabel("Encryption passphrase").fill(passphrase);
  await sync.getByLabel("Team database (shared homes)").fill(team);
  await sync.getByLabel("Team passphrase").fill(TEAM);
  await sync.getByRole("button", { name: "Save and sync now" }).tap();
  await expect(sync.getByTestId("sync-status")).toContainText(/Synced at/);
}

test("a team database gets homes and neighbourhood notes, never a private note", async ({ browser }) => {
  const [mine, theirs, team] = [await newDatabase("ana"), await newDatabase("ben"), await newDatabase("team")];
  const ana = await (await browser.newContext()).newPage();
  await ana.goto("/properties/new");
  const form = ana.getByTestId("property-form");
  await form.getByLabel("Address", { exact: true }).fill("7 Team Terrace");
  await form.getByRole("button", { name: "Save" }).tap();
  await expect(ana).toHaveURL(/\/properties\/[0-9a-f-]{36}$/);
  const home = new URL(ana.url()).pathname;
  await ana.getByLabel("Note", { exact: true }).fill("Quiet street, NEIGHBOURHOOD-OK");
  await ana.getByRole("button", { name: "Add note" }).tap();
  await ana.getByTestId("private-notes").getByLabel("Notes only you can see").fill("Seller must move by March PRIVATE-MARKER-77");
  // The agent's own photo of the home.
  await ana.getByTestId("photos").getByLabel("Choose photos").setInputFiles(await cameraFiles(ana, ["#c00"], 800, 600));
  await expect(ana.getByTestId("photos").getByTestId("photo")).toHaveCount(1);
  await ana.goto("/buyers");
  await ana.getByLabel("New buyer's name").fill("Ana's buyer BUYER-MARKER-5");
  await ana.getByRole("button", { name: "Add buyer" }).tap();
  await turnOnSync(ana, mine, MINE, team);

  // A colleague on the same team, with a private database of their own.
  const ben = await (await browser.newContext()).newPage();
  await turnOnSync(ben, theirs, THEIRS, team);
  await ben.goto(home);
  await expect(ben.getByTestId("property-form").getByLabel("Address", { exact: true })).toHaveValue("7 Team Terrace");
  await expect(ben.getByText("Quiet street, NEIGHBOURHOOD-OK")).toBeVisible();
  await expect(ben.getByTestId("private-notes").getByLabel("Notes only you can see")).toHaveValue("");
  await expect(ben.getByTestId("photos").getByTestId("photo")).toHaveCount(0);
  await ben.goto("/buyers");
  await expect(ben.getByText("BUYER-MARKER-5")).toHaveCount(0);

  // What the team database holds, opened with the team's passphrase.
  const shared = (await opened(team, TEAM)).join("\n");
  expect(shared).toContain("7 Team Terrace");
  expect(shared).toContain("NEIGHBOURHOOD-OK");
  expect(shared).not.toContain("PRIVATE-MARKER-77");
  expect(shared).not.toContain("BUYER-MARKER-5");
  // The agent's own database keeps them, for the agent's other devices.
  const own = (await opened(mine, MINE)).join("\n");
  expect(own).toContain("PRIVATE-MARKER-77");
  expect(own).toContain("BUYER-MARKER-5");
  // The photo went to the agent's own database, and never to the team's.
  const ids = async (database) => (await (await fetch(`${database}/_all_docs`)).json()).rows.map((r) => r.id);
  expect((await ids(mine)).filter((id) => id.startsWith("media-"))).toHaveLength(1);
  expect((await ids(team)).filter((id) => id.startsWith("media-"))).toHaveLength(0);

  // The colleague edits the home: it reaches the agent, whose private note stays.
  await ben.goto(home);
  const theirForm = ben.getByTestId("property-form");
  await theirForm.getByLabel("Address", { exact: true }).fill("7 Team Terrace, corner lot");
  await theirForm.getByRole("button", { name: "Save" }).tap();
  await expect(async () => {
    await ana.goto(home);
    await expect(ana.getByTestId("property-form").getByLabel("Address", { exact: true })).toHaveValue("7 Team Terrace, corner lot", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(ana.getByTestId("private-notes").getByLabel("Notes only you can see")).toHaveValue("Seller must move by March PRIVATE-MARKER-77");
  expect((await opened(team, TEAM)).join("\n")).not.toContain("PRIVATE-MARKER-77");
});
