// A tiny static host for end-to-end tests, behaving like GitHub Pages:
// files from DIR under the PREFIX path, and for any unknown path the
// site's 404.html with status 404 (which is how deep links reach the app).
// With COMPRESS=1 it also compresses like GitHub Pages and Netlify do
// (brotli or gzip, by the browser's Accept-Encoding), for `make audit`.
// Usage: node e2e/serve.mjs DIR PORT [PREFIX]
import { createServer } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const [dir, port, prefix = "/"] = process.argv.slice(2);
const root = resolve(dir);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".ics": "text/calendar",
};

async function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  let rel = decodeURIComponent(urlPath.slice(prefix.length));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const full = normalize(join(root, rel));
  if (!full.startsWith(root)) return null;
  try {
    return (await stat(full)).isFile() ? full : null;
  } catch {
    return null;
  }
}

// Compressed once per file and encoding, as a real host's CDN caches it
// (or Netlify stores it precompressed): brotli at its best setting takes
// over a second for the wasm, which a phone never waits for on those hosts,
// and Lighthouse would count it as server time on every request.
const cache = new Map();
function compressed(file, encoding, body) {
  const key = `${encoding}:${file ?? "404.html"}`;
  if (!cache.has(key)) cache.set(key, encoding === "br" ? brotliCompressSync(body) : gzipSync(body));
  return cache.get(key);
}

createServer(async (req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  const file = await fileFor(path);
  const status = file ? 200 : 404;
  let body = await readFile(file ?? join(root, "404.html")).catch(() => Buffer.from("Not found"));
  const headers = {
    "content-type": types[extname(file ?? "404.html")] ?? "application/octet-stream",
    "cache-control": "no-cache",
  };
  const accepts = String(req.headers["accept-encoding"] ?? "");
  if (process.env.COMPRESS === "1" && !/\.png$/.test(file ?? "")) {
    if (accepts.includes("br")) {
      body = compressed(file, "br", body);
      headers["content-encoding"] = "br";
    } else if (accepts.includes("gzip")) {
      body = compressed(file, "gzip", body);
      headers["content-encoding"] = "gzip";
    }
    headers["vary"] = "accept-encoding";
  }
  res.writeHead(status, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`);
});
