#!/usr/bin/env bash
# A real OSRM routing engine on loopback, for the road-time tests.
#   scripts/osrm.sh install      the osrm-bindings wheel (osrm-extract ... osrm-routed)
#                                in .venv-osrm, with Python 3.12 or later; skips it when there
#   scripts/osrm.sh serve PORT   builds the synthetic town (e2e/osrm/town.mjs) when it
#                                changed, then runs osrm-routed on 127.0.0.1:PORT
# Recipe: ../shared/TOOLCHAIN.md, section 8.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-osrm
OSRM_VERSION=26.10.0
WORK=target/osrm
say() { echo "osrm: $*" >&2; }

bin_dir() {
  "$VENV/bin/python" -c 'import osrm, os; print(os.path.join(os.path.dirname(osrm.__file__), "bin"))'
}

# A Python of 3.12 or later: the system's, else pyenv's newest.
python312() {
  bash scripts/python312.sh
}

install() {
  local have
  have=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("osrm-bindings"))' 2>/dev/null || true)
  if [ "$have" = "$OSRM_VERSION" ]; then
    say "osrm-bindings $OSRM_VERSION: present"
    return
  fi
  local py
  if ! py=$(python312); then
    say "no Python 3.12 or later here (osrm-bindings needs one); install one with pyenv"
    exit 1
  fi
  say "osrm-bindings $OSRM_VERSION: installing with $py"
  rm -rf "$VENV"
  "$py" -m venv "$VENV"
  "$VENV/bin/pip" install -q "osrm-bindings==$OSRM_VERSION"
}

serve() {
  local port=$1
  local bin
  bin=$(bin_dir)
  mkdir -p "$WORK"
  if [ ! -f "$WORK/town.osrm.mldgr" ] || [ e2e/osrm/town.mjs -nt "$WORK/town.osrm.mldgr" ]; then
    say "building the synthetic town"
    rm -f "$WORK"/town.*
    node e2e/osrm/town.mjs "$WORK/town.osm"
    local profile
    profile="$(dirname "$bin")/share/profiles/car.lua"
    "$bin/osrm-extract" -p "$profile" "$WORK/town.osm" >"$WORK/extract.log" 2>&1
    "$bin/osrm-partition" "$WORK/town.osrm" >"$WORK/partition.log" 2>&1
    "$bin/osrm-customize" "$WORK/town.osrm" >"$WORK/customize.log" 2>&1
  fi
  # A small table limit, so a 12-stop tour is fetched in blocks.
  exec "$bin/osrm-routed" --algorithm mld -i 127.0.0.1 -p "$port" --max-table-size "${OSRM_TABLE_LIMIT:-10}" "$WORK/town.osrm"
}

case "${1:-}" in
  install) install ;;
  serve) serve "${2:?port}" ;;
  *) echo "usage: $0 install | serve PORT" >&2; exit 2 ;;
esac
