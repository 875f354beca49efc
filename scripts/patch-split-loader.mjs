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
writeFileSync(path, source.slice(0, start) + replacement + source.slice(end));
