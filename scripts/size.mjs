// Prints the first-load size of a built bundle (html, js, wasm, css) raw,
// gzip and brotli, and fails when the brotli total is over the budget.
// Usage: node scripts/size.mjs [dist] [budget-kb]
import { readdirSync, readFileSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budgetKb = Number(process.argv[3] ?? process.env.SIZE_BUDGET_KB ?? 350);
const firstLoad = new Set([".html", ".js", ".wasm", ".css"]);
const kb = (n) => (n / 1000).toFixed(1).padStart(8);

let files;
try {
  files = readdirSync(dir).filter((f) => firstLoad.has(extname(f)) && f !== "404.html");
} catch {
  console.error(`size: no ${dir}/ here; run 'make dist' first`);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`size: ${dir}/ holds no html, js, wasm or css`);
  process.exit(1);
}

const total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`first load of ${dir}/ (KB = 1000 bytes)`);
console.log(`${"file".padEnd(44)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}`);
for (const f of files.sort()) {
  const bytes = readFileSync(join(dir, f));
  const row = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
  for (const k of Object.keys(total)) total[k] += row[k];
  console.log(`${f.padEnd(44)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
}
console.log(`${"total".padEnd(44)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
const ok = total.brotli <= budgetKb * 1000;
console.log(`budget: ${(total.brotli / 1000).toFixed(1)} KB brotli of ${budgetKb} KB: ${ok ? "within" : "OVER"}`);
process.exit(ok ? 0 : 1);
