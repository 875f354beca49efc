// A stand-in for a Nominatim geocoder in the e2e tests (a real one cannot
// be installed here): it answers Nominatim's `/search?q=…&format=jsonv2`
// with the streets of the synthetic town (e2e/osrm/town.mjs), in the same
// JSON shape (coordinates as strings, display_name). `/requests` says what
// it was asked, so a test can check searches are explicit and spaced.
//   node e2e/geocoder.mjs PORT
import { createServer } from "node:http";
import { BRIDGE_ROW, COLUMNS, RIVER_WEST, ROWS, place } from "./osrm/town.mjs";

const streets = [];
const add = (name, a, b) => {
  const [p, q] = [place(...a), place(...b)];
  streets.push({ name, lat: (p.lat + q.lat) / 2, lon: (p.lon + q.lon) / 2 });
};
for (let y = 0; y < ROWS; y++) {
  if (y === BRIDGE_ROW) add("Bridge Street", [0, y], [COLUMNS - 1, y]);
  else {
    add(`West ${y} Street`, [0, y], [RIVER_WEST, y]);
    add(`East ${y} Street`, [RIVER_WEST + 1, y], [COLUMNS - 1, y]);
  }
}
for (let x = 0; x < COLUMNS; x++) add(`Avenue ${x}`, [x, 0], [x, ROWS - 1]);

const asked = [];
const [port] = process.argv.slice(2);
createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const cors = { "access-control-allow-origin": "*", "content-type": "application/json" };
  if (url.pathname === "/requests") {
    res.writeHead(200, cors);
    res.end(JSON.stringify(asked));
    return;
  }
  if (url.pathname !== "/search") {
    res.writeHead(404, cors);
    res.end("[]");
    return;
  }
  const q = (url.searchParams.get("q") ?? "").toLowerCase().replace(/^\d+\s+/, "").replace(/,.*$/, "").trim();
  asked.push({ q: url.searchParams.get("q"), lang: url.searchParams.get("accept-language"), at: Date.now() });
  const found = streets
    .filter((s) => q && s.name.toLowerCase().includes(q))
    .slice(0, Number(url.searchParams.get("limit") ?? 10))
    .map((s, i) => ({
      place_id: 1000 + i,
      lat: s.lat.toFixed(7),
      lon: s.lon.toFixed(7),
      display_name: `${s.name}, Grid Town`,
      class: "highway",
      type: "residential",
    }));
  res.writeHead(200, cors);
  res.end(JSON.stringify(found));
}).listen(Number(port), "127.0.0.1", () => console.log(`geocoder stand-in at http://127.0.0.1:${port}`));
