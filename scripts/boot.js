// Starts the app (a file: the Content-Security-Policy allows no inline script).
// Copied next to the wasm-bindgen glue by scripts/build-wasm.sh.
//
// The wasm is compiled first, then the app starts in a later task: a phone
// stays responsive between the two, instead of one long task that compiles,
// instantiates and renders at once (Lighthouse's Total Blocking Time).
import init from "./showplan.js";

const url = new URL("showplan_bg.wasm", import.meta.url);
let module_or_path = url;
try {
  module_or_path = await WebAssembly.compileStreaming(fetch(url));
  await new Promise((resolve) => setTimeout(resolve, 0));
} catch {
  // A host that serves wasm with another MIME type, say: the glue fetches
  // and compiles it itself, the slower way (and fails clearly if it can't).
}
// If it cannot start, say so in the user's language (public/start-failed.js,
// fetched only then), or in English when even that file cannot be fetched.
init({ module_or_path })
  .catch(() => import("../start-failed.js"))
  .catch(() => document.body.prepend("Showplan could not start. Check your connection and reload."));
