// End-to-end tests: the release dist/ served on loopback, driven in the
// system Chromium at a tablet viewport with touch.
import { defineConfig } from "@playwright/test";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A fake microphone that needs no prompt, for the voice-note tests.
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

export default defineConfig({
  testDir: "e2e/tests",
  outputDir: "e2e/test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "e2e/test-results/results.json" }]],
  use: {
    baseURL: "http://127.0.0.1:8091",
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      command: "node e2e/serve.mjs dist 8091 /",
      url: "http://127.0.0.1:8091/",
      reuseExistingServer: false,
      // The street-map archive (scripts/map-fixture.sh build) at /maps/.
      env: { MAPS: "target/map-fixture" },
    },
    {
      // A CouchDB-protocol server (npm pouchdb-server, in memory) for sync;
      // it writes its log and config where it runs: target/pouchdb.
      command: "mkdir -p target/pouchdb && cd target/pouchdb && exec ../../node_modules/.bin/pouchdb-server --in-memory -p 5013 -o 127.0.0.1",
      url: "http://127.0.0.1:5013/",
      reuseExistingServer: false,
    },
    {
      // A stand-in for a Nominatim geocoder (e2e/geocoder.mjs).
      command: "node e2e/geocoder.mjs 5012",
      url: "http://127.0.0.1:5012/requests",
      reuseExistingServer: false,
    },
    {
      command: "node e2e/serve.mjs dist-subpath 8092 /showplan/",
      url: "http://127.0.0.1:8092/showplan/",
      reuseExistingServer: false,
    },
  ],
});
