// Sync when the server stops in the middle of a sync and comes back: a
// pouchdb-server keeping its databases on disk (so a restart keeps them),
// behind a small proxy on 5014 that stops the server (SIGKILL) the moment a
// device sends its batch of records, before the server reads it.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { addBuyer } from "./helpers.mjs";

const PROXY = 5014;
const INNER = 5015;
const SERVER = `http://127.0.0.1:${PROXY}`;
const POUCHDB = resolve("node_modules/.bin/pouchdb-server");

/** pouchdb-server on disk in `dir`, answering once it is up. */
async function startServer(dir) {
  const child = spawn(POUCHDB, ["--dir", join(dir, "db"), "-p", String(INNER), "-o", "127.0.0.1"], {
    cwd: dir,
    stdio: "ignore",
  });
  await expect
    .poll(async () => fetch(`http://127.0.0.1:${INNER}/`).then((r) => r.status, () => 0), { timeout: 20_000 })
    .toBe(200);
  return child;
}

test("the server stopped mid-sync, then restarted: nothing lost, and sync resumes by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "showplan-couch-"));
  let server = await startServer(dir);
  let stopOnBatch = true;
  let batchesStopped = 0;
  const proxy = createServer((req, res) => {
    if (stopOnBatch && req.method === "POST" && req.url.endsWith("/_bulk_docs")) {
      stopOnBatch = false;
      batchesStopped += 1;
      server.kill("SIGKILL");
      req.socket.destroy();
      return;
    }
    const inner = request(
      { host: "127.0.0.1", port: INNER, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    // The server is down: the connection drops, as a stopped server's does.
    inner.on("error", () => req.socket.destroy());
    req.pipe(inner);
  });
  await new Promise((done) => proxy.listen(PROXY, "127.0.0.1", done));
  try {
    const made = await fetch(`${SERVER}/agent-resume`, { method: "PUT" });
    expect(made.status).toBe(201);

    const tablet = await (await browser.newContext()).newPage();
    await tablet.goto("/buyers");
    for (const name of ["Resume Rosa", "Resume Radu", "Resume Rin"]) await addBuyer(tablet, name);
    await tablet.goto("/data");
    const sync = tablet.getByTestId("sync");
    await sync.getByLabel("Database address (CouchDB)").fill(`${SERVER}/agent-resume`);
    await sync.getByLabel("Encryption passphrase").fill("maple river seven doors");
    await sync.getByRole("button", { name: "Save and sync now" }).tap();

    // The batch went out and the server stopped under it.
    await expect(sync.getByRole("alert")).toContainText("The sync server did not answer");
    const badge = tablet.getByRole("link", { name: /^Sync status:/ });
    await expect(badge).toHaveText("Sync: server not answering");
    expect(batchesStopped).toBe(1);
    // Work goes on meanwhile.
    await tablet.goto("/buyers");
    await addBuyer(tablet, "Resume Ruth, while down");
    await expect(badge).toHaveText("Sync: server not answering");

    // Back up: the tablet tries again by itself and sends everything.
    server = await startServer(dir);
    await expect(badge).toContainText(/^Synced \d/, { timeout: 45_000 });

    // A second device gets all four, and the server holds four records.
    const phone = await (await browser.newContext()).newPage();
    await phone.goto("/data");
    const other = phone.getByTestId("sync");
    await other.getByLabel("Database address (CouchDB)").fill(`${SERVER}/agent-resume`);
    await other.getByLabel("Encryption passphrase").fill("maple river seven doors");
    await other.getByRole("button", { name: "Save and sync now" }).tap();
    await expect(other.getByTestId("sync-status")).toContainText(/Synced at .*\(4 in, 0 out\)/);
    await phone.goto("/buyers");
    for (const name of ["Resume Rosa", "Resume Radu", "Resume Rin", "Resume Ruth, while down"]) {
      await expect(phone.getByTestId("buyer-list").getByText(name, { exact: true })).toBeVisible();
    }
    const all = await (await fetch(`${SERVER}/agent-resume/_all_docs`)).json();
    expect(all.rows.filter((r) => r.id !== "showplan-key").length).toBe(4);
  } finally {
    proxy.close();
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
