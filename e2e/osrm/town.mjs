// A synthetic town for the road-time tests: a street grid that a river cuts
// in two, with one bridge at the north edge. Two homes facing each other
// across the river are 300 m apart as the crow flies and over 5 km apart by
// road, so the straight-line estimate and a routing engine disagree.
//
//   node e2e/osrm/town.mjs FILE.osm   writes the town as OpenStreetMap XML
//   import { place } from "./town.mjs" gives a grid corner's coordinates
//
// Grid corners are (x, y): x from 0 (west) to 10, y from 0 (south) to 8.
// The river runs between x = 4 and x = 5; only row y = 8 crosses it.
import { writeFileSync } from "node:fs";

export const SOUTH = 45.45;
export const WEST = -122.75;
export const STEP_LAT = 0.0027; // about 300 m
export const STEP_LON = 0.0039; // about 300 m at this latitude
export const COLUMNS = 11;
export const ROWS = 9;
export const RIVER_WEST = 4; // the last column west of the river
export const BRIDGE_ROW = ROWS - 1;

/** The coordinates of grid corner (x, y): { lat, lon }. */
export function place(x, y) {
  return { lat: +(SOUTH + y * STEP_LAT).toFixed(6), lon: +(WEST + x * STEP_LON).toFixed(6) };
}

const nodeId = (x, y) => 1 + y * COLUMNS + x;

/** The town as OSM XML: every corner a node, every street a way. */
export function townOsm() {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="showplan-e2e">'];
  for (let y = 0; y < ROWS; y++) {
    for (let x = 0; x < COLUMNS; x++) {
      const p = place(x, y);
      lines.push(`  <node id="${nodeId(x, y)}" version="1" lat="${p.lat}" lon="${p.lon}"/>`);
    }
  }
  let way = 1000;
  const street = (name, nodes) => {
    lines.push(`  <way id="${way++}" version="1">`);
    for (const n of nodes) lines.push(`    <nd ref="${n}"/>`);
    lines.push('    <tag k="highway" v="residential"/>', `    <tag k="name" v="${name}"/>`, "  </way>");
  };
  // East-west streets: each stops at the river, except the bridge row.
  for (let y = 0; y < ROWS; y++) {
    const row = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => nodeId(from + i, y));
    if (y === BRIDGE_ROW) {
      street(`Bridge Street`, row(0, COLUMNS - 1));
    } else {
      street(`West ${y} Street`, row(0, RIVER_WEST));
      street(`East ${y} Street`, row(RIVER_WEST + 1, COLUMNS - 1));
    }
  }
  // North-south avenues, the whole height of the town.
  for (let x = 0; x < COLUMNS; x++) {
    street(`Avenue ${x}`, Array.from({ length: ROWS }, (_, y) => nodeId(x, y)));
  }
  lines.push("</osm>");
  return lines.join("\n") + "\n";
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()) && process.argv[2]) {
  writeFileSync(process.argv[2], townOsm());
}
