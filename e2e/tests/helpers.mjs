// Shared helpers for end-to-end tests: read what the app stored, act like a user.
import { expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The stored envelope (parsed), or null when nothing is stored. Stored text
 * is "SPZ1:" + base64url(raw DEFLATE(JSON)); the browser's own
 * DecompressionStream unpacks it, independently of the app's Rust code.
 */
export async function storedEnvelope(page) {
  return page.evaluate(async () => {
    const slot = localStorage.getItem("showplan.doc.active") === "b" ? "showplan.doc.b" : "showplan.doc.a";
    const stored = localStorage.getItem(slot);
    if (stored === null) return null;
    try {
      let text = stored;
      if (stored.startsWith("SPZ1:")) {
        const b64 = stored.slice(5).replace(/-/g, "+").replace(/_/g, "/");
        const bytes = Uint8Array.from(atob(b64 + "===".slice((b64.length + 3) % 4)), (c) => c.charCodeAt(0));
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
        text = await new Response(stream).text();
      }
      return JSON.parse(text);
    } catch {
      return { unreadable: stored };
    }
  });
}

/** Names of the buyers in storage (waits for nothing). */
export async function storedBuyerNames(page) {
  const envelope = await storedEnvelope(page);
  return (envelope?.document?.buyers ?? []).map((b) => b.name);
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

/**
 * The tour page's buyer link: opens "Share with the buyer" (a disclosure,
 * closed at first, so the link is built only when wanted) and reads it.
 */
export async function shareLink(page) {
  const panel = page.getByTestId("share-tour");
  if (!(await panel.evaluate((d) => d.open))) await panel.locator("summary").click();
  const field = page.getByTestId("share-link");
  await expect(field).not.toHaveValue("");
  return field.inputValue();
}

/** As the agent: loads the sample data and opens its tour, "Saturday, southeast". */
export async function openSampleTour(page) {
  await page.goto("/data");
  await page.getByTestId("load-sample").tap();
  await expect(page.getByTestId("sample-loaded")).toBeVisible();
  await page.goto("/tours");
  await page.getByRole("link", { name: "Saturday, southeast" }).tap();
}

/**
 * As the agent: the sample tour "Saturday, southeast" shared by Ana Lee
 * (+1 503 555 0100). Returns { share, link }: the share panel and the link.
 */
export async function shareSampleTour(page) {
  await openSampleTour(page);
  const share = page.getByTestId("share-tour");
  await share.locator("summary").tap();
  await share.getByLabel("Your name").fill("Ana Lee");
  await share.getByLabel("Your phone or email").fill("+1 503 555 0100");
  await share.getByLabel("Your phone or email").press("Tab");
  return { share, link: await shareLink(page) };
}

/**
 * A copy of dist/ served on its own port, for tests that deploy over it.
 * Returns { dir, base, stop }.
 */
export async function serveCopyOfDist(port, name) {
  const dir = mkdtempSync(join(tmpdir(), `showplan-${name}-`));
  cpSync("dist", dir, { recursive: true });
  const server = spawn(process.execPath, ["e2e/serve.mjs", dir, String(port), "/"], { stdio: ["ignore", "pipe", "inherit"] });
  // The server prints one line once it listens.
  await new Promise((resolve, reject) => {
    server.stdout.once("data", resolve);
    server.once("exit", (code) => reject(new Error(`test server exited (${code})`)));
  });
  const stop = () => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, base: `http://127.0.0.1:${port}/`, stop };
}

/** Fills what is left of this origin's localStorage with filler keys. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${i++}`, "x".repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** JPEG files `width` x `height`, each one colour, made by the browser. */
export async function cameraFiles(page, colours, width = 4000, height = 3000) {
  const encoded = await page.evaluate(
    async ({ colours, width, height }) => {
      const out = [];
      for (const colour of colours) {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext("2d");
        context.fillStyle = colour;
        context.fillRect(0, 0, width, height);
        context.fillStyle = "#fff";
        context.fillRect(0, 0, width / 10, height / 10);
        const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = "";
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        out.push(btoa(binary));
      }
      return out;
    },
    { colours, width, height },
  );
  return encoded.map((b64, i) => ({ name: `IMG_000${i + 1}.jpg`, mimeType: "image/jpeg", buffer: Buffer.from(b64, "base64") }));
}

/** The bytes of every photo and voice note the device keeps, by id: each
 * one's length and a checksum. */
export function storedMediaBytes(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("showplan-media");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise((resolve) => {
      const request = db.transaction("media").objectStore("media").getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const out = {};
    for (const r of all) {
      const bytes = new Uint8Array(await r.blob.arrayBuffer());
      let sum = 0;
      for (const b of bytes) sum = (sum * 31 + b) >>> 0;
      out[r.id] = `${r.mime} ${bytes.length}:${sum}`;
    }
    return out;
  });
}
