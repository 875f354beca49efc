// Makes the chunk loader that wasm-split-cli writes (__wasm_split.js) never
// report a failed load to the wasm: Leptos' lazy loader would panic on it,
// and the release build aborts on panic, stopping the whole app with any
// edit still unsaved.
//
// Instead a failed load asks the app (globalThis.showplanChunkFailed, set by
// src/components/chunk_problem.rs) to show a message with Try again, and
// loads again when the promise it returns resolves. `gone` says the host no
// longer has this build's files (a new version was deployed while the page
// was open), so the app offers to reload rather than to retry.
//
// It also writes each chunk's loader as one call of a shared function
// (`fetchWasm`), which scripts/split-pages.mjs reads.
//
// Usage: node scripts/patch-split-loader.mjs path/to/__wasm_split.js
import { readFileSync, writeFileSync } from "node:fs";

const path = process.argv[2];
const source = readFileSync(path, "utf8");
const start = source.indexOf("function wrapAsyncCb(callee) {");
const end = source.indexOf("function makeLoad(", start);
if (start < 0 || end < 0) {
  console.error(`patch-split-loader: no wrapAsyncCb in ${path}; has wasm-split-cli changed?`);
  process.exit(1);
}

const replacement = `async function buildIsGone() {
    try {
        const r = await fetch(new URL("./showplan.js", import.meta.url), { method: "HEAD", cache: "no-store" });
        return r.status === 404 || r.status === 410;
    } catch {
        return false;
    }
}
async function chunkFailed() {
    const gone = await buildIsGone();
    const ask = globalThis.showplanChunkFailed;
    if (typeof ask === "function") return ask(gone);
    return new Promise((resolve) => setTimeout(resolve, 5000));
}
function wrapAsyncCb(callee) {
    return async (callbackIndex, callbackData) => {
        for (;;) {
            try {
                await callee();
                break;
            } catch (e) {
                console.error(e);
                await chunkFailed();
            }
        }
        const sharedImports = getSharedImports();
        sharedImports.__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, true);
    }
}
`;
const patched = source.slice(0, start) + replacement + source.slice(end);

// Every chunk's loader is the same five lines but for the file's name,
// written out once per chunk (over 300 of them): one function instead, given
// the shared chunk's number or the page chunk's name. 0.4 KB brotli less in
// the first load, which carries this file.
const perChunk =
  /makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([a-z_0-9]+)\.wasm", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,/g;
let compacted = 0;
const compact = patched.replace(perChunk, (_, name) => {
  compacted++;
  const shared = /^chunk_(\d+)$/.exec(name);
  return `makeLoad(fetchWasm(${shared ? shared[1] : JSON.stringify(name)}),`;
});
if (compacted === 0) {
  console.error(`patch-split-loader: no chunk loaders in ${path}; has wasm-split-cli changed?`);
  process.exit(1);
}
const fetchWasm = `function fetchWasm(name) {
    return () => {
        const file = typeof name === "number" ? \`chunk_\${name}\` : name;
        const src = fetch(new URL(\`./\${file}.wasm\`, import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    };
}
`;
const at = compact.indexOf("function makeLoad(");
writeFileSync(path, compact.slice(0, at) + fetchWasm + compact.slice(at));
