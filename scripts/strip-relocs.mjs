// Drops the "linking" and "reloc.*" custom sections from a wasm file: the
// buyer's viewer is linked with the same flags as the agent's app, whose
// --emit-relocs wasm-split needs (.cargo/config.toml), and binaryen cannot
// optimise a module that has them (scripts/build-wasm.sh).
// Usage: node scripts/strip-relocs.mjs <in.wasm> <out.wasm>
import { readFileSync, writeFileSync } from "node:fs";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: strip-relocs.mjs <in.wasm> <out.wasm>");
  process.exit(2);
}
function fail(message) {
  console.error(`strip-relocs: ${message}`);
  process.exit(1);
}
const bytes = readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100) fail(`${input} is not a wasm module`);

function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}
const sections = [bytes.subarray(0, 8)];
let relocs = 0;
for (let p = 8; p < bytes.length; ) {
  const start = p;
  const id = bytes[p++];
  const [size, body] = leb(p);
  const end = body + size;
  if (id === 0) {
    const [nameLength, nameAt] = leb(body);
    const name = bytes.subarray(nameAt, nameAt + nameLength).toString("utf8");
    if (name === "linking" || name.startsWith("reloc.")) relocs++;
    else sections.push(bytes.subarray(start, end));
  } else {
    sections.push(bytes.subarray(start, end));
  }
  p = end;
}
if (relocs === 0) fail(`${input} has no linking or reloc sections: is this step still needed?`);
writeFileSync(output, Buffer.concat(sections));
