// Starts the app (a file: the Content-Security-Policy allows no inline script).
// Copied next to the wasm-bindgen glue by scripts/build-wasm.sh.
//
// The wasm is compiled first, then the app starts in a later task: a phone
// stays responsive between the two, instead of one long task that compiles,
// instantiates and renders at once (Lighthouse's Total Blocking Time).
//
// English is compiled into the wasm; any other language is a file beside it
// (i18n-<code>.json). The one the user reads is fetched here, alongside the
// wasm, so the first render is already in it (src/i18n.rs reads it).
//
// Two apps share this page: the agent's (showplan.js, split into a chunk per
// page) and the buyer's itinerary alone (viewer.js, src/viewer.rs), which a
// share link opens: a phone on a cellular network fetches only that. The
// rule is src/paths.rs's: `<base>/view`, or the root with a fragment.
const base = new URL(document.baseURI).pathname.replace(/[^/]*$/, "");
const path = location.pathname + (location.pathname.endsWith("/") ? "" : "/");
const rest = path.startsWith(base) ? path.slice(base.length) : null;
const atRoot = rest === "" || rest === "index.html/";
const viewer = rest === "view/" || (atRoot && location.hash.length > 1);
const app = viewer ? "viewer" : "showplan";
const glue = import(`./${app}.js`);
glue.catch(() => {}); // (said below, once the wasm came or not)
// The agent's glue loads the chunk loader: fetched alongside, not after it.
if (!viewer) import("./__wasm_split.js").catch(() => {});

const spoken = ["en", "es", "ro", "vi", "id"];
// The same rule as the app: the saved choice, else the browser's first
// language Showplan speaks, else English.
let saved = null;
try {
  saved = localStorage.getItem("showplan.locale");
} catch {
  // Storage blocked: the browser's language will do.
}
const lang = spoken.includes(saved)
  ? saved
  : (navigator.languages ?? []).map((t) => String(t).slice(0, 2).toLowerCase()).find((c) => spoken.includes(c)) ?? "en";
const loadLanguage = (code) =>
  fetch(new URL(`i18n-${code}.json`, import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`${code}: ${r.status}`);
    return r.text();
  });
globalThis.showplanLanguage = loadLanguage;
// The street map's module (js/map.js), fetched only when a page shows a map.
globalThis.showplanMap = () => import("./map.js");
// What the app (src/i18n.rs) and public/start-failed.js read: the language
// chosen here, and below its file's text once it came.
globalThis.showplanBoot = { lang, text: null };
const first = lang === "en" ? Promise.resolve(null) : loadLanguage(lang).catch(() => null);

// The agent's saved document, when packed (SPZ1: base64url of raw DEFLATE),
// is unpacked here by the browser's own DecompressionStream while the wasm
// compiles: off the start-up path, and faster than inflating in wasm. The
// app takes its UTF-8 bytes (copied into the wasm as they are, no string
// to encode) only if storage still holds exactly what was read
// (src/browser.rs), and otherwise unpacks it itself.
const slotKey = () => `showplan.doc.${localStorage.getItem("showplan.doc.active") === "b" ? "b" : "a"}`;
const unpacked = viewer
  ? Promise.resolve(null)
  : (async () => {
      try {
        const stored = localStorage.getItem(slotKey());
        if (!stored?.startsWith("SPZ1:") || typeof DecompressionStream !== "function") return null;
        const base64 = stored.slice(5).trim();
        let bytes;
        if (typeof Uint8Array.fromBase64 === "function") {
          bytes = Uint8Array.fromBase64(base64, { alphabet: "base64url" });
        } else {
          const standard = base64.replace(/-/g, "+").replace(/_/g, "/");
          const binary = atob(standard + "===".slice((standard.length + 3) % 4));
          bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        }
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
        const json = new Uint8Array(await new Response(stream).arrayBuffer());
        // Taken once, by the app, if storage has not changed since.
        return () => {
          try {
            return localStorage.getItem(slotKey()) === stored ? json : null;
          } catch {
            return null;
          }
        };
      } catch {
        return null; // The app unpacks it, and says so if it cannot.
      }
    })();

const url = new URL(`${app}_bg.wasm`, import.meta.url);
let module_or_path = url;
try {
  module_or_path = await WebAssembly.compileStreaming(fetch(url));
  await new Promise((resolve) => setTimeout(resolve, 0));
} catch {
  // A host that serves wasm with another MIME type, say: the glue fetches
  // and compiles it itself, the slower way (and fails clearly if it can't).
}
// A language that did not come (or not within 3 s of the wasm) starts the
// app in English; the app fetches it again, and says so if it still cannot.
const late = new Promise((resolve) => setTimeout(() => resolve(null), 3000));
globalThis.showplanBoot.text = await Promise.race([first, late]);
globalThis.showplanBoot.document = await unpacked;
// If it cannot start, say so in the user's language (public/start-failed.js,
// fetched only then), or in English when even that file cannot be fetched.
glue
  .then(({ default: init }) => init({ module_or_path }))
  .catch(() => import("../start-failed.js"))
  .catch(() => document.body.prepend("Showplan could not start. Check your connection and reload."));
