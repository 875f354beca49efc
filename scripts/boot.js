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
  // and compiles it itself, the slower way.
  module_or_path = url;
}
init({ module_or_path });
