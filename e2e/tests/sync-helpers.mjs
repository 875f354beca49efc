// What the sync tests share: the CouchDB-protocol server on loopback
// (pouchdb-server, started by playwright.config.mjs), a new database per
// test, and sync turned on as a user does it.
import { expect } from "@playwright/test";

export const SERVER = "http://127.0.0.1:5013";
export const PASSPHRASE = "maple river seven doors";

/** A new, empty database, as the brokerage makes one per agent. */
export async function newDatabase() {
  const name = `agent-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const made = await fetch(`${SERVER}/${name}`, { method: "PUT" });
  expect(made.status).toBe(201);
  return `${SERVER}/${name}`;
}

export async function turnOnSync(page, database, passphrase = PASSPHRASE) {
  await page.goto("/data");
  const sync = page.getByTestId("sync");
  await sync.getByLabel("Database address (CouchDB)").fill(database);
  await sync.getByLabel("Encryption passphrase").fill(passphrase);
  await sync.getByRole("button", { name: "Save and sync now" }).tap();
}

export const status = (page) => page.getByTestId("sync-status");
/** Sync's status in the top bar, as a user finds it. */
export const badge = (page) => page.getByRole("link", { name: /^Sync status:/ });
