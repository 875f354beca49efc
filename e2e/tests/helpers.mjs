// Shared helpers for end-to-end tests: read what the app stored, act like a user.
import { expect } from "@playwright/test";

/** The stored envelope (parsed), or null when nothing is stored. */
export async function storedEnvelope(page) {
  return page.evaluate(() => {
    const slot = localStorage.getItem("showplan.doc.active") === "b" ? "showplan.doc.b" : "showplan.doc.a";
    const text = localStorage.getItem(slot);
    try {
      return text === null ? null : JSON.parse(text);
    } catch {
      return { unreadable: text };
    }
  });
}

/** Names of the buyers in storage (waits for nothing). */
export async function storedBuyerNames(page) {
  const envelope = await storedEnvelope(page);
  return envelope?.document ? envelope.document.buyers.map((b) => b.name) : [];
}

/** Waits until storage holds a buyer with this name. */
export async function expectStoredBuyer(page, name) {
  await expect.poll(() => storedBuyerNames(page)).toContain(name);
}

/** Adds a buyer by name through the Buyers page form. */
export async function addBuyer(page, name) {
  await page.getByLabel("New buyer's name").fill(name);
  await page.getByRole("button", { name: "Add buyer" }).tap();
  await expect(page.getByTestId("buyer-list").getByText(name, { exact: true })).toBeVisible();
}

export const heading = (page) => page.getByRole("heading", { level: 1 });
