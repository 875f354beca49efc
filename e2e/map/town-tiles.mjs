// The synthetic town of the road-time tests (e2e/osrm/town.mjs) as GeoJSON
// in the layer names Protomaps' basemap style draws (earth, water, landuse,
// roads), for tippecanoe to turn into a street-map archive (.pmtiles).
//
//   node e2e/map/town-tiles.mjs DIR   writes DIR/earth.geojson, water.geojson,
//                                     landuse.geojson and roads.geojson
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BRIDGE_ROW, COLUMNS, RIVER_WEST, ROWS, place } from "../osrm/town.mjs";

const at = (x, y) => {
  const p = place(x, y);
  return [p.lon, p.lat];
};
const feature = (geometry, properties) => ({ type: "Feature", properties, geometry });
const box = (x0, y0, x1, y1) => ({
  type: "Polygon",
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});
const collection = (features) => JSON.stringify({ type: "FeatureCollection", features });

// Land a little beyond the streets on every side.
const earth = [feature(box(-2, -2, COLUMNS + 1, ROWS + 1), { kind: "earth" })];
// The river between the last western avenue and the first eastern one,
// as a band a third of a block wide, the whole height of the town and beyond.
const mid = RIVER_WEST + 0.5;
const water = [feature(box(mid - 0.17, -2, mid + 0.17, ROWS + 1), { kind: "water", name: "Grid River" })];
// A school and a park, so the map has places to tell apart.
const landuse = [
  feature(box(1.2, 1.2, 2.8, 2.8), { kind: "school", name: "Grid School" }),
  feature(box(6.2, 4.2, 7.8, 5.8), { kind: "park", name: "East Park" }),
];
const line = (points) => ({ type: "LineString", coordinates: points.map(([x, y]) => at(x, y)) });
const roads = [];
for (let y = 0; y < ROWS; y++) {
  if (y === BRIDGE_ROW) {
    roads.push(feature(line([[0, y], [COLUMNS - 1, y]]), { kind: "major_road", name: "Bridge Street" }));
  } else {
    roads.push(feature(line([[0, y], [RIVER_WEST, y]]), { kind: "minor_road", name: `West ${y} Street` }));
    roads.push(feature(line([[RIVER_WEST + 1, y], [COLUMNS - 1, y]]), { kind: "minor_road", name: `East ${y} Street` }));
  }
}
for (let x = 0; x < COLUMNS; x++) {
  roads.push(feature(line([[x, 0], [x, ROWS - 1]]), { kind: "minor_road", name: `Avenue ${x}` }));
}

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node e2e/map/town-tiles.mjs DIR");
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
for (const [name, features] of Object.entries({ earth, water, landuse, roads })) {
  writeFileSync(join(dir, `${name}.geojson`), collection(features) + "\n");
}
