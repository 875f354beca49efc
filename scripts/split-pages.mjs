// Which files each lazily loaded chunk needs: its split_<name>.wasm and the
// shared chunk_N.wasm files, as the loader wasm-split wrote (__wasm_split.js)
// says. Release builds minify that loader, so scripts/build-wasm.sh first
// writes what it says to split-pages.json beside it, with this script:
//   node scripts/split-pages.mjs path/to/__wasm_split.js > split-pages.json
// Used by scripts/size.mjs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";

/** Map of chunk name (e.g. "buyer_editor") to file names, read from the loader's text. */
export function parseLoader(loader) {
  // As scripts/patch-split-loader.mjs writes them: `fetchWasm(20)` for
  // chunk_20.wasm, `fetchWasm("split_undo_bar_…")` for a page's own.
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(fetchWasm\((\d+)\)/g)].map((m) => [m[1], `chunk_${m[2]}.wasm`]),
  );
  const pages = new Map();
  for (const m of loader.matchAll(
    /export const __wasm_split_load_([a-z_]+?)_\d+ = wrapAsyncCb\(makeLoad\(fetchWasm\("([^"]+)"\),\s*\[([^\]]*)\]\)\);/g,
  )) {
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean);
    const files = [`${m[2]}.wasm`];
    for (const d of deps) {
      const file = chunkFile.get(d);
      if (!file) throw new Error(`${d} has no file in __wasm_split.js`);
      files.push(file);
    }
    pages.set(m[1], files);
  }
  if (pages.size === 0) throw new Error("no split chunks found in __wasm_split.js");
  return pages;
}

/** The same map for a built pkg folder: from split-pages.json, or the loader itself. */
export function splitPages(pkgDir) {
  const manifest = join(pkgDir, "split-pages.json");
  if (existsSync(manifest)) return new Map(Object.entries(JSON.parse(readFileSync(manifest, "utf8"))));
  return parseLoader(readFileSync(join(pkgDir, "__wasm_split.js"), "utf8"));
}

if (argv[1] === fileURLToPath(import.meta.url)) {
  const pages = parseLoader(readFileSync(argv[2], "utf8"));
  console.log(JSON.stringify(Object.fromEntries(pages), null, 1));
}
