// Two things wasm-bindgen leaves in the shell that no one needs, taken out
// after wasm-bindgen and before wasm-opt and esbuild (scripts/build-wasm.sh):
//
// - Hashed import names. wasm-bindgen names each import from the JS glue
//   after the function plus a 16-digit hash (`__wbg_location_7320782274fc691b`):
//   about 200 of them, written twice (wasm and JS), and hashes do not
//   compress. They get short names, in the wasm and in the glue alike.
// - wasm-streams' exported classes (IntoUnderlyingSource, ...Sink,
//   ...ByteSource). Leptos' `csr` feature brings server_fn's browser
//   streaming, whose classes are exported whether used or not, so their
//   code stays. Showplan has no server functions: the exports and the JS
//   classes go, and wasm-opt then drops the code behind them.
//
// Every step checks what it expects to find and fails the build otherwise.
// Usage: node scripts/slim-shell.mjs <shell.wasm> <glue.js>
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error("usage: slim-shell.mjs <shell.wasm> <glue.js>");
  process.exit(2);
}
// wasm-bindgen names the module of the imports after the glue: showplan.js
// (the agent's app) imports from "./showplan_bg.js", viewer.js from "./viewer_bg.js".
const GLUE_MODULE = `./${basename(jsPath, ".js")}_bg.js`;

function fail(message) {
  console.error(`slim-shell: ${message}`);
  process.exit(1);
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value >>> 0, at];
    shift += 7;
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

const utf8 = new TextDecoder();
const encode = (text) => [...writeU32(Buffer.byteLength(text)), ...Buffer.from(text)];

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
}

// Skips an import's description (func, table, memory, global, tag).
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
    case 4: // tag: attribute, type index
      if (kind === 4) at++;
      return readU32(bytes, at)[1];
    case 1: // table: reference type, limits
      return limits(at + 1);
    case 2: // memory: limits
      return limits(at);
    case 3: // global: value type, mutability
      return at + 2;
    default:
      fail(`unknown import kind ${kind}`);
  }
}

// Short names that are JS identifiers: a..z, A..Z, then two letters.
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  let n = index;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

// The exports of wasm-streams' classes, by name.
const isStreamClass = (name) => /^(__wbg_)?intounderlying(bytesource|sink|source)_/.test(name);
const dropped = [];

function dropExports(start, end) {
  const [count, first] = readU32(wasm, start);
  const kept = [];
  let p = first;
  for (let i = 0; i < count; i++) {
    const entryStart = p;
    let name;
    [name, p] = readName(wasm, p);
    p = readU32(wasm, p + 1)[1]; // kind, index
    if (isStreamClass(name)) dropped.push(name);
    else kept.push(wasm.subarray(entryStart, p));
  }
  if (p !== end) fail("the export section did not parse to its end");
  const body = Buffer.concat([Buffer.from(writeU32(kept.length)), ...kept]);
  return Buffer.concat([Buffer.from([7, ...writeU32(body.length)]), body]);
}

const wasm = readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
let at = 8;
const renames = new Map();
let output = [wasm.subarray(0, 8)];
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readU32(wasm, at + 1);
  const end = start + size;
  if (id === 7) {
    output.push(dropExports(start, end));
    at = end;
    continue;
  }
  if (id !== 2) {
    output.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  const [count, first] = readU32(wasm, start);
  const body = [...writeU32(count)];
  let p = first;
  for (let i = 0; i < count; i++) {
    let module;
    let name;
    [module, p] = readName(wasm, p);
    [name, p] = readName(wasm, p);
    const descriptionStart = p;
    p = skipDescription(wasm, p);
    if (module === GLUE_MODULE) {
      if (!renames.has(name)) renames.set(name, shortName(renames.size));
      name = renames.get(name);
    }
    body.push(...encode(module), ...encode(name), ...wasm.subarray(descriptionStart, p));
  }
  if (p !== end) fail("the import section did not parse to its end");
  output.push(Buffer.from([2, ...writeU32(body.length), ...body]));
  at = end;
}
if (renames.size === 0) fail(`no imports from ${GLUE_MODULE} in ${wasmPath}`);

// In the glue each import is one property of the imports object:
// `        __wbg_name_hash: function(...`. Each name must be there once.
let js = readFileSync(jsPath, "utf8");
for (const [long, short] of renames) {
  const pattern = new RegExp(`^(\\s+)${long}:`, "gm");
  const found = js.match(pattern)?.length ?? 0;
  const anywhere = js.match(new RegExp(`\\b${long}\\b`, "g"))?.length ?? 0;
  if (found !== 1 || anywhere !== 1) {
    fail(`${long} is in ${jsPath} ${anywhere} times (${found} as a property), expected once`);
  }
  js = js.replace(pattern, `$1${short}:`);
}

// The glue's classes for them: each `export class IntoUnderlying... {` up to
// its closing brace at the start of a line, its Symbol.dispose line, and its
// FinalizationRegistry constant.
if (dropped.length === 0) fail("no wasm-streams exports found: is this step still needed?");
const classes = /^export class IntoUnderlying\w+ \{\n[\s\S]*?^\}\n(if \(Symbol\.dispose\) IntoUnderlying\w+\.prototype\[Symbol\.dispose\] = IntoUnderlying\w+\.prototype\.free;\n)?/gm;
const registries = /^const IntoUnderlying\w+Finalization = [^;]*;\n/gm;
const classCount = js.match(classes)?.length ?? 0;
const registryCount = js.match(registries)?.length ?? 0;
if (classCount !== 3 || registryCount !== 3) {
  fail(`expected 3 wasm-streams classes and 3 registries in ${jsPath}, found ${classCount} and ${registryCount}`);
}
js = js.replace(classes, "").replace(registries, "");
if (/intounderlying/i.test(js)) fail(`${jsPath} still mentions wasm-streams' classes`);

writeFileSync(jsPath, js);
writeFileSync(wasmPath, Buffer.concat(output));
console.log(`slim-shell: ${renames.size} imports renamed, ${dropped.length} wasm-streams exports dropped`);
