// Workbox's generateSW over a built bundle (make dist): precaches the app
// shell, every wasm chunk, the language files, styles and icons, with versioned caches.
// DIST is the bundle's folder (dist/ or dist-subpath/).
const dist = process.env.DIST || "dist";
module.exports = {
  globDirectory: dist,
  globPatterns: ["**/*.{html,js,wasm,json,css,svg,png,webmanifest}"],
  globIgnores: ["404.html", "sw.js"],
  swDest: `${dist}/sw.js`,
  // The shell wasm is larger than Workbox's 2 MiB default allows for.
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // Content-hashed names need no cache-busting revision.
  dontCacheBustURLsMatching: /(pkg-[0-9a-f]{16}\/|-[0-9a-f]{16}\.css$)/,
  // Every address of the app (deep links, share links) opens index.html.
  navigateFallback: "index.html",
  cleanupOutdatedCaches: true,
  // A new version waits until the user chooses to reload (the app asks).
  skipWaiting: false,
  clientsClaim: false,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
};
