// Reads the loader wasm-split wrote (__wasm_split.js) and tells which files
// each lazily loaded page needs: its split_<page>.wasm and the shared
// chunk_N.wasm files. Used by scripts/size.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Map of page name (e.g. "buyers_page") to the file names it needs. */
export function splitPages(pkgDir) {
  const loader = readFileSync(join(pkgDir, "__wasm_split.js"), "utf8");
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const pages = new Map();
  for (const m of loader.matchAll(
    /export const __wasm_split_load_([a-z_]+?)_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g,
  )) {
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean);
    const files = [m[2]];
    for (const d of deps) {
      const file = chunkFile.get(d);
      if (!file) throw new Error(`${d} has no file in __wasm_split.js`);
      files.push(file);
    }
    pages.set(m[1], files);
  }
  if (pages.size === 0) throw new Error(`no split pages found in ${pkgDir}/__wasm_split.js`);
  return pages;
}
