// A tiny static host for end-to-end tests, behaving like GitHub Pages:
// files from DIR under the PREFIX path, and for any unknown path the
// site's 404.html with status 404 (which is how deep links reach the app).
// With COMPRESS=1 it also compresses like GitHub Pages and Netlify do
// (brotli or gzip, by the browser's Accept-Encoding), for `make audit`.
// Range requests (one range) are answered with 206, as GitHub Pages and
// Netlify do: the street map reads its .pmtiles archive that way. With
// MAPS=FOLDER, <PREFIX>maps/ serves that folder (the test's map archive,
// made by scripts/map-fixture.sh), as a brokerage puts its map beside dist/.
// With TLS=1 it speaks HTTP/2 over TLS, as those hosts do (one connection
// for the whole page, not six cold ones), with a certificate made for
// 127.0.0.1 on start (openssl): `make audit` measures it so.
// Usage: node e2e/serve.mjs DIR PORT [PREFIX]
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
  ".pmtiles": "application/vnd.pmtiles",
};
const maps = process.env.MAPS ? resolve(process.env.MAPS) : null;

async function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  let rel = decodeURIComponent(urlPath.slice(prefix.length));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  let base = root;
  if (maps && rel.startsWith("maps/")) {
    base = maps;
    rel = rel.slice("maps/".length);
  }
  const full = normalize(join(base, rel));
  if (!full.startsWith(base)) return null;
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

/** The one byte range `header` asks of `size` bytes: [start, end], or null. */
function range(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start, end;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? [start, end] : "unsatisfiable";
}

async function handle(req, res) {
  const path = new URL(req.url, "http://localhost").pathname;
  const file = await fileFor(path);
  if (file && req.headers.range) {
    const whole = await readFile(file);
    const r = range(req.headers.range, whole.length);
    if (r === "unsatisfiable") {
      res.writeHead(416, { "content-range": `bytes */${whole.length}` });
      res.end();
      return;
    }
    if (r) {
      const [start, end] = r;
      res.writeHead(206, {
        "content-type": types[extname(file)] ?? "application/octet-stream",
        "content-range": `bytes ${start}-${end}/${whole.length}`,
        "content-length": String(end - start + 1),
        "accept-ranges": "bytes",
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : whole.subarray(start, end + 1));
      return;
    }
  }
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
  headers["accept-ranges"] = "bytes";
  headers["content-length"] = String(body.length);
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A key and a self-signed certificate for 127.0.0.1, valid a day. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), "serve-tls-"));
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  try {
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
    ], { stdio: "ignore" });
  } catch (e) {
    console.error(`e2e/serve.mjs: TLS=1 needs openssl (1.1.1 or later) to make its certificate: ${e.message}`);
    process.exit(1);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

const tls = process.env.TLS === "1";
const server = tls ? createSecureServer({ allowHTTP1: true, ...certificate() }, handle) : createServer(handle);
server.listen(Number(port), "127.0.0.1", () => {
  console.log(`serving ${root} at ${tls ? "https" : "http"}://127.0.0.1:${port}${prefix}`);
});
