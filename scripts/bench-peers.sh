#!/usr/bin/env bash
# The planner against LKH-3 and OR-Tools (issue: the optimiser on real
# roads): makes the instances, solves them with both peers in a Python venv
# of their own (.venv-peers, made here with Python 3.12 when missing), then
# with the planner, and prints the gaps and times.
#   bash scripts/bench-peers.sh [SEED]     (or: make bench-peers; another
#                                           seed, other instances)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-peers
SEED=${1:-19}
DIR=target/bench/peers-$SEED
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import elkai, ortools" 2>/dev/null; then
  py=$(bash scripts/python312.sh) || { echo "bench-peers: Python 3.12 or later is needed (for the OR-Tools wheel)" >&2; exit 1; }
  "$py" -m venv "$VENV"
  "$VENV/bin/pip" install -q "elkai==2.0.1" "ortools==9.15.6755"
fi
rm -rf "$DIR"
cargo run -q --release -p showplan-planner --features testing --example bench_peers -- make "$DIR" "$SEED"
"$VENV/bin/python" scripts/bench_peers.py "$DIR"
cargo run -q --release -p showplan-planner --features testing --example bench_peers -- solve "$DIR"
